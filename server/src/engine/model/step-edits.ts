// Edits that put a next step aside: move it to the note's Backlog (or Later, Someday, Parked)
// section, creating a "Backlog" section at the end when there is none, or mark it dropped in a
// form the outline reads as closed and an undo restores: a task item gets the `[-]` marker, any
// other item is struck through (`~~…~~`).
import type { TextEdit } from '../types';
import type { OutlineStep } from '../outline/outline';
import type { Note } from './note';
import { normalizeLabel } from './labels';

/** A heading or label that parks steps for later rather than next. */
export const PARKED = /\b(?:backlog|later|someday|parked|icebox|on hold|not now|deferred)\b/u;

export const isParked = (label: string): boolean => PARKED.test(normalizeLabel(label));

/** The lines of the whole item, with their line break. */
function itemLines(note: Note, step: OutlineStep): { start: number; end: number } {
  const first = note.lines.position(step.start).line;
  const last = note.lines.position(step.end).line;
  const end = last + 1 < note.lines.lineCount ? note.lines.lineStart(last + 1) : note.text.length;
  return { start: note.lines.lineStart(first), end };
}

/** Moves a list step to the end of the parked section (a new "Backlog" section when there is none). */
export function moveToBacklog(note: Note, step: OutlineStep): { title: string; edits: TextEdit[] } | null {
  if (step.kind !== 'list') return null;
  const eol = note.lines.eol;
  const lines = itemLines(note, step);
  const raw = note.text.slice(lines.start, lines.end).replace(/\r?\n$/, '');
  const item = raw.replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/, '- ');
  const parked = note.allSections.find((s) => isParked(s.heading.text));
  const remove: TextEdit = { start: lines.start, end: lines.end, text: '' };
  if (parked) {
    let at = parked.end;
    while (at > parked.heading.end && /\s/.test(note.text[at - 1])) at--;
    if (at >= lines.start && at <= lines.end) return null;
    const gap = at === parked.heading.end ? `${eol}${eol}` : eol;
    return { title: `Move to "${parked.heading.text}"`, edits: [remove, { start: at, end: at, text: `${gap}${item}` }].sort((a, b) => a.start - b.start) };
  }
  const depth = note.allSections.find((s) => s.start <= step.start && step.start < s.end && s.role === 'next')?.heading.depth ?? 2;
  let at = note.text.length;
  while (at > 0 && /\s/.test(note.text[at - 1])) at--;
  return { title: 'Move to a new "Backlog" section', edits: [remove, { start: at, end: note.text.length, text: `${eol}${eol}${'#'.repeat(depth)} Backlog${eol}${eol}${item}${eol}` }] };
}

/** Marks a step dropped: `[-]` for a task item, `~~…~~` around the first line of any other. */
export function markDropped(note: Note, step: OutlineStep): { title: string; edits: TextEdit[] } | null {
  if (step.kind !== 'list') return null;
  if (step.checkbox) return { title: 'Mark as dropped ([-])', edits: [{ start: step.checkbox.start, end: step.checkbox.end, text: '[-]' }] };
  const text = note.text.slice(step.textStart, step.textEnd);
  if (!text.trim() || text.includes('~~')) return null;
  return { title: 'Mark as dropped (strike through)', edits: [{ start: step.textStart, end: step.textStart, text: '~~' }, { start: step.textEnd, end: step.textEnd, text: '~~' }] };
}
