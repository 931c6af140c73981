// Roadmaps: headings are phases or milestones; task items, bullets and table rows are items.
// Status comes from a checkbox, an emoji, a status word, or a status column; ids look like
// ST-04-02, EPIC-04 or #12.
import type { Root, Table, TableRow } from 'mdast';
import type { Section } from './sections';
import { flatten } from './sections';
import { itemsIn, type Item } from './items';
import { startOf, endOf } from '../parse';
import { plainText } from '../walk';

export type ItemStatus = 'done' | 'in-progress' | 'planned' | 'blocked' | 'dropped';
export type StatusStyle = 'checkbox' | 'emoji' | 'word' | 'column';

export interface RoadmapItem {
  id: string | null;
  text: string;
  start: number;
  end: number;
  status: ItemStatus | null;
  style: StatusStyle | null;
  /** Range of the status marker ("[ ]", "⏳", "planned", the cell text). */
  markerStart: number;
  markerEnd: number;
  phase: number;
}

export interface Phase {
  title: string;
  start: number;
  end: number;
  headingStart: number;
  headingEnd: number;
  status: ItemStatus | null;
  items: RoadmapItem[];
}

export interface Roadmap {
  phases: Phase[];
  /** Items by id (first occurrence). */
  ids: Map<string, RoadmapItem>;
}

export const ID_PATTERN = /(?<![\w-])(?:[A-Z][A-Z0-9]{0,9}-\d+(?:[-.]\d+)*|#\d+)(?![\w-])/g;

const EMOJI: ReadonlyArray<[RegExp, ItemStatus]> = [
  [/✅|✔️?|☑️?|🟢|🎉/u, 'done'],
  [/⏳|🚧|🔄|🟡|🔨|🏗️?|⚙️|🔧/u, 'in-progress'],
  [/🔜|📋|⬜|🔲|🗓️?|📅|⏭️?|🔮|💡/u, 'planned'],
  [/🔴|⛔|🛑|🚫/u, 'blocked'],
  [/❌|🗑️?/u, 'dropped'],
];

const WORDS: ReadonlyArray<[RegExp, ItemStatus]> = [
  [/\b(?:done|completed?|shipped|landed|finished|released|implemented|merged)\b|\bconclu[ií]d[oa]\b|\bcompletad[oa]\b|\bterminad[oa]\b|\bfatto\b|完了|已完成|完成|выполнено|завершено|готово|완료/iu, 'done'],
  [/\b(?:in[ -]progress|wip|ongoing|started|current focus|in review)\b|\ben (?:curso|progreso|andamento)\b|進行中|进行中|в работе|진행 ?중/iu, 'in-progress'],
  [/\b(?:planned|todo|to do|pending|not started|backlog|next|later|future|proposed|open)\b|\bpendiente\b|\bplanejad[oa]\b|未着手|予定|计划|計劃|待办|запланировано|예정/iu, 'planned'],
  [/\b(?:blocked|on hold|waiting)\b|ブロック|阻塞|заблокировано/iu, 'blocked'],
  [/\b(?:dropped|cancell?ed|won'?t do|abandoned|deferred)\b|отменено/iu, 'dropped'],
];

export function statusOfText(s: string): { status: ItemStatus; style: 'emoji' | 'word'; index: number; length: number } | null {
  for (const [re, status] of EMOJI) {
    const m = re.exec(s);
    if (m) return { status, style: 'emoji', index: m.index, length: m[0].length };
  }
  // Status words count in a heading suffix, in brackets, or as the item's leading/trailing word.
  const scoped = /(?:^\s*|[([【]\s*|[-–—:|]\s*)([^()[\]【】\-–—:|]{1,30}?)\s*(?:[)\]】]|$)/gu;
  for (const m of s.matchAll(scoped)) {
    for (const [re, status] of WORDS) {
      const w = re.exec(m[1]);
      if (w && m[1].trim().length <= 30) {
        const index = m.index + m[0].indexOf(m[1]) + w.index;
        return { status, style: 'word', index, length: w[0].length };
      }
    }
  }
  return null;
}

export function parseRoadmap(text: string, root: Root, sections: Section[]): Roadmap {
  const phases: Phase[] = [];
  const all = flatten(sections);
  const containers: Array<{ title: string; start: number; end: number; hs: number; he: number; nodes: Root['children'] }> = all.length
    ? all.map((s) => ({ title: s.heading.text, start: s.start, end: s.end, hs: s.heading.start, he: s.heading.end, nodes: s.ownNodes }))
    : [{ title: '', start: 0, end: text.length, hs: 0, he: 0, nodes: root.children }];
  for (const c of containers) {
    const phaseIndex = phases.length;
    const items: RoadmapItem[] = [];
    for (const node of c.nodes) {
      if (node.type === 'table') items.push(...tableItems(node, phaseIndex));
      else for (const item of itemsIn([node], 0, 1)) items.push(listItem(text, item, phaseIndex));
    }
    const hs = statusOfText(c.title);
    phases.push({ title: c.title, start: c.start, end: c.end, headingStart: c.hs, headingEnd: c.he, status: hs?.status ?? null, items });
  }
  const ids = new Map<string, RoadmapItem>();
  for (const p of phases) for (const it of p.items) if (it.id && !ids.has(it.id)) ids.set(it.id, it);
  return { phases: phases.filter((p) => p.items.length || p.title), ids };
}

function firstId(s: string): string | null {
  ID_PATTERN.lastIndex = 0;
  const m = ID_PATTERN.exec(s);
  ID_PATTERN.lastIndex = 0;
  return m ? m[0] : null;
}

function listItem(text: string, item: Item, phase: number): RoadmapItem {
  const base = { id: firstId(item.text), text: item.text, start: item.start, end: item.end, phase };
  if (item.checked !== null) {
    const src = text.slice(item.start, item.textStart);
    const box = /\[[ xX]\]/.exec(src);
    const at = box ? item.start + box.index : item.textStart;
    return { ...base, status: item.checked ? 'done' : 'planned', style: 'checkbox', markerStart: at, markerEnd: box ? at + 3 : at };
  }
  const line = text.slice(item.textStart, item.textEnd);
  const s = statusOfText(line);
  if (s) return { ...base, status: s.status, style: s.style, markerStart: item.textStart + s.index, markerEnd: item.textStart + s.index + s.length };
  return { ...base, status: null, style: null, markerStart: item.textStart, markerEnd: item.textStart };
}

const STATUS_HEADER = /^(?:status|state|estado|stato|état|статус|состояние|状态|狀態|状況|ステータス|상태|progress|done)$/iu;

function tableItems(table: Table, phase: number): RoadmapItem[] {
  const [header, ...rows] = table.children as TableRow[];
  if (!header) return [];
  const names = header.children.map((c) => plainText(c).trim());
  const col = names.findIndex((n) => STATUS_HEADER.test(n.replace(/[*_]/g, '')));
  return rows.map((row) => {
    const cells = row.children.map((c) => plainText(c).trim());
    const textCells = cells.filter((_, i) => i !== col);
    const rowText = textCells.filter(Boolean).join(' | ');
    const cell = col >= 0 ? row.children[col] : undefined;
    const s = cell ? statusOfText(plainText(cell)) : statusOfText(cells.join(' | '));
    const cellStart = cell ? (cell.children[0] ? startOf(cell.children[0]) : startOf(cell)) : startOf(row);
    const cellEnd = cell ? (cell.children.length ? endOf(cell.children[cell.children.length - 1]) : cellStart) : startOf(row);
    return {
      id: firstId(cells.join(' ')),
      text: rowText,
      start: startOf(row),
      end: endOf(row),
      status: s?.status ?? null,
      style: s ? (cell ? 'column' : s.style) : null,
      markerStart: cell ? cellStart : startOf(row),
      markerEnd: cell ? cellEnd : startOf(row),
      phase,
    };
  });
}
