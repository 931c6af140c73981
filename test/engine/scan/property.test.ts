import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { findSecrets } from '../../../server/src/engine/scan/secrets';
import { findPersonalData } from '../../../server/src/engine/scan/personal';
import { findInvisible } from '../../../server/src/engine/scan/invisible';
import { findMojibake } from '../../../server/src/engine/scan/mojibake';
import { makeR, SETS, type Ranged } from './util';

const RUNS = { seed: 0x4a2d, numRuns: 200 };

/** Hostile pieces: astral, ZWJ sequences, combining marks, bidi, U+FFFD, NUL, lone surrogates, EOLs, syntax. */
const PIECES = [
  'a', 'Z', '7', ' ', '\t', '\n', '\r\n', '\r', '\u0000', '\uFFFD', '😀', '👩\u200d💻', '\u200d', 'e\u0301', '\u0301',
  '\u202e', '\u2066', '\u2069', '\u200b', '\ufeff', '𝔘', '한', 'é', 'â€', 'Ã©', '—', '@', '/', ':', '=', '"', '`', '-', '_',
  '.', '\\', '\ud800', '\udc00', '# ', '- ', '```', '|', '<!--', '-->', 'token', 'password', '/home/', '+4',
];

const hostile = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 60 }).map((a) => a.join(''));

/** Token builders: each takes a seeded R. */
const TOKENS: ((R: (n: number, s: string) => string) => string)[] = [
  (R) => 'gh' + 'p_' + R(36, SETS.alnum),
  (R) => 'github' + '_pat_' + R(82, SETS.word),
  (R) => 'AK' + 'IA' + R(16, SETS.upperB32),
  (R) => `xo${'xb-'}${R(11, SETS.digits)}-${R(12, SETS.digits)}-${R(24, SETS.alnum)}`,
  (R) => `ey${'J'}${R(30, SETS.b64url)}.ey${'J'}${R(40, SETS.b64url)}.${R(43, SETS.b64url)}`,
  (R) => 'sk_' + 'live_' + R(24, SETS.alnum),
  (R) => 'sk-' + 'ant-api03-' + R(93, SETS.b64url) + 'AA',
  (R) => 'AI' + 'za' + R(35, SETS.b64url),
  (R) => 'np' + 'm_' + R(36, SETS.lowerAlnum),
];

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Within the text, and not between the two halves of a surrogate pair. */
function assertWellFormed(text: string, hits: readonly Ranged[]): void {
  for (const h of hits) {
    assert.ok(h.start >= 0 && h.start < h.end && h.end <= text.length, `range ${h.start}-${h.end} outside ${text.length}`);
    for (const i of [h.start, h.end]) {
      assert.ok(!(i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i))), `offset ${i} splits a surrogate pair`);
    }
  }
}

function allScanners(text: string): Ranged[][] {
  return [findSecrets(text), findPersonalData(text), findInvisible(text), findMojibake(text)];
}

describe('scan: properties over hostile Unicode (fast-check, fixed seed)', () => {
  it('never throws; every range is inside the text and whole code points', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        for (const hits of allScanners(text)) assertWellFormed(text, hits);
      }),
      RUNS,
    );
  });

  it('a token inserted anywhere is found with its exact range', () => {
    fc.assert(
      fc.property(hostile, hostile, fc.nat(TOKENS.length - 1), fc.nat(), (before, after, which, seed) => {
        const token = (TOKENS[which] as (typeof TOKENS)[number])(makeR(seed));
        const text = `${before} ${token} ${after}`;
        const hits = findSecrets(text);
        const at = before.length + 1;
        const hit = hits.find((h) => h.start === at);
        assert.ok(hit, `no hit at ${at} for token #${which}`);
        assert.equal(text.slice(hit.start, hit.end), token);
        assert.equal(hit.certainty, 'secret');
        assert.ok(!hit.preview.includes(token.slice(8, 16)));
        for (const hs of allScanners(text)) assertWellFormed(text, hs);
      }),
      RUNS,
    );
  });

  it('results do not depend on the line ending (\\n, \\r\\n, \\r)', () => {
    const line = fc.array(fc.oneof(fc.constantFrom(...PIECES.filter((p) => !/[\r\n]/.test(p))), fc.string({ unit: 'binary', maxLength: 4 }).filter((s) => !/[\r\n]/.test(s))), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.nat(TOKENS.length - 1), fc.nat(), (lines, which, seed) => {
        const token = (TOKENS[which] as (typeof TOKENS)[number])(makeR(seed));
        const all = [...lines, `key ${token} end`, ...lines];
        const normalise = (text: string, hits: readonly Ranged[]) => hits.map((h) => text.slice(h.start, h.end).replace(/\r\n?/g, '\n'));
        const results = ['\n', '\r\n', '\r'].map((eol) => {
          const text = all.join(eol);
          return allScanners(text).map((hits) => normalise(text, hits));
        });
        assert.deepEqual(results[1], results[0]);
        assert.deepEqual(results[2], results[0]);
      }),
      RUNS,
    );
  });
});
