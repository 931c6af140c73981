import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'max-size',
    description: 'Notes over the size limit are linted only up to it',
    rationale:
      'A handoff of several megabytes is no longer a handoff. Structural rules stop at `maxLintBytes` (2 MB by default) to keep the editor responsive; the scans for secrets and broken characters still read the whole text.',
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
    if (text.length <= note.text.length) return;
    const mb = (note.text.length / 1_000_000).toFixed(1);
    report({ start: 0, end: 0, message: `Lint limited to the first ${mb} MB of ${(text.length / 1_000_000).toFixed(1)} MB (maxLintBytes)` });
  },
});
