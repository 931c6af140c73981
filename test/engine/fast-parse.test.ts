// The fast front end against remark: for every note of the corpus, the examples and the
// fixtures, every CommonMark spec example, and generated notes, the scanner either declines
// the text or gives exactly remark's tree (types, values, positions). The acceptance counts
// keep the comparison from passing by declining everything.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseWithRemark } from '../../server/src/engine/parse/parse';
import { IncrementalParser, lint, noteOf } from '../../server/src/engine';
import { fastParse, declineReason } from '../../server/src/engine/parse/fast/blocks';

// The spec's own examples (commonmark-spec ships no types).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const spec = require('commonmark-spec') as { tests: Array<{ markdown: string; section: string; number: number }> };

const FIXTURES = join(__dirname, '../fixtures');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return markdownFiles(p);
    return f.endsWith('.md') ? [p] : [];
  });
}

const plain = (root: unknown) => JSON.parse(JSON.stringify(root));

/** 'declined', 'same', or throws with the first difference. */
function check(text: string, name: string): 'declined' | 'same' {
  const fast = fastParse(text);
  if (!fast) return 'declined';
  assert.deepEqual(plain(fast), plain(parseWithRemark(text)), `${name}: ${JSON.stringify(text.slice(0, 400))}`);
  return 'same';
}

describe('fast Markdown front end', function () {
  this.timeout(120000);

  it('gives remark’s tree or declines, on every fixture, example and corpus note', () => {
    const files = markdownFiles(FIXTURES);
    let accepted = 0;
    for (const f of files) if (check(readFileSync(f, 'utf8'), f) === 'same') accepted++;
    assert.ok(accepted >= 60, `fixtures accepted: ${accepted}`);
  });

  it('takes every corpus note and example itself (remark parses none of them)', () => {
    const notes = markdownFiles(join(FIXTURES, 'corpus')).concat(markdownFiles(join(FIXTURES, 'examples')));
    assert.ok(notes.length >= 50, 'corpus found');
    const declined = notes.map((f) => [f, declineReason(readFileSync(f, 'utf8'))]).filter(([, why]) => why !== null);
    assert.deepEqual(declined, []);
  });

  it('gives remark’s tree or declines, on every CommonMark spec example', () => {
    let accepted = 0;
    for (const t of spec.tests) {
      const md = t.markdown.replace(/→/g, '\t');
      if (check(md, `spec example ${t.number} (${t.section})`) === 'same') accepted++;
    }
    assert.ok(accepted >= 100, `spec examples accepted: ${accepted}`);
  });

  it('gives remark’s tree or declines, on generated notes', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(note, (text) => {
        runs++;
        if (check(text, 'generated') === 'same') accepted++;
      }),
      { numRuns: 3000, seed: 12 },
    );
    assert.ok(accepted > runs / 6, `generated notes accepted: ${accepted} of ${runs}`);
  });

  it('leaves every finding as it was: the same findings, byte for byte, whichever parser built the note', () => {
    const corpusPaths = new Map(
      readFileSync(join(FIXTURES, 'corpus/INDEX.tsv'), 'utf8')
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map((row) => row.split('\t'))
        .map(([file, , path]) => [file, path]),
    );
    let compared = 0;
    for (const f of markdownFiles(FIXTURES)) {
      const text = readFileSync(f, 'utf8');
      if (!fastParse(text)) continue;
      const path = corpusPaths.get(f.split('/').pop()!) ?? f.slice(FIXTURES.length + 1);
      const viaRemark = noteOf({ text, path, parser: new IncrementalParser(parseWithRemark) });
      const expected = lint({ text, path, today: '2026-11-22', note: viaRemark });
      const actual = lint({ text, path, today: '2026-11-22' });
      assert.equal(JSON.stringify(actual.findings), JSON.stringify(expected.findings), f);
      assert.equal(actual.note.kind, expected.note.kind, f);
      compared++;
    }
    assert.ok(compared >= 20, `notes compared: ${compared}`);
  });

  it('says why it declines', () => {
    assert.equal(declineReason('<script>\nx\n</script>\n'), 'HTML block');
    assert.equal(declineReason('> quoted\nlazily\n'), null);
    assert.equal(declineReason('> quoted\n'), null);
    assert.equal(declineReason('# Title\n\n- item\n'), null);
  });
});

/** Words the scanner takes, and words that make it decline or that test its edges. */
const SAFE = ['word', 'Status:', 'é', 'naïve', '日本語', '😀', '𝄞x', 'snake_case', '2 * 3', '`code`', '`` a ` b ``', '` x `', '**bold**', '**Bold:**', 'é*x*', '*é*', '😀**b**', '**б**.', '«*a*»', '_日本_', 'x_é_', '“**q**”', '\u00a0*n*', '~~gone~~', '~x~', 'a~b~', '~~a *b* c~~', '***x***', '**a*', '*a**', 'a*b*c', '__a_b__', '*a_b*', '_a*', 'x**y**z', '**(a)**b', '***a* b**', '[[wiki]]', '[a [b] c]', '\\_x\\_', 'a\\*b*', '\\[x]', '[label]: not a definition', '<date>', '</b>', '<a href="x">', '<https://example.invalid/x>', '<THREAD_ID>', '<a@b.c>', '\\\\', '*em*', '_em_', '__strong__', '**a *b* c**', '*a **b** c*', '[link](https://example.invalid/a_b "Title")', "[l](u 'tt')", '[t](u)', '[a `]` b](c)', '[x]', '[ ]', '&', 'a|b', 'C:\\dir', '#', 'https://example.invalid', '"', "'", '(', ')'];
const RISKY = ['a*b', '`unclosed', '```', '~~~x~~~', '~/path', '~', '~~', '![img](x.png)', '<!-- note -->', '<b>', '&amp;', '\\*', 'x  ', 'end  ', 'end   ', '1.', '-', '+', '>', '](', '**', '*', '_'];

const inline = fc
  .array(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...SAFE) }, { weight: 1, arbitrary: fc.constantFrom(...RISKY) }), { minLength: 1, maxLength: 6 })
  .map((w) => w.join(' '));
const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
const indent = fc.constantFrom('', '', '  ', '   ', '    ');

const line = fc.oneof(
  { weight: 3, arbitrary: inline },
  { weight: 8, arbitrary: fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 7 }), inline).map(([d, t]) => `${'#'.repeat(d)} ${t}`),
  inline,
  inline,
  fc.tuple(indent, fc.constantFrom('- ', '* ', '+ ', '1. ', '2. ', '1) ', '10. '), fc.constantFrom('', '', '[ ] ', '[x] ', '[X] ', '[ ]  '), inline).map(([i, m, t, s]) => i + m + t + s),
  // Fenced code, closed nine times in ten.
  fc.tuple(indent, fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'ts', 'sh title="x"', ' js '), fc.array(fc.constantFrom('x = 1', '', '  y', '```', '</div>', '# not a heading'), { maxLength: 4 }), fc.integer({ min: 0, max: 9 })).map(([i, f, info, body, close]) => [i + f + info, ...body.map((b) => i + b), ...(close ? [i + f] : [])].join('\n')),
  fc.constantFrom('', '', '', '***', '___', '<!--', '-->', '<!-- suppress x -->', '| a | b |', '|---|:-:|', '| c | d |', 'x | y', '--- | ---', '  - nested', '    - deeper', '  1. nested', ' '),
  ) },
  fc.constantFrom('```', '~~~', '    code', '---', '===', '[x]: u "t" more', '[x]: u "t"', '<div align="c">', '<details>', '<span>', '\t', '-', '> quote', '>', '> > nested', '> - item', '> # h', '> ```', '  > in item', '[ref]: https://example.invalid', '\t- tab', '- '),
);

const note = fc
  .tuple(fc.constantFrom('', '', '\uFEFF'), fc.constantFrom('', '', '---\ntitle: x\n---\n'), fc.array(fc.tuple(line, eol), { minLength: 1, maxLength: 25 }), fc.boolean())
  .map(([bom, fm, lines, lastEol]) => bom + fm + lines.map(([l, e], i) => l + (i < lines.length - 1 || lastEol ? e : '')).join(''));
