// The unseen corpus (test/fixtures/unseen): real notes from public repositories in many languages,
// split once by a fixed seed into a development half and a held-back half. The development
// half's findings are kept as a reviewed snapshot (test/engine/unseen/findings-dev.json, each
// finding judged in REVIEW-dev.md), so a change in what Handoff says about these notes shows as
// a diff to review. The held-back half was measured once after a freeze (docs/accuracy.md, round 1)
// and tuned on since; scripts/unseen.ts held measures it against REVIEW-held.md.
// The fresh sets (collected after the held-back half was read: `fresh`, then `fresh3`, then `fresh4`) are each
// measured once, after a freeze.
// `node --import tsx scripts/unseen.ts dev --write` rewrites the snapshot.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { COLLECTED, HALVES, lintHalf, plantedRecall, PLANTS, UNSEEN, unseenIndex, type Entry } from './unseen/measure';
import { readReview, tally } from './unseen/review';

const SNAPSHOT = resolve(__dirname, 'unseen/findings-dev.json');

describe('unseen corpus', () => {
  const notes = unseenIndex();

  it('INDEX.tsv lists every note once, with its size and its half (by the fixed seed, or a fresh set)', () => {
    const files = readdirSync(UNSEEN).filter((f) => f !== 'INDEX.tsv').sort();
    assert.deepEqual(notes.map((n) => n.file).sort(), files);
    for (const n of notes) {
      assert.equal(statSync(resolve(UNSEEN, n.file)).size, n.bytes, `${n.file}: bytes`);
      assert.ok(HALVES.includes(n.half), `${n.file}: half ${n.half}`);
      if (COLLECTED.includes(n.half)) continue;
      const even = createHash('sha256').update('handoff-unseen:' + n.file).digest()[0] % 2 === 0;
      assert.equal(n.half, even ? 'dev' : 'held', `${n.file}: half`);
    }
  });

  describe('the development half', () => {
    let actual: Record<string, Entry> = {};

    it('lints every note without a rule throwing', () => {
      actual = lintHalf('dev');
      assert.equal(Object.keys(actual).length, notes.filter((n) => n.half === 'dev').length);
    });

    it('matches the reviewed snapshot', function () {
      if (!Object.keys(actual).length) this.skip();
      const expected = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, Entry>;
      for (const file of Object.keys(actual)) assert.deepEqual(actual[file], expected[file], `${file} differs from the snapshot (review it in REVIEW-dev.md, then scripts/unseen.ts dev --write)`);
      assert.deepEqual(Object.keys(expected).sort(), Object.keys(actual).sort());
    });

    it('has a verdict for every finding in REVIEW-dev.md, and no error on an unmodified note', function () {
      if (!Object.keys(actual).length) this.skip();
      const { missing, errors } = tally(actual, readReview('dev'));
      assert.deepEqual(missing, [], 'findings without a verdict in REVIEW-dev.md');
      assert.equal(errors, 0);
    });

    it('finds at least 98 % of each kind of planted defect', function () {
      this.timeout(600_000);
      const recall = plantedRecall('dev');
      for (const kind of PLANTS) {
        const r = recall[kind];
        assert.ok(r.planted > 0, `${kind}: nothing planted`);
        assert.ok(r.found / r.planted >= 0.98, `${kind}: ${r.found}/${r.planted} found; missed ${r.missed.join(', ')}`);
      }
    });
  });
});
