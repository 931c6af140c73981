// The corpus: 62 real handoff, roadmap, memory-bank and GSD notes from public repositories, byte for
// byte (test/fixtures/corpus, copied from ../shared/corpus with its INDEX.tsv). Every note is
// linted under the path it has in its repository (so the globs decide its kind, as in real use)
// and the results are compared with a reviewed snapshot, test/engine/corpus/snapshot.json.
// Any difference needs a review: read the note, and only accept findings its author would
// accept as true. `UPDATE_SNAPSHOT=1 npx mocha test/engine/corpus.test.ts` rewrites the snapshot.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineIndex, lint } from '../../server/src/engine';

const TODAY = '2026-11-22';
const CORPUS = resolve(__dirname, '../fixtures/corpus');
const SNAPSHOT = resolve(__dirname, 'corpus/snapshot.json');

interface Entry {
  kind: string;
  dialect: string;
  findings: string[];
}

function index(): Array<{ file: string; path: string; kind: string }> {
  const [header, ...rows] = readFileSync(resolve(CORPUS, 'INDEX.tsv'), 'utf8').split('\n').filter(Boolean);
  const cols = header.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    const get = (name: string) => cells[cols.indexOf(name)];
    return { file: get('file'), path: get('path'), kind: get('kind') };
  });
}

function lintCorpusNote(file: string, path: string): Entry {
  const text = readFileSync(resolve(CORPUS, file), 'utf8');
  const { note, findings, failures } = lint({ text, path, today: TODAY });
  assert.deepEqual(failures.map((f) => f.ruleId), [], `${file}: a rule threw`);
  const lines = new LineIndex(text);
  return {
    kind: note.kind + (note.hygieneOnly ? ' (hygiene only)' : ''),
    dialect: note.dialect.id,
    findings: findings.map((f) => `${f.ruleId}:${lines.position(f.start).line + 1}:${f.message}`),
  };
}

describe('corpus of real notes', () => {
  const entries = index();
  const actual: Record<string, Entry> = {};

  it('INDEX.tsv lists every note of the corpus', () => {
    assert.equal(entries.length, 62);
  });

  for (const { file, path } of entries) {
    it(`${file} lints without a crash`, () => {
      actual[file] = lintCorpusNote(file, path);
    });
  }

  it('matches the reviewed snapshot', function () {
    if (Object.keys(actual).length !== entries.length) this.skip();
    const text = JSON.stringify(actual, null, 2) + '\n';
    if (process.env.UPDATE_SNAPSHOT) {
      writeFileSync(SNAPSHOT, text);
      return;
    }
    const expected = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, Entry>;
    for (const { file } of entries) assert.deepEqual(actual[file], expected[file], `${file} differs from the snapshot (review it, then UPDATE_SNAPSHOT=1)`);
    assert.deepEqual(Object.keys(expected).sort(), Object.keys(actual).sort());
  });
});
