import { defineRule } from '../lint/rule';
import { findDate } from '../model/dates';

export default defineRule({
  meta: {
    id: 'date-format',
    description: 'The snapshot date is a real date, not in the future',
    rationale:
      'The date tells the next session how old the note is. It must parse (ISO dates, ISO date-times, or "Month D, YYYY"), exist on the calendar (no 2024-02-30), and not lie in the future.',
    tags: ['snapshot'],
    fixable: false,
    severity: 'warning',
    appliesTo: ['handoff'],
    hygiene: false,
    examples: {
      ok: [
        { text: '# Next Chat Handoff\n\nDate: 2025-02-22\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\n**Last Updated:** December 14, 2025\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\nDate: 2025-02-22T10:15:00Z\n', path: 'HANDOFF.md' },
      ],
      notOk: [
        { text: '# Handoff\n\nDate: 2024-02-30\n', path: 'HANDOFF.md', caption: 'Not on the calendar.' },
        { text: '# Handoff\n\nDate: 2999-01-01\n', path: 'HANDOFF.md', caption: 'In the future.' },
        { text: '# Handoff\n\nDate: last Tuesday\n', path: 'HANDOFF.md', caption: 'Not a date.' },
      ],
    },
  },
  check({ note, report, today }) {
    for (const f of note.fields) {
      if (f.key !== 'date') continue;
      const d = findDate(f.value);
      const at = { start: f.valueStart, end: Math.max(f.valueEnd, f.valueStart) };
      if (!d) report({ ...at, message: `Unexpected date "${f.value}", expected YYYY-MM-DD` });
      else if (!d.iso) report({ ...at, message: `Invalid date "${d.text}": no such day` });
      else if (d.iso > today) report({ ...at, message: `Date ${d.text} is in the future (today is ${today})` });
    }
  },
});
