// The incremental parser gives exactly the tree of a full parse (positions included) after
// any edit: random edits of characters that matter to Markdown over the corpus notes and the
// examples, with a fixed seed.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { IncrementalParser, defaultConfig, lint, noteOf, parseMarkdown } from '../../server/src/engine';
import { commandRefs, commitRefs, pathRefs } from '../../server/src/engine/model/references';
import { exampleWorkspace } from '../../server/src/engine/examples/example-facts';
import { nodesByType } from '../../server/src/engine/parse/nodes';
import { cutOf, recut, type Cut } from '../../server/src/engine/parse/incremental';

const CORPUS = join(__dirname, '../fixtures/corpus');
const notes = [
  ...readdirSync(CORPUS).filter((f) => f.endsWith('.md')).map((f) => ({ name: f, text: readFileSync(join(CORPUS, f), 'utf8') })),
  ...['session-handoff.md', 'next-chat-handoff.md'].map((f) => ({ name: f, text: readFileSync(join(__dirname, '../fixtures/examples', f), 'utf8') })),
].filter((n) => n.text.length < 60_000);

const plain = (root: unknown) => JSON.parse(JSON.stringify(root));

const PIECES = ['#', '`', '*', '-', '|', '>', '<', '\n', '\r\n', ' ', 'a', '\n```\n', '\n\n## New heading\n\n', '\n<!--\n', '\n\n[ref]: https://example.invalid\n\n', '\n---\n', '- [ ] task\n', '~~~', '\uFEFF', '\r'];

const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), piece: fc.constantFrom(...PIECES), remove: fc.nat(30), kind: fc.constantFrom('insert', 'delete', 'replace') });

function apply(text: string, e: { at: number; piece: string; remove: number; kind: string }): string {
  const at = Math.floor(e.at * text.length);
  if (e.kind === 'insert') return text.slice(0, at) + e.piece + text.slice(at);
  if (e.kind === 'delete') return text.slice(0, at) + text.slice(at + e.remove);
  return text.slice(0, at) + e.piece + text.slice(at + e.remove);
}

describe('incremental parser', function () {
  this.timeout(120000);

  /** Runs `check` after each edit of random edit sequences on the corpus and examples, with one parser kept per sequence. */
  const afterRandomEdits = (check: (parser: IncrementalParser, text: string, label: string) => void, seed: number, numRuns: number) =>
    fc.assert(
      fc.property(fc.constantFrom(...notes), fc.array(edit, { minLength: 1, maxLength: 12 }), (note, edits) => {
        const parser = new IncrementalParser(parseMarkdown);
        let text = note.text;
        parser.parse(text);
        for (const e of edits) {
          text = apply(text, e);
          check(parser, text, `${note.name} after ${JSON.stringify(e)}`);
        }
      }),
      { seed, numRuns },
    );

  it('equals a full parse after random edits (corpus and examples)', () => {
    afterRandomEdits((parser, text, label) => assert.deepEqual(plain(parser.parse(text)), plain(parseMarkdown(text)), label), 20261122, 120);
  });

  it('gives the nodes by type of a walk of its tree (the same nodes, in order) after random edits', () => {
    afterRandomEdits(
      (parser, text, label) => {
        const root = parser.parse(text);
        const kept = parser.nodesByType(root);
        const walked = nodesByType(root);
        assert.deepEqual([...kept.keys()], [...walked.keys()], label);
        for (const [type, nodes] of walked) {
          const mine = kept.get(type)!;
          assert.equal(mine.length, nodes.length, `${type} in ${label}`);
          nodes.forEach((n, i) => assert.ok(mine[i] === n, `${type} ${i} in ${label}`));
        }
      },
      20261207,
      80,
    );
  });

  it('recuts an edited text into the chunks of a cut from scratch after random edits', () => {
    const plainCut = (c: Cut) => ({ starts: c.starts, lines: c.lines, texts: c.texts, whole: c.whole });
    let resumed = 0;
    fc.assert(
      fc.property(fc.constantFrom(...notes), fc.array(edit, { minLength: 1, maxLength: 12 }), (note, edits) => {
        let text = note.text;
        let cut = cutOf(text);
        for (const e of edits) {
          text = apply(text, e);
          const next = recut(cut, text);
          assert.deepEqual(plainCut(next), plainCut(cutOf(text)), `${note.name} after ${JSON.stringify(e)}`);
          // Chunks after the change keep the old chunk's string (unless every chunk was cut again).
          if (next.texts.length > 2 && next.texts[next.texts.length - 1] === cut.texts[cut.texts.length - 1] && next.starts.length > 1) resumed++;
          cut = next;
        }
      }),
      { seed: 20261208, numRuns: 300 },
    );
    assert.ok(resumed > 300, `the scan fell in step with the old cut ${resumed} times`);
  });

  it('recuts when an edit adds a definition, a front matter or a fence, or joins a line break', () => {
    const base = '# Handoff\n\nIntro.\n\n## One\n\n- a\n\n## Two\n\n- b\r\n\r\n## Three\n\n```\ncode\n```\n\n## Four\n\n- d\n';
    const cases = [
      (t: string) => t.replace('- b', '- b [x]: y'),
      (t: string) => '---\ntitle: x\n---\n' + t,
      (t: string) => t.replace('- a\n', '- a\n```\n'),
      (t: string) => t.replace('- b\r', '- b\r\n\r'),
      (t: string) => t.replace('\n\n## Two', '\n## Two'),
      (t: string) => t.replace('## Four', '# Four'),
      (t: string) => t.replace('Intro.\n\n', ''),
      (t: string) => t + '\n\n## Five\n',
      (t: string) => t.slice(0, -20),
    ];
    for (const change of cases) {
      const text = change(base);
      assert.deepEqual(recut(cutOf(base), text), cutOf(text), JSON.stringify(text));
      assert.deepEqual(recut(cutOf(text), base), cutOf(base), JSON.stringify(text));
    }
  });

  it('a note built with a kept parser names the paths and commands, and gets the findings, of a fresh note after random edits', () => {
    // Nodes an edit left keep what they refer to (model/references.ts): pieces that add, split and join references.
    const refEdit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), piece: fc.constantFrom(...PIECES, '`src/app.ts`', '`docs/gone.md:12`', '[plan](docs/PLAN.md)', 'abc1234f', '[`deadbeef1`](x.md)', '\n# abc1234f\n', '\n\n## Moved `src/app.ts`\n\n', '`npm run build && npm test`', '`', '`npm run\nlint`', 'src/app.ts', '](', '\n\n    npm ci\n'), remove: fc.nat(30), kind: fc.constantFrom('insert', 'delete', 'replace') });
    const workspace = exampleWorkspace({ files: ['src/app.ts', 'docs/PLAN.md', 'README.md'] });
    const config = defaultConfig();
    let compared = 0;
    fc.assert(
      fc.property(fc.constantFrom(...notes), fc.array(refEdit, { minLength: 1, maxLength: 8 }), (note, edits) => {
        const parser = new IncrementalParser(parseMarkdown);
        let text = note.text;
        const input = () => ({ text, path: 'docs/HANDOFF.md', config, today: '2026-02-06' });
        noteOf({ ...input(), parser });
        for (const e of edits) {
          text = apply(text, e);
          const kept = noteOf({ ...input(), parser });
          const fresh = noteOf(input());
          const label = `${note.name} after ${JSON.stringify(e)}`;
          assert.deepEqual(pathRefs(kept), pathRefs(fresh), label);
          assert.deepEqual(commandRefs(kept), commandRefs(fresh), label);
          assert.deepEqual(commitRefs(kept), commitRefs(fresh), label);
          const findings = (n: typeof kept) => lint({ ...input(), note: n, workspace }).findings.map((f) => ({ ...f }));
          assert.deepEqual(plain(findings(kept)), plain(findings(fresh)), label);
          compared += pathRefs(kept).length;
        }
      }),
      { seed: 20261209, numRuns: 40 },
    );
    assert.ok(compared > 1000, `${compared} path references compared`);
  });

  it('does not keep with a node what was found outside it (a code span whose value drops a list indent)', () => {
    const config = defaultConfig();
    const parser = new IncrementalParser(parseMarkdown);
    // The span's value ends "npm run\nlint": not written as such inside it, so where it is found depends on the rest of the note.
    const before = '# Handoff\n\n- Run `cd app && npm run\n  lint` first.\n\n## Next\n\n- Ship.\n';
    commandRefs(noteOf({ text: before, path: 'HANDOFF.md', config, parser }));
    for (const after of [before + '\nThen cd app && npm run\nlint again.\n', before.replace('- Ship.', '- cd app && npm run\nlint'), before]) {
      const kept = noteOf({ text: after, path: 'HANDOFF.md', config, parser });
      assert.equal(parser.last.parsed, 1); // the span's chunk is reused
      assert.deepEqual(commandRefs(kept), commandRefs(noteOf({ text: after, path: 'HANDOFF.md', config })), JSON.stringify(after));
    }
  });

  it('re-parses only the chunk an edit touches', () => {
    const note = notes.find((n) => n.name === 'next-chat-handoff.md')!;
    const parser = new IncrementalParser(parseMarkdown);
    parser.parse(note.text);
    const at = note.text.indexOf('## Validation Status') - 3;
    parser.parse(note.text.slice(0, at) + 'x' + note.text.slice(at));
    assert.equal(parser.last.parsed, 1);
    assert.ok(parser.last.parsedBytes < note.text.length / 3, `${parser.last.parsedBytes} of ${note.text.length}`);
  });
});
