import { defineRule } from '../lint/rule';
import { findInvisible } from '../scan/invisible';

export default defineRule({
  meta: {
    id: 'invisible-characters',
    description: 'No invisible, bidirectional or terminal control characters',
    rationale:
      'Zero-width and bidi control characters make a command or path read differently from what runs (Trojan Source). In a note the next session copies commands from, that is a trap. Control characters (ESC and the other C0 and C1 controls but tab and line breaks) start terminal escape sequences that clear the screen, set the window title or hide text when the note is printed in a terminal. The fix removes the character.',
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
        { text: '# Handoff\n\n| Step\t| Command |\n|---|---|\n| 1\t| `make` |\n', path: 'HANDOFF.md', caption: 'Tabs and line breaks are not control characters here.' },
      ],
      notOk: [
        { text: '# Handoff\n\nRun `npm\u200b test`.\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\nCheck `access\u202e = admin`.\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\nPath `src/\u2066app.ts`.\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\nRun \u001b[2J`make`.\n', path: 'HANDOFF.md', caption: 'An escape sequence that clears the terminal.' },
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
