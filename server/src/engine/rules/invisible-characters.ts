import { defineRule } from '../lint/rule';
import { findInvisible } from '../scan/invisible';

export default defineRule({
  meta: {
    id: 'invisible-characters',
    description: 'No invisible or bidirectional control characters',
    rationale:
      'Zero-width and bidi control characters make a command or path read differently from what runs (Trojan Source). In a note the next session copies commands from, that is a trap. The fix removes the character.',
    tags: ['hygiene', 'security'],
    fixable: true,
    severity: 'warning',
    appliesTo: ['handoff', 'roadmap'],
    hygiene: true,
    examples: {
      ok: [
        { text: '# Handoff\n\nRun `npm test`.\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\nPaired with 👩\u200d💻 on it.\n', path: 'HANDOFF.md', caption: 'A joiner inside an emoji sequence.' },
        { text: '\uFEFF# Handoff\n\nA BOM at the start is fine.\n', path: 'HANDOFF.md' },
      ],
      notOk: [
        { text: '# Handoff\n\nRun `npm\u200b test`.\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\nCheck `access\u202e = admin`.\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\nPath `src/\u2066app.ts`.\n', path: 'HANDOFF.md' },
      ],
    },
  },
  check({ text, report }) {
    for (const hit of findInvisible(text)) {
      const code = 'U+' + hit.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      report({ start: hit.start, end: hit.end, message: `Invisible character ${code} ${hit.name}`, fix: { title: `Remove ${code}`, edits: [{ start: hit.start, end: hit.end, text: '' }] } });
    }
  },
});
