import { defineRule } from '../lint/rule';

export default defineRule({
  meta: {
    id: 'heading-levels',
    description: 'Sections sit at the dialect\'s heading level',
    rationale:
      'A "### Next steps" buried under another section disappears from the outline and from tools that read sections by level. The fix sets the heading to the dialect\'s level.',
    tags: ['structure'],
    fixable: true,
    severity: 'warning',
    appliesTo: ['handoff'],
    hygiene: false,
    examples: {
      ok: [
        { text: '---\nhandoff: session-handoff\n---\n# Session Handoff\n\n## Snapshot\n\n- Date: 2025-01-01\n\n### Details\n\ntext\n', path: 'HANDOFF.md' },
        { text: '---\nhandoff: next-chat-handoff\n---\n# Next Chat Handoff\n\n## Current Status\n\n1. a\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\n### Status\n\nok\n', path: 'HANDOFF.md', caption: 'Free-form notes pick their levels.' },
      ],
      notOk: [
        { text: '---\nhandoff: session-handoff\n---\n# Session Handoff\n\n## Snapshot\n\n- Date: 2025-01-01\n\n### What changed\n\n- x\n', path: 'HANDOFF.md' },
        { text: '---\nhandoff: next-chat-handoff\n---\n# Next Chat Handoff\n\n## Current Status\n\n1. a\n\n### Next Priority Work\n\n1. b\n', path: 'HANDOFF.md' },
        { text: '---\nhandoff: session-handoff\n---\n# Session Handoff\n\n## Snapshot\n\n- a\n\n#### Notes\n\n- b\n', path: 'HANDOFF.md' },
      ],
    },
  },
  check({ note, report }) {
    if (note.dialect.lenient) return;
    const level = note.dialect.sectionLevel;
    for (const s of note.allSections) {
      if (s.spec < 0 || s.heading.depth === level || s.heading.setext) continue;
      const hashes = /^#+/.exec(note.text.slice(s.heading.start));
      if (!hashes) continue;
      report({
        start: s.heading.start,
        end: s.heading.textEnd,
        message: `Unexpected heading level ${s.heading.depth} for "${s.heading.text}", expected ${level}`,
        fix: { title: `Make it a level ${level} heading`, edits: [{ start: s.heading.start, end: s.heading.start + hashes[0].length, text: '#'.repeat(level) }] },
      });
    }
  },
});
