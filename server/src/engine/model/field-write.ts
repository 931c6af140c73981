// Writing snapshot fields in the form the note keeps them: a value inside its code span with a
// fence that fits it, in its table cell with pipes escaped and the column's width kept, or bare;
// and fields a note lacks added after its last field, as rows when that field is a table row.
import type { Table, TableRow } from 'mdast';
import type { TextEdit } from '../types';
import type { Note } from './note';
import { cellContent, cellInside, type Field } from './fields';
import type { HeadingInfo } from './sections';
import { codeSpan } from './code-span';
import { endOf, startOf } from '../parse/parse';
import { nodesOfType } from '../parse/nodes';

/** Where a bare branch name stops when it is read back (fields.ts): such a name goes in a code span. */
const BARE_BRANCH_STOP = /[\s`()[\],;]/;

/** GFM reads `\|` in a table cell as a pipe, inside code spans too. */
const escapePipes = (s: string) => s.replace(/\|/g, '\\|');

const width = (s: string) => [...s].length;

/** The edit that writes `value` as the field's value, or null when the field already says it. */
export function fieldValueEdit(text: string, f: Field, value: string): TextEdit | null {
  if (f.value === value) return null;
  let start = f.valueStart;
  let end = f.valueEnd;
  let written = value;
  if (f.code) {
    start = f.code.start;
    end = f.code.end;
    written = codeSpan(value);
  } else if (f.key === 'branch' && (!value || BARE_BRANCH_STOP.test(value))) written = codeSpan(value);
  if (f.source !== 'table') return { start, end, text: written };
  written = escapePipes(written);
  if (!f.cell) return { start, end, text: written };
  // In a table padded to columns the cell keeps its width while the value fits.
  const pad = text.slice(end, f.cell.end);
  if (!f.cell.aligned || !/^ +$/.test(pad)) return { start, end, text: written };
  const spaces = Math.max(1, pad.length - (width(written) - width(text.slice(start, end))));
  return { start, end: f.cell.end, text: written + ' '.repeat(spaces) };
}

/**
 * The edit adding `label: value` fields: after the note's last field (as rows of its table when
 * that field is a table row), else under `anchor` (a heading), else at the top.
 */
export function addFieldsEdit(note: Note, fields: Array<{ label: string; value: string }>, anchor: HeadingInfo | null): TextEdit {
  const eol = note.lines.eol;
  const last = [...note.fields].filter((f) => f.source !== 'frontmatter').sort((a, b) => b.end - a.end)[0];
  const table = last?.source === 'table' ? nodesOfType<Table>(note, 'table').find((t) => t.children.some((r) => startOf(r) === last.start)) : undefined;
  if (table && last.cell) {
    const end = note.lines.lineEnd(note.lines.position(last.end).line);
    // Shaped like the header row: it sets the columns' widths.
    const row = (f: { label: string; value: string }) => rowLike(note.text, table.children[0], last.cell!.aligned, f.label, escapePipes(f.value));
    return { start: end, end, text: fields.map((f) => eol + row(f)).join('') };
  }
  const bullet = note.dialect.fieldStyle === 'bullet' ? '- ' : '';
  const lines = fields.map((f) => `${bullet}${f.label}: ${f.value}`).join(eol);
  if (last) {
    const end = note.lines.lineEnd(note.lines.position(last.end).line);
    return { start: end, end, text: eol + lines };
  }
  const at = anchor ? note.lines.lineEnd(note.lines.position(anchor.end).line) : 0;
  return anchor ? { start: at, end: at, text: eol + eol + lines } : { start: 0, end: 0, text: lines + eol + eol };
}

/** A row shaped like `row` (pipes, padding, and column widths when the table is `aligned`) holding `label` and `value`. */
function rowLike(text: string, row: TableRow, aligned: boolean, label: string, value: string): string {
  const cells = row.children.map((cell) => {
    const inside = cellInside(text, cell);
    const content = cellContent(text, cell);
    return { inside, lead: text.slice(inside.start, content.start) || ' ', trail: text.slice(content.end, inside.end) };
  });
  const cell = (c: (typeof cells)[number], content: string) => {
    const target = width(text.slice(c.inside.start, c.inside.end));
    const trail = aligned ? ' '.repeat(Math.max(1, target - width(c.lead) - width(content))) : c.trail || ' ';
    return c.lead + content + trail;
  };
  const [a, b] = cells;
  return text.slice(startOf(row), a.inside.start) + cell(a, label) + text.slice(a.inside.end, b.inside.start) + cell(b, value) + text.slice(b.inside.end, endOf(row));
}
