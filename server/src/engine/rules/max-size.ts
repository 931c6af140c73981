import { defineRule } from '../lint/rule';

export default defineRule({
  meta: {
    id: 'max-size',
    description: 'Notes over the size limit are linted only up to it; notes too complex to parse only for secrets and characters',
    rationale:
      'A handoff of several megabytes is no longer a handoff. Structural rules stop at `maxLintBytes` (2 MB by default) to keep the editor responsive; the scans for secrets and broken characters still read the whole text. A note nested more than 100 levels deep, with thousands of emphasis, link or HTML delimiters in one paragraph, or with more blocks than 5,000 plus 50,000 per MB (list items, headings, table cells, code blocks, paragraphs: 160 KB of `- [ ] x` lines is 20,000) would take the Markdown parser from seconds to minutes (or overflow its stack): its structure is not checked at all, and the text scans still run. In the editor a document over 1 MB or 50,000 lines is linted in a worker thread, so other notes never wait for it; it gets no quick fixes, outline, hovers or Update.',
    tags: ['hygiene'],
    fixable: false,
    severity: 'info',
    appliesTo: ['handoff', 'roadmap'],
    hygiene: true,
    examples: {
      ok: [
        { text: '# Handoff\n\nSmall.\n', path: 'HANDOFF.md' },
        { text: '# Roadmap\n\n- [ ] a\n', path: 'ROADMAP.md' },
        { text: '', path: 'HANDOFF.md' },
      ],
      notOk: [],
    },
  },
  check({ note, text, report }) {
    if (note.unparsed) report({ start: 0, end: 0, message: `Structure not checked: ${note.unparsed}; only secrets, personal data and characters are checked` });
    if (text.length <= note.text.length) return;
    const mb = (note.text.length / 1_000_000).toFixed(1);
    report({ start: 0, end: 0, message: `Lint limited to the first ${mb} MB of ${(text.length / 1_000_000).toFixed(1)} MB (maxLintBytes)` });
  },
});
