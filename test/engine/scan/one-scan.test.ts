// One secret scan per lint: the secret rules and the masker of every finding read the same scan of
// the note's text, made on first use, and a front end's masker for the linted note reuses it. The
// scans are counted through the scanner's observer, not timed.
import { strict as assert } from 'node:assert';
import { lint, lintWith, maskerForNote, noteOf, RULES, type Finding, type Rule } from '../../../server/src/engine';
import { commitValueRanges } from '../../../server/src/engine/model/commit-values';
import { maskerFor } from '../../../server/src/engine/scan/masker';
import { findSecrets, observeSecretScans } from '../../../server/src/engine/scan/secrets';
import { corpusNotes, TODAY } from '../../reliability/helpers';
import { makeR, SETS } from './util';

const R = makeR(0x51c4);
const TOKEN = 'gh' + 'p_' + R(36, SETS.alnum);
const SPLIT = 'gh' + 'p_' + R(12, SETS.alnum) + '\n' + R(24, SETS.alnum);
const PASSWORD = R(20, SETS.alnum);
const HASH = R(40, SETS.hex);
// A token in a heading (other rules quote it), a wrapped token, a password and a commit hash.
const NOTE = `# Session Handoff\n\n## Snapshot\n\n- Branch: \`main\`\n- HEAD: \`${HASH}\`\n\n## Steps ${TOKEN}\n\n- ${SPLIT}\n- \`password = "${PASSWORD}"\`\n`;

/** How many times `run` scans `text` for secrets (other texts, such as messages, are not counted). */
function countScans(text: string, run: () => void): number {
  let scans = 0;
  observeSecretScans((t) => {
    if (t === text) scans++;
  });
  try {
    run();
  } finally {
    observeSecretScans(null);
  }
  return scans;
}

const bySecretRules = (f: Finding) => f.ruleId === 'no-secrets' || f.ruleId === 'split-secret';

describe('scan: one secret scan per lint', () => {
  it('a whole lint scans the text once, and the linted note\'s masker scans it no more', () => {
    let result: ReturnType<typeof lint> | undefined;
    assert.equal(countScans(NOTE, () => (result = lint({ text: NOTE, path: 'HANDOFF.md', today: TODAY }))), 1);
    assert.ok(result!.findings.some((f) => f.ruleId === 'no-secrets'));
    assert.ok(result!.findings.some((f) => f.ruleId === 'split-secret'));
    assert.equal(countScans(NOTE, () => {
      result!.mask(`Steps ${TOKEN}`);
      maskerForNote(result!.note)(`Steps ${TOKEN}`);
    }), 0);
  });

  it('a lint of a built note scans once, and linting that note again reuses the scan', () => {
    const note = noteOf({ text: NOTE, path: 'HANDOFF.md' });
    assert.equal(countScans(NOTE, () => lint({ text: NOTE, path: 'HANDOFF.md', today: TODAY, note })), 1);
    assert.equal(countScans(NOTE, () => lint({ text: NOTE, path: 'HANDOFF.md', today: TODAY, note })), 0);
  });

  it('without the secret rules a lint scans only to mask findings: once when it has some, never when it has none', () => {
    const others = RULES.filter((r) => r.meta.id !== 'no-secrets' && r.meta.id !== 'split-secret');
    let findings: Finding[] = [];
    assert.equal(countScans(NOTE, () => ({ findings } = lintWith({ text: NOTE, path: 'HANDOFF.md', today: TODAY, rules: others }))), 1);
    assert.ok(findings.length > 0);
    const clean = '# Notes\n\nNothing to see.\n';
    assert.equal(countScans(clean, () => lintWith({ text: clean, path: 'notes.md', today: TODAY, rules: others })), 0);
  });

  it('the secret rules report exactly the scan\'s hits, and every finding is masked as by a masker of its own scan', () => {
    const result = lint({ text: NOTE, path: 'HANDOFF.md', today: TODAY });
    const hits = findSecrets(NOTE);
    const exempt = commitValueRanges(result.note);
    const expected = hits
      .filter((h) => h.certainty !== 'placeholder' && !(h.certainty === 'secret' && exempt.some(([s, e]) => h.start >= s && h.end <= e)))
      .map((h) => [h.certainty === 'secret' ? 'no-secrets' : 'split-secret', h.start, h.end].join(':'));
    assert.deepEqual(result.findings.filter(bySecretRules).map((f) => [f.ruleId, f.start, f.end].join(':')), expected);
    const independent = maskerFor(NOTE, exempt, hits);
    for (const f of result.findings) {
      for (const secret of [TOKEN, SPLIT, PASSWORD]) assert.ok(!f.message.includes(secret), `${f.ruleId} shows a secret: ${f.message}`);
      assert.equal(result.mask(f.message), independent(f.message));
    }
    for (const probe of [`Steps ${TOKEN}`, `token ${SPLIT}`, `password ${PASSWORD}`, `HEAD ${HASH}`]) assert.equal(result.mask(probe), independent(probe));
  });

  it('over the corpus: one scan per lint, and the findings and their masking as with a scan of their own', () => {
    for (const n of corpusNotes()) {
      const text = `${n.text}\n\n- Key: ${TOKEN}\n`;
      let result: ReturnType<typeof lint> | undefined;
      assert.equal(countScans(text, () => (result = lint({ text, path: n.path, today: TODAY }))), 1, n.path);
      const independent = maskerFor(text, commitValueRanges(result!.note), findSecrets(text));
      for (const f of result!.findings) assert.ok(!f.message.includes(TOKEN), `${n.path}: ${f.message}`);
      for (const line of text.split('\n')) assert.equal(result!.mask(line), independent(line), n.path);
    }
  });

  it('the texts of the findings are masked as one first: each is what masking it alone gives, and one without a secret is left as reported', () => {
    const quotes = [`Steps ${TOKEN}`, 'No secret here', `password = "${PASSWORD}"`, 'Rotate it', `${SPLIT.split('\n')[0]}`, 'Plain'];
    const quoting: Rule = {
      meta: { ...RULES[0].meta, id: 'quoting' },
      check: ({ report }) => {
        for (const [i, q] of quotes.entries()) report({ start: i, end: i + 1, message: q, fix: { title: `Fix ${q}`, edits: [] }, suggestions: [{ title: `Or ${q}`, edits: [] }] });
      },
    };
    for (const chosen of [quotes, quotes.filter((q) => !/[_"]/.test(q))]) {
      const only: Rule = { ...quoting, check: (c) => quoting.check({ ...c, report: (r) => (chosen.includes(r.message) ? c.report(r) : undefined) }) };
      const result = lintWith({ text: NOTE, path: 'HANDOFF.md', today: TODAY, rules: [only] });
      const alone = maskerFor(NOTE, commitValueRanges(result.note), findSecrets(NOTE));
      assert.deepEqual(
        result.findings.map((f) => [f.message, f.fix?.title, f.suggestions?.[0].title]),
        chosen.map((q) => [alone(q), alone(`Fix ${q}`), alone(`Or ${q}`)]),
      );
      for (const f of result.findings) for (const secret of [TOKEN, PASSWORD]) assert.ok(!JSON.stringify(f).includes(secret));
    }
  });
});
