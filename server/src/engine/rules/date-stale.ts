import { defineRule } from '../lint/rule';
import { findDate, formatDateLike } from '../model/dates';

export default defineRule({
  meta: {
    id: 'date-stale',
    description: 'The date is not older than the last commit of the note',
    rationale:
      'When the note was committed after the date it carries, someone changed it without refreshing the date, and the reader cannot tell how current it is. The fix writes today\'s date in the note\'s format.',
    tags: ['snapshot', 'git'],
    fixable: true,
    severity: 'warning',
    appliesTo: ['handoff'],
    hygiene: false,
    needs: ['git'],
    examples: {
      ok: [
        { text: '# Handoff\n\nDate: 2026-11-20\n', path: 'HANDOFF.md', facts: { git: { noteLastCommitDate: '2026-11-20T18:00:00Z' } } },
        { text: '# Handoff\n\nDate: 2026-11-21\n', path: 'HANDOFF.md', facts: { git: { noteLastCommitDate: '2026-11-02T09:00:00Z' } } },
        { text: '# Handoff\n\nDate: 2026-11-01\n', path: 'HANDOFF.md', facts: { git: { noteLastCommitDate: null } }, caption: 'Never committed.' },
      ],
      notOk: [
        { text: '# Handoff\n\nDate: 2026-10-01\n', path: 'HANDOFF.md', facts: { git: { noteLastCommitDate: '2026-11-02T09:00:00Z' } } },
        { text: '# Handoff\n\n**Last Updated:** October 1, 2026\n', path: 'HANDOFF.md', facts: { git: { noteLastCommitDate: '2026-10-05T09:00:00Z' } } },
        { text: '# Session Handoff\n\n## Snapshot\n\n- Date: 2026-01-31\n', path: 'HANDOFF.md', facts: { git: { noteLastCommitDate: '2026-02-01T00:30:00Z' } } },
      ],
    },
  },
  check({ note, git, today, report }) {
    const last = git?.noteLastCommitDate?.slice(0, 10);
    if (!last) return;
    for (const f of note.fields) {
      if (f.key !== 'date') continue;
      const d = findDate(f.value);
      if (!d?.iso || d.iso >= last) continue;
      report({
        start: f.valueStart,
        end: f.valueEnd,
        message: `Date ${d.text} is older than the last commit of this note (${last})`,
        fix: { title: 'Write today\'s date', edits: [{ start: f.valueStart + d.start, end: f.valueStart + d.end, text: formatDateLike(d, today) }] },
      });
    }
  },
});
