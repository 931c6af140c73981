// The complexity guard chunk by chunk (IncrementalParser.tooComplex, parse/complexity.ts
// tooComplexInPieces) against the guard's pass over the whole text: the same answer, reason
// included, on every fixture note, on notes over each limit, and after each of a run of random
// edits where the chunks guarded before are reused.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { IncrementalParser, parseMarkdown } from '../../server/src/engine';
import { MAX_NESTING, MAX_RUN_DELIMITERS, MIN_BLOCKS, tooComplex } from '../../server/src/engine/parse/complexity';

const FIXTURES = join(__dirname, '../fixtures');
const mdFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? mdFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []));

/** Sections after blank lines, so that the parser cuts the text into many chunks. */
const sections = (bodies: string[]): string => bodies.map((b, i) => `## Part ${i}\n\n${b}\n\n`).join('');

const OVER_LIMITS: Array<[string, string]> = [
  ['nesting', sections(['intro', '> '.repeat(MAX_NESTING + 1) + 'deep', 'outro'])],
  ['one paragraph\'s delimiters', sections(['intro', '*a_ '.repeat(MAX_RUN_DELIMITERS), 'outro'])],
  ['delimiter cost', sections(Array.from({ length: 12 }, () => '[x] '.repeat(Math.floor(MAX_RUN_DELIMITERS / 2) - 10)))],
  ['blocks', sections(Array.from({ length: 20 }, () => '- x\n'.repeat(Math.ceil(MIN_BLOCKS / 15))))],
  // The guard opens a fence after a list marker, the parser's line scan does not: the next chunk's
  // fence line closes the guard's fence, and the list items after it count.
  ['blocks after a fence the parser does not see', sections(['- ```', '```\n' + '- x\n'.repeat(2 * MIN_BLOCKS)])],
];

describe('complexity guard chunk by chunk', function () {
  this.timeout(300000);

  it('equals the whole-text guard on every fixture note', () => {
    for (const f of mdFiles(FIXTURES)) {
      const text = readFileSync(f, 'utf8');
      assert.equal(new IncrementalParser(parseMarkdown).tooComplex(text), tooComplex(text), f);
    }
  });

  it('equals it on notes over each limit, and names the same limit', () => {
    for (const [name, text] of OVER_LIMITS) {
      const parser = new IncrementalParser(parseMarkdown);
      const why = tooComplex(text);
      assert.ok(why, `${name}: the whole-text guard refuses it`);
      assert.equal(parser.tooComplex(text), why, name);
      assert.equal(parser.tooComplex(text), why, `${name}, again with every chunk kept`);
    }
  });

  it('after every edit of random edit sequences (fast-check), reusing the chunks guarded before', () => {
    const base = readFileSync(join(FIXTURES, 'examples/next-chat-handoff.md'), 'utf8');
    const pieces = fc.oneof(
      fc.constantFrom('\n', '\n\n', '\r\n', '\r', '\n\n## Heading\n\n', '```', '\n```\n', '- ```\n', '~~~\n', '> ', '- ', '  ', '\t', '|', '*', '_', '[', ']', '(', ')', '<', '>'),
      fc.constantFrom(...OVER_LIMITS.map(([, t]) => t)),
      fc.string({ maxLength: 4 }),
    );
    const edit = fc.record({ at: fc.nat(), drop: fc.nat({ max: 60 }), insert: fc.array(pieces, { maxLength: 3 }).map((a) => a.join('')) });
    let steps = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 10 }), (edits) => {
        const parser = new IncrementalParser(parseMarkdown);
        let text = base;
        parser.tooComplex(text);
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.drop));
          assert.equal(parser.tooComplex(text), tooComplex(text), JSON.stringify(text.slice(0, 200)));
          steps++;
        }
      }),
      { seed: 0x6a7d, numRuns: 100 },
    );
    assert.ok(steps > 300);
  });
});
