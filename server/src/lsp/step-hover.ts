// Hover on a next step: how long it has stood open (sessions and days) and where it first
// appeared (commit, date, subject), from the history already read in the background.
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { carriedSteps, contentOf, outlineNote } from '../engine';
import { daysBetween } from '../project/history';
import { toRange } from './convert';
import type { HistorySource } from './history-feature';
import { filePathOf, today } from './linting';
import type { HoverSource } from './start';

export function stepAgeHover(history: HistorySource): HoverSource {
  return (doc, result, position): Hover | null => {
    const file = filePathOf(doc.uri);
    const read = file ? history.readFor(file) : null;
    if (!read || result.note.kind !== 'handoff') return null;
    const offset = result.note.lines.offset(position);
    const step = outlineNote(result.note).nextSteps.find((s) => !s.done && s.textStart <= offset && offset <= s.textEnd);
    if (!step) return null;
    const carried = carriedSteps(contentOf(result.note), read.facts.versions).find((c) => c.start === step.start);
    if (!carried) return null;
    const lines: string[] = [];
    if (!carried.since) lines.push('New in this version of the note (not in any committed version).');
    else {
      const i = read.facts.versions.findIndex((v) => v.version === carried.since);
      const mask = read.masks[i] ?? ((s: string) => s);
      const days = daysBetween(carried.since.date, today());
      lines.push(`Open for ${carried.sessions} session${carried.sessions === 1 ? '' : 's'} (${days} day${days === 1 ? '' : 's'})`);
      lines.push(`First appeared in \`${carried.since.commit.slice(0, 7)}\` · ${carried.since.date.slice(0, 10)} · ${escape(mask(carried.since.subject))}`);
    }
    if (carried.reopened) lines.push(`Reopened: ${carried.reopened.how === 'done' ? 'ticked' : 'dropped'} in \`${carried.reopened.in.commit.slice(0, 7)}\` (${carried.reopened.in.date.slice(0, 10)})`);
    return { range: toRange(result.note.lines, step.textStart, step.textEnd), contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') } };
  };
}

const escape = (s: string) => s.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
