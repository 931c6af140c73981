// The text of a new handoff note from a dialect (or the project's template), filled with
// today's date and, when known, the branch, HEAD and worktree state.
import type { Dialect } from '../dialects/dialect';
import { fillSkeleton } from './sections-edit';
import { codeSpan } from '../model/code-span';

export interface NewNoteValues {
  date: string;
  branch?: string | null;
  head?: string | null;
  dirty?: boolean | null;
}

export function newNoteText(dialect: Dialect, values: NewNoteValues, eol = '\n'): string {
  const v = { date: values.date, branch: values.branch ?? '', head: values.head?.slice(0, 7) ?? 'HEAD' };
  const parts: string[] = [`# ${dialect.title ?? 'Handoff'}`];
  if (dialect.fieldsIn === 'preamble' && dialect.fields.length) {
    parts.push(
      dialect.fields
        .map((f) => {
          const value = f.key === 'date' ? v.date : f.key === 'branch' ? (v.branch ? codeSpan(v.branch) : '``') : f.key === 'commit' || f.key === 'upstream' ? codeSpan(v.head) : f.key === 'worktree' ? (values.dirty ? 'dirty' : 'clean') : '';
          return `${dialect.fieldStyle === 'bullet' ? '- ' : ''}${f.label}: ${value}`;
        })
        .join('\n'),
    );
  }
  for (const s of dialect.sections) parts.push(`${'#'.repeat(dialect.sectionLevel)} ${s.heading}\n\n${fillSkeleton(s.skeleton, v)}`.replace(/\n+$/, ''));
  return parts.join('\n\n').replace(/\n/g, eol) + eol;
}
