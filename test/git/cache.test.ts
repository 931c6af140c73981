// GitFactsProvider (caching, coalescing, invalidation, trust), gatherGitFacts and
// gitDirWatchPaths, on real temporary repositories.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  GitFactsProvider,
  gatherGitFacts,
  gitDirWatchPaths,
  isGitUnavailable,
  touchedSince,
  type GitRequest,
  type GitRunner,
} from '../../server/src/git';
import { GitRunError } from '../../server/src/git/run';
import { Scratch } from './helpers';

/** Wraps a runner and records the subcommand of every request. */
function counting(inner: GitRunner): { runner: GitRunner; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    runner: {
      run: (request: GitRequest) => {
        calls.push(request.args[0] ?? '');
        return inner.run(request);
      },
    },
  };
}

describe('git: GitFactsProvider', () => {
  let scratch: Scratch;
  beforeEach(() => {
    scratch = new Scratch();
  });
  afterEach(() => scratch.cleanup());

  function provider(trusted = true) {
    const { runner, calls } = counting(scratch.runner().runner);
    return { provider: new GitFactsProvider({ trusted, runner }), calls };
  }

  it('a burst of requests costs one set of git processes; invalidate(root) refetches', async () => {
    const repo = scratch.repo('r');
    const { provider: p, calls } = provider();
    const burst = await Promise.all(Array.from({ length: 25 }, () => p.repoFacts(repo)));
    assert.deepEqual(calls, ['rev-parse', 'status']);
    for (const f of burst) assert.deepEqual(f, burst[0]);

    await p.repoFacts(repo);
    assert.deepEqual(calls, ['rev-parse', 'status'], 'served from cache');

    fs.appendFileSync(path.join(repo, 'README.md'), 'edit\n');
    p.invalidate(repo);
    const after = await p.repoFacts(repo);
    assert.ok(!isGitUnavailable(after));
    assert.equal(after.dirty, true);
    assert.deepEqual(calls, ['rev-parse', 'status', 'rev-parse', 'status']);
  });

  it('commit lookups are batched, coalesced per hash and cached', async () => {
    const repo = scratch.repo('r');
    const a = scratch.git(repo, ['rev-parse', 'HEAD']);
    const b = scratch.commit(repo, { 'b.md': 'b\n' }, 'b');
    const c = scratch.commit(repo, { 'c.md': 'c\n' }, 'c');
    const { provider: p, calls } = provider();
    await p.locate(repo);
    calls.length = 0;
    const [first, second] = await Promise.all([p.lookupCommits(repo, [a, b]), p.lookupCommits(repo, [b.slice(0, 7), c])]);
    assert.ok(!isGitUnavailable(first) && !isGitUnavailable(second));
    assert.equal(first[a]?.sha, a);
    assert.equal(first[b]?.behind, 1);
    assert.equal(second[b.slice(0, 7)]?.sha, b);
    assert.equal(second[c]?.isAncestor, true);
    // Two batches (the second holds only what the first did not ask for), each: cat-file, log, rev-lists.
    assert.equal(calls.filter((x) => x === 'cat-file').length, 2);
    assert.equal(calls.filter((x) => x === 'log').length, 2);
    calls.length = 0;
    const again = await p.lookupCommits(repo, [a, b, c]);
    assert.ok(!isGitUnavailable(again));
    assert.deepEqual(calls, [], 'all cached');
  });

  it('a revision is resolved once: the commit lookups and the changes since it share one cat-file, and a version from log needs none', async () => {
    const repo = scratch.repo('r');
    const now = new Date().toISOString(); // inside the history's window
    const recorded = scratch.commit(repo, { 'HANDOFF.md': '# Handoff\n' }, 'note', now);
    const later = scratch.commit(repo, { 'src/a.ts': 'export {};\n' }, 'later', now);
    const { provider: p, calls } = provider();
    await p.locate(repo);
    calls.length = 0;
    const short = recorded.slice(0, 7);
    const [commits, changes] = await Promise.all([p.lookupCommits(repo, [short, later]), p.changedSince(repo, short)]);
    assert.ok(!isGitUnavailable(commits) && !isGitUnavailable(changes));
    assert.equal(commits[short]?.sha, recorded);
    assert.deepEqual(changes?.changes, [{ path: 'src/a.ts', status: 'added' }]);
    assert.equal(calls.filter((x) => x === 'cat-file').length, 1, calls.join(' '));

    const versions = await p.noteVersions(path.join(repo, 'HANDOFF.md'));
    assert.ok(!isGitUnavailable(versions));
    assert.deepEqual(versions.map((v) => v.commit), [recorded]);
    calls.length = 0;
    const since = await p.changedSince(repo, recorded);
    assert.ok(!isGitUnavailable(since));
    assert.deepEqual(since?.changes, [{ path: 'src/a.ts', status: 'added' }]);
    assert.ok(!calls.includes('cat-file'), `log named the commit: ${calls.join(' ')}`);
  });

  it('transient failures are not cached; "not a repository" is, until invalidate()', async () => {
    const repo = scratch.repo('r');
    const real = scratch.runner().runner;
    let failNext = true;
    const calls: string[] = [];
    const flaky: GitRunner = {
      run: async (request) => {
        calls.push(request.args[0] ?? '');
        if (request.args[0] === 'status' && failNext) {
          failNext = false;
          throw new GitRunError('timeout', 'git did not finish in time and was stopped');
        }
        return real.run(request);
      },
    };
    const p = new GitFactsProvider({ trusted: true, runner: flaky });
    const first = await p.repoFacts(repo);
    assert.ok(isGitUnavailable(first));
    assert.equal(first.reason, 'timeout');
    const second = await p.repoFacts(repo);
    assert.ok(!isGitUnavailable(second));

    const plain = scratch.mkdir('plain');
    calls.length = 0;
    for (let i = 0; i < 3; i++) {
      const r = await p.repoFacts(plain);
      assert.ok(isGitUnavailable(r));
      assert.equal(r.reason, 'not-a-repository');
    }
    assert.deepEqual(calls, ['rev-parse'], 'no retry loop');
    scratch.git(plain, ['init', '-q']);
    p.invalidate();
    assert.ok(!isGitUnavailable(await p.repoFacts(plain)));
  });

  it('untrusted: never runs git; trust granted later enables it', async () => {
    const repo = scratch.repo('r');
    const { provider: p, calls } = provider(false);
    const result = await p.repoFacts(repo);
    assert.ok(isGitUnavailable(result));
    assert.equal(result.reason, 'untrusted');
    assert.deepEqual(calls, []);
    p.setTrusted(true);
    assert.ok(!isGitUnavailable(await p.repoFacts(repo)));
    assert.deepEqual(calls, ['rev-parse', 'status']);
    p.setTrusted(false);
    assert.equal(((await p.repoFacts(repo)) as { reason?: string }).reason, 'untrusted');
    assert.equal(calls.length, 2);
  });

  it('dispose() stops a running git', async () => {
    const repo = scratch.repo('r');
    const slow = scratch.script('slow-git', 'exec sleep 30');
    const p = new GitFactsProvider({ trusted: true, gitPath: slow, env: { PATH: process.env.PATH }, timeoutMs: 20_000 });
    const pending = p.repoFacts(repo);
    setTimeout(() => p.dispose(), 200);
    const result = await pending;
    assert.ok(isGitUnavailable(result));
    assert.equal(result.reason, 'aborted');
  });
});

describe('git: gatherGitFacts', () => {
  let scratch: Scratch;
  beforeEach(() => {
    scratch = new Scratch();
  });
  afterEach(() => scratch.cleanup());

  it('assembles the engine GitFacts for a note', async () => {
    const repo = scratch.repo('r');
    const recorded = scratch.commit(
      repo,
      { 'docs/HANDOFF.md': '# Handoff\n', 'src/old.ts': 'export const old = true;\n'.repeat(10) },
      'note written',
      '2024-04-01T12:00:00+00:00',
    );
    scratch.git(repo, ['mv', 'src/old.ts', 'src/new.ts']);
    scratch.git(repo, ['commit', '-q', '-m', 'rename'], { GIT_COMMITTER_DATE: '2024-04-02T12:00:00+00:00' });
    const head = scratch.git(repo, ['rev-parse', 'HEAD']);
    scratch.write(repo, 'scratch.txt', 's\n');
    const provider = new GitFactsProvider({ trusted: true, env: { PATH: process.env.PATH, HOME: scratch.home } });
    const facts = await gatherGitFacts(provider, {
      notePath: path.join(repo, 'docs', 'HANDOFF.md'),
      recordedCommit: recorded.slice(0, 7),
      commitHashes: ['feedface', head],
      missingPaths: ['src/old.ts', 'never.md'],
    });
    assert.deepEqual(facts, {
      root: repo,
      branch: 'main',
      detached: false,
      unborn: false,
      head,
      upstream: null,
      dirty: true,
      status: [{ path: 'scratch.txt', status: 'untracked' }],
      shallow: false,
      commits: {
        feedface: null,
        [head]: { sha: head, subject: 'rename', author: 'Ada Author', date: '2024-04-02T12:00:00+00:00', isAncestor: true, behind: 0 },
        [recorded.slice(0, 7)]: {
          sha: recorded,
          subject: 'note written',
          author: 'Ada Author',
          date: '2024-04-01T12:00:00+00:00',
          isAncestor: true,
          behind: 1,
        },
      },
      paths: { 'src/old.ts': { everExisted: true, renamedTo: 'src/new.ts' }, 'never.md': { everExisted: false } },
      noteLastCommitDate: '2024-04-01T12:00:00+00:00',
      changedSince: [
        { path: 'src/new.ts', status: 'renamed', from: 'src/old.ts' },
        { path: 'scratch.txt', status: 'untracked' },
      ],
    });
  });

  it('unborn repository: branch null per the engine contract, no history', async () => {
    const repo = scratch.repo('r', { empty: true });
    scratch.write(repo, 'HANDOFF.md', '# Handoff\n');
    const provider = new GitFactsProvider({ trusted: true, env: { PATH: process.env.PATH, HOME: scratch.home } });
    const facts = await gatherGitFacts(provider, {
      notePath: path.join(repo, 'HANDOFF.md'),
      recordedCommit: 'abc1234',
      commitHashes: [],
      missingPaths: ['x.md'],
    });
    assert.ok(!isGitUnavailable(facts));
    assert.equal(facts.branch, null);
    assert.equal(facts.unborn, true);
    assert.equal(facts.head, null);
    assert.deepEqual(facts.commits, { abc1234: null });
    assert.deepEqual(facts.paths, { 'x.md': { everExisted: false } });
    assert.equal(facts.noteLastCommitDate, null);
    assert.equal(facts.changedSince, null);
  });

  it('a note outside any repository, and an aborted request', async () => {
    const folder = scratch.mkdir('plain');
    const provider = new GitFactsProvider({ trusted: true, env: { PATH: process.env.PATH, HOME: scratch.home } });
    const outside = await gatherGitFacts(provider, { notePath: path.join(folder, 'HANDOFF.md') });
    assert.deepEqual(outside, { kind: 'git-unavailable', reason: 'not-a-repository', message: `Not a git repository: ${folder}` });

    const repo = scratch.repo('r');
    const controller = new AbortController();
    controller.abort();
    const aborted = await gatherGitFacts(provider, { notePath: path.join(repo, 'HANDOFF.md'), signal: controller.signal });
    assert.ok(isGitUnavailable(aborted));
    assert.equal(aborted.reason, 'aborted');
  });
});

describe('git: gitDirWatchPaths', () => {
  let scratch: Scratch;
  beforeEach(() => {
    scratch = new Scratch();
  });
  afterEach(() => scratch.cleanup());

  it('names HEAD, index, refs, packed-refs, config and shallow of a repository', async () => {
    const repo = scratch.repo('r');
    const git = path.join(repo, '.git');
    assert.deepEqual(await gitDirWatchPaths(repo), {
      gitDir: git,
      commonDir: git,
      files: ['HEAD', 'index', 'packed-refs', 'config', 'shallow'].map((f) => path.join(git, f)),
      directories: [path.join(git, 'refs')],
    });
  });

  it('follows a linked worktree to its private and common git directories', async () => {
    const repo = scratch.repo('r');
    const wt = path.join(scratch.dir, 'wt');
    scratch.git(repo, ['worktree', 'add', '-q', wt]);
    const watch = await gitDirWatchPaths(wt);
    const common = path.join(repo, '.git');
    const own = path.join(common, 'worktrees', 'wt');
    assert.deepEqual(watch, {
      gitDir: own,
      commonDir: common,
      files: [path.join(own, 'HEAD'), path.join(own, 'index'), path.join(common, 'packed-refs'), path.join(common, 'config'), path.join(common, 'shallow')],
      directories: [path.join(common, 'refs')],
    });
  });

  it('is null outside a repository', async () => {
    assert.equal(await gitDirWatchPaths(scratch.mkdir('plain')), null);
  });

  it('touchedSince: a commit made after a moment is seen by the times of the watched paths', async () => {
    const repo = scratch.repo('r');
    const watch = (await gitDirWatchPaths(repo))!;
    // Every watched path last changed an hour ago: nothing since a minute ago.
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const p of [...watch.files, ...watch.directories, path.join(watch.commonDir, 'refs', 'heads'), path.join(watch.commonDir, 'refs', 'heads', 'main')]) {
      if (fs.existsSync(p)) fs.utimesSync(p, hourAgo, hourAgo);
    }
    const since = Date.now() - 60_000;
    assert.equal(await touchedSince(watch, since), false);
    scratch.commit(repo, { 'a.md': 'a\n' }, 'second');
    assert.equal(await touchedSince(watch, since), true);
  });
});
