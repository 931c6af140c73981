// Work a note leaves open without a heading that says so: unchecked task items (also "⬜ …"), rows
// of a plan table whose state is not done, and list items that open with a next-steps label
// ("**Próximos pasos:** …"). Any of them means the note says what comes next.
import type { RootContent, Table, TableRow } from 'mdast';
import { plainText } from '../parse/walk';
import { endOf, startOf } from '../parse/parse';
import type { Note } from './note';
import { itemsIn } from './items';
import { normalizeLabel } from './labels';
import { fold } from './lexicon';
import { leadRole } from './roles';
import { isStrongEmoji, statusOfText } from './status';

/** A column that holds each row's state: "State", "Status", "Estado", "状態", "Trạng thái" … */
const STATE_COLUMN = /^(?:current )?(?:state|status|progress|estado|situacao|stato|etat|statut|zustand|staat|stan|статус|состояние|стан|durum|trang thai|tinh trang|状态|狀態|状態|ステータス|進捗|상태|진행 ?상태|สถานะ)$/u;
const OPEN_STATES = new Set(['planned', 'in-progress', 'blocked']);

/** Body nodes of the preamble and of every section, with block quotes opened. */
function bodies(note: Note): RootContent[][] {
  const out = [opened(note.preamble)];
  for (const s of note.allSections) if (s.ownNodes.length) out.push(opened(s.ownNodes));
  return out;
}

/** The nodes with every block quote among them replaced by its content (the nodes themselves when none is). */
function opened(nodes: RootContent[]): RootContent[] {
  return nodes.some((n) => n.type === 'blockquote') ? nodes.flatMap((n) => (n.type === 'blockquote' ? opened(n.children) : [n])) : nodes;
}

/** A cell, or the opening of a list item, that is a box still to tick: "[ ]", ⬜, ☐, 🔲. */
const OPEN_BOX = /^(?:\[ \]|⬜|☐|🔲)/u;
const MAY_OPEN = /[:：[&⬜☐🔲]/u;
/** A cell that holds only a marker of state: ✅, ⬜, ❌, ⏳, "[x]", "[ ]". */
const isMarker = (cell: string) => /^\[[ xX]\]$/.test(cell) || isStrongEmoji(cell);

const cellText = (row: TableRow, col: number) => (row.children[col] ? plainText(row.children[col]).trim() : '');

function isOpen(cell: string): boolean {
  if (!cell) return false;
  if (OPEN_BOX.test(cell)) return true;
  const status = statusOfText(cell, { anywhere: true });
  return status !== null && OPEN_STATES.has(status.status);
}

/**
 * Rows of a plan table whose state is open (planned, in progress, blocked, "[ ]"): the state is in
 * a column named so, or, when none is, in columns that hold nothing but markers of state (a
 * course table with a ⬜ per lesson and part, whatever the columns are called).
 */
export function openPlanRows(table: Table): number {
  const [header, ...rows] = table.children;
  if (!header) return 0;
  const named = header.children.findIndex((c) => STATE_COLUMN.test(fold(normalizeLabel(plainText(c)))));
  const cols =
    named >= 0
      ? [named]
      : header.children.map((_, col) => col).filter((col) => onlyMarkers(rows, col));
  return rows.filter((row) => cols.some((col) => isOpen(cellText(row, col)))).length;
}

/** Whether column `col` holds a cell, and every cell it holds is a marker (stops at the first that is not). */
function onlyMarkers(rows: TableRow[], col: number): boolean {
  let any = false;
  for (const row of rows) {
    const cell = cellText(row, col);
    if (!cell) continue;
    if (!isMarker(cell)) return false;
    any = true;
  }
  return any;
}

/** The label a list item or paragraph opens with, up to its first colon ("Next up: Module 6"). */
function leadLabel(text: string): string | null {
  if (!text.includes(':') && !text.includes('：')) return null;
  // What precedes the first Latin letter or digit is skipped; an accented capital is a letter
  // ("**À FAIRE** :"). A CJK lead is not read as a label ("予定 CRUD：" is a calendar's events).
  const m = /^[^\p{Script=Latin}\p{N}_]*([^:：]{1,40}?)\s*[:：]/u.exec(text);
  return m ? m[1] : null;
}

/** Whether the note leaves work open outside any next-steps heading. */
export function hasOpenWork(note: Note): boolean {
  const all = bodies(note);
  // An unchecked task item answers at once, before any item's text is built.
  if (all.some((nodes) => hasUncheckedTask(nodes, 0))) return true;
  return all.some((nodes) => {
    if (nodes.some((n) => n.type === 'table' && openPlanRows(n) > 0)) return true;
    // A box to tick or a lead label needs one of these characters in the source (`&` for a
    // character reference that decodes to one): without them, no item's text need be built.
    if (!nodes.length || !MAY_OPEN.test(note.text.slice(startOf(nodes[0]), endOf(nodes[nodes.length - 1])))) return false;
    const items = itemsIn(nodes, 0, 8);
    // An unchecked task item, or a list item that opens with a box still to tick ("⬜ Deploy").
    if (items.some((i) => i.kind === 'list' && (i.checked === false || OPEN_BOX.test(i.text.trim())))) return true;
    const leads = [...items.map((i) => i.text), ...nodes.filter((n) => n.type === 'paragraph').map((n) => plainText(n).trim())];
    return leads.some((t) => {
      const lead = leadLabel(t);
      return lead !== null && leadRole(lead) === 'next';
    });
  });
}

/** Whether a list among `nodes` (down to the depth `itemsIn` reads to) holds an unchecked task item. */
function hasUncheckedTask(nodes: RootContent[], depth: number): boolean {
  for (const node of nodes) {
    if (node.type === 'blockquote' && hasUncheckedTask(node.children, depth)) return true;
    if (node.type !== 'list') continue;
    for (const li of node.children) {
      if (li.checked === false) return true;
      if (depth < 8 && hasUncheckedTask(li.children.slice(1).filter((c) => c.type === 'list'), depth + 1)) return true;
    }
  }
  return false;
}
