// The outline's strings are masked as one text, and one by one only when that text changes: the
// result must be what masking each string alone gives, on real notes, with secrets planted in
// them, and for any strings (fast-check).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { maskerForNote, maskTokenShapes, noteOf, outlineNote, type Masker } from '../../server/src/engine';
import { maskerFor } from '../../server/src/engine/scan/masker';
import { outlineData } from '../../server/src/lsp/outline-info';
import { makeR, SETS } from '../engine/scan/util';

const CORPUS = join(__dirname, '../fixtures/corpus');
const R = makeR(0x1d3);
/** Token builders; no token-shaped literal is committed. */
const TOKENS = [
  () => 'gh' + 'p_' + R(36, SETS.alnum),
  () => 'AK' + 'IA' + R(16, SETS.upperB32),
  () => `xo${'xb-'}${R(11, SETS.digits)}-${R(12, SETS.digits)}-${R(24, SETS.alnum)}`,
  () => 'sk_' + 'live_' + R(24, SETS.alnum),
  () => `postgres://admin:${R(14, SETS.alnum)}@db.internal:5432/app`,
  () => `api_key = "${R(32, SETS.alnum)}"`,
];

/** The same masker, made to change every joined text: each string is then masked alone. */
const oneByOne = (m: Masker): Masker => (s) => (s.includes('\n\n') ? s + '\u0000' : m(s));

function bothWays(text: string, path: string) {
  const note = noteOf({ text, path });
  const outline = outlineNote(note);
  const m = maskerForNote(note);
  return { joined: outlineData(outline, note.lines, m), alone: outlineData(outline, note.lines, oneByOne(m)) };
}

describe('outline data: the strings masked as one text', () => {
  it('gives what masking each string alone gives, on every corpus note', () => {
    for (const name of readdirSync(CORPUS).filter((f) => f.endsWith('.md'))) {
      const { joined, alone } = bothWays(readFileSync(join(CORPUS, name), 'utf8'), 'HANDOFF.md');
      assert.deepEqual(joined, alone, name);
    }
  });

  it('masks a secret in a next step, a risk or a field, and nothing else', () => {
    const tokens = TOKENS.map((t) => t());
    const text = [
      '# Session handoff',
      '',
      `- Branch: feature/${tokens[0]}`,
      '',
      '## Next steps',
      '',
      ...tokens.map((t, i) => `${i + 1}. Rotate ${t} before the release`),
      '',
      '## Risks',
      '',
      `- The old key ${tokens[3]} is still in CI`,
      '- Nothing else',
      '',
    ].join('\n');
    const { joined, alone } = bothWays(text, 'HANDOFF.md');
    assert.deepEqual(joined, alone);
    const shown = JSON.stringify(joined);
    for (const t of tokens) assert.ok(!shown.includes(t), `${t.slice(0, 6)}… is masked`);
    assert.equal(joined.risks[1].text, 'Nothing else');
  });

  it('for any strings, a joined text that masks to itself holds no string that would not', () => {
    const piece = fc.oneof(
      fc.constantFrom('a', ' ', '\t', '\n', '_', '*', '\\', '&#95;', '%5F', '=', ':', '"', '`', 'token', 'password = ', 'Bearer ', 'https://u:', '@host', '\u200b', '-----BEGIN RSA PRIVATE KEY-----'),
      fc.integer({ min: 0, max: TOKENS.length - 1 }).map((i) => TOKENS[i]()),
      fc.string({ maxLength: 8 }),
    );
    const strings = fc.array(fc.array(piece, { maxLength: 8 }).map((a) => a.join('')), { minLength: 1, maxLength: 8 });
    const secretNote = `# Handoff\n\n- ${TOKENS[0]()}\n- ${TOKENS[4]()}\n`;
    for (const m of [maskTokenShapes, maskerFor(secretNote)]) {
      fc.assert(
        fc.property(strings, (parts) => {
          const joined = parts.join('\n\n');
          if (m(joined) !== joined) return;
          for (const p of parts) assert.equal(m(p), p);
        }),
        { seed: 0x51, numRuns: 300 },
      );
    }
  });
});
