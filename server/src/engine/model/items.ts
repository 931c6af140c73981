// List items and labelled blocks inside a section: what the outline and the next-steps,
// risks and roadmap features read.
import type { List, ListItem, Paragraph, RootContent, Strong, Table, TableRow } from 'mdast';
import type { Role } from '../types';
import { startOf, endOf } from '../parse/parse';
import { plainText } from '../parse/walk';
import { leadRole } from './roles';

export interface Item {
  /** Plain text of the item's first paragraph (or the table row's cells). */
  text: string;
  start: number;
  end: number;
  /** Range of the first line's content, after the marker. */
  textStart: number;
  textEnd: number;
  ordered: boolean;
  /** Task-item state: true [x], false [ ], null for a plain item. */
  checked: boolean | null;
  /** Nesting depth, 0 for top-level items of a section. */
  depth: number;
  kind: 'list' | 'table';
  node: ListItem | null;
}

/** A label line ("Remaining risks / TODO:" or "**Risks**") followed by a list. */
export interface LabelledBlock {
  label: string;
  role: Role | null;
  start: number;
  end: number;
  items: Item[];
}

/** Items of lists and table rows among nodes, in document order. */
export function itemsIn(nodes: RootContent[], depth = 0, maxDepth = 1, out: Item[] = []): Item[] {
  // Pushed one by one: a spread of a list's 130,000 items overflows the stack.
  for (const node of nodes) {
    if (node.type === 'list') listItems(node, depth, maxDepth, out);
    else if (node.type === 'table') tableRows(node, depth, out);
    else if (node.type === 'blockquote') itemsIn(node.children, depth, maxDepth, out);
  }
  return out;
}

function listItems(list: List, depth: number, maxDepth: number, out: Item[]): void {
  for (const li of list.children) {
    const first = li.children[0];
    const start = startOf(li);
    // remark leaves a task item's paragraph starting at "[x]" when its text opens with markup.
    const firstInline = li.checked != null && first?.type === 'paragraph' ? first.children[0] : undefined;
    const textStart = first ? Math.max(startOf(first), firstInline ? startOf(firstInline) : 0) : endOf(li);
    const firstText = first?.type === 'paragraph' ? first : null;
    const firstLineEnd = firstText ? lineEndWithin(firstText) : textStart;
    out.push({
      text: firstText ? plainText(firstText).replace(/\s+/g, ' ').trim() : '',
      start,
      end: endOf(li),
      textStart,
      textEnd: firstLineEnd,
      ordered: Boolean(list.ordered),
      checked: li.checked ?? null,
      depth,
      kind: 'list',
      node: li,
    });
    if (depth < maxDepth) {
      for (const child of li.children.slice(1)) if (child.type === 'list') listItems(child, depth + 1, maxDepth, out);
    }
  }
}

function lineEndWithin(p: Paragraph): number {
  const pos = p.position;
  if (!pos) return 0;
  if (pos.start.line === pos.end.line) return pos.end.offset ?? 0;
  // Multi-line paragraph: the end of the first child that ends on the first line.
  let end = pos.start.offset ?? 0;
  for (const c of p.children) {
    if (c.position && c.position.end.line === pos.start.line) end = c.position.end.offset ?? end;
    else if (c.position && c.position.start.line === pos.start.line && c.type === 'text') {
      end = (c.position.start.offset ?? 0) + c.value.split(/\r\n|\r|\n/)[0].length;
      break;
    } else break;
  }
  return end;
}

function tableRows(table: Table, depth: number, out: Item[]): void {
  for (let r = 1; r < table.children.length; r++) out.push(tableRow(table.children[r], depth));
}

function tableRow(row: TableRow, depth: number): Item {
  return {
    text: row.children.map((c) => plainText(c).trim()).filter(Boolean).join(' | '),
    start: startOf(row),
    end: endOf(row),
    textStart: startOf(row),
    textEnd: endOf(row),
    ordered: false,
    checked: null,
    depth,
    kind: 'table' as const,
    node: null,
  };
}

/**
 * Blocks introduced by a label paragraph that ends with ":" or is all bold, followed by a list.
 * With `plain`, also a label on a line of its own that names a role ("Next Steps"), see plainLabelText.
 */
export function labelledBlocks(nodes: RootContent[], plain = false): LabelledBlock[] {
  const out: LabelledBlock[] = [];
  for (let i = 0; i < nodes.length - 1; i++) {
    const next = nodes[i + 1];
    if (next.type !== 'list' && next.type !== 'table') continue;
    const label = labelText(nodes[i]) ?? (plain ? plainLabelText(nodes[i], next) : null);
    if (label === null) continue;
    const role = leadRole(label);
    if (role === null && labelText(nodes[i]) === null) continue;
    out.push({ label, role, start: startOf(nodes[i]), end: endOf(next), items: itemsIn([next]) });
  }
  return out;
}

/**
 * A label written as a plain line, without a colon or bold ("Next Steps", "Rủi ro"), when a list
 * or table follows it: one short line of text that does not end a sentence. Whether it names a
 * role is the caller's question.
 */
export function plainLabelText(node: RootContent, next: RootContent | undefined): string | null {
  if (node.type !== 'paragraph' || !next || (next.type !== 'list' && next.type !== 'table')) return null;
  if (node.children.some((c) => c.type !== 'text' && c.type !== 'emphasis' && c.type !== 'strong')) return null;
  const text = plainText(node).trim();
  if (!text || /[\r\n]/.test(text) || /[.!?;,。！？；，]$/u.test(text)) return null;
  return text.length <= 60 && text.split(/\s+/).length <= 6 ? text : null;
}

/** The label a paragraph makes: all bold, or one short line ending with a colon. */
export function labelText(node: RootContent): string | null {
  if (node.type !== 'paragraph') return null;
  const text = plainText(node).trim();
  if (!text || text.length > 80 || /[\r\n]/.test(text)) return null;
  const onlyStrong = node.children.length === 1 && node.children[0].type === 'strong';
  if (onlyStrong) return plainText(node.children[0] as Strong).trim();
  return /[:：]$/.test(text) ? text : null;
}
