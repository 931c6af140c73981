// Edits on sections shared by rules and Update Handoff: inserting a section where the dialect
// puts it, and moving one with its whole body.
import type { TextEdit } from './types';
import type { Note } from './model/note';
import type { SectionSpec } from './dialects/dialect';

export interface SkeletonValues {
  date?: string;
  branch?: string;
  head?: string;
}

export function fillSkeleton(skeleton: string, values: SkeletonValues): string {
  return skeleton
    .replace(/\$\{date\}/g, values.date ?? '')
    .replace(/\$\{branch\}/g, values.branch ?? '')
    .replace(/\$\{head\}/g, values.head ?? 'HEAD');
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

/** An edit inserting a heading and body at `at`, with blank lines around it in the note's EOL. */
export function insertBlock(note: Note, at: number, block: string): TextEdit {
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
