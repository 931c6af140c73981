// A roadmap's own key to its markers: a table ("| Icon | Meaning |"), a list under a legend
// heading or label ("- 🔴 **Todo** - Not started") or a line ("Legend: ✅ Done | 🚧 WIP",
// "凡例：🟢 進行中 / ✅ 完了"). What it says a marker means wins over the usual meaning of that
// marker in this file; a marker it gives to a priority ("🔴 P0 / 🟡 P1") or to anything else
// ("🟢 `AVAILABLE`", "⚪ IDLE") is no status at all.
import type { List, Node, Paragraph, Root, RootContent, Table, TableRow } from 'mdast';
import { plainText } from '../parse/walk';
import type { ItemStatus } from './status';

export interface Legend {
  /** Markers and the status each stands for ("[0.5]" → in-progress, "🟢" → done). */
  markers: Map<string, ItemStatus>;
  /** Markers the legend gives to a priority or another meaning: not statuses in this file. */
  others: Set<string>;
  /** The tables, lists and paragraphs that make up the legend (not items). */
  nodes: Set<Node>;
}

const MEANINGS: ReadonlyArray<[ItemStatus, RegExp]> = [
  // Negations first, so that "not started" is not read as "started".
  ['planned', /\bnot (?:yet |been )*(?:started|begun|done)\b|\bno iniciad[oa]\b|\bnão iniciad[oa]\b|\bnon commencé\b|\bnicht begonnen\b|не начат[оа]?|未开始|未開始|未着手|未対応|미착수|chưa (?:bắt đầu|làm|thực hiện)/iu],
  ['dropped', /\b(?:cancell?ed|dropped|abandoned|won'?t do|wontfix|no longer needed|rejected|descoped)\b|\bcancelad[oa]\b|\bannulée?\b|\babgebrochen\b|\bverworfen\b|\bannullat[oa]\b|отменен[оа]?|已取消|取消|中止|취소|hủy|hoãn/iu],
  ['blocked', /\b(?:blocked|on hold|waiting|paused|stalled|stuck)\b|\bbloquead[oa]\b|\bbloquée?\b|\bblockiert\b|\bbloccat[oa]\b|заблокирован[оа]?|阻塞|受阻|ブロック|保留|보류|차단|bị chặn|tạm dừng/iu],
  ['done', /\b(?:done|complete|completed|finished|shipped|released|merged|verified|achieved|resolved|fixed|landed)\b|\bhech[oa]\b|\bterminad[oa]\b|\bcompletad[oa]\b|\bconclu[ií]d[oa]\b|\bfeito\b|\bpronto\b|\bfertig\b|\berledigt\b|\babgeschlossen\b|\btermin[ée]e?\b|\bfait\b|\bfatto\b|\bcompletat[oa]\b|выполнен[оа]?|готово|завершен[оа]?|сделано|已完成|完了|完成|済み|완료|hoàn thành|xong/iu],
  ['in-progress', /\b(?:in[ -]progress|wip|doing|ongoing|active|working|started|current(?:ly)?|under ?way)\b|\ben (?:curso|progreso|cours)\b|\bem (?:andamento|progresso)\b|\bin (?:arbeit|bearbeitung|corso)\b|в работе|в процессе|进行中|進行中|作業中|対応中|진행 ?중|đang (?:làm|thực hiện|tiến hành)/iu],
  ['planned', /\b(?:todo|to[ -]do|planned|pending|backlog|next|upcoming|open|queued|future)\b|\bpendientes?\b|\bpor hacer\b|\bplanificad[oa]\b|\bplanejad[oa]\b|\ba fazer\b|\bpendentes?\b|\bà faire\b|\bprévue?\b|\bplanifiée?\b|\bgeplant\b|\boffen\b|\bausstehend\b|\bda fare\b|\bpianificat[oa]\b|запланировано|планируется|ожидает|计划|待办|待辦|待处理|予定|계획|예정|대기|kế hoạch|dự kiến/iu],
];

/** Priority words: a legend entry or heading that names one speaks of priority, not status. */
export const PRIORITY = /(?<![\p{L}\p{N}])(?:p[0-4]|priority|critical|urgent|high|medium|low|must[ -]have|should[ -]have|nice[ -]to[ -]have|prioridad(?:es)?|prioridade|priorit[ée]s?|priorität|alta|baja|haute|basse|hoch|niedrig)(?![\p{L}\p{N}])|приоритет|优先|優先|우선/iu;

/** The status a legend's meaning names ("Not started", "進行中", "Waiting on others"), if any. */
export function meaningOf(s: string): ItemStatus | null {
  return firstMeaning(s)?.status ?? null;
}

function firstMeaning(s: string): { status: ItemStatus; index: number; length: number } | null {
  let best: { status: ItemStatus; index: number; length: number } | null = null;
  for (const [status, re] of MEANINGS) {
    const m = re.exec(s);
    if (m && (!best || m.index < best.index)) best = { status, index: m.index, length: m[0].length };
  }
  return best;
}

/**
 * The status a heading names and little else ("In Progress", "Planned Features", "✅ Completed"):
 * a status and at most two other words, no number (not "Phase 2 — in progress").
 */
export function statusHeading(title: string): ItemStatus | null {
  const s = title.replace(/[^\p{L}\p{N}\s'-]/gu, ' ').trim();
  const m = firstMeaning(s);
  if (!m || /\p{N}/u.test(s)) return null;
  const rest = (s.slice(0, m.index) + ' ' + s.slice(m.index + m.length)).split(/\s+/).filter(Boolean);
  return rest.length <= 2 ? m.status : null;
}

/** Whether `s` is a status word and nothing else ("**Done**", "In progress"). */
function bare(s: string): boolean {
  const m = firstMeaning(s);
  return m !== null && !/[\p{L}\p{N}]/u.test(s.slice(0, m.index) + s.slice(m.index + m.length));
}

type Entry = { marker: string; status: ItemStatus | null };

/**
 * What a meaning names: a status, a priority (status null), or nothing. A meaning with a head and
 * an explanation ("`IDLE` — not active yet", "**Todo** - Not started") is read by its head.
 */
function entryOf(marker: string, text: string): Entry | undefined {
  const meaning = text.replace(/_/g, ' ').split(/\s+[-–—]\s+|[:：(（]/u)[0];
  const status = firstMeaning(meaning);
  const priority = PRIORITY.exec(meaning);
  if (priority && (!status || priority.index < status.index)) return { marker, status: null };
  return status ? { marker, status: status.status } : undefined;
}

const KEYWORD = /^(?:(?:\p{L}+ ){0,2}(?:legend|key)|凡例|图例|圖例|범례|leyenda|legenda|légende|legende|легенда|обозначения|chú (?:thích|giải)|status key)(?![\p{L}\p{N}])\s*[:：]?/iu;
/** A heading or label that is only the keyword ("## Plan Status Legend", "**凡例：**"). */
const isKeyword = (s: string) => {
  const t = s.replace(/^\P{L}+/u, '').replace(/[\s*_]+$/u, '');
  const m = KEYWORD.exec(t);
  return m !== null && m[0].trim().length >= t.length - 1;
};
const MARKER_HEADER = /^(?:symbol|icon|emoji|marker|mark|sign|legend|key|图标|圖標|符号|アイコン|記号|기호|아이콘|símbolo|icono|ícone|символ|значок)$/iu;
const MEANING_HEADER = /^(?:meaning|means|description|definition|status|state|level|priority|significado|signification|bedeutung|значение|статус|含义|意味|说明|說明|状态|ステータス|의미|상태|설명|descripción|descrição)$/iu;
const STATUS_HEADER = /^(?:status|state|estado|stato|état|статус|состояние|状态|狀態|状況|ステータス|상태|progress)$/iu;
/** A marker: emoji, a symbol or a short bracketed or code token ("[0.5]", "`[~]`"). */
const MARKER = /^(?:(?:\p{Extended_Pictographic}|[\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff])[\ufe0f\u200d\p{Extended_Pictographic}]*|\[[^\]\s]{0,4}\])/u;

/** The roadmap's legend, read from its tables, lists and lines (also inside block quotes). */
export function findLegend(root: Root): Legend {
  const legend: Legend = { markers: new Map(), others: new Set(), nodes: new Set() };
  const add = (node: Node, entries: Entry[]) => {
    legend.nodes.add(node);
    for (const e of entries) {
      if (e.status) legend.markers.set(e.marker, e.status);
      else legend.others.add(e.marker);
    }
  };
  let titled = false;
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'heading') titled = isKeyword(plainText(node));
      else if (node.type === 'table') {
        const entries = tableEntries(node);
        if (entries) add(node, entries);
      } else if (node.type === 'list') {
        const entries = listEntries(node, titled);
        if (entries) add(node, entries);
      } else if (node.type === 'paragraph') {
        const entries = lineEntries(node);
        if (entries) add(node, entries);
        // "**Legend:**" above its list.
        else if (isKeyword(plainText(node))) titled = true;
        continue;
      } else if (node.type === 'blockquote') visit(node.children);
      if (node.type !== 'heading') titled = titled && node.type !== 'list' && node.type !== 'table';
    }
  };
  visit(root.children);
  return legend;
}

function tableEntries(table: Table): Entry[] | null {
  const [header, ...rows] = table.children as TableRow[];
  if (!header || !rows.length || header.children.length < 2) return null;
  const names = header.children.map((c) => plainText(c).replace(/[*_]/g, '').trim());
  let marker = names.findIndex((n) => MARKER_HEADER.test(n));
  if (marker < 0) marker = names.findIndex((n) => STATUS_HEADER.test(n));
  const meanings = names.map((_, i) => i).filter((i) => i !== marker && MEANING_HEADER.test(names[i]));
  if (marker < 0 || !meanings.length) return null;
  const entries: Entry[] = [];
  for (const row of rows) {
    const m = plainText(row.children[marker] ?? row).trim();
    if (!m || m.length > 12) return null;
    const e = entryOf(m, meanings.map((i) => plainText(row.children[i] ?? row)).join(' · '));
    if (e) entries.push(e);
  }
  return entries.length >= 2 ? entries : null;
}

/** A list whose items are all "marker meaning", under a legend heading or label, or all bare status words. */
function listEntries(list: List, titled: boolean): Entry[] | null {
  const only = list.children.length === 1 ? list.children[0].children[0] : null;
  if (only?.type === 'paragraph') return lineEntries(only, titled);
  if (list.children.length < 2) return null;
  const entries: Entry[] = [];
  for (const li of list.children) {
    const text = plainText(li.children[0] ?? li).trim();
    const m = MARKER.exec(text);
    if (!m) return null;
    const meaning = text.slice(m[0].length).replace(/^[\s=:：–—-]+/u, '');
    if (meaning.split(/\s+/).length > 12) return null;
    // Under a legend title, a marker of another meaning ("🟢 `AVAILABLE`") is still in the key.
    const e = entryOf(m[0], meaning) ?? (titled && meaning ? { marker: m[0], status: null } : undefined);
    if (!e) return null;
    // Without a legend title, only a bare status word: "- ✅ Parser done" is an item.
    if (!titled && (!e.status || !bare(meaning))) return null;
    entries.push(e);
  }
  return new Set(entries.map((e) => e.marker)).size === entries.length ? entries : null;
}

const MARKER_ANYWHERE = new RegExp(MARKER.source.slice(1), 'gu');

/** "Legend: ✅ Done | 🚧 WIP", or a line of three or more "marker meaning" pairs and nothing else. */
function lineEntries(p: Paragraph, titled = false): Entry[] | null {
  const text = plainText(p).trim();
  if (text.length > 240 || /\r|\n/.test(text)) return null;
  const lead = /^\P{L}*/u.exec(text)![0];
  const keyword = KEYWORD.exec(text.slice(lead.length));
  const body = keyword ? text.slice(lead.length + keyword[0].length).replace(/^[\s:：*_-]+/u, '') : text;
  const at = [...body.matchAll(MARKER_ANYWHERE)].map((m) => m.index);
  if (at[0] !== 0) return null;
  const entries: Entry[] = [];
  for (let i = 0; i < at.length; i++) {
    const part = body.slice(at[i], at[i + 1] ?? body.length);
    const marker = MARKER.exec(part)![0];
    const meaning = part.slice(marker.length).replace(/^[\s=:：–—-]+|[\s|·•,;、，／/]+$/gu, '');
    if (!meaning || meaning.split(/\s+/).length > 4) return null;
    const e = entryOf(marker, meaning) ?? (keyword || titled ? { marker, status: null } : undefined);
    if (!e) return null;
    entries.push(e);
  }
  return entries.length >= (keyword || titled ? 2 : 3) ? entries : null;
}
