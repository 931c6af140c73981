// Edits on sections shared by rules and Update Handoff: inserting a section where the dialect
// puts it, and moving one with its whole body, never cutting an HTML element that spans blocks
// ("<details>" … "</details>" around sections).
import type { TextEdit } from '../types';
import type { Note } from '../model/note';
import type { Section } from '../model/sections';
import { elementsAround, htmlElements } from '../model/html-blocks';
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

/** `at`, or when it lies inside an HTML element spanning blocks (a section in "<details>"), the start of the outermost one. */
function outsideHtml(note: Note, at: number): number {
  return elementsAround(note, at)[0]?.start ?? at;
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
  // A new section never lands inside an element such as "<details>", where it would be hidden or cut it.
  at = outsideHtml(note, at);
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

/**
 * Where a section ends when it is moved: before the closing tag of an HTML element it starts
 * inside, when that tag comes first; and before the opening tag of an element that closes after
 * it, when only HTML follows that tag (a "<details><summary>…" wrapping the next sections stays
 * with them). Otherwise the section holds part of an element, and sectionMove refuses.
 */
function movableEnd(note: Note, section: Section): number {
  let end = section.end;
  for (const e of elementsAround(note, section.start)) if (e.closeStart !== null && e.closeStart < end) end = e.closeStart;
  const opened = htmlElements(note).filter((e) => e.start > section.start && e.start < end && e.end > end).sort((a, b) => a.start - b.start)[0];
  if (opened && note.root.children.every((n) => startOf(n) < opened.start || startOf(n) >= end || n.type === 'html')) end = opened.start;
  return end;
}

/** Where a section moved before `next` goes: before any HTML element around `next` that does not hold the section too. */
export function placeBefore(note: Note, section: Section, next: Section): number {
  const mine = elementsAround(note, section.start);
  return elementsAround(note, next.start).find((e) => !mine.includes(e))?.start ?? next.start;
}

/** Where a section moved after `prev` goes: inside the element `prev` ends in when the section is in it too, else after all of `prev`. */
export function placeAfter(note: Note, section: Section, prev: Section): number {
  const end = movableEnd(note, prev);
  const mine = elementsAround(note, section.start);
  return elementsAround(note, end).every((e) => mine.includes(e)) ? end : prev.end;
}

/**
 * Edits moving a section, with its body, to `to` (a section boundary), or why that would cut an
 * HTML element or take the section into or out of one (the fix is not offered then).
 */
export function sectionMove(note: Note, section: Section, to: number): { edits: TextEdit[] } | { refused: string } {
  const start = section.start;
  const end = movableEnd(note, section);
  const line = (e: { start: number }) => note.lines.position(e.start).line + 1;
  const cut = htmlElements(note).find((e) => e.start >= start && e.start < end && e.end > end);
  if (cut) return { refused: `it holds the start of <${cut.name}> (line ${line(cut)}) but not its end` };
  const from = elementsAround(note, start);
  const there = elementsAround(note, to);
  const leaving = from.find((e) => !there.includes(e));
  if (leaving) return { refused: `it sits inside <${leaving.name}> (line ${line(leaving)}) and its place is outside` };
  const entering = there.find((e) => !from.includes(e));
  if (entering) return { refused: `its place is inside <${entering.name}> (line ${line(entering)})` };
  return { edits: moveEdits(note, start, end, to) };
}

/** Edits moving text[start, end) so that it starts at `to` (a section boundary). */
function moveEdits(note: Note, start: number, end: number, to: number): TextEdit[] {
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
