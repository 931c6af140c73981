// maxLintBytes counts UTF-8 bytes, as a file's size does: the cut is the longest prefix whose
// UTF-8 encoding fits, never half of a surrogate pair.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { utf8Cut } from '../../server/src/engine/lint/lint';

describe('maxLintBytes counts UTF-8 bytes', () => {
  it('the cut is the longest prefix that fits', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', '—', '😀', '\n'), maxLength: 200 }), fc.integer({ min: 1, max: 400 }), (text, max) => {
        const cut = utf8Cut(text, max);
        if (cut === null) return assert.ok(Buffer.byteLength(text) <= max);
        assert.ok(Buffer.byteLength(text.slice(0, cut)) <= max);
        const next = text.codePointAt(cut)! > 0xffff ? 2 : 1;
        assert.ok(Buffer.byteLength(text.slice(0, cut + next)) > max);
        const c = text.charCodeAt(cut);
        assert.ok(!(c >= 0xdc00 && c <= 0xdfff), 'never inside a surrogate pair');
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it('a note of 1,000 em dashes is over 2,000 bytes though it is 1,000 characters', () => {
    assert.equal(utf8Cut('—'.repeat(1000), 2000), 666);
    assert.equal(utf8Cut('—'.repeat(1000), 3000), null);
  });
});
