// The agents' own layouts in a real folder: the workspace facts list a phase folder, the GSD
// state is checked against the ROADMAP.md beside it and the folders under .planning/phases/
// through the built CLI, and a memory bank's active context is linked to its progress file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { WorkspaceFolderFacts } from '../../server/src/project/files';
import { chooseRoadmap } from '../../server/src/project/link';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/handoff.js');
const CORPUS = join(ROOT, 'test/fixtures/corpus');

function write(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}

describe('agent layouts in a workspace folder', function () {
  this.timeout(60_000);
  let dir: string;
  const state = readFileSync(join(CORPUS, '56-arnavpant__sweatstakes__.planning_STATE.md'), 'utf8');
  const roadmap = readFileSync(join(CORPUS, '58-arnavpant__sweatstakes__.planning_ROADMAP.md'), 'utf8');
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'handoff-agents-'));
    write(dir, { '.planning/STATE.md': state, '.planning/ROADMAP.md': roadmap, '.planning/phases/05-dashboard-feed-polish/05-01-PLAN.md': '# Plan\n' });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists a folder, never one outside the root, and forgets the answer on a file event', () => {
    const facts = new WorkspaceFolderFacts(dir);
    assert.deepEqual(facts.entries('.planning/phases'), ['05-dashboard-feed-polish']);
    assert.equal(facts.entries('.planning/STATE.md'), undefined);
    assert.equal(facts.entries('../'), undefined);
    mkdirSync(join(dir, '.planning/phases/06-launch'));
    assert.deepEqual(facts.entries('.planning/phases'), ['05-dashboard-feed-polish'], 'answered from the cache until a file event');
    facts.invalidate('files');
    assert.deepEqual(facts.entries('.planning/phases'), ['05-dashboard-feed-polish', '06-launch']);
  });

  it('the CLI checks the state against the roadmap beside it and the phase folders', function () {
    const bundle = join(ROOT, 'out/cli/handoff.js');
    if (!existsSync(bundle) || statSync(bundle).mtimeMs < statSync(join(ROOT, 'server/src/engine/rules/gsd-resume-file.ts')).mtimeMs) this.skip();
    const lint = () => {
      const r = spawnSync(process.execPath, [BIN, 'lint', '.planning', '--format', 'json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, HANDOFF_NO_GIT: '1', HANDOFF_TODAY: '2026-11-22' } });
      return (JSON.parse(r.stdout) as Array<{ file: string; rule: string; line: number }>).filter((f) => f.rule.startsWith('gsd-')).map((f) => `${f.file}:${f.rule}:${f.line}`);
    };
    // The resume file of the real state is not in this folder.
    assert.deepEqual(lint(), ['.planning/STATE.md:gsd-resume-file:101']);
    write(dir, { '.planning/phases/04-points-stakes/04-REVIEW-FIX.md': '# Review fixes\n' });
    assert.deepEqual(lint(), []);
    rmSync(join(dir, '.planning/phases/05-dashboard-feed-polish'), { recursive: true });
    assert.deepEqual(lint(), ['.planning/STATE.md:gsd-phase-folder:28']);
    writeFileSync(join(dir, '.planning/STATE.md'), state.replace('Phase: 05 (dashboard-feed-polish)', 'Phase: 04 (points-stakes)'));
    assert.deepEqual(lint(), []);
  });

  it('a memory bank: the active context is checked against the progress file beside it', () => {
    const bank = ['memory-bank/activeContext.md', 'memory-bank/progress.md', 'docs/ROADMAP.md'].map((p) => join(dir, p));
    assert.equal(chooseRoadmap(bank[0], bank.slice(1), null, dir), bank[1]);
    const gsd = [join(dir, '.planning/ROADMAP.md'), bank[2]];
    assert.equal(chooseRoadmap(join(dir, '.planning/STATE.md'), gsd, null, dir), gsd[0]);
  });
});
