// The lint job of large documents keeps an incremental parser per document: after any run of
// edits its diagnostics and counts are exactly those of a job run from scratch on the same text.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig, IncrementalParser, parseMarkdown } from '../../server/src/engine';
import { runLintJob, type LintJob } from '../../server/src/lsp/lint-job';

const CORPUS = join(__dirname, '../fixtures/corpus');

function job(text: string, version: number): LintJob {
  return { version, text, path: 'HANDOFF.md', config: defaultConfig(), template: null, today: '2026-02-06', git: null, workspace: null, roadmap: null, handoffs: [], textFirst: false };
}

/** mulberry32: the same edits on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['x', '\n', '\n\n## Next steps\n\n1. Ship it.\n', '```\n', '- [ ] task\n', '`', '**', '| a | b |\n| - | - |\n', '# Title\n', 'ghp_' + 'a1B2c3D4e5'.repeat(4)];

describe('lint job: the incremental parser kept per document', () => {
  const notes = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).slice(0, 12);

  it('gives the same diagnostics and counts as a fresh job after every edit', () => {
    const next = random(7);
    let versions = 0;
    for (const name of notes) {
      let text = readFileSync(join(CORPUS, name), 'utf8');
      const parser = new IncrementalParser(parseMarkdown);
      for (let version = 1; version <= 8; version++) {
        if (version > 1) {
          const at = Math.floor(next() * text.length);
          const cut = next() < 0.3 ? Math.floor(next() * 40) : 0;
          text = text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + text.slice(at + cut);
        }
        assert.deepEqual(runLintJob(job(text, version), parser), runLintJob(job(text, version)), `${name}, version ${version}`);
        versions++;
      }
    }
    assert.equal(versions, notes.length * 8);
  });
});

describe('lint job: text findings first', () => {
  const secret = 'gh' + 'p_' + 'a1B2c3D4e5'.repeat(4) + 'zZ9y';
  const text = `# Session Handoff\n\n## Snapshot\n\n- Token: ${secret}\n`;

  it('sends the text findings of a first lint before its result, all of them among the result', () => {
    const sent: unknown[][] = [];
    const result = runLintJob({ ...job(text, 3), textFirst: true }, undefined, (d) => sent.push(d));
    assert.equal(sent.length, 1);
    const codes = (sent[0] as Array<{ code: string }>).map((d) => d.code);
    assert.deepEqual(codes, ['no-secrets']);
    assert.ok(result && result.diagnostics.some((d) => d.code === 'required-sections'), 'the structural finding comes with the result');
    for (const d of sent[0]) assert.ok(result.diagnostics.some((r) => JSON.stringify(r) === JSON.stringify(d)), JSON.stringify(d));
  });

  it('sends none for a later lint, nor for a note whose path does not make it one', () => {
    const sent: unknown[] = [];
    runLintJob(job(text, 4), undefined, (d) => sent.push(d));
    runLintJob({ ...job(text, 5), path: 'docs/notes.md', textFirst: true }, undefined, (d) => sent.push(d));
    assert.deepEqual(sent, []);
  });
});
