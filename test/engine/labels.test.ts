// Heading similarity (model/labels.ts): with a floor, the same answer wherever it reaches the
// floor, and an answer below the floor wherever the full comparison is below it.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { similarity } from '../../server/src/engine/model/labels';

describe('labels: similarity', () => {
  it('with a floor, agrees with the full comparison at or above the floor and stays below it otherwise', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'n', 'e', 'x', 't', ' ', 's', 'é'), maxLength: 24 });
    fc.assert(
      fc.property(word, word, fc.constantFrom(0, 0.5, 0.75, 0.8, 0.9, 1), (a, b, floor) => {
        const full = similarity(a, b);
        const floored = similarity(a, b, floor);
        if (full >= floor) assert.equal(floored, full);
        else assert.ok(floored < floor, `${floored} for ${full}`);
      }),
      { seed: 11, numRuns: 5000 },
    );
  });

  it('scores edits by the longer label', () => {
    assert.equal(similarity('next steps', 'next steps'), 1);
    assert.equal(similarity('next step', 'next steps'), 0.9);
    assert.equal(similarity('status', 'statsu'), 1 - 2 / 6);
    assert.equal(similarity('a', 'abcd'), 0);
  });
});
