import { defineRule } from '../lint/rule';
import { normalizeLabel } from '../model/labels';
import type { Section } from '../model/sections';

export default defineRule({
  meta: {
    id: 'duplicate-sections',
    description: 'A section appears once',
    rationale:
      'Two "Next steps" sections (often one stale, one fresh, after a merge or a copy-paste) leave the reader guessing which one is true. In a dialect, two sections matching the same schema entry are duplicates; in a free-form note, two sections with the same heading under the same parent are.',
    tags: ['structure'],
    fixable: false,
    severity: 'warning',
    appliesTo: ['handoff'],
    hygiene: false,
    examples: {
      ok: [
        { text: '# Session Handoff\n\n## Snapshot\n\n- a\n\n## What changed\n\n- b\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\n## Day 1\n\n### Done\n\n- a\n\n## Day 2\n\n### Done\n\n- b\n', path: 'HANDOFF.md', caption: 'Same heading under different parents.' },
        { text: '# Handoff\n\n## Update 2025-01-01\n\n- a\n\n## Update 2025-01-02\n\n- b\n', path: 'HANDOFF.md' },
      ],
      notOk: [
        { text: '# Session Handoff\n\n## Snapshot\n\n- a\n\n## Snapshot\n\n- b\n', path: 'HANDOFF.md' },
        { text: '---\nhandoff: session-handoff\n---\n# Session Handoff\n\n## Next steps (recommended order)\n\n1. a\n\n## Next steps\n\n1. b\n', path: 'HANDOFF.md', caption: 'Both match the same section of the dialect.' },
        { text: '# Handoff\n\n## Status\n\nok\n\n## Status\n\nstill ok\n', path: 'HANDOFF.md' },
      ],
    },
  },
  check({ note, report }) {
    const seen = new Map<string, Section>();
    const visit = (sections: Section[], parent: string) => {
      for (const s of sections) {
        const key = s.spec >= 0 ? `spec:${s.spec}` : `${parent}/${s.heading.depth}:${normalizeLabel(s.heading.text)}`;
        const first = seen.get(key);
        if (first) {
          const line = note.lines.position(first.heading.start).line + 1;
          report({ start: s.heading.textStart, end: s.heading.textEnd, message: `Duplicate section "${s.heading.text}", first at line ${line}`, });
        } else seen.set(key, s);
        visit(s.children, `${parent}/${s.heading.start}`);
      }
    };
    visit(note.sections, '');
  },
});
