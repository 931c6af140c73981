// `handoff update` and the git rules on real temporary repositories: a rename, a deletion,
// dirty and untracked files, detached HEAD, unborn branch, shallow clone, no upstream, paths
// with spaces and non-ASCII names, and no git on PATH.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(__dirname, '../../bin/handoff.js');
const ENV = { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com', GIT_AUTHOR_DATE: '2026-11-20T10:00:00Z', GIT_COMMITTER_DATE: '2026-11-20T10:00:00Z' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8' }).trim();
const handoff = (cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, HANDOFF_TODAY: '2026-11-22', NO_COLOR: '1', ...env }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const NOTE = (head: string, extra = '') =>
  ['# Next Chat Handoff', '', 'Date: 2026-11-01', 'Branch: `main`', `HEAD / upstream (\`origin/main\`): \`${head}\``, 'Worktree: clean', '', '## Current Status', '', '1. Working on `src/app.ts`.' + extra, '', '## What Landed', '', '1. Setup.', '', '## Validation Status', '', '1. ok', '', '## Next Priority Work', '', '1. More.', ''].join('\n');

describe('handoff update and git rules on real repositories', function () {
  this.timeout(30000);
  let dir: string;
  let first: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'handoff-update-'));
    git(dir, 'init', '-q', '-b', 'main');
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'app.ts'), 'a\n');
    writeFileSync(join(dir, 'src', 'old.ts'), 'o\n');
    writeFileSync(join(dir, 'src', 'gone.ts'), 'g\n');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'First');
    first = git(dir, 'rev-parse', 'HEAD');
    writeFileSync(join(dir, 'HANDOFF.md'), NOTE(first.slice(0, 7)));
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'Note');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists a rename, a deletion, an addition, spaces and non-ASCII names, and is idempotent', () => {
    git(dir, 'mv', 'src/old.ts', 'src/new.ts');
    git(dir, 'rm', '-q', 'src/gone.ts');
    writeFileSync(join(dir, 'src', 'with space.ts'), 's\n');
    writeFileSync(join(dir, 'src', 'café.ts'), 'c\n');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'Change');
    writeFileSync(join(dir, 'untracked.txt'), 'u\n');
    const dry = handoff(dir, ['update', '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^--- a\/HANDOFF\.md/m);
    assert.equal(readFileSync(join(dir, 'HANDOFF.md'), 'utf8'), NOTE(first.slice(0, 7)), 'dry run writes nothing');
    const run = handoff(dir, ['update']);
    assert.equal(run.code, 0, run.stderr);
    const text = readFileSync(join(dir, 'HANDOFF.md'), 'utf8');
    const head = git(dir, 'rev-parse', 'HEAD');
    assert.ok(text.includes(`\`${head.slice(0, 7)}\``));
    assert.ok(text.includes('Worktree: dirty'));
    assert.ok(text.includes('`src/new.ts` (renamed from `src/old.ts`)'), text);
    assert.ok(text.includes('`src/gone.ts` (deleted)'));
    assert.ok(text.includes('`src/with space.ts` (added)'));
    assert.ok(text.includes('`src/café.ts` (added)'));
    assert.ok(text.includes('`untracked.txt` (new, untracked)'));
    // The dry run printed exactly this change.
    assert.ok(dry.stdout.includes('+  - `src/new.ts` (renamed from `src/old.ts`)'), dry.stdout);
    const again = handoff(dir, ['update']);
    assert.match(again.stderr, /up to date/);
    assert.equal(readFileSync(join(dir, 'HANDOFF.md'), 'utf8'), text);
  });

  it('reports the stale HEAD and the false "clean" through lint, and nothing after the update', () => {
    writeFileSync(join(dir, 'src', 'app.ts'), 'changed\n');
    git(dir, 'commit', '-qam', 'Later');
    writeFileSync(join(dir, 'src', 'app.ts'), 'dirty\n');
    const before = handoff(dir, ['lint', '--format', 'json']);
    const rules = (JSON.parse(before.stdout) as Array<{ rule: string }>).map((f) => f.rule);
    assert.ok(rules.includes('head-current'));
    assert.ok(rules.includes('worktree-state'));
    assert.ok(rules.includes('date-stale'));
    assert.equal(handoff(dir, ['update']).code, 0);
    const after = (JSON.parse(handoff(dir, ['lint', '--format', 'json']).stdout) as Array<{ rule: string }>).map((f) => f.rule);
    assert.deepEqual(after.filter((r) => ['head-current', 'worktree-state', 'branch-current', 'date-stale'].includes(r)), []);
  });

  it('writes a detached HEAD as such', () => {
    git(dir, 'checkout', '-q', '--detach', 'HEAD');
    assert.equal(handoff(dir, ['update']).code, 0);
    const head = git(dir, 'rev-parse', '--short=7', 'HEAD');
    assert.ok(readFileSync(join(dir, 'HANDOFF.md'), 'utf8').includes(`Branch: \`(detached at ${head})\``));
    const lint = JSON.parse(handoff(dir, ['lint', '--format', 'json']).stdout) as Array<{ rule: string }>;
    assert.ok(!lint.some((f) => f.rule === 'branch-current'));
  });

  it('handles an unborn branch, a shallow clone and no upstream', () => {
    const unborn = mkdtempSync(join(tmpdir(), 'handoff-unborn-'));
    try {
      git(unborn, 'init', '-q', '-b', 'trunk');
      writeFileSync(join(unborn, 'HANDOFF.md'), NOTE('abc1234'));
      const r = handoff(unborn, ['update']);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(readFileSync(join(unborn, 'HANDOFF.md'), 'utf8').includes('Date: 2026-11-22'));
    } finally {
      rmSync(unborn, { recursive: true, force: true });
    }
    const shallow = mkdtempSync(join(tmpdir(), 'handoff-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', 'file://' + dir, join(shallow, 'c')], { env: ENV });
      const c = join(shallow, 'c');
      const lint = handoff(c, ['lint', '--format', 'json']);
      const found = JSON.parse(lint.stdout) as Array<{ rule: string; message: string }>;
      const missing = found.find((f) => f.rule === 'commit-exists');
      assert.ok(missing && /shallow/.test(missing.message), lint.stdout);
      assert.equal(handoff(c, ['update']).code, 0);
    } finally {
      rmSync(shallow, { recursive: true, force: true });
    }
  });

  it('says clearly when git is missing or the folder is not a repository, and lint still works', () => {
    const noGit = handoff(dir, ['update'], { PATH: '/nonexistent' });
    assert.equal(noGit.code, 1);
    assert.match(noGit.stderr, /handoff\.gitPath/);
    const lint = handoff(dir, ['lint', '--format', 'json'], { PATH: '/nonexistent' });
    assert.equal(lint.code, 0);
    assert.ok(Array.isArray(JSON.parse(lint.stdout)));
    const plain = mkdtempSync(join(tmpdir(), 'handoff-plain-'));
    try {
      writeFileSync(join(plain, 'HANDOFF.md'), NOTE('abc1234'));
      const r = handoff(plain, ['update']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /Not a git repository/);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it('reads a snapshot kept as a table, rewrites its cells in place for a branch named feat/a`b, and adds missing fields as rows', () => {
    const table = (rows: string[]) =>
      ['# Next Chat Handoff', '', 'Kept | as | is.', '', '| Field    | Value        |', '|:---------|:-------------|', ...rows, '', '## Current Status', '', '1. Working on `src/app.ts`.', '', '## What Landed', '', '1. Setup.', '', '## Validation Status', '', '1. ok', '', '## Next Priority Work', '', '1. More.', ''].join('\n');
    const before = table(['| Date     | 2026-11-01   |', '| Branch   | `main`       |']);
    writeFileSync(join(dir, 'HANDOFF.md'), before);
    git(dir, 'commit', '-qam', 'Table');
    git(dir, 'checkout', '-q', '-b', 'feat/a`b');
    const head = git(dir, 'rev-parse', '--short=7', 'HEAD');
    const lint = JSON.parse(handoff(dir, ['lint', '--format', 'json']).stdout) as Array<{ rule: string; line: number }>;
    assert.ok(lint.some((f) => f.rule === 'branch-current' && f.line === 8), JSON.stringify(lint));
    const dry = handoff(dir, ['update', '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.ok(dry.stdout.includes('-| Branch   | `main`       |\n+| Date     | 2026-11-22   |\n+| Branch   | ``feat/a`b`` |\n'), dry.stdout);
    assert.equal(readFileSync(join(dir, 'HANDOFF.md'), 'utf8'), before, 'dry run writes nothing');
    assert.equal(handoff(dir, ['update']).code, 0);
    const after = readFileSync(join(dir, 'HANDOFF.md'), 'utf8');
    assert.equal(after, table(['| Date     | 2026-11-22   |', '| Branch   | ``feat/a`b`` |', `| HEAD / upstream | \`${head}\`    |`, '| Worktree | clean        |']));
    const again = handoff(dir, ['update']);
    assert.match(again.stderr, /up to date/);
    assert.equal(readFileSync(join(dir, 'HANDOFF.md'), 'utf8'), after);
    const rules = (JSON.parse(handoff(dir, ['lint', '--format', 'json']).stdout) as Array<{ rule: string }>).map((f) => f.rule);
    assert.deepEqual(rules.filter((r) => ['branch-current', 'date-stale', 'date-format', 'snapshot-fields', 'head-current', 'worktree-state'].includes(r)), []);
  });
});
