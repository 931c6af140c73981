// Work a note leaves open without a heading that says so: unchecked task items, rows of a plan
// table whose state column is not done, and list items that open with a next-steps label
// ("**Próximos pasos:** …"). Any of them means the note says what comes next.
import type { RootContent, Table } from 'mdast';
import { plainText } from '../parse/walk';
import type { Note } from './note';
import { itemsIn } from './items';
import { normalizeLabel } from './labels';
import { fold } from './lexicon';
import { leadRole } from './roles';
import { statusOfText } from './status';

/** A column that holds each row's state: "State", "Status", "Estado", "状態", "Trạng thái" … */
const STATE_COLUMN = /^(?:current )?(?:state|status|progress|estado|situacao|stato|etat|statut|zustand|staat|stan|статус|состояние|стан|durum|trang thai|tinh trang|状态|狀態|状態|ステータス|進捗|상태|진행 ?상태|สถานะ)$/u;
const OPEN_STATES = new Set(['planned', 'in-progress', 'blocked']);

/** Body nodes of the preamble and of every section, with block quotes opened. */
function bodies(note: Note): RootContent[][] {
  const open = (nodes: RootContent[]): RootContent[] => nodes.flatMap((n) => (n.type === 'blockquote' ? open(n.children) : [n]));
  return [note.preamble, ...note.allSections.map((s) => s.ownNodes)].map(open);
}

/** Rows of a table with a state column whose state is open (planned, in progress, blocked, "[ ]"). */
export function openPlanRows(table: Table): number {
  const [header, ...rows] = table.children;
  if (!header) return 0;
  const col = header.children.findIndex((c) => STATE_COLUMN.test(fold(normalizeLabel(plainText(c)))));
  if (col < 0) return 0;
  return rows.filter((row) => {
    const cell = row.children[col] ? plainText(row.children[col]).trim() : '';
    if (!cell) return false;
    if (/^\[ \]/.test(cell)) return true;
    const status = statusOfText(cell, { anywhere: true });
    return status !== null && OPEN_STATES.has(status.status);
  }).length;
}

/** The label a list item or paragraph opens with, up to its first colon ("Next up: Module 6"). */
function leadLabel(text: string): string | null {
  const m = /^\W*([^:：]{1,40}?)\s*[:：]/u.exec(text);
  return m ? m[1] : null;
}

/** Whether the note leaves work open outside any next-steps heading. */
export function hasOpenWork(note: Note): boolean {
  return bodies(note).some((nodes) => {
    if (nodes.some((n) => n.type === 'table' && openPlanRows(n) > 0)) return true;
    const items = itemsIn(nodes, 0, 8);
    if (items.some((i) => i.kind === 'list' && i.checked === false)) return true;
    const leads = [...items.map((i) => i.text), ...nodes.filter((n) => n.type === 'paragraph').map((n) => plainText(n).trim())];
    return leads.some((t) => {
      const lead = leadLabel(t);
      return lead !== null && leadRole(lead) === 'next';
    });
  });
}
