// Tokens that Markdown wraps or encodes (scan/reader-view.ts): each is found as a reader sees it and
// reported on the exact raw range it was written on, in UTF-16 code units; the redact fix removes
// the whole written form.
import { strict as assert } from 'node:assert';
import { applyFixes, lint, LineIndex } from '../../../server/src/engine';
import { readerView, rawRange } from '../../../server/src/engine/scan/reader-view';
import { findSecrets } from '../../../server/src/engine/scan/secrets';
import { makeR, SETS } from './util';

const R = makeR(0x7ead);
const TOKEN = 'gh' + 'p_' + R(36, SETS.alnum);
const BODY = TOKEN.slice(4);
const TODAY = '2026-11-22';

/** The written forms of TOKEN a reader sees as TOKEN. */
const FORMS: Array<[string, string]> = [
  ['single underscores (emphasis)', `_${TOKEN}_`],
  ['double underscores (strong)', `__${TOKEN}__`],
  ['asterisks (strong emphasis)', `***${TOKEN}***`],
  ['an escaped underscore', `ghp\\_${BODY}`],
  ['escaped underscores inside emphasis', `_ghp\\_${BODY}_`],
  ['a numeric entity', `ghp&#95;${BODY}`],
  ['a hexadecimal entity', `gh&#x70;&#x5F;${BODY}`],
  ['a named entity', `ghp&lowbar;${BODY}`],
  ['percent-encoding', `ghp%5F${BODY}`],
  ['a percent-encoded assignment', `token%3D${TOKEN}`],
  ['a zero-width space inside', `${TOKEN.slice(0, 12)}\u200b${TOKEN.slice(12)}`],
  ['a soft hyphen and a word joiner inside', `${TOKEN.slice(0, 6)}\u00ad${TOKEN.slice(6, 20)}\u2060${TOKEN.slice(20)}`],
  ['NUL bytes between the characters (UTF-16 read as bytes)', [...TOKEN].join('\u0000')],
];

/** Where TOKEN's written form starts and ends in `written` (the wrapping characters are not the token). */
function writtenRange(written: string): [number, number] {
  const lead = /^(?:\*\*\*|__|_|token%3D)/.exec(written)?.[0] ?? '';
  const trail = /(?:\*\*\*|__|_)$/.exec(written)?.[0] ?? '';
  return [lead.length, written.length - trail.length];
}

describe('scan: the text as a reader sees it', () => {
  for (const [name, written] of FORMS) {
    it(`finds a token written with ${name}, on its raw range, and redacts it`, () => {
      // An astral character before it: columns are UTF-16 code units.
      const prefix = '# Handoff\n\n- 🔑 key: ';
      const text = prefix + written + ' (rotate)\n';
      const hits = findSecrets(text).filter((h) => h.certainty === 'secret');
      assert.equal(hits.length, 1, `${name}: ${hits.length} hits`);
      const [s, e] = writtenRange(written);
      assert.deepEqual([hits[0]!.start, hits[0]!.end], [prefix.length + s, prefix.length + e], `${name}: range`);
      assert.match(hits[0]!.preview, /^ghp_…\(40 chars\)$/);
      const result = lint({ text, path: 'HANDOFF.md', today: TODAY });
      const finding = result.findings.find((f) => f.ruleId === 'no-secrets');
      assert.ok(finding, `${name}: no-secrets did not report it`);
      assert.equal(finding.severity, 'error');
      const at = new LineIndex(text).position(finding.start);
      assert.deepEqual(at, { line: 2, character: '- 🔑 key: '.length + s });
      const fixed = applyFixes(text, result.findings.filter((f) => f.ruleId === 'no-secrets'));
      for (let i = 4; i + 8 <= TOKEN.length; i++) assert.ok(!fixed.replace(/[\u0000\u00ad\u200b\u2060]/g, '').includes(TOKEN.slice(i, i + 8)), `${name}: the fix left a piece of the token`);
    });
  }

  it('maps every view character back to the raw characters it was read from', () => {
    const raw = 'a\\_b&#95;c%5Fd_e_ f\u200bg **h**';
    const view = readerView(raw)!;
    assert.equal(view.text, 'a_b_c_d_e fg h', 'the underscore that closes "e" reads as emphasis');
    const at = (ch: string) => rawRange(view, view.text.indexOf(ch), view.text.indexOf(ch) + 1);
    assert.deepEqual(at('b'), [3, 4]);
    assert.deepEqual(rawRange(view, 1, 2), [1, 3], 'the escaped underscore is two raw characters');
    assert.deepEqual(rawRange(view, 3, 4), [4, 9], 'the entity');
    assert.deepEqual(rawRange(view, 5, 6), [10, 13], 'the percent-encoding');
    assert.deepEqual(at('g'), [raw.indexOf('g'), raw.indexOf('g') + 1]);
    assert.equal(readerView('plain text, nothing to decode: a_b, 5 * 3'), null);
  });

  it('keeps what a renderer keeps: intraword underscores, list markers, lone percent signs, unknown entities', () => {
    const view = readerView('- snake_case_name * 100% &bogus; &#0; &#x110000;')!;
    assert.equal(view, null);
  });

  it('does not report a stand-in because it is wrapped: `_ghp_` + x × 36 + `_` stays a placeholder', () => {
    const text = `# Handoff\n\n- _ghp_${'x'.repeat(36)}_ and ghp\\_${'x'.repeat(36)}\n`;
    assert.deepEqual(findSecrets(text).filter((h) => h.certainty === 'secret'), []);
  });
});
