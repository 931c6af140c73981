// What sections are called in the languages handoff notes are written in, by role. English and
// the first words seen in the corpus stay in roles.ts; these lists add Spanish, Portuguese,
// Italian, French, German, Dutch, Polish, Czech, the Nordic languages, Estonian, Russian,
// Ukrainian, Turkish, Indonesian, Vietnamese, Hebrew, Arabic, Chinese, Japanese, Korean and Thai.
//
// An entry is folded (lower case, no accents: "Próximos" → "proximos", "nächste" → "nachste",
// "đã" → "da") and matched on word boundaries: "stem*" also matches longer words ("riesgo*":
// riesgos), "*part" also matches at the end of a compound ("*aufgaben": Folgeaufgaben). Entries
// in scripts written without spaces (Chinese, Japanese, Korean, Thai) match anywhere in a label,
// so they are whole words or phrases, never a single ambiguous character.
import type { Role } from '../types';

type Lexicon = Partial<Record<Role, readonly string[]>>;

const LEXICON: Lexicon = {
  next: [
    // sv, da, no, cs
    'nasta steg', 'att gora', 'kvar att gora', 'aterstaende arbete', 'aterstar att gora', 'neste steg', 'naeste skridt', 'gjenstaende', 'mangler',
    'jargmised sammud', 'jargmine samm', 'jargmine ulesanne', 'tegemata', 'seuraavat askeleet', 'seuraavaksi', 'tehtavat',
    'que hacer', 'o que fazer', 'que faire', 'cosa fare', 'was tun', 'co zrobic', 'что делать', 'что сделать', 'що робити', 'ne yapmali',
    'dalsi kroky', 'co zbyva', 'zbyvajici ukoly', 'zbyvajici prace', 'ukoly', 'co dal',
    // es, pt, it, fr
    'proxim*', 'siguientes pasos', 'pendencia*', 'pasos siguientes', 'por hacer', 'tareas*', 'lo que falta', 'falta hacer', 'trabajo futuro', 'a continuacion', 'plan de accion',
    'pendente*', 'a fazer', 'por fazer', 'tarefas*', 'o que falta', 'passos seguintes', 'trabalho futuro', 'plano de acao',
    'passi successivi', 'cose da fare', 'in sospeso', 'compiti', 'attivita da svolgere', 'lavoro futuro',
    'prochain*', 'a faire', 'reste a faire', 'etapes suivantes', 'suite a donner', 'la suite', 'taches*', 'travail restant', 'plan d\'action', 'en attente',
    // de, nl, pl
    'nachst*', 'naechst*', 'zu tun', 'als erstes', 'offen', 'danach', 'weitere schritte', 'weiteres vorgehen', 'vorgehen', '*aufgaben', 'aufgabe', 'offene punkte', 'offene themen', 'offene baustellen', 'ausstehend*', 'noch zu tun', 'zu erledigen', 'restarbeit*', 'fortsetzung', 'geplant*',
    'volgende stappen', 'vervolgstappen', 'te doen', 'nog te doen', 'openstaand*', 'taken', 'actiepunten',
    'nastepn*', 'kolejne kroki', 'dalsze kroki', 'do zrobienia', 'zadania', 'pozostale zadania', 'pozostala praca', 'otwarte zadania',
    // ru, uk, tr, id, vi
    'что дальше', 'задачи', 'осталось сделать', 'оставшиеся задачи', 'оставшаяся работа', 'нужно сделать', 'предстоит', 'в планах', 'незаверш*', 'открытые задачи', 'план работ',
    'как продолжить', 'як продовжити', 'продовження роботи', 'продолжение работы',
    'наступн*', 'подальш*', 'задачі', 'залишилось', 'що далі', 'треба зробити',
    'sonraki*', 'yapilacak*', 'bekleyen*', 'kalan isler', 'gorevler', 'siradaki*',
    'langkah selanjutnya', 'selanjutnya', 'berikutnya', 'tugas', 'pekerjaan yang tersisa', 'tugas yang tersisa', 'belum selesai', 'tindak lanjut', 'tertunda',
    'tiep theo', 'ke tiep', 'con treo', 'lam tiep', 'chua lam', 'chua xong', 'chua hoan thanh', 'can lam', 'viec con lai', 'ton dong', 'duoc giao', 'viec moi', 'ke hoach', 'nhiem vu', 'can thuc hien', 'se lam',
    // zh, ja, ko, th
    '下一阶段', '下一階段', '接下来', '接下來', '待完成', '待处理', '待處理', '未完成的工作', '未完成工作', '未完成事项', '未完成事項', '未完成的事', '计划', '計畫', '計劃', '剩余工作', '剩餘工作', '剩余任务', '剩餘任務', '遗留', '遺留', '下次', '待解决', '待解決', '待实现', '待實現', '还剩的事', '還剩的事', '还剩下的', '剩下的事', '剩下的工作', '优先级', '優先級', '下一轮', '下一輪',
    '実施すること', 'やること', 'やるべきこと', 'すべきこと', '対応すること', '作業予定', '予定', '未対応', '未着手', '残作業', '残タスク', '持ち越し', '申し送り', 'やり残し', 'これから', '宿題', 'ネクストステップ', 'ネクストアクション', '優先順位',
    '할 일', '할일', '우선순위', '남은 일', '남은 작업', '남은 과제', '예정', '계획', '해야 할', '미완료', '후속',
    'ขั้นตอนถัดไป', 'ถัดไป', 'ยังค้าง', 'ค้างอยู่', 'ยังไม่ได้ทำ', 'ยังไม่เสร็จ',
    // he, ar
    'מה הלאה', 'הבא', 'הבאים', 'צעדים הבאים', 'שלבים הבאים', 'משימות', 'לעשות', 'الخطوات التالية', 'المهام', 'สิ่งที่ต้องทำ', 'งานที่เหลือ', 'งานค้าง', 'ต่อไป',
  ],
  wip: [
    // where the last session stopped and the next resumes ("Session Continuity", "Continuidade de Sessão")
    'continuity', 'continuidad*', 'continuite', 'continuita', 'kontinuitat', 'continuiteit', 'ciaglosc', 'kontinuita', 'преемственност*', 'непрерывност*', 'безперервніст*', 'sureklilik', 'kesinambungan', 'tinh lien tuc',
    '连续性', '連續性', '継続性', '연속성', 'ความต่อเนื่อง',
    'em andamento', 'em progresso', 'en cours', 'in arbeit', 'laufende*', 'in uitvoering', 'lopende', 'w toku', 'w trakcie', 'в процессе', 'у процесі', 'в роботі',
    'devam eden', 'sedang berjalan', 'dalam proses', 'sedang dikerjakan', 'dang lam', 'dang thuc hien', 'dang tien hanh',
    '正在进行', '正在進行', '対応中', '作業途中', '진행중인', '작업 중', 'กำลังดำเนินการ',
  ],
  risks: [
    'riskid', 'riskit', 'ongelmat', 'risker', 'kanda problem', 'risici', 'rizika', 'problemy', 'upozorneni',
    'riesgo*', 'problema*', 'advertencia*', 'precaucion*', 'limitacion*', 'bloqueo*', 'bloqueante*', 'errores conocidos', 'incidencias', 'deuda tecnica',
    'risco*', 'atencao', 'limitac*', 'bloqueio*', 'pontos de atencao', 'aviso*', 'divida tecnica', 'impedimento*',
    'risch*', 'problemi', 'attenzione', 'avvertenz*', 'limitazion*', 'criticita', 'bloccant*',
    'risque*', 'probleme*', 'points d\'attention', 'avertissement*', 'bloquant*', 'dette technique', 'mises en garde', 'pieges',
    '*risik*', 'probleme', 'bekannte probleme', 'bekannte fehler', 'offene fehler', 'achtung', 'vorsicht', 'einschrankung*', 'fallstrick*', 'stolperstein*',
    'risico*', 'probleem', 'problemen', 'let op', 'waarschuwing*', 'beperking*', 'valkuil*',
    'ryzyk*', 'problemy', 'ostrzezen*', 'ograniczen*', 'znane problemy', 'pulapk*',
    'ограничен*', 'предупрежд*', 'внимание', 'осторожно', 'известные ошибки', 'подводные камни', 'блокер*', 'техдолг', 'технический долг',
    'ризик*', 'проблем*', 'обмежен*', 'попередж*', 'увага', 'відомі проблеми',
    'risk*', 'sorun*', 'dikkat', 'uyari*', 'kisitlama*', 'bilinen sorunlar', 'engeller',
    'risiko', 'masalah', 'kendala', 'peringatan', 'perhatian', 'keterbatasan', 'hambatan', 'isu',
    'rui ro', 'van de', 'luu y', 'canh bao', 'han che', 'gioi han', 'loi da biet', 'vuong mac', 'tro ngai', 'chu y',
    '隐患', '隱患', '限制', '警告', '阻塞', '注意', '技术债', '技術債', '已知问题', '已知問題',
    '問題', '懸念', '制約', '既知の', '不具合', 'ハマりどころ', '落とし穴', 'ブロッカー', '技術的負債',
    '문제', '제약', '한계', '경고', '알려진', '블로커', '기술 부채',
    'סיכונים', 'בעיות', 'المخاطر', 'ความเสี่ยง', 'ปัญหา', 'ข้อควรระวัง', 'ข้อจำกัด', 'คำเตือน',
  ],
  changes: [
    'muudatused', 'tehtud', 'muutokset', 'tehty', 'klart', 'andringar', 'gjort', 'aendringer', 'endringer', 'zmeny', 'co bylo udelano', 'hotovo', 'implementovano',
    'realizad*', 'implementad*', 'logros', 'avances', 'terminad*', 'resuelto*', 'cambio', 'lo que se hizo', 'trabajo hecho', 'correcciones',
    'feito*', 'alterac*', 'mudanca*', 'entregue*', 'concluido*', 'o que foi feito', 'correcoes',
    'modifich*', 'cambiament*', 'realizzat*', 'implementat*', 'svolto', 'lavoro svolto', 'correzion*',
    'realise*', 'ce qui a ete fait', 'fait', 'modification*', 'changement*', 'acheve*', 'implemente*', 'travail effectue', 'effectue*', 'corrige*', 'correctif*',
    '*anderungen', 'anderung', 'geandert', 'umgesetzt', 'abgeschlossen*', 'fertig*', 'implementiert', 'erreicht', 'behoben', 'durchgefuhrt*', 'neuerung*',
    'wijziging*', 'veranderingen', 'gedaan', 'afgerond*', 'voltooid', 'geimplementeerd', 'opgelost',
    'zmian*', 'zrobione', 'wykonan*', 'ukonczon*', 'zrealizowan*', 'zaimplementowan*', 'naprawion*',
    'готово', 'реализован*', 'заверш*', 'исправлен*', 'внесенные',
    'зроблено', 'виконан*', 'змін*', 'реалізован*', 'виправлен*',
    'degisiklik*', 'yapilan*', 'tamamlan*', 'biten', 'duzeltme*',
    'perubahan', 'selesai', 'sudah dikerjakan', 'diselesaikan', 'pencapaian', 'perbaikan',
    'da lam', 'da hoan thanh', 'hoan thanh', 'thay doi', 'da xong', 'da thuc hien', 'cap nhat',
    '修改', '改动', '改動', '已实现', '已實現', '成果', '已做', '本次完成',
    '実施した', '実施内容', 'やったこと', '対応済', '実装済', '修正内容', '作業内容', '作業ログ', '作業履歴', '実装内容', 'できたこと',
    '수정', '작업 내용', '한 일', '구현', '성과', '변경 사항',
    'การเปลี่ยนแปลง', 'สิ่งที่ทำ', 'ทำเสร็จ', 'เสร็จแล้ว', 'เสร็จสิ้น',
  ],
  verify: [
    'verifiering', 'testning', 'overeni', 'testovani',
    'prueba*', 'verificac*', 'validac*', 'como probar', 'como ejecutar', 'comandos', 'teste*', 'como testar', 'como rodar',
    'verific*', 'collaudo', 'comandi', 'come eseguire', 'validation', 'comment tester', 'commandes',
    'test*', 'prufung*', 'uberprufung*', 'validierung', 'befehle', 'testen', 'verificatie', 'controle', 'commando*',
    'weryfikacj*', 'sprawdz*', 'polecenia', 'komendy', 'команды', 'запуск', 'валидац*', 'перевірк*', 'команди',
    'dogrulama', 'kontrol', 'komutlar', 'pengujian', 'uji', 'verifikasi', 'validasi', 'perintah', 'cara menjalankan',
    'kiem tra', 'kiem thu', 'xac minh', 'cach chay',
    '检查', '檢查', '运行', '命令', '校验', '確認方法', '動作確認', '実行方法', 'コマンド', '確認手順', '확인', '실행 방법', '명령어',
    'การทดสอบ', 'ทดสอบ', 'ตรวจสอบ', 'คำสั่ง',
  ],
  decisions: [
    'otsused', 'paatokset', 'beslut', 'beslutninger', 'rozhodnuti',
    'decis*', 'choix', '*entscheidung*', 'beschluss*', 'beslissing*', 'besluit*', 'decyzj*', 'рішенн*', 'karar*', 'keputusan', 'quyet dinh',
    '决定', '设计选择', '取舍', '判断', '決めたこと', '의사결정', '방침', 'การตัดสินใจ',
  ],
  status: [
    'seisund', 'hetkeseis*', 'tilanne', 'yhteenveto', 'lagesbild', 'sammanfattning', 'nuvarande', 'shrnuti', 'stav',
    'actual', 'actuales', 'atual', 'atuais', 'actuel', 'actuelle', 'actuels', 'attuale', 'attuali',
    'resumen', 'contexto', 'panorama', 'progreso', 'situacao', 'resumo', 'visao geral', 'progresso', 'andamento',
    'situazione', 'riepilogo', 'contesto', 'panoramica', 'sintesi', 'avanzamento',
    'etat', 'statut', 'situation', 'contexte', 'apercu', 'avancement', 'vue d\'ensemble',
    'stand', 'zustand', 'zusammenfassung', 'kontext', 'uberblick', 'ubersicht', 'lage', 'fortschritt', 'aktuell*',
    'stand van zaken', 'samenvatting', 'overzicht', 'huidige', 'voortgang', 'toestand',
    'stan', 'podsumowanie', 'kontekst', 'przeglad', 'postep*', 'sytuacja', 'biezac*',
    'сводка', 'резюме', 'контекст', 'обзор', 'прогресс', 'ситуация', 'итог*', 'стан', 'поточн*', 'підсумок', 'огляд', 'прогрес',
    'durum*', 'ozet', 'baglam', 'genel bakis', 'ilerleme', 'mevcut', 'ringkasan', 'konteks', 'gambaran', 'kondisi', 'progres', 'kemajuan', 'saat ini',
    'trang thai', 'tinh trang', 'hien trang', 'tong quan', 'tom tat', 'boi canh', 'tien do', 'hien tai',
    '概述', '概要', '总结', '總結', '摘要', '背景', '进度', '進度', '当前', '當前', '上下文',
    '状況', '進捗', 'サマリ', '現在の', 'まとめ', 'コンテキスト', '요약', '개요', '진행 상황', '진행상황', '배경', '현재', '컨텍스트',
    'สถานะ', 'สรุป', 'ภาพรวม', 'ความคืบหน้า', 'บริบท',
  ],
};

/**
 * Words that mark work as still to come without naming a kind of section: what remains, what
 * waits or is on hold, what is left for later, where to continue, what must be done, the
 * mission the reader is given. They
 * qualify other roles as often as they stand alone ("Risques restants", "Known issues for
 * later"), so they give the role "next" only to a label that names no other role.
 */
const PENDING: readonly string[] = [
  // remaining
  'remaining', 'left over', 'ce qui reste', 'reste', 'restant*', 'lo que queda', 'queda*', 'restante*', 'rimane', 'rimanent*', 'resta da fare',
  'verbleibend*', 'ubrig*', 'resterend*', 'pozostal*', 'zbyva*', 'zbyvajici', 'оставш*', 'осталось', 'залишил*', 'kalan*', 'tersisa', 'sisa', 'con lai', 'kvar',
  '剩余', '剩餘', '剩下', '还剩', '還剩', '残り', '残って', '남은', '남아', 'ที่เหลือ',
  // waiting, on hold, deferred
  'on hold', 'waiting', 'deferred', 'postponed', 'parked', 'backlog', 'en espera', 'aplazad*', 'pospuest*', 'em espera', 'adiad*', 'en attente', 'en suspens',
  'in attesa', 'rimandat*', 'wartend', 'warten auf', 'zuruckgestellt', 'in de wacht', 'uitgesteld', 'odlozon*', 'wstrzyman*', 'odlozen*', 'pozastaven*',
  'отложен*', 'ожидает', 'в ожидании', 'відкладен*', 'beklemede', 'ertelen*', 'menunggu', 'ditunda', 'tam hoan', 'dang cho', 'cho xu ly',
  '保留中', '待ち', '未処理', '未対応', '搁置', '擱置', '暂缓', '暫緩', '待定', '等待', '보류', '대기', 'รอดำเนินการ',
  'バックログ', '백로그', 'бэклог',
  // loose ends
  'loose ends', 'хвост*', 'хвости', 'cabos soltos', 'cabos sueltos', 'fils en suspens', 'offene enden', 'losse eindjes',
  // later
  'later', 'plus tard', 'mas adelante', 'mas tarde', 'mais tarde', 'piu tardi', 'in seguito', 'spater', 'spaeter', 'pozniej', 'na pozniej', 'pozdeji',
  'позже', 'на потом', 'пізніше', 'daha sonra', 'nanti', 'sau nay', 'de sau',
  '以后', '以後', '稍后', '稍後', '之后', '之後', '後で', 'あとで', '将来', '나중에', '추후', 'ภายหลัง',
  // continue, carry on, future
  'continue', 'continuing', 'carry on', 'future', 'upcoming', 'continuar', 'continuacion', 'continuacao', 'continuer', 'poursuivre', 'a venir', 'futur*',
  'continuare', 'proseguire', 'weitermachen', 'fortsetzen', 'weiterarbeit', 'zukunft*', 'kunftig*', 'doorgaan', 'kontynuacj*', 'kontynuowac', 'pokracovani',
  'продолжить', 'продолжение', 'продовжити', 'devam etmek', 'devami', 'lanjutkan', 'melanjutkan', 'tiep tuc',
  '继续', '繼續', '接着', '接著', '続き', '続ける', '継続', '이어하기', '계속', 'ทำต่อ',
  // what must be done, addressed to the reader
  'must do', 'have to do', 'needs doing', 'do this', 'do these', 'do the following', 'what to do', 'start with', 'your task*', 'hay que hacer', 'debe hacerse', 'il faut faire', 'bisogna fare',
  'precisa ser feito', 'muss noch', 'mussen noch', 'moet nog', 'trzeba zrobic', 'надо сделать', 'yapilmasi gereken', 'perlu dilakukan', 'harus dilakukan', 'can phai lam',
  '需要做', '要做的', '待做', 'すべき', '必要な作業', '要対応', '해야', '필요한 작업', 'ต้องทำ',
  // the assignment the reader is given
  'mission', 'assignment', 'mision', 'encargo', 'missione', 'incarico', 'missao', 'auftrag', 'opdracht', 'misja', 'zlecenie', 'миссия', 'задание', 'misyon', 'misi',
  'ミッション', '미션', '임무', 'ภารกิจ',
];

/**
 * Words that say the items wait for work ("已知待修复", known, awaiting a fix; "Bugs to fix";
 * "Problemas por resolver"): the section is open work whatever other role it names, so it also
 * plays the next steps.
 */
const AWAITING: readonly string[] = [
  // not a bare "to fix": "How to fix the build" is a guide
  'to be fixed', 'still to fix', 'left to fix', 'bugs to fix', 'issues to fix', 'to be done', 'to do', 'todo', 'awaiting', 'needs fixing', 'unresolved',
  'por resolver', 'por corregir', 'por arreglar', 'sin resolver', 'a corrigir', 'a resolver', 'por corrigir', 'nao resolvid*',
  'a faire', 'a corriger', 'a resoudre', 'non resolu*', 'da correggere', 'da risolvere', 'irrisolt*', 'zu beheben', 'ungelost*', 'nog op te lossen', 'do naprawienia',
  'нужно исправить', 'требует исправления', 'не исправлен*', 'нерешенн*', 'потрібно виправити', 'cozulmemis', 'belum diperbaiki', 'can sua', 'chua sua', 'chua giai quyet', 'can khac phuc',
  '待修复', '待修復', '待修正', '待处理', '待處理', '待办', '待辦', '待优化', '待優化', '待改进', '待改進', '待补', '待補', '未修复', '未修復', '未解决', '未解決',
  '要修正', '修正待ち', '対応待ち', '未修正', '미해결', '수정 필요', '해결 필요', '수정 예정',
];

/**
 * Verbs that open an instruction ("Build the plan", "Identify the needs", "Implementar login",
 * "Corriger le bug"): a list of items that open with them is work to do.
 */
const IMPERATIVE: readonly string[] = [
  'add', 'build', 'create', 'implement', 'fix', 'write', 'update', 'test', 'review', 'refactor', 'deploy', 'migrate', 'finish', 'complete', 'configure', 'set up', 'setup',
  'investigate', 'define', 'design', 'document', 'prepare', 'remove', 'delete', 'move', 'integrate', 'verify', 'check', 'run', 'plan', 'identify', 'decide', 'wire', 'connect',
  'ship', 'release', 'merge', 'clean up', 'improve', 'optimize', 'optimise', 'validate', 'ensure', 'make', 'start', 'continue', 'resolve', 'debug', 'research', 'draft',
  'finalize', 'finalise', 'polish', 'rename', 'replace', 'split', 'extract', 'enable', 'handle', 'evaluate', 'confirm', 'publish', 'upgrade', 'install', 'extend', 'rewrite', 'explore', 'audit',
  'implementar', 'crear', 'criar', 'anadir', 'adicionar', 'agregar', 'corregir', 'corrigir', 'arreglar', 'escribir', 'escrever', 'actualizar', 'atualizar', 'probar', 'testar',
  'desplegar', 'migrar', 'terminar', 'completar', 'configurar', 'investigar', 'disenar', 'documentar', 'preparar', 'eliminar', 'remover', 'integrar', 'verificar',
  'ejecutar', 'executar', 'planificar', 'planejar', 'identificar', 'conectar', 'mejorar', 'melhorar', 'optimizar', 'otimizar', 'validar', 'hacer', 'fazer', 'resolver', 'finalizar',
  'implementer', 'creer', 'ajouter', 'corriger', 'ecrire', 'mettre a jour', 'tester', 'deployer', 'migrer', 'terminer', 'finir', 'configurer', 'documenter', 'preparer', 'supprimer',
  'integrer', 'verifier', 'lancer', 'planifier', 'identifier', 'connecter', 'ameliorer', 'optimiser', 'valider', 'faire', 'resoudre', 'finaliser',
  'implementare', 'creare', 'aggiungere', 'correggere', 'aggiornare', 'completare', 'verificare', 'migliorare',
];

/**
 * Words for "current": a heading that says it ("Posição Atual", "Tâche en Cours", "Vấn đề hiện tại",
 * "当前任务") is about the present state of the work, whatever noun follows, so it plays a dialect's
 * "Current …" section ("Current Position", "Current Work Focus").
 */
const CURRENT: readonly string[] = [
  'current', 'currently', 'right now', 'atual', 'atuais', 'actual', 'actuales', 'actuel*', 'attual*', 'aktuell*', 'aktualn*', 'aktualni', 'huidig*', 'biezac*', 'nuvarande', 'naverende', 'nykyi*',
  'en cours', 'em curso', 'en curso', 'in corso', 'текущ*', 'поточн*', 'сейчас', 'зараз', 'mevcut', 'guncel', 'saat ini', 'sekarang', 'hien tai', 'hien nay',
  '当前', '當前', '目前', '现在', '現在', '今の', '現在の', '현재', '지금', 'ปัจจุบัน',
];

/**
 * "Další doporučený krok", "Siguiente paso a dar", "Nächster sinnvoller Schritt": a word for next
 * and a word for step or action in one label, with any words between them, are next steps.
 */
const FORWARD: readonly string[] = [
  'next', 'following', 'further', 'dalsi', 'nasledujici', 'pristi', 'siguiente*', 'seguinte*', 'proxim*', 'suivant*', 'prochain*', 'successiv*', 'prossim*',
  'nachst*', 'naechst*', 'weiter*', 'volgend*', 'nastepn*', 'kolejn*', 'dalsz*', 'следующ*', 'дальнейш*', 'наступн*', 'подальш*', 'sonraki', 'siradaki',
  'selanjutnya', 'berikut*', 'tiep theo', 'nasta', 'neste', 'naeste', 'seuraava*', 'jargmi*',
];
const STEP: readonly string[] = [
  'step*', 'action*', 'task*', 'krok*', 'ukol*', 'paso*', 'accion*', 'tarea*', 'passo*', 'acao', 'acoes', 'tarefa*', 'etape*', 'action*', 'tache*', 'azion*', 'compit*',
  'schritt*', 'massnahm*', 'aufgabe*', 'stap*', 'actie*', 'taak', 'taken', 'zadani*', 'zadan*', 'шаг*', 'действи*', 'задач*', 'крок*', 'дій', 'дії', 'завдан*',
  'adim*', 'eylem*', 'gorev*', 'langkah', 'tindakan', 'tugas', 'buoc', 'hanh dong', 'nhiem vu', 'steg', 'skridt', 'askel*', 'samm*', 'ulesan*',
];

/** Every list, for the test that holds the matcher to the regular expressions it replaced. */
export const LISTS = { roles: LEXICON, pending: PENDING, awaiting: AWAITING, imperative: IMPERATIVE, current: CURRENT, forward: FORWARD, step: STEP };

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/** Lower case without accents, so that one entry covers "Próximos" and "proximos". */
export function fold(s: string): string {
  if (plain(s)) return s;
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/đ/g, 'd')
    .replace(/ł/g, 'l')
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/[’‘`´]/g, "'");
}

/** ASCII without capitals or a backtick: what `fold` leaves as it is (most entries and labels). */
function plain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127 || (c >= 65 && c <= 90) || c === 96) return false;
  }
  return true;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const LETTER = /^\p{L}$/u;

/** Whether the code point is a letter or a digit (`[\p{L}\p{N}]`): what ends a word. */
function wordChar(cp: number): boolean {
  if (cp < 128) return (cp | 32) >= 97 && (cp | 32) <= 122 ? true : cp >= 48 && cp <= 57;
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

function letter(cp: number): boolean {
  if (cp < 128) return (cp | 32) >= 97 && (cp | 32) <= 122;
  return LETTER.test(String.fromCodePoint(cp));
}

/** The code point that ends just before `i` (a surrogate pair read as one), or -1 at the start. */
function before(s: string, i: number): number {
  if (i === 0) return -1;
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return s.codePointAt(i - 2)!;
  }
  return c;
}

/** Whether a word ends at `i`: no letter or digit there. */
const endsAt = (s: string, i: number) => i >= s.length || !wordChar(s.codePointAt(i)!);
/** Whether a word may start at `i`: no letter or digit before it. */
const startsAt = (s: string, i: number) => i === 0 || !wordChar(before(s, i));

/** Past the letters from `i`. */
function lettersFrom(s: string, i: number): number {
  while (i < s.length) {
    const cp = s.codePointAt(i)!;
    if (!letter(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** Back to the first of the letters that end at `i`. */
function lettersTo(s: string, i: number): number {
  while (i > 0) {
    const cp = before(s, i);
    if (!letter(cp)) break;
    i -= cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** An entry matched from the start of a word: whole ("nasta steg"), or a `stem*` the word may go on from ("riesgo*": riesgos). */
interface Opening {
  readonly text: string;
  readonly stem: boolean;
}

/** Entries are filed under their first two characters (UTF-16 code units), or all of a shorter one. */
const KEY = 2;

/**
 * One list's entries by shape, looked up without a regular expression (one Unicode alternation
 * per list cost V8 tens of milliseconds to compile in every process that read a heading) and
 * filed by a short key, so that building it costs little too. Characters are compared as UTF-16
 * code units; letters and digits around a match are read as code points, as a `u` pattern reads
 * them.
 */
interface Matcher {
  /** Whole words and `stem*`, by their first characters. */
  readonly openings: ReadonlyMap<string, readonly Opening[]>;
  /** Whether an opening is shorter than KEY (filed under all of itself). */
  readonly short: boolean;
  /** `*suffix`: the end of a word. */
  readonly suffix: readonly string[];
  /** `*infix*`: inside a word. */
  readonly infix: readonly string[];
  /** Unspaced scripts, anywhere in the label, by first character. */
  readonly anywhere: ReadonlyMap<string, readonly string[]>;
  /** The first characters (code units) of the openings and of the unspaced entries: most of a label's characters are neither. */
  readonly firsts: ReadonlySet<number>;
}

function file<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function matcher(entries: readonly string[]): Matcher {
  const openings = new Map<string, Opening[]>();
  const suffix: string[] = [];
  const infix: string[] = [];
  const anywhere = new Map<string, string[]>();
  let short = false;
  for (const entry of entries) {
    const e = fold(entry);
    const bare = e.replace(/^\*|\*$/g, '');
    if (UNSPACED.test(e)) file(anywhere, e[0], e);
    else if (e.startsWith('*') && e.endsWith('*')) infix.push(bare);
    else if (e.startsWith('*')) suffix.push(bare);
    else {
      file(openings, bare.slice(0, KEY), { text: bare, stem: e.endsWith('*') });
      short ||= bare.length < KEY;
    }
  }
  return { openings, short, suffix, infix, anywhere, firsts: firstsOf(openings, anywhere) };
}

function firstsOf(openings: ReadonlyMap<string, unknown>, anywhere: ReadonlyMap<string, unknown>): Set<number> {
  const firsts = new Set<number>();
  for (const key of [...openings.keys(), ...anywhere.keys()]) firsts.add(key.charCodeAt(0));
  return firsts;
}

/** Whether the opening, found at the start of a word at `i`, ends where it must. */
function opens(o: Opening, s: string, i: number): boolean {
  if (!s.startsWith(o.text, i)) return false;
  const end = i + o.text.length;
  return endsAt(s, o.stem ? lettersFrom(s, end) : end);
}

/** Whether `part` occurs after the letters that open a word (and, `inside`, before the ones that close it). */
function inWord(s: string, part: string, inside: boolean): boolean {
  for (let at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + 1)) {
    const end = at + part.length;
    if (startsAt(s, lettersTo(s, at)) && endsAt(s, inside ? lettersFrom(s, end) : end)) return true;
  }
  return false;
}

/** Whether one of the list's openings matches at `i`, the start of a word. */
function opensAt(m: Matcher, s: string, i: number): boolean {
  const listed = m.openings.get(s.slice(i, i + KEY));
  if (listed) for (const o of listed) if (opens(o, s, i)) return true;
  const shorter = m.short ? m.openings.get(s[i]) : undefined;
  if (shorter) for (const o of shorter) if (opens(o, s, i)) return true;
  return false;
}

function matches(m: Matcher, s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (!m.firsts.has(s.charCodeAt(i))) continue;
    const spelled = m.anywhere.get(s[i]);
    if (spelled) for (const e of spelled) if (s.startsWith(e, i)) return true;
    if (startsAt(s, i) && opensAt(m, s, i)) return true;
  }
  for (const x of m.suffix) if (inWord(s, x, false)) return true;
  for (const x of m.infix) if (inWord(s, x, true)) return true;
  return false;
}

const MATCHERS = new Map<readonly string[], Matcher>();

/** Whether a label holds one of the list's entries (its matcher is built on first use). */
export function namesEntry(entries: readonly string[], label: string): boolean {
  let m = MATCHERS.get(entries);
  if (!m) MATCHERS.set(entries, (m = matcher(entries)));
  return matches(m, label);
}

let imperative: Matcher | undefined;

/** The verbs, as written (no `*`, no unspaced script), matched as whole words at the start. */
function imperativeVerbs(): Matcher {
  if (!imperative) {
    const openings = new Map<string, Opening[]>();
    let short = false;
    for (const verb of IMPERATIVE) {
      const text = fold(verb);
      file(openings, text.slice(0, KEY), { text, stem: false });
      short ||= text.length < KEY;
    }
    imperative = { openings, short, suffix: [], infix: [], anywhere: new Map(), firsts: firstsOf(openings, new Map()) };
  }
  return imperative;
}

/** The scripts the lexicon has words in. */
const READ_SCRIPT = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Hebrew}\p{Script=Arabic}]/u;

/**
 * Whether the lexicon can read labels written like these: most of their letters are in a script
 * it has words in. Headings in Devanagari, Georgian or Tamil name roles the lexicon cannot see,
 * so what it does not find there is unknown, not missing.
 */
export function readsScript(labels: string): boolean {
  let read = 0;
  let other = 0;
  for (let i = 0; i < labels.length; i++) {
    const c = labels.charCodeAt(i);
    // ASCII letters are Latin: no regex for them.
    if (c < 128) {
      if ((c | 32) >= 97 && (c | 32) <= 122) read++;
      continue;
    }
    const cp = labels.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const ch = String.fromCodePoint(cp);
    if (!LETTER.test(ch)) continue;
    if (READ_SCRIPT.test(ch)) read++;
    else other++;
  }
  return other <= read;
}

/** Whether a (folded) label says work is still to come: remaining, on hold, later, to continue. */
export function namesPendingWork(folded: string): boolean {
  return namesEntry(PENDING, folded) || (namesEntry(FORWARD, folded) && namesEntry(STEP, folded));
}

/** Whether a (folded) label says its items await work: to fix, to do, unresolved. */
export function namesAwaiting(folded: string): boolean {
  return namesEntry(AWAITING, folded);
}

/** Whether a line of text opens with an instruction ("Build the Level 4 plan …"). */
export function opensWithImperative(text: string): boolean {
  return opensAt(imperativeVerbs(), fold(text.replace(/^[\s*_`~"'“]+/u, '')), 0);
}

/** Whether a (folded) label says "current" in one of the lexicon's languages. */
export function namesCurrent(folded: string): boolean {
  return namesEntry(CURRENT, folded);
}

/** Whether a (normalised) label names the role in one of the lexicon's languages. */
export function namesRole(folded: string, role: Role): boolean {
  const entries = LEXICON[role];
  return entries !== undefined && namesEntry(entries, folded);
}
