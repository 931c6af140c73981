// How long each open next step has been in its note (from the note's history): sessions (the
// committed versions it was open in) and days, whether it came back after being ticked or
// dropped, and where it first appeared. The Next Steps view shows it, sorts and filters by it.
import * as vscode from 'vscode';
import type { HistoryResult, HistoryStep, OutlineStep } from '../../../server/src/protocol';
import { dayOf, shortCommit } from './timeline-view';

/** The history's entry for each outline step: same text, on the same line when the text repeats. */
export function agesOf(steps: OutlineStep[], history: HistoryResult | undefined): Map<OutlineStep, HistoryStep> {
  const out = new Map<OutlineStep, HistoryStep>();
  if (!history || history.state !== 'ok') return out;
  const unused = [...history.steps];
  const take = (s: OutlineStep, match: (h: HistoryStep) => boolean) => {
    const i = unused.findIndex(match);
    if (i < 0) return;
    out.set(s, unused[i]);
    unused.splice(i, 1);
  };
  const open = steps.filter((s) => !s.done);
  for (const s of open) take(s, (h) => h.text === s.text && (h.line === s.textRange.start.line || h.line === s.range.start.line));
  for (const s of open) if (!out.has(s)) take(s, (h) => h.text === s.text);
  return out;
}

/** "6 sessions · 35 d · reopened"; undefined for a step no committed version had. */
export function ageText(age: HistoryStep | undefined): string | undefined {
  if (!age || (!age.since && !age.reopened)) return undefined;
  const parts = [`${age.sessions} session${age.sessions === 1 ? '' : 's'}`];
  if (age.days !== null) parts.push(`${age.days} d`);
  if (age.reopened) parts.push('reopened');
  return parts.join(' · ');
}

export function ageTooltip(md: vscode.MarkdownString, age: HistoryStep | undefined): void {
  if (!age) return;
  if (age.since) {
    md.appendMarkdown(`\n\nFirst appeared on ${dayOf(age.since.date)} in \`${shortCommit(age.since.commit)}\``);
    md.appendMarkdown(` · open for ${age.sessions} session${age.sessions === 1 ? '' : 's'}${age.days !== null ? `, ${age.days} day${age.days === 1 ? '' : 's'}` : ''}`);
  } else md.appendMarkdown('\n\nNot in any committed version of the note yet');
  if (age.reopened) md.appendMarkdown(`\n\nReopened: it was ${age.reopened.how === 'done' ? 'ticked' : 'dropped'} in \`${shortCommit(age.reopened.commit)}\` (${dayOf(age.reopened.date)}) and came back`);
}

/** Older first (sessions, then days); steps without an age keep their order after them. */
export function byAge(a: HistoryStep | undefined, b: HistoryStep | undefined): number {
  return (b?.sessions ?? 0) - (a?.sessions ?? 0) || (b?.days ?? -1) - (a?.days ?? -1);
}
