import { defineRule } from '../lint/rule';
import { normalizeLabel, stripQualifiers } from '../model/labels';

function droppedQualifier(canonical: string, heading: string): boolean {
  const c = normalizeLabel(canonical);
  const h = normalizeLabel(heading);
  return stripQualifiers(c) !== c && stripQualifiers(h) === h;
}

export default defineRule({
  meta: {
    id: 'heading-names',
    description: 'Section headings use the dialect\'s canonical names',
    rationale:
      'Tools and people search a handoff by its headings. A heading that is close to the canonical one ("Next Step", "Risks") but not it drifts further with every session. The heading is matched by alias and fuzzily; the fix renames it. Qualifiers the author adds in parentheses are kept as they are.',
    tags: ['structure'],
    fixable: true,
    severity: 'warning',
    appliesTo: ['handoff'],
    hygiene: false,
    examples: {
      ok: [
        { text: '---\nhandoff: session-handoff\n---\n# Session Handoff\n\n## Known issues / risks\n\n- none\n', path: 'HANDOFF.md' },
        { text: '---\nhandoff: next-chat-handoff\n---\n# Next Chat Handoff\n\n## What Landed (Latest Relevant Backend Work)\n\n1. x\n', path: 'HANDOFF.md', caption: 'A qualifier in parentheses is the author\'s.' },
        { text: '# Handoff\n\n## Risks\n\n- x\n', path: 'HANDOFF.md', caption: 'Free-form notes name sections as they like.' },
      ],
      notOk: [
        { text: '---\nhandoff: session-handoff\n---\n# Session Handoff\n\n## Risks\n\n- none\n', path: 'HANDOFF.md', caption: 'An alias.' },
        { text: '---\nhandoff: session-handoff\n---\n# Session Handoff\n\n## Next step (recommended order)\n\n1. x\n', path: 'HANDOFF.md', caption: 'A near miss.' },
        { text: '---\nhandoff: next-chat-handoff\n---\n# Next Chat Handoff\n\n## Current Stauts\n\n1. x\n', path: 'HANDOFF.md', caption: 'A typo.' },
      ],
    },
  },
  check({ note, report }) {
    if (note.dialect.lenient) return;
    for (const s of note.allSections) {
      if (s.spec < 0 || s.match === 'exact' || s.match === 'none') continue;
      const canonical = note.dialect.sections[s.spec].heading;
      // A qualifier the author added is theirs; one the dialect has and the heading dropped is drift.
      if (s.match === 'qualified' && !droppedQualifier(canonical, s.heading.text)) continue;
      report({
        start: s.heading.textStart,
        end: s.heading.textEnd,
        message: `Unexpected heading "${s.heading.text}", expected "${canonical}"`,
        fix: { title: `Rename to "${canonical}"`, edits: [{ start: s.heading.textStart, end: s.heading.textEnd, text: canonical }] },
      });
    }
  },
});
