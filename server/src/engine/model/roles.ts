// Which role a section or labelled block plays, from its (normalised) label. Real notes name
// the same thing many ways and in many languages; these lists come from the notes in the corpus
// and common agent templates. Order matters: the first matching role wins.
import type { Role } from '../types';
import { normalizeLabel, stripQualifiers } from './labels';
import { fold, namesAwaiting, namesPendingWork, namesRole } from './lexicon';
import { namesUndone } from './status';

const ROLE_PATTERNS: ReadonlyArray<[Role, RegExp]> = [
  ['snapshot', /\b(?:snapshot|session (?:info|metadata)|metadata|git state|repo(?:sitory)? state|environment snapshot|current head)\b|スナップショット|快照/u],
  ['next', /\b(?:next|what'?s left|what is left|what'?s not done|not (?:yet )?done|what needs to be done|remaining(?! (?:risks?|issues?|defects?|problems?|bugs?|gotchas?|caveats?))|what remains|outstanding|tasks|to continue|to ?dos?|todo|follow[- ]?ups?|start here|where to start|starting point|first actions|queue|backlog|up next|action items|pending|queued|open tasks|priorit(?:y|ies)|roadmap for next)\b|prossim[io]|da fare|próxim[oa]s?|siguientes? pasos?|para continuar|pendientes?|nächste|prochaines?|次の|次回|次に|今後|残って|残件|下一步|后续|後續|待办|待辦|沒有做|没有做|다음|향후|следующ|дальнейш|план на|^(?:the |our )?plan\b/u],
  ['wip', /\b(?:in progress|work in progress|wip|uncommitted|local work|currently working|ongoing|in[- ]flight|what we were working on|in[- ]tree)\b|en (?:progreso|curso)|in corso|進行中|作業中|进行中|진행 ?중|в работе/u],
  ['risks', /\b(?:risks?|known issues?|gotchas?|pitfalls?|footguns?|not fixed|unfixed|blockers?|caveats?|open (?:\w+ )?issues|defects?|concerns|warnings?|challenges|problems|limitations|technical debt|tech debt|bugs|don'?ts)\b|rischi|problemi|riesgos|problemas|riscos|risiken|risques|リスク|注意|課題|风险|風險|问题|問題|注意事项|缺陷|踩過的坑|踩过的坑|리스크|위험|이슈|주의|риск|проблем/u],
  ['changes', /\b(?:what (?:changed|landed|was done|we did|works)|changes|changed|landed|completed?|done|accomplish(?:ed|ments)|implemented|shipped|delivered|changelog|recent (?:changes|work|commits)|work log|this session|fixes|fixed)\b|fatto|completat|hecho|completad|cambios|conclu[ií]d|erledigt|termin[ée]|完了|変更|已完成|完成|变更|變更|완료|변경|сделано|выполнен|изменени/u],
  ['verify', /\b(?:how to (?:run|verify|test)|verif(?:y|ied|ication)|validation|validate|testing|tests?|test status|quality|(?:useful |quick[- ]resume |key )?commands|checks?|build|ci|run)\b|verifica|pruebas|prueba|検証|テスト|验证|驗證|测试|測試|검증|테스트|провер|тест/u],
  ['decisions', /\b(?:decisions?|decided|approach|design (?:choices|notes)|architecture|conventions)\b|decisioni|decisiones|decisões|entscheidungen|決定|方針|决策|決策|결정|решени/u],
  ['analysis', /\b(?:analysis|findings|investigation|review|lessons?(?: learned)?|learnings|insights|observations|root cause)\b|分析|调查|調査|분석|анализ/u],
  ['status', /\b(?:status|state|where (?:things|we) stand|tl;?dr|summary|overview|current (?:position|focus|work)|progress|context|situation)\b|stato|estado|situaci[oó]n|状態|現状|状态|狀態|现状|現況|상태|현황|статус|состояни|текущ/u],
  ['notes', /\b(?:notes?|editing rules|rules|background|references?|key (?:files|knowledge)|links|resources|misc(?:ellaneous)?|appendix|other|guardrails|files to read|load[- ]bearing|trail|history|historical|log|guide|glossary|environment|setup)\b|note|notas|メモ|备注|備註|메모|заметки/u],
];

const STRONG: ReadonlySet<Role> = new Set(['snapshot', 'next', 'wip', 'risks', 'changes']);

function roleOfPart(part: string, pending: boolean): Role | null {
  const folded = fold(part);
  // A done-word under a negation is the mirror of a done phase: work still to do.
  if (pending && namesUndone(part)) return 'next';
  for (const [role, re] of ROLE_PATTERNS) if (re.test(part) || namesRole(folded, role)) return role;
  // "Plus tard", "保留中", "Další doporučený krok": work still to come, when nothing else is named
  // and the word is not inside a qualifier ("Known limitations (details in ROADMAP.md)").
  return pending && namesPendingWork(fold(stripQualifiers(part))) ? 'next' : null;
}

// Reading a label for every role is costly and labels repeat (every version of a note in its history
// has the same headings): each label is matched once, in a bounded memo.
const HEADING_ROLES = new Map<string, readonly Role[]>();
const LEAD_ROLE = new Map<string, Role | null>();
const MEMO_MAX = 10_000;

function memoized<T>(memo: Map<string, T>, label: string, compute: (label: string) => T): T {
  if (memo.has(label)) return memo.get(label) as T;
  const value = compute(label);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(label, value);
  return value;
}

/**
 * The role a heading plays, or null when nothing matches. A compound label ("Remaining risks /
 * TODO", "Open findings / next-session candidates") takes the first part that names a strong
 * role (next steps, risks, changes, work in progress, snapshot), else its first role.
 */
export function roleOf(label: string): Role | null {
  return chosen(rolesOf(label));
}

/**
 * The role a label inside a body plays ("Next steps:", "**Risks**" over a list). A lead-in that
 * says work remains, waits or continues ("To let the AI continue, paste this prompt:") mentions
 * it in passing: only a heading's word for pending work gives it the role of next steps.
 */
export function leadRole(label: string): Role | null {
  return memoized(LEAD_ROLE, label, (l) => chosen(partRoles(l, false)));
}

/** Every role the parts of a compound heading name ("In Corso / Rimasto da Fare": wip and next). */
export function rolesOf(label: string): readonly Role[] {
  return memoized(HEADING_ROLES, label, (l) => Object.freeze(partRoles(l, true)));
}

function chosen(roles: readonly Role[]): Role | null {
  return roles.find((r) => STRONG.has(r)) ?? roles[0] ?? null;
}

function partRoles(label: string, pending: boolean): Role[] {
  const n = normalizeLabel(label);
  if (!n) return [];
  const roles = n
    .split(/\s+(?:\/|&|\+|and|or|y|et|ou|und|oder|e|en|i|и|і|или|або|ve|veya|dan|atau|và|hoặc|lub|nebo)\s+|\s*[;・、／]\s*/u)
    .map((part) => roleOfPart(part, pending))
    .filter((r): r is Role => r !== null);
  // "已知待修复", "Bugs to fix": items awaiting work are next steps too, after the role the label names.
  if (pending && !roles.includes('next') && namesAwaiting(fold(n))) roles.push('next');
  return roles;
}
