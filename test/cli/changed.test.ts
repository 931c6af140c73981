// `handoff lint --changed [<base>]` and `--fail-on` on real temporary repositories: a feature
// branch that changed one note of three, uncommitted and untracked notes, a base that is also a
// path, a base that names nothing, no git, and the severities that fail a run.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ALNUM, drawer, seeded } from '../engine/fixtures/prng';

const BIN = resolve(__dirname, '../../bin/handoff.js');
const ENV = { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8' }).trim();
const handoff = (cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, HANDOFF_TODAY: '2026-11-22', NO_COLOR: '1', ...env }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const files = (out: string): string[] => [...new Set((JSON.parse(out) as { file: string }[]).map((f) => f.file))].sort();

// A free-form handoff with one warning (no next steps) and nothing else.
const WARN_ONLY = '# Handoff\n\nImporter merged.\n';
const CLEAN = '# Handoff\n\nImporter merged.\n\n## Next steps\n\n1. Release 1.2.\n';

describe('handoff lint --changed and --fail-on', function () {
  this.timeout(60000);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'handoff-changed-'));
    git(dir, 'init', '-q', '-b', 'main');
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'HANDOFF.md'), WARN_ONLY);
    writeFileSync(join(dir, 'docs', 'api-handoff.md'), WARN_ONLY);
    writeFileSync(join(dir, 'docs', 'old-handoff.md'), WARN_ONLY);
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'Notes');
    git(dir, 'checkout', '-q', '-b', 'feature');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lints only the notes changed since the base left HEAD, committed or not', () => {
    writeFileSync(join(dir, 'docs', 'api-handoff.md'), WARN_ONLY + '\nMore.\n');
    git(dir, 'commit', '-q', '-am', 'Touch one note');
    // main moves on after the fork: its change is not the branch's.
    git(dir, 'checkout', '-q', 'main');
    writeFileSync(join(dir, 'HANDOFF.md'), WARN_ONLY + '\nOn main.\n');
    git(dir, 'commit', '-q', '-am', 'Main moves');
    git(dir, 'checkout', '-q', 'feature');
    writeFileSync(join(dir, 'docs', 'new-handoff.md'), WARN_ONLY);
    const all = handoff(dir, ['lint', '--format', 'json']);
    assert.deepEqual(files(all.stdout), ['HANDOFF.md', 'docs/api-handoff.md', 'docs/new-handoff.md', 'docs/old-handoff.md']);
    const pr = handoff(dir, ['lint', '--changed', 'main', '--format', 'json']);
    assert.equal(pr.code, 0, pr.stderr);
    assert.deepEqual(files(pr.stdout), ['docs/api-handoff.md', 'docs/new-handoff.md']);
    const eq = handoff(dir, ['lint', '--changed=main', '--format', 'json']);
    assert.equal(eq.stdout, pr.stdout);
    // Without a base: what is not committed yet.
    const local = handoff(dir, ['lint', '--changed', '--format', 'json']);
    assert.deepEqual(files(local.stdout), ['docs/new-handoff.md']);
    // Paths narrow it further.
    const narrowed = handoff(dir, ['lint', '--changed', 'main', 'HANDOFF.md', 'docs/api-handoff.md', '--format', 'json']);
    assert.deepEqual(files(narrowed.stdout), ['docs/api-handoff.md']);
  });

  it('takes an existing path after --changed as a path, and says when none changed', () => {
    const run = handoff(dir, ['lint', '--changed', 'docs', '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), []);
    assert.match(run.stderr, /no notes changed since HEAD/);
  });

  it('refuses a base that is also a path, a base that names no commit, and no git', () => {
    git(dir, 'branch', 'docs');
    const ambiguous = handoff(dir, ['lint', '--changed', 'docs']);
    assert.equal(ambiguous.code, 2);
    assert.match(ambiguous.stderr, /"docs" is both a path and a revision: write --changed=docs/);
    const unknown = handoff(dir, ['lint', '--changed', 'no-such-branch']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /"no-such-branch" names no commit/);
    const spaced = handoff(dir, ['lint', '--changed=main\nHEAD']);
    assert.equal(spaced.code, 2);
    assert.match(spaced.stderr, /cannot hold spaces or control characters/);
    const noGit = handoff(dir, ['lint', '--changed'], { HANDOFF_NO_GIT: '1' });
    assert.equal(noGit.code, 2);
    assert.match(noGit.stderr, /--changed needs git/);
    const outside = mkdtempSync(join(tmpdir(), 'handoff-changed-nogit-'));
    try {
      writeFileSync(join(outside, 'HANDOFF.md'), CLEAN);
      const notRepo = handoff(outside, ['lint', '--changed']);
      assert.equal(notRepo.code, 2);
      assert.match(notRepo.stderr, /--changed needs git: /);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('fails on the severity --fail-on names', () => {
    assert.equal(handoff(dir, ['lint', 'HANDOFF.md']).code, 0, 'warnings do not fail by default');
    assert.equal(handoff(dir, ['lint', 'HANDOFF.md', '--fail-on', 'warning']).code, 1);
    assert.equal(handoff(dir, ['lint', 'HANDOFF.md', '--fail-on=info']).code, 1);
    writeFileSync(join(dir, 'HANDOFF.md'), CLEAN);
    assert.equal(handoff(dir, ['lint', 'HANDOFF.md', '--fail-on', 'info']).code, 0);
    const token = 'gh' + 'p_' + drawer(seeded(0xfa11))(36, ALNUM);
    writeFileSync(join(dir, 'HANDOFF.md'), CLEAN + `\nToken ${token}\n`);
    assert.equal(handoff(dir, ['lint', 'HANDOFF.md', '--fail-on', 'never']).code, 0);
    assert.equal(handoff(dir, ['lint', 'HANDOFF.md']).code, 1);
    const bad = handoff(dir, ['lint', '--fail-on', 'loud']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown --fail-on level "loud", expected one of error, warning, info, never/);
  });
});
