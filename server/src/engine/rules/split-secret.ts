import { defineRule } from '../lint/rule';
import { redaction } from '../scan/mask';
import { fakeToken } from '../examples/fake-token';

const GH = 'gh' + 'p_';

export default defineRule({
  meta: {
    id: 'split-secret',
    description: 'No token hard-wrapped across lines',
    rationale:
      'A token with a known prefix that is wrapped at the end of a line escapes scanners that read line by line. This heuristic reports a known prefix with at least eight token characters at a line end that continues on the next line.',
    tags: ['hygiene', 'security'],
    fixable: true,
    severity: 'warning',
    appliesTo: ['handoff', 'roadmap'],
    hygiene: true,
    examples: {
      ok: [
        { text: '# Handoff\n\nThe token lives in the vault.\n', path: 'HANDOFF.md' },
        { text: `# Handoff\n\nUse a ${GH}… token with repo scope.\n`, path: 'HANDOFF.md' },
        { text: '# Handoff\n\n- AKIA keys are rotated monthly.\n', path: 'HANDOFF.md' },
      ],
      notOk: [
        { text: `# Handoff\n\ntoken ${GH}${fakeToken(17, 12)}\n${fakeToken(19, 24)}\n`, path: 'HANDOFF.md' },
        { text: `# Handoff\n\n${GH}${fakeToken(23, 12)}\n${fakeToken(29, 24)}\n`, path: 'HANDOFF.md' },
        { text: `# Handoff\n\n- ${GH}${fakeToken(31, 12)}\n  ${fakeToken(37, 24)}\n`, path: 'HANDOFF.md' },
      ],
    },
  },
  check({ report, secrets }) {
    for (const hit of secrets()) {
      if (hit.certainty !== 'possible-split') continue;
      report({
        start: hit.start,
        end: hit.end,
        message: `Possible split secret (${hit.kind}): ${hit.preview}`,
        fix: { title: 'Redact the secret', edits: [{ start: hit.start, end: hit.end, text: redaction(hit) }] },
      });
    }
  },
});
