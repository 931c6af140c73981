import { defineRule } from '../lint/rule';
import { redaction } from '../scan/mask';
import { commitValueRanges } from '../model/commit-values';
import { fakeToken } from '../examples/fake-token';
import { coveredShapesMarkdown } from '../scan/coverage';

// Examples build token shapes from pieces so that no token-shaped literal sits in the source.
const GH = 'gh' + 'p_';
const FAKE = fakeToken(7, 36);

export default defineRule({
  meta: {
    id: 'no-secrets',
    description: 'No tokens, keys or passwords',
    rationale:
      'Handoffs are committed, pasted into chats and read by agents. A token pasted "for the next session" is a leaked token. Known token shapes (the rule list of gitleaks\' default configuration and secretlint\'s recommended preset: GitHub, GitLab, AWS, Slack, OpenAI, Anthropic, Stripe, Hugging Face, private keys, JWTs, …, listed below), also when Markdown escapes, encodes or wraps them, and high-entropy values assigned to names like `password` or `api_key` are reported; placeholders such as `${TOKEN}` or `<your-token>` and commit hashes are not. The message shows only a masked preview. The fix replaces the value with `<redacted>` — rotate the credential as well.',
    finds: coveredShapesMarkdown(),
    tags: ['hygiene', 'security'],
    fixable: true,
    severity: 'error',
    appliesTo: ['handoff', 'roadmap'],
    hygiene: true,
    examples: {
      ok: [
        { text: '# Handoff\n\nSet `GITHUB_TOKEN=${GITHUB_TOKEN}` in the shell.\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\n- password: `<your-password>`\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\nHEAD: `8b0fd91c4e2a7f3d1b6e9c0a5f8d2e4b7c1a3f6e`\n', path: 'HANDOFF.md' },
      ],
      notOk: [
        { text: `# Handoff\n\nToken for CI: ${GH}${FAKE}\n`, path: 'HANDOFF.md' },
        { text: '# Handoff\n\n- `password = "' + fakeToken(11, 20) + '"`\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\n`postgres://app:' + fakeToken(13, 16) + '@db.internal:5432/app`\n', path: 'HANDOFF.md' },
      ],
    },
  },
  check({ note, report, secrets }) {
    const exempt = commitValueRanges(note);
    for (const hit of secrets()) {
      if (hit.certainty !== 'secret') continue;
      if (exempt.some(([s, e]) => hit.start >= s && hit.end <= e)) continue;
      report({
        start: hit.start,
        end: hit.end,
        message: `Possible secret (${hit.kind}): ${hit.preview}`,
        fix: { title: 'Redact the secret', edits: [{ start: hit.start, end: hit.end, text: redaction(hit) }] },
      });
    }
  },
});
