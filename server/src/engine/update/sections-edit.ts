// Edits on sections shared by rules and Update Handoff: inserting a section where the dialect
// puts it, and moving one with its whole body.
import type { TextEdit } from '../types';
import type { Note } from '../model/note';
import type { SectionSpec } from '../dialects/dialect';
import { endOf, startOf } from '../parse/parse';
import { codeSpan } from '../model/code-span';

export interface SkeletonValues {
  date?: string;
  branch?: string;
  head?: string;
}

/** A skeleton with its placeholders filled; a branch written as `${branch}` gets a fence that fits it. */
export function fillSkeleton(skeleton: string, values: SkeletonValues): string {
  const branch = values.branch ?? '';
  // Replacer functions: a value holding "$&" or "$'" is written as it is.
  return skeleton
    .replace(/\$\{date\}/g, () => values.date ?? '')
    .replace(/(?<!`)`\$\{branch\}`(?!`)/g, () => (branch ? codeSpan(branch) : '``'))
    .replace(/\$\{branch\}/g, () => branch)
    .replace(/\$\{head\}/g, () => values.head ?? 'HEAD');
}

/** Offset where the section for spec index `spec` belongs, given the sections present. */
export function sectionInsertionPoint(note: Note, spec: number): number {
  const top = note.sections;
  const before = top.filter((s) => s.spec >= 0 && s.spec < spec);
  if (before.length) return before[before.length - 1].end;
  const after = top.find((s) => s.spec > spec);
  if (after) return after.start;
  return note.text.length;
}

/**
 * Start of a block at the end of the note that never closes (a fence without its closing fence,
 * an HTML comment without `-->`): it runs to the end of the text and swallows anything appended
 * after it, so insertions go before it. Null when the note ends in no such block.
 */
export function openTail(note: Note): number | null {
  const last = note.root.children[note.root.children.length - 1];
  if (!last || (last.type !== 'code' && last.type !== 'html')) return null;
  const start = startOf(last);
  const end = endOf(last);
  if (note.text.slice(end).trim() !== '') return null;
  const src = note.text.slice(start, end);
  if (last.type === 'code') {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(src);
    if (!open) return null; // indented code ends at the first line that is not indented
    const lines = src.split(/\r\n|\r|\n/);
    const close = lines.length > 1 ? lines[lines.length - 1].trim() : '';
    const closed = close.length >= open[1].length && close[0] === open[1][0] && /^(?:`+|~+)$/.test(close);
    return closed ? null : start;
  }
  const terminator = /^ {0,3}<!--/.test(src) ? '-->' : /^ {0,3}<\?/.test(src) ? '?>' : /^ {0,3}<!\[CDATA\[/.test(src) ? ']]>' : /^ {0,3}<![A-Za-z]/.test(src) ? '>' : null;
  const raw = /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i.exec(src);
  if (raw) return new RegExp(`</${raw[1]}>`, 'i').test(src) ? null : start;
  if (terminator === null) return null; // other HTML blocks end at a blank line, which insertions bring
  return src.includes(terminator, terminator === '>' ? 2 : 0) ? null : start;
}

/** An edit inserting a heading and body at `at`, with blank lines around it in the note's EOL. */
export function insertBlock(note: Note, at: number, block: string): TextEdit {
  const tail = openTail(note);
  if (tail !== null && at > tail) at = tail;
  const eol = note.lines.eol;
  const body = block.replace(/\r\n|\r|\n/g, eol).replace(/(?:\r\n|\r|\n)*$/, '');
  const before = note.text.slice(0, at);
  let prefix = '';
  if (before.length && !/(?:\r\n|\r|\n)$/.test(before)) prefix = eol + eol;
  else if (before.length && !/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)$/.test(before)) prefix = eol;
  const atEnd = at >= note.text.length;
  return { start: at, end: at, text: prefix + body + eol + (atEnd ? '' : eol) };
}

export function sectionBlock(spec: SectionSpec, level: number, values: SkeletonValues): string {
  const skeleton = fillSkeleton(spec.skeleton, values).replace(/\n$/, '');
  return `${'#'.repeat(level)} ${spec.heading}` + (skeleton ? `\n\n${skeleton}` : '');
}

/** Edits moving text[start, end) so that it starts at `to` (a section boundary). */
export function moveEdits(note: Note, start: number, end: number, to: number): TextEdit[] {
  const tail = openTail(note);
  if (tail !== null && to > tail && !(start <= tail && tail < end)) to = tail;
  const eol = note.lines.eol;
  let moved = note.text.slice(start, end);
  if (!/(?:\r\n|\r|\n)$/.test(moved)) moved += eol;
  if (!/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)$/.test(moved) && to < note.text.length) moved += eol;
  let insert = moved;
  if (to >= note.text.length) {
    const tail = note.text;
    if (!/(?:\r\n|\r|\n)$/.test(tail)) insert = eol + eol + moved;
    else if (!/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)$/.test(tail)) insert = eol + moved;
    insert = insert.replace(/(?:\r\n|\r|\n)+$/, eol);
  }
  return [
    { start, end, text: '' },
    { start: to, end: to, text: insert },
  ];
}
