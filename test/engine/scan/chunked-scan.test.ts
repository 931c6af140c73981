// The piece-by-piece secret scan (scan/chunked-secrets.ts) against the whole-text scan: the same hits
// (ranges, kinds, certainty, previews, order) on every fixture note, with fake secrets planted where
// pieces meet, on the shapes the secret tests use, and after each of a run of random edits, where
// the pieces scanned before are reused. Pieces are cut as small as the rule allows (min 1) and as
// the editor cuts them. Fake secrets are drawn at test time (no token-shaped literal is committed).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { forgetSecretPieces, scanSecrets, secretCuts } from '../../../server/src/engine/scan/chunked-secrets';
import { findSecrets } from '../../../server/src/engine/scan/secrets';
import { SHAPES } from '../../../server/src/engine/scan/shapes';
import { makeR, prng, sampleOf, SETS } from './util';

const R = makeR(0xc4a2);
const next = prng(0xc4a3);
const FIXTURES = join(__dirname, '../../fixtures');

function mdFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? mdFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []));
}

/**
 * Equal to the whole-text scan, at the smallest cut and at the editor's: each piece scanned alone,
 * and the pieces' hits split from a whole scan of a new text, then read back; how many hits.
 */
function assertSameScan(text: string, label: string, mins: Array<number | undefined> = [1, undefined]): number {
  const whole = findSecrets(text);
  for (const min of mins) {
    const what = `${label} (min ${min ?? 'default'}): ${JSON.stringify(text.slice(0, 300))}`;
    forgetSecretPieces();
    assert.deepStrictEqual(scanSecrets(text, min, false), whole, `${what}, piece by piece`);
    forgetSecretPieces();
    assert.deepStrictEqual(scanSecrets(text, min), whole, `${what}, new text`);
    assert.deepStrictEqual(scanSecrets(text, min, false), whole, `${what}, pieces kept from the whole scan`);
  }
  return whole.length;
}

const begin = (label: string) => '-----BEGIN ' + label + '-----';
const end = (label: string) => '-----END ' + label + '-----';
const wrap = (s: string, width: number) => s.match(new RegExp(`.{1,${width}}`, 'g'))!.join('\n');

/** Tokens the secret tests build, each from its public prefix and a random body. */
const TOKENS: Array<() => string> = [
  () => 'gh' + 'p_' + R(36, SETS.alnum),
  () => 'github' + '_pat_' + R(82, SETS.word),
  () => 'AK' + 'IA' + R(16, SETS.upperB32),
  () => `xo${'xb-'}${R(11, SETS.digits)}-${R(12, SETS.digits)}-${R(24, SETS.alnum)}`,
  () => `ey${'J'}${R(30, SETS.b64url)}.ey${'J'}${R(40, SETS.b64url)}.${R(43, SETS.b64url)}`,
  () => 'sk_' + 'live_' + R(24, SETS.alnum),
  () => 'sk-' + 'ant-api03-' + R(93, SETS.b64url) + 'AA',
  () => 'sk-' + 'proj-' + R(74, SETS.b64url) + 'T3Blbk' + 'FJ' + R(74, SETS.b64url),
  () => 'AI' + 'za' + R(35, SETS.b64url),
  () => 'np' + 'm_' + R(36, SETS.lowerAlnum),
];
const token = (): string => (TOKENS[Math.floor(next() * TOKENS.length)] as () => string)();

/** Shapes whose match may run across a line break or a blank line, and ways to write a token. */
const PLANTS: Array<() => string> = [
  token,
  () => `\`${token()}\``,
  () => `_${token()}_`,
  () => `**${token()}**`,
  () => token().replace('_', '\\_'),
  () => token().replace(/^(.)/, (c) => `&#${c.charCodeAt(0)};`),
  () => `password = "${R(20, SETS.alnum)}"`,
  () => `aws_secret_access_key = ${R(40, SETS.awsSecret)}`,
  () => `aws_secret_access_key\n\n= ${R(40, SETS.awsSecret)}`,
  () => `AWS_SECRET_ACCESS_KEY =\n\n"${R(40, SETS.awsSecret)}"`,
  () => `discord_token =\n\n${R(64, SETS.hex)}`,
  () => `sentry token\n\n= ${R(64, SETS.hex)}`,
  () => `sentry token &#61;\n\n${R(64, SETS.hex)}`,
  () => `sentry token %3D\n\n${R(64, SETS.hex)}`,
  () => `sentry token\n\n\\= ${R(64, SETS.hex)}`,
  () => `postgres://app:${R(16, SETS.alnum)}@db.acme-corp.com/app`,
  () => `curl -u deploy:${R(18, SETS.alnum)} \\\n\n  https://api.acme-corp.com`,
  () => `Authorization: Bearer ${R(32, SETS.alnum)}`,
  () => `${'gh' + 'p_'}${R(14, SETS.alnum)}\n${R(22, SETS.alnum)}`,
  () => `${'gh' + 'p_'}${R(14, SETS.alnum)}\n\n${R(22, SETS.alnum)}`,
  () => `_authToken=\n\n${R(30, SETS.alnum)}`,
  () => `${begin('RSA PRIVATE KEY')}\n${wrap('MI' + R(600, SETS.base64), 64)}\n${end('RSA PRIVATE KEY')}`,
  () => `${begin('RSA PRIVATE KEY')}\n\n${wrap('MI' + R(600, SETS.base64), 64)}\n\n${end('RSA PRIVATE KEY')}`,
  () => `${begin('PGP PRIVATE KEY BLOCK')}\nVersion: GnuPG v2\n\n${wrap('lQ' + R(600, SETS.base64), 64)}\n=${R(4, SETS.base64)}\n${end('PGP PRIVATE KEY BLOCK')}`,
  () => `${begin('OPENSSH PRIVATE KEY')}\n\n${wrap(R(300, SETS.base64), 70)}\n\nthe rest was cut`,
  () => `-----BEGIN RSA PRIVATE &#75;EY-----\n\n${wrap('MI' + R(300, SETS.base64), 64)}\n\n${end('RSA PRIVATE KEY')}`,
  ...SHAPES.map((shape) => () => shape.before + (shape.kind === 'HTTP basic credentials' ? Buffer.from(`deploy:${R(20, SETS.alnum)}`).toString('base64') : sampleOf(shape.secret, next))),
];
const plant = (): string => (PLANTS[Math.floor(next() * PLANTS.length)] as () => string)();

/** The text with a planted secret right before and right after each place a piece may start. */
function plantedAtCuts(text: string): string {
  const cuts = secretCuts(text, 1);
  let out = text;
  for (const p of [...cuts].reverse()) {
    const before = out.slice(0, p).search(/(?:\r\n|\r|\n)[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)*$/);
    out = out.slice(0, p) + plant() + ' ' + out.slice(p);
    if (before > 0) out = out.slice(0, before) + ' ' + plant() + out.slice(before);
  }
  return out;
}

describe('scan: the piece-by-piece secret scan equals the whole-text scan', () => {
  const files = mdFiles(FIXTURES);

  it('on every fixture note, as written and with CRLF line ends', () => {
    assert.ok(files.length > 500, `only ${files.length} fixture notes`);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      assertSameScan(text, f);
      assertSameScan(text.replace(/\r?\n/g, '\r\n'), `${f} (CRLF)`);
    }
  });

  it('on every fixture note with fake secrets planted on both sides of each cut', () => {
    let hits = 0;
    for (const f of files) hits += assertSameScan(plantedAtCuts(readFileSync(f, 'utf8')), `${f} (planted)`, [1]);
    assert.ok(hits > 1000, `only ${hits} hits: the planted secrets were not found`);
  });

  it('on every planted shape, alone and between paragraphs, with LF, CRLF, CR and CR before CRLF', () => {
    for (let round = 0; round < 4; round++) {
      for (const make of PLANTS) {
        // `\r\r\n`: a break and a blank line, which a cut must not read as `\r`, then `\n` as a blank line.
        for (const eol of ['\n', '\r\n', '\r', '\r\r\n']) {
          const text = `# Handoff\n\nIntro line.\n\n${make()}\n\n- next\n\n${make()}\n`.replace(/\n/g, eol);
          assertSameScan(text, 'plant');
        }
      }
    }
  });

  it('does not cut where a shape runs across blank lines (an operator at either side, a private key)', () => {
    const value = R(64, SETS.hex);
    for (const text of [`Intro.\n\nsentry_token =\n\n${value}\n\nmore\n`, `Intro.\n\nsentry token\n\n= ${value}\n`, `Intro.\n\nsentry token &#61;\n\n${value}\n`]) {
      assert.equal(findSecrets(text).length, 1, 'the whole-text scan finds it');
      assertSameScan(text, 'across');
    }
    const key = `${begin('RSA PRIVATE KEY')}\n\n${wrap('MI' + R(600, SETS.base64), 64)}\n\n${end('RSA PRIVATE KEY')}`;
    const text = `Intro.\n\n${key}\n\nAfter.\n`;
    assert.ok(secretCuts(text, 1).some((p) => p > text.indexOf('BEGIN') && p < text.indexOf('END')), 'a cut falls inside the key');
    assert.equal(findSecrets(text).length, 1);
    assertSameScan(text, 'private key');
  });

  it('after every edit of random edit sequences (fast-check), reusing the pieces scanned before', () => {
    const base = readFileSync(join(FIXTURES, 'examples/session-handoff.md'), 'utf8');
    const pieces = fc.oneof(
      fc.constantFrom('\n', '\n\n', '\r\n\r\n', '\r\r', '\r', '\r\n', ' \n\t\n', '```\n', '\n```\n', '# Heading\n', '- item ', '=', ': ', '"', '_', '*', '\\', '&#95;', '%3D', '\u200b', 'é', '😀', '—', 'PRIVATE KEY'),
      fc.constantFrom(...PLANTS).map((make) => make()),
      fc.string({ maxLength: 5 }),
    );
    const edit = fc.record({ at: fc.nat(), drop: fc.nat({ max: 40 }), insert: fc.array(pieces, { maxLength: 3 }).map((a) => a.join('')) });
    let steps = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), fc.constantFrom(1, 64, 2048), (edits, min) => {
        let text = base;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.drop));
          assert.deepStrictEqual(scanSecrets(text, min), findSecrets(text), JSON.stringify(text));
          assert.deepStrictEqual(scanSecrets(text, min, false), findSecrets(text), `${JSON.stringify(text)}, piece by piece`);
          steps++;
        }
      }),
      { seed: 0xc4a4, numRuns: 150 },
    );
    assert.ok(steps > 500);
  });
});
