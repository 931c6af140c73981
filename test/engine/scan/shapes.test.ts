// gitleaks' token shapes (scan/shapes.ts): every shape is found with its exact range in a note, shown
// only as a masked preview, and redacted by the fix; values that only look alike are not reported;
// the keyword-gated regexes stay linear on adversarial input. Values are drawn at test time from
// each shape's own pattern with a seeded PRNG (no token-shaped literal is committed).
import { strict as assert } from 'node:assert';
import { applyFixes, lint } from '../../../server/src/engine';
import { findSecrets } from '../../../server/src/engine/scan/secrets';
import fc from 'fast-check';
import { presentKeywordsIn, SHAPES } from '../../../server/src/engine/scan/shapes';
import { WINDOW } from '../../../server/src/engine/scan/masker';
import { assertExactHit, makeR, prng, sampleOf, SETS, timeMs, uuid } from './util';

const next = prng(0x5a9e);
const R = makeR(0x5a9f);
const TODAY = '2026-11-22';

/** A plausible value of `shape`: drawn from its pattern; for Basic auth, base64 of `user:password`. */
export function plausible(shape: (typeof SHAPES)[number]): string {
  if (shape.kind === 'HTTP basic credentials') return Buffer.from(`deploy:${R(20, SETS.alnum)}`).toString('base64');
  return sampleOf(shape.secret, next);
}

function windows(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + WINDOW <= s.length; i++) out.push(s.slice(i, i + WINDOW));
  return out;
}

describe('scan: gitleaks token shapes', () => {
  it('finds a keyword exactly when the lower-cased text holds it (İ and the Kelvin sign, which lower-case into ASCII, included)', () => {
    const keywords = [...new Set(SHAPES.flatMap((s) => s.keywords))];
    const pieces = fc.oneof(fc.constantFrom(...keywords), fc.constantFrom(...keywords).map((k) => k.toUpperCase()), fc.constantFrom('\u0130', '\u212a', 'K', 'ß', 'Ä', 'é', '😀', ' ', '_', '-', 'x', 'S'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const lower = text.toLowerCase();
        assert.deepEqual([...presentKeywordsIn(text)].sort(), keywords.filter((k) => lower.includes(k)).sort(), JSON.stringify(text));
      }),
      { seed: 7, numRuns: 3000 },
    );
    // Each way in: the Kelvin sign reads as `k` only through lower-casing, so the copy is made.
    assert.ok(presentKeywordsIn('S\u212a').has('sk'));
    assert.ok(!presentKeywordsIn('S\u212b').has('sk'));
  });

  it('the table is well formed: every shape has a kind, lower-case keywords and a pattern its own samples match', () => {
    assert.ok(SHAPES.length >= 140, `${SHAPES.length} shapes`);
    for (const s of SHAPES) {
      assert.ok(s.kind && s.keywords.every((k) => k === k.toLowerCase() && k.length >= 2), s.kind);
      const v = plausible(s);
      assert.match(v, new RegExp(`^(?:${s.secret})$`, s.re.flags.replace('g', '')), `${s.kind}: its sample does not match its pattern`);
    }
  });

  for (const shape of SHAPES) {
    it(`${shape.kind} (${shape.gitleaks.join(', ') || 'Handoff'}): found on its exact range, masked, redacted by the fix`, () => {
      for (let k = 0; k < 3; k++) {
        const value = plausible(shape);
        const text = `# Handoff\n\n## Next steps\n\n1. Rotate ${shape.before}${value} today.\n`;
        const hit = assertExactHit(text, findSecrets(text), value);
        assert.equal(hit.certainty, 'secret', `${shape.kind}: ${hit.certainty}`);
        assert.equal(hit.kind, shape.kind);
        const body = value.slice(shape.prefix && value.startsWith(shape.prefix) ? shape.prefix.length : 0);
        for (const w of windows(body)) assert.ok(!hit.preview.includes(w), `${shape.kind}: the preview shows part of the value`);
        const result = lint({ text, path: 'HANDOFF.md', today: TODAY });
        const finding = result.findings.find((f) => f.ruleId === 'no-secrets');
        assert.ok(finding?.fix, `${shape.kind}: no redact fix`);
        for (const w of windows(body)) assert.ok(!finding.message.includes(w), `${shape.kind}: the message shows part of the value`);
        const fixed = applyFixes(text, [finding]);
        assert.ok(!fixed.includes(body), `${shape.kind}: --fix left the value`);
        assert.deepEqual(findSecrets(fixed).filter((h) => h.certainty === 'secret'), [], `${shape.kind}: a secret is left after the fix`);
      }
    });
  }

  it('the shapes of the reported misses, in the notes where they were pasted', () => {
    const cases: Array<[string, string]> = [
      ['GitLab token', 'glpat-' + R(20, SETS.b64url)],
      ['Hugging Face token', 'hf_' + R(34, 'A-Za-z')],
      ['PyPI upload token', 'pypi-' + 'AgEIcHlwaS5vcmc' + R(70, SETS.b64url)],
      ['DigitalOcean token', 'dop_v1_' + R(64, SETS.hex)],
      ['SendGrid key', 'SG.' + R(10, SETS.alnum) + '-' + R(11, SETS.alnum) + '.' + R(43, SETS.b64url)],
      ['Twilio API key', 'SK' + R(32, SETS.hex)],
      ['Discord bot token', 'M' + R(25, SETS.alnum) + '.' + R(6, SETS.b64url) + '.' + R(38, SETS.b64url)],
      ['Telegram bot token', R(9, SETS.digits) + ':AA' + R(33, SETS.b64url)],
    ];
    for (const [kind, value] of cases) {
      const text = `# Handoff\n\n- Deployed with \`${value}\`.\n`;
      const hit = assertExactHit(text, findSecrets(text), value);
      assert.equal(hit.kind, kind);
    }
    const key = R(86, SETS.base64) + '==';
    const azure = `# Handoff\n\n\`DefaultEndpointsProtocol=https;AccountName=app;AccountKey=${key};EndpointSuffix=core.windows.net\`\n`;
    assert.equal(assertExactHit(azure, findSecrets(azure), key).kind, 'Azure storage account key');
    const basic = Buffer.from(`deploy:${R(16, SETS.alnum)}`).toString('base64');
    const header = `# Handoff\n\ncurl -H "Authorization: Basic ${basic}" https://api.example.com\n`;
    assert.equal(assertExactHit(header, findSecrets(header), basic).kind, 'HTTP basic credentials');
  });

  it('does not flag what only looks alike: hashes, UUIDs, integrity strings, ids, prose and stand-ins', () => {
    const sha = R(40, SETS.hex);
    const negatives = [
      `HEAD: \`${sha}\`, upstream \`${R(40, SETS.hex)}\``,
      `commit ${sha.slice(0, 12)} and ${sha}`,
      `request id ${uuid(R)}`,
      `"integrity": "sha512-${R(86, SETS.base64)}=="`,
      `"integrity": "sha1-${R(27, SETS.base64)}="`,
      '`glpat-' + 'x'.repeat(20) + '` (placeholder)',
      'hf_' + 'your_token_here_and_more_words_x',
      'SK' + '0'.repeat(32),
      'Authorization: Basic <base64 of user:password>',
      'Authorization: Basic ${BASIC_AUTH}',
      'Telegram bot token: `<set in env>`',
      'discord: https://discord.com/channels/123/456',
      'AccountKey=${AZURE_STORAGE_KEY}',
      'api_version=2024-01-01, token_endpoint=https://auth.example.com/token',
      'branch: feature/token-refresh, `sk_test_YOUR_KEY`',
      'sentry project: `my-service`, datadog site: `datadoghq.eu`',
      'The Heroku app runs on `web.1`; Twilio sends SMS.',
    ];
    for (const n of negatives) {
      const text = `# Handoff\n\n- ${n}\n`;
      const hits = findSecrets(text).filter((h) => h.certainty === 'secret');
      assert.deepEqual(hits.map((h) => `${h.kind}: ${text.slice(h.start, h.start + 6)}`), [], `flagged: ${n.slice(0, 40)}`);
    }
  });

  it('keyword prefilter and bounded patterns: adversarial repeats of every keyword report no secret (timings printed, never asserted)', () => {
    for (const shape of SHAPES) {
      const unit = shape.keywords[0] + ' = ' + (shape.before || '') + 'a';
      const one = unit.repeat(Math.ceil(8_000 / unit.length));
      const two = unit.repeat(Math.ceil(16_000 / unit.length));
      for (const text of [one, two]) assert.deepEqual(findSecrets(text), [], `${shape.kind}: a hit in ${text.length} characters of "${unit}"`);
    }
    const near = SHAPES.map((s) => s.before + (s.prefix ?? '') + '-'.repeat(300)).join('\n').repeat(20);
    let hits: ReturnType<typeof findSecrets> = [];
    const ms = timeMs(() => (hits = findSecrets(near)));
    console.log(`      every keyword, 300 filler characters each: ${ms.toFixed(0)} ms for ${near.length / 1000} K chars`);
    assert.deepEqual(hits.filter((h) => h.certainty === 'secret').map((h) => h.kind), [], 'filler reported as a secret');
  });
});
