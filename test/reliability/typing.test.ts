// "Type every prefix" (RELIABILITY row 37, §8.3, as markdownlint-test-extra-type does): every
// example, rule fixture and corpus note is typed into the language server over stdio as
// incremental changes (one change per line; for the two examples, one per character: every
// prefix), never crashing it, and ends with exactly the diagnostics of the same text opened at
// once. Versions are only ever published in increasing order. The pure linter sees every line
// prefix of the examples and fixtures (and every 25th of the corpus notes) without a rule
// throwing or a range leaving the text.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LineIndex, lint } from '../../server/src/engine';
import { TODAY, corpusNotes, exampleNotes, ruleFixtureNotes, splitsSurrogate, type NoteFile } from './helpers';
import { ReliabilityClient, fileUri } from './lsp-client';

/** Line chunks (each with its line break), or code points. */
function chunks(text: string, by: 'line' | 'char'): string[] {
  if (by === 'char') return [...text];
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

const shown = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).sort();

describe('reliability: type every prefix', function () {
  this.timeout(600_000);
  let dir: string;
  let client: ReliabilityClient;

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-typing-')));
    fs.mkdirSync(path.join(dir, 'typed'));
    fs.mkdirSync(path.join(dir, 'whole'));
    client = new ReliabilityClient();
    await client.start([path.join(dir, 'typed'), path.join(dir, 'whole')]);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /**
   * The publication of a version once its workspace facts joined (the status says why git is off:
   * Restricted Mode), or of a note that is not checked (kind "other", nothing more comes).
   */
  async function final(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const status = client.sent<{ uri: string; version: number; kind: string; gitNote: string | null }>('handoff/noteStatus').filter((x) => x.uri === uri && x.version === version);
      if (status.some((x) => x.kind === 'other' || x.gitNote !== null)) return [...client.published].reverse().find((p) => p.uri === uri)!;
      if (Date.now() > deadline) throw new Error(`${uri}: no final status for version ${version}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  let n = 0;
  async function typeInto(note: NoteFile, by: 'line' | 'char'): Promise<number> {
    n++;
    const rel = path.join(String(n), note.path);
    const typed = fileUri(path.join(dir, 'typed', rel));
    const whole = fileUri(path.join(dir, 'whole', rel));
    let text = '';
    let version = 1;
    await client.open(typed, '', version);
    for (const c of chunks(note.text, by)) {
      const end = new LineIndex(text).position(text.length);
      text += c;
      await client.change(typed, ++version, [{ range: { start: end, end }, text: c }]);
    }
    assert.equal(text, note.text);
    const last = await final(typed, version);
    await client.open(whole, note.text);
    const once = await final(whole, 1);
    assert.deepEqual(shown(last), shown(once), `${note.name}: typed ${by} by ${by} ends with other diagnostics than the whole text`);
    const versions = client.published.filter((p) => p.uri === typed && p.version !== undefined).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `${note.name}: versions published out of order`);
    await client.close(typed);
    await client.close(whole);
    assert.equal(client.process.exitCode, null, 'the server exited');
    return version - 1;
  }

  it('the two examples, every prefix (one character at a time)', async () => {
    for (const note of exampleNotes()) {
      const t0 = performance.now();
      const changes = await typeInto(note, 'char');
      console.log(`      ${note.name}: ${changes} changes in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  });

  it('every rule fixture, line by line', async () => {
    const t0 = performance.now();
    let changes = 0;
    for (const note of ruleFixtureNotes()) changes += await typeInto(note, 'line');
    console.log(`      ${ruleFixtureNotes().length} fixtures: ${changes} changes in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  });

  it('every corpus note, line by line', async () => {
    const t0 = performance.now();
    let changes = 0;
    for (const note of corpusNotes()) changes += await typeInto(note, 'line');
    console.log(`      ${corpusNotes().length} corpus notes: ${changes} changes in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  });

  it('the pure linter on every line prefix: no rule throws, no range leaves the text or splits a surrogate pair', () => {
    const t0 = performance.now();
    let lints = 0;
    const notes: Array<[NoteFile, number]> = [...exampleNotes(), ...ruleFixtureNotes()].map((n) => [n, 1]);
    for (const n of corpusNotes()) notes.push([n, 25]);
    for (const [note, every] of notes) {
      const ends = [...note.text.matchAll(/\r\n|\r|\n/g)].map((m) => m.index + m[0].length);
      ends.push(note.text.length);
      ends.forEach((end, i) => {
        if (i % every !== 0 && end !== note.text.length) return;
        const text = note.text.slice(0, end);
        const result = lint({ text, path: note.path, today: TODAY });
        lints++;
        assert.deepEqual(result.failures.map((f) => f.ruleId), [], `${note.name}, prefix of ${end}: a rule threw`);
        for (const f of result.findings) {
          assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${note.name}, prefix of ${end}: ${f.ruleId} out of range`);
          assert.ok(!splitsSurrogate(text, f.start) && !splitsSurrogate(text, f.end), `${note.name}: ${f.ruleId} splits a surrogate pair`);
        }
      });
    }
    console.log(`      ${lints} prefixes linted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  });
});
