// Applying fixes: non-overlapping edits, bottom-up, so one function serves the CLI's --fix,
// the editor's "fix all" and the tests.
import type { Finding, Fix, TextEdit } from '../types';

/** Fixes that can be applied together: any fix that overlaps an earlier one is left out. */
export function compatibleFixes(fixes: Fix[]): Fix[] {
  const taken: TextEdit[] = [];
  const out: Fix[] = [];
  // Two insertions at the same point do not conflict: they are joined in finding order.
  const overlaps = (a: TextEdit, b: TextEdit) =>
    (a.start < b.end && b.start < a.end) ||
    (a.start === a.end && a.start > b.start && a.start < b.end) ||
    (b.start === b.end && b.start > a.start && b.start < a.end);
  for (const fix of fixes) {
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...fix.edits);
    out.push(fix);
  }
  return out;
}

/** Edits of all compatible fixes, insertions at one point joined, sorted from the end of the text. */
export function fixEdits(findings: Finding[]): TextEdit[] {
  const fixes = compatibleFixes(findings.flatMap((f) => (f.fix ? [f.fix] : [])));
  const merged: TextEdit[] = [];
  for (const e of fixes.flatMap((f) => f.edits)) {
    const same = e.start === e.end ? merged.find((m) => m.start === e.start && m.end === e.start) : undefined;
    if (same) same.text += e.text;
    else merged.push({ ...e });
  }
  return merged.sort((a, b) => b.start - a.start || b.end - a.end);
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  return out;
}

/** Applies every compatible fix among the findings. */
export function applyFixes(text: string, findings: Finding[]): string {
  return applyEdits(text, fixEdits(findings));
}
