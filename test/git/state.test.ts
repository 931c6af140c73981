// Git-state matrix on real temporary repositories: what readRepoFacts reports for each state.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeBranch, isGitUnavailable, readRepoFacts, type RepoFacts } from '../../server/src/git';
import { Scratch } from './helpers';

describe('git: repository state matrix', () => {
  let scratch: Scratch;
  beforeEach(() => {
    scratch = new Scratch();
  });
  afterEach(() => scratch.cleanup());

  async function facts(folder: string, statusLimit?: number): Promise<RepoFacts> {
    const result = await readRepoFacts(folder, { runner: scratch.runner().runner, statusLimit });
    if (isGitUnavailable(result)) assert.fail(`unexpected: ${result.reason}: ${result.message}`);
    return result;
  }

  it('clean repository with commits, read from a subfolder', async () => {
    const repo = scratch.repo('r');
    const head = scratch.commit(repo, { 'docs/HANDOFF.md': '# Handoff\n' }, 'add handoff');
    const f = await facts(path.join(repo, 'docs'));
    assert.deepEqual(f, {
      root: repo,
      branch: 'main',
      detached: false,
      unborn: false,
      head,
      upstream: null,
      dirty: false,
      status: [],
      statusTotal: 0,
      shallow: false,
    });
    assert.equal(describeBranch(f), 'main');
  });

  it('staged rename, unstaged deletion, modification and untracked files', async () => {
    const repo = scratch.repo('r');
    scratch.commit(repo, { 'a.md': 'alpha\n'.repeat(20), 'b.md': 'bravo\n', 'c.md': 'charlie\n' }, 'three files');
    fs.mkdirSync(path.join(repo, 'moved'));
    scratch.git(repo, ['mv', 'a.md', 'moved/a.md']);
    fs.rmSync(path.join(repo, 'b.md'));
    fs.appendFileSync(path.join(repo, 'c.md'), 'more\n');
    scratch.write(repo, 'new/untracked.txt', 'u\n');
    const f = await facts(repo);
    assert.equal(f.dirty, true);
    assert.deepEqual(f.status, [
      { path: 'b.md', status: 'deleted' },
      { path: 'c.md', status: 'modified' },
      { path: 'moved/a.md', status: 'renamed', from: 'a.md' },
      { path: 'new/untracked.txt', status: 'untracked' },
    ]);
    assert.equal(f.statusTotal, 4);
  });

  it('staged deletion and a staged new file', async () => {
    const repo = scratch.repo('r');
    scratch.git(repo, ['rm', '-q', 'README.md']);
    scratch.write(repo, 'added.md', 'x\n');
    scratch.git(repo, ['add', 'added.md']);
    assert.deepEqual((await facts(repo)).status, [
      { path: 'README.md', status: 'deleted' },
      { path: 'added.md', status: 'added' },
    ]);
  });

  it('detached HEAD: no branch, head set, rendered "(detached at <short>)"', async () => {
    const repo = scratch.repo('r');
    const first = scratch.git(repo, ['rev-parse', 'HEAD']);
    scratch.commit(repo, { 'x.md': 'x\n' }, 'second');
    scratch.git(repo, ['checkout', '-q', '--detach', first]);
    const f = await facts(repo);
    assert.equal(f.branch, null);
    assert.equal(f.detached, true);
    assert.equal(f.head, first);
    assert.equal(describeBranch(f), `(detached at ${first.slice(0, 7)})`);
  });

  it('unborn branch: a state, not a failure', async () => {
    const repo = scratch.repo('r', { empty: true });
    scratch.write(repo, 'draft.md', 'd\n');
    const f = await facts(repo);
    assert.equal(f.unborn, true);
    assert.equal(f.head, null);
    assert.equal(f.branch, 'main');
    assert.equal(f.detached, false);
    assert.deepEqual(f.status, [{ path: 'draft.md', status: 'untracked' }]);
  });

  it('shallow clone (--depth 1 from a file:// repository)', async () => {
    const source = scratch.repo('source');
    scratch.commit(source, { 'a.md': 'a\n' }, 'second');
    const head = scratch.commit(source, { 'b.md': 'b\n' }, 'third');
    const clone = path.join(scratch.dir, 'clone');
    scratch.git(scratch.dir, ['clone', '-q', '--depth', '1', `file://${source}`, clone]);
    const f = await facts(clone);
    assert.equal(f.shallow, true);
    assert.equal(f.head, head);
    assert.deepEqual(f.upstream, { name: 'origin/main', sha: head, ahead: 0, behind: 0 });
  });

  it('upstream ahead and behind, with a local bare remote', async () => {
    const bare = path.join(scratch.dir, 'remote.git');
    scratch.git(scratch.dir, ['-c', 'init.defaultBranch=main', 'init', '-q', '--bare', bare]);
    const seed = scratch.repo('seed');
    scratch.git(seed, ['push', '-q', bare, 'main']);
    const mine = path.join(scratch.dir, 'mine');
    scratch.git(scratch.dir, ['clone', '-q', bare, mine]);
    const theirs = path.join(scratch.dir, 'theirs');
    scratch.git(scratch.dir, ['clone', '-q', bare, theirs]);
    const remoteHead = scratch.commit(theirs, { 'theirs.md': 't\n' }, 'their work');
    scratch.git(theirs, ['push', '-q', 'origin', 'main']);
    scratch.commit(mine, { 'mine.md': 'm\n' }, 'my work');
    scratch.git(mine, ['fetch', '-q']); // setup only: our code never fetches
    const f = await facts(mine);
    assert.deepEqual(f.upstream, { name: 'origin/main', sha: remoteHead, ahead: 1, behind: 1 });
    assert.equal(f.dirty, false);
  });

  it('no upstream, and an upstream whose ref is gone', async () => {
    const repo = scratch.repo('r');
    assert.equal((await facts(repo)).upstream, null);
    scratch.git(repo, ['config', 'branch.main.remote', 'origin']);
    scratch.git(repo, ['config', 'branch.main.merge', 'refs/heads/main']);
    scratch.git(repo, ['config', 'remote.origin.url', path.join(scratch.dir, 'nowhere.git')]);
    scratch.git(repo, ['config', 'remote.origin.fetch', '+refs/heads/*:refs/remotes/origin/*']);
    assert.deepEqual((await facts(repo)).upstream, { name: 'origin/main', sha: null, ahead: 0, behind: 0 });
  });

  it('paths with spaces, tabs, newlines, non-ASCII and a leading dash', async () => {
    const repo = scratch.repo('r');
    const names = ['with space.md', 'tab\there.md', 'new\nline.md', 'ünïcödé.md', '-leading.md', '--all'];
    scratch.commit(repo, Object.fromEntries(names.map((n) => [n, 'v1\n'])), 'odd names');
    for (const n of names) fs.writeFileSync(path.join(repo, n), 'v2 changed\n');
    scratch.write(repo, '-untracked dir/ü\nx', 'u\n');
    const f = await facts(repo);
    assert.deepEqual(
      f.status,
      [
        ...[...names].sort().map((p) => ({ path: p, status: 'modified' as const })),
        { path: '-untracked dir/ü\nx', status: 'untracked' as const },
      ],
    );
  });

  it('10,000 untracked files: status capped at the limit, total complete, within budget', async () => {
    const repo = scratch.repo('r');
    for (let i = 0; i < 10_000; i++) scratch.write(repo, `many/d${i % 50}/f${String(i).padStart(5, '0')}.txt`, 'x\n');
    const started = Date.now();
    const f = await facts(repo, 500);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    assert.equal(f.status.length, 500);
    assert.equal(f.statusTotal, 10_000);
    assert.equal(f.dirty, true);
    assert.deepEqual(f.status[0], { path: 'many/d0/f00000.txt', status: 'untracked' });
  });

  it('submodule changes are ignored', async () => {
    const sub = scratch.repo('sub');
    const repo = scratch.repo('r');
    scratch.git(repo, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'sub']);
    scratch.git(repo, ['commit', '-q', '-m', 'add submodule']);
    scratch.write(path.join(repo, 'sub'), 'README.md', 'changed inside the submodule\n');
    const f = await facts(repo);
    assert.equal(f.dirty, false);
    assert.deepEqual(f.status, []);
  });

  it('.git/index.lock held: status still works and the lock is left alone', async () => {
    const repo = scratch.repo('r');
    const lock = path.join(repo, '.git', 'index.lock');
    fs.writeFileSync(lock, '');
    fs.appendFileSync(path.join(repo, 'README.md'), 'edit\n');
    const f = await facts(repo);
    assert.deepEqual(f.status, [{ path: 'README.md', status: 'modified' }]);
    assert.equal(fs.existsSync(lock), true);
  });

  it('non-English locale in the environment: LC_ALL=C wins, parsing unaffected', async () => {
    const repo = scratch.repo('r');
    const { runner, spawned } = scratch.runner({
      env: { PATH: process.env.PATH, HOME: scratch.home, LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', LANGUAGE: 'de' },
    });
    const f = await readRepoFacts(repo, { runner });
    assert.equal(isGitUnavailable(f), false);
    for (const s of spawned) {
      assert.equal(s.env.LC_ALL, 'C');
      assert.equal(s.env.LANG, undefined);
      assert.equal(s.env.LANGUAGE, undefined);
    }
    const outside = scratch.mkdir('plain');
    const notRepo = await readRepoFacts(outside, { runner });
    assert.ok(isGitUnavailable(notRepo));
    assert.equal(notRepo.reason, 'not-a-repository');
  });

  it('not a repository: "Not a git repository: <folder>"', async () => {
    const folder = scratch.mkdir('plain');
    const { runner, spawned } = scratch.runner();
    const result = await readRepoFacts(folder, { runner });
    assert.deepEqual(result, { kind: 'git-unavailable', reason: 'not-a-repository', message: `Not a git repository: ${folder}` });
    assert.equal(spawned.length, 1, 'one rev-parse, no retry');
  });
});
