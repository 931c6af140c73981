// A repository that tries to run its own programs when git reads it: core.fsmonitor, a
// post-index-change hook, a clean filter, an external diff, a textconv driver and a submodule
// with its own fsmonitor. Each writes a marker file when run.
import { strict as assert } from 'node:assert';
import childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitFactsProvider, gatherGitFacts, isGitUnavailable } from '../../server/src/git';
import { Scratch, spySpawn } from './helpers';

const MARKERS = ['fsmonitor', 'hook', 'filter', 'diff-external', 'textconv', 'submodule-fsmonitor'] as const;
type Marker = (typeof MARKERS)[number];

describe('git: hostile repository', () => {
  let scratch: Scratch;
  let repo: string;
  let markers: string;
  let recorded: string;

  beforeEach(() => {
    scratch = new Scratch();
    markers = scratch.mkdir('markers');
    const mark = (name: Marker, extra = ''): string => scratch.script(`${name}.sh`, `touch ${path.join(markers, name)}\n${extra}`);
    repo = scratch.repo('hostile');
    const sub = scratch.repo('sub-source');
    scratch.git(repo, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'sub']);
    recorded = scratch.commit(
      repo,
      { '.gitattributes': '*.txt filter=x diff=t\n', 'f.txt': 'hi\n', 'HANDOFF.md': '# Handoff\n' },
      'files before the traps',
    );
    // The traps, set up after committing so setup itself does not trip them.
    scratch.git(repo, ['config', 'core.fsmonitor', mark('fsmonitor', 'exit 1')]);
    const hook = path.join(repo, '.git', 'hooks', 'post-index-change');
    fs.writeFileSync(hook, `#!/bin/sh\ntouch ${path.join(markers, 'hook')}\n`, { mode: 0o755 });
    scratch.git(repo, ['config', 'filter.x.clean', mark('filter', 'cat')]);
    scratch.git(repo, ['config', 'diff.external', mark('diff-external')]);
    scratch.git(repo, ['config', 'diff.t.textconv', mark('textconv', 'cat "$1"')]);
    scratch.git(path.join(repo, 'sub'), ['config', 'core.fsmonitor', mark('submodule-fsmonitor', 'exit 1')]);
    // Same size, new content, old mtime: git must re-hash f.txt (through the clean filter) and
    // would like to refresh and rewrite the index (which fires post-index-change).
    fs.writeFileSync(path.join(repo, 'f.txt'), 'ho\n');
    fs.utimesSync(path.join(repo, 'f.txt'), new Date('2001-01-01'), new Date('2001-01-01'));
    fs.writeFileSync(path.join(repo, 'sub', 'README.md'), '# changed in the submodule\n');
  });
  afterEach(() => scratch.cleanup());

  const present = (): Marker[] => MARKERS.filter((m) => fs.existsSync(path.join(markers, m)));

  async function gatherEverything(provider: GitFactsProvider) {
    return gatherGitFacts(provider, {
      notePath: path.join(repo, 'HANDOFF.md'),
      recordedCommit: recorded,
      commitHashes: [recorded.slice(0, 7)],
      missingPaths: ['gone.txt'],
    });
  }

  it('trusted: hardened calls run no fsmonitor, hook, filter, diff.external, textconv or submodule fsmonitor', async () => {
    const provider = new GitFactsProvider({ trusted: true, env: { PATH: process.env.PATH, HOME: scratch.home } });
    const facts = await gatherEverything(provider);
    assert.ok(!isGitUnavailable(facts));
    assert.deepEqual(facts.status, [{ path: 'f.txt', status: 'modified' }]);
    assert.deepEqual(facts.changedSince, [{ path: 'f.txt', status: 'modified' }]);

    // Git pipes a worktree file through `filter.<x>.clean` whenever it must re-hash it (status on
    // a racily-clean or touched file, diff against the worktree); the runner switched the
    // repository's driver off for those calls, so no marker at all.
    assert.deepEqual(present(), []);

    // Control: the same repository read by plain git (no hardening) runs the traps, so the
    // absence above is the hardening's doing, not a broken setup.
    childProcess.execFileSync('git', ['status', '--porcelain'], { cwd: repo, env: scratch.env, stdio: 'ignore' });
    childProcess.execFileSync('git', ['diff', 'HEAD'], { cwd: repo, env: scratch.env, stdio: 'ignore' });
    childProcess.execFileSync('git', ['diff', '--no-ext-diff', 'HEAD'], { cwd: repo, env: scratch.env, stdio: 'ignore' });
    childProcess.execFileSync('git', ['status', '--porcelain'], { cwd: path.join(repo, 'sub'), env: scratch.env, stdio: 'ignore' });
    assert.deepEqual(present(), [...MARKERS]);
  });

  it('untrusted: zero git processes and no markers at all', async () => {
    const spy = spySpawn();
    const spawned: unknown[] = [];
    let facts;
    try {
      const provider = new GitFactsProvider({
        trusted: false,
        env: { PATH: process.env.PATH, HOME: scratch.home },
        onSpawn: (i) => spawned.push(i),
      });
      facts = await gatherEverything(provider);
      assert.ok(isGitUnavailable(await provider.repoFacts(repo)));
      assert.ok(isGitUnavailable(await provider.lookupCommits(repo, [recorded])));
      assert.ok(isGitUnavailable(await provider.changedSince(repo, recorded)));
      assert.ok(isGitUnavailable(await provider.pathHistory(repo, ['x'])));
      assert.ok(isGitUnavailable(await provider.lastCommitDate(repo, 'HANDOFF.md')));
      assert.ok(isGitUnavailable(await provider.locate(repo)));
    } finally {
      spy.restore();
    }
    assert.ok(isGitUnavailable(facts));
    assert.equal(facts.reason, 'untrusted');
    assert.equal(spy.calls.length, 0);
    assert.equal(spawned.length, 0);
    assert.deepEqual(present(), []);
  });
});

// Every route by which a repository can name a filter driver that `git status` / `git diff`
// would run: each driver writes a marker when run. Handoff reads with the drivers switched off;
// plain git, run afterwards on the same repository, runs them (so the setup is not broken).
describe('git: filter drivers a repository configures', () => {
  let scratch: Scratch;
  let markers: string;
  beforeEach(() => {
    scratch = new Scratch();
    markers = scratch.mkdir('markers');
  });
  afterEach(() => scratch.cleanup());

  const marker = (name: string): string => path.join(markers, name);
  /** A driver command that leaves a marker and passes the content through. */
  const driver = (name: string): string => scratch.script(`${name}.sh`, `touch ${marker(name)}\ncat`);
  /** A long-running driver (filter.<x>.process) that leaves a marker and fails the handshake. */
  const processDriver = (name: string): string => scratch.script(`${name}.sh`, `touch ${marker(name)}\nexit 1`);

  /** A repository with `data.txt` committed, then changed on disk so git must re-hash it. */
  function repoWithData(name: string, attributes: string | null = '*.txt filter=x\n'): { repo: string; head: string } {
    const repo = scratch.repo(name);
    const head = scratch.commit(repo, { ...(attributes === null ? {} : { '.gitattributes': attributes }), 'data.txt': 'hi\n' }, 'data');
    touchData(repo);
    return { repo, head };
  }
  function touchData(worktree: string): void {
    const file = path.join(worktree, 'data.txt');
    fs.writeFileSync(file, 'ho\n'); // same size, new content, old mtime: git must re-hash it
    fs.utimesSync(file, new Date('2001-01-01'), new Date('2001-01-01'));
  }

  /** Status and diff through Handoff's provider; returns what they saw. */
  async function readThroughHandoff(worktree: string, head: string) {
    const provider = new GitFactsProvider({ trusted: true, env: { PATH: process.env.PATH, HOME: scratch.home } });
    const facts = await provider.repoFacts(worktree);
    const changes = await provider.changedSince(worktree, head);
    provider.dispose();
    return { facts, changes };
  }
  function plainGit(worktree: string): void {
    for (const args of [['status', '--porcelain'], ['diff', 'HEAD']]) {
      childProcess.spawnSync('git', args, { cwd: worktree, env: scratch.env, stdio: 'ignore' });
    }
  }
  async function assertSwitchedOff(worktree: string, head: string, name: string): Promise<void> {
    const { facts, changes } = await readThroughHandoff(worktree, head);
    assert.ok(!isGitUnavailable(facts), isGitUnavailable(facts) ? facts.message : '');
    assert.deepEqual(facts.status, [{ path: 'data.txt', status: 'modified' }]);
    assert.ok(!isGitUnavailable(changes) && changes !== null);
    assert.deepEqual(changes.changes, [{ path: 'data.txt', status: 'modified' }]);
    assert.equal(fs.existsSync(marker(name)), false, `${name} ran`);
    plainGit(worktree);
    assert.equal(fs.existsSync(marker(name)), true, `control: plain git runs ${name}`);
  }

  it('filter.<x>.clean and .smudge in .git/config, marked required', async () => {
    const { repo, head } = repoWithData('r');
    scratch.git(repo, ['config', 'filter.x.clean', driver('clean')]);
    scratch.git(repo, ['config', 'filter.x.smudge', driver('smudge')]);
    scratch.git(repo, ['config', 'filter.x.required', 'true']); // switched off, it must not fail status
    await assertSwitchedOff(repo, head, 'clean');
    assert.equal(fs.existsSync(marker('smudge')), false);
  });

  it('filter.<x>.process (a long-running driver)', async () => {
    const { repo, head } = repoWithData('r');
    scratch.git(repo, ['config', 'filter.x.process', processDriver('process')]);
    await assertSwitchedOff(repo, head, 'process');
  });

  it('a .git file pointing at another repository\'s gitdir, whose config sets the driver', async () => {
    const { repo: other, head } = repoWithData('other');
    scratch.git(other, ['config', 'filter.x.clean', driver('gitdir-file')]);
    const worktree = scratch.mkdir('checkout');
    fs.writeFileSync(path.join(worktree, '.git'), `gitdir: ${path.join(other, '.git')}\n`);
    for (const f of ['.gitattributes', 'README.md']) fs.copyFileSync(path.join(other, f), path.join(worktree, f));
    touchData(worktree);
    await assertSwitchedOff(worktree, head, 'gitdir-file');
  });

  it('.git/info/attributes naming the driver (no .gitattributes in the tree)', async () => {
    const { repo, head } = repoWithData('r', null);
    fs.writeFileSync(path.join(repo, '.git', 'info', 'attributes'), '*.txt filter=info\n');
    scratch.git(repo, ['config', 'filter.info.clean', driver('info-attributes')]);
    await assertSwitchedOff(repo, head, 'info-attributes');
  });

  it('include.path pulling in a file committed in the repository', async () => {
    const repo = scratch.repo('r');
    const extra = `[filter "x"]\n\tclean = ${driver('include')}\n`;
    const head = scratch.commit(repo, { '.gitattributes': '*.txt filter=x\n', 'data.txt': 'hi\n', 'extra.gitconfig': extra }, 'data');
    touchData(repo);
    scratch.git(repo, ['config', 'include.path', '../extra.gitconfig']);
    await assertSwitchedOff(repo, head, 'include');
  });

  it('includeIf gitdir: pulling in a file', async () => {
    const { repo, head } = repoWithData('r');
    const included = path.join(scratch.dir, 'conditional.gitconfig');
    fs.writeFileSync(included, `[filter "x"]\n\tprocess = ${processDriver('include-if')}\n`);
    scratch.git(repo, ['config', `includeIf.gitdir:${repo}/.path`, included]);
    await assertSwitchedOff(repo, head, 'include-if');
  });

  it('per-worktree config (extensions.worktreeConfig, config.worktree)', async () => {
    const { repo, head } = repoWithData('r');
    scratch.git(repo, ['config', 'extensions.worktreeConfig', 'true']);
    scratch.git(repo, ['config', '--worktree', 'filter.x.clean', driver('worktree-config')]);
    await assertSwitchedOff(repo, head, 'worktree-config');
  });

  it('a driver name -c cannot carry (it holds "="): the worktree is not read, and says why', async () => {
    const { repo, head } = repoWithData('r', '*.txt filter=a=b\n');
    scratch.git(repo, ['config', 'filter.a=b.clean', driver('odd-name')]);
    const { facts, changes } = await readThroughHandoff(repo, head);
    for (const result of [facts, changes]) {
      assert.ok(isGitUnavailable(result));
      assert.match(result.message, /filter driver that cannot be switched off \("a=b"\)/);
    }
    assert.equal(fs.existsSync(marker('odd-name')), false);
    plainGit(repo);
    assert.equal(fs.existsSync(marker('odd-name')), true, 'control: plain git runs it');
  });

  it('git without --show-scope (older than 2.26): every driver is switched off, the global one too', async () => {
    const { repo, head } = repoWithData('r');
    scratch.git(repo, ['config', 'filter.x.clean', driver('old-git-local')]);
    fs.writeFileSync(path.join(scratch.home, '.gitconfig'), `[filter "g"]\n\tclean = ${driver('old-git-global')}\n`);
    fs.writeFileSync(path.join(repo, '.git', 'info', 'attributes'), '*.txt filter=g\n');
    const oldGit = scratch.script('old-git', `for a in "$@"; do [ "$a" = --show-scope ] && { echo "error: unknown option \\\`show-scope'" >&2; exit 129; }; done\nexec git "$@"`);
    const provider = new GitFactsProvider({ trusted: true, gitPath: oldGit, env: { PATH: process.env.PATH, HOME: scratch.home } });
    const facts = await provider.repoFacts(repo);
    const changes = await provider.changedSince(repo, head);
    provider.dispose();
    assert.ok(!isGitUnavailable(facts) && !isGitUnavailable(changes));
    assert.deepEqual(facts.status, [{ path: 'data.txt', status: 'modified' }]);
    assert.deepEqual(fs.readdirSync(markers), []);
  });

  it("a driver set only in the user's own global config (git-lfs, typically) still runs", async () => {
    const { repo, head } = repoWithData('r');
    fs.writeFileSync(path.join(scratch.home, '.gitconfig'), `[filter "x"]\n\tclean = ${driver('global')}\n`);
    const { facts } = await readThroughHandoff(repo, head);
    assert.ok(!isGitUnavailable(facts));
    assert.equal(fs.existsSync(marker('global')), true);
  });
});
