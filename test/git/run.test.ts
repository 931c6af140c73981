// The runner: exact argv and environment of every kind of invocation, the environment allowlist
// against a hostile host environment, missing git, timeouts, cancellation, dubious ownership.
import { strict as assert } from 'node:assert';
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { simpleGit } from 'simple-git';
import {
  GitFactsProvider,
  changedSince,
  classifyGitFailure,
  createGitRunner,
  gatherGitFacts,
  isGitUnavailable,
  lastCommitDate,
  lookupCommits,
  pathHistory,
  readRepoFacts,
  type GitInvocation,
  type GitRunner,
} from '../../server/src/git';
import { GitCommandError, isTransient } from '../../server/src/git/errors';
import { GitRunError } from '../../server/src/git/run';
import { emptyHooksDir, hardeningPrefix, UNSAFE_OPT_INS } from '../../server/src/git/hardening';
import { Scratch, isAlive, spySpawn } from './helpers';

const PREFIX_LENGTH = 7;

describe('git: runner', () => {
  let scratch: Scratch;
  beforeEach(() => {
    scratch = new Scratch();
  });
  afterEach(() => scratch.cleanup());

  describe('argv and environment snapshot', () => {
    it('every kind of invocation: constant hardening prefix, exact subcommand argv, allowlisted env', async () => {
      const bare = path.join(scratch.dir, 'remote.git');
      scratch.git(scratch.dir, ['-c', 'init.defaultBranch=main', 'init', '-q', '--bare', bare]);
      const repo = scratch.repo('r');
      scratch.git(repo, ['remote', 'add', 'origin', bare]);
      scratch.git(repo, ['push', '-q', '-u', 'origin', 'main']);
      const recorded = scratch.commit(repo, { 'HANDOFF.md': '# Handoff\n', 'old.md': 'o\n' }, 'note');
      scratch.commit(repo, { 'old.md': null }, 'delete old');
      // A driver the repository sets is switched off for status and diff; one set only in the
      // user's global config (git-lfs, typically) is left alone.
      scratch.git(repo, ['config', 'filter.repo-set.clean', 'cat']);
      scratch.git(repo, ['config', 'filter.user-set.required', 'true']);
      fs.writeFileSync(path.join(scratch.home, '.gitconfig'), '[filter "user-set"]\n\tclean = cat\n\tprocess = cat\n');
      const writtenHash = recorded.slice(0, 10).toUpperCase();
      const spy = spySpawn();
      const recordedBySpawn: GitInvocation[] = [];
      try {
        const provider = new GitFactsProvider({
          trusted: true,
          env: { PATH: process.env.PATH, HOME: scratch.home, GIT_DIR: '/nowhere', SECRET_TOKEN: 'x' },
          onSpawn: (i) => recordedBySpawn.push(i),
        });
        const facts = await gatherGitFacts(provider, {
          notePath: path.join(repo, 'HANDOFF.md'),
          recordedCommit: writtenHash,
          commitHashes: [writtenHash],
          missingPaths: ['old.md', '-rf odd name'],
        });
        assert.equal(isGitUnavailable(facts), false);
      } finally {
        spy.restore();
      }
      const hooks = emptyHooksDir();
      const prefix = ['-c', 'core.fsmonitor=false', '-c', `core.hooksPath=${hooks}`, '--no-optional-locks', '--no-pager', '--literal-pathspecs'];
      assert.deepEqual(hardeningPrefix(), prefix);
      assert.equal(prefix.length, PREFIX_LENGTH);
      assert.deepEqual(fs.readdirSync(hooks), [], 'hooks dir is empty');

      // What simple-git handed to child_process.spawn is exactly what onSpawn recorded.
      assert.deepEqual(
        spy.calls.map((c) => ({ binary: c.command, args: c.args, env: c.env })),
        recordedBySpawn.map((i) => ({ binary: i.binary, args: i.args, env: i.env })),
      );
      const expectedEnv = {
        PATH: process.env.PATH,
        HOME: scratch.home,
        LC_ALL: 'C',
        GIT_TERMINAL_PROMPT: '0',
        GIT_NO_LAZY_FETCH: '1',
        GIT_TEST_DISALLOW_ABBREVIATED_OPTIONS: 'true',
      };
      for (const call of spy.calls) {
        assert.equal(call.command, 'git');
        assert.deepEqual(call.env, expectedEnv);
        assert.deepEqual(call.args.slice(0, PREFIX_LENGTH), prefix);
      }
      const tails = recordedBySpawn.map((i) => i.args.slice(PREFIX_LENGTH));
      const sha = recorded;
      const order = (args: readonly string[]): string => args.join(' ');
      const filterQuery = ['config', '--includes', '--show-scope', '--name-only', '-z', '--get-regexp', '^filter\\.'];
      const filtersOff = ['-c', 'filter.repo-set.clean=', '-c', 'filter.repo-set.smudge=', '-c', 'filter.repo-set.process=', '-c', 'filter.repo-set.required=false'];
      assert.deepEqual(
        [...tails].sort((a, b) => order(a).localeCompare(order(b))),
        [
          // One cat-file: the recorded commit is resolved once for its lookup and the changes since it.
          ['cat-file', '--batch-check=%(objectname) %(objecttype)'],
          filterQuery,
          filterQuery,
          [...filtersOff, 'diff', '--name-status', '-z', '--find-renames', '--no-ext-diff', '--no-textconv', '--no-color', '--no-relative', '--ignore-submodules=all', sha, '--'],
          ['diff-tree', '--stdin', '-r', '--find-renames', '--name-status', '-z', '--no-ext-diff', '--no-textconv', '--no-color'],
          ['log', '--format=%x01%H', '--diff-filter=AD', '--name-status', '-z', '--no-renames', '--no-show-signature', '--no-color', '--no-ext-diff', '--no-textconv', '--encoding=UTF-8', 'HEAD', '--', 'old.md', '-rf odd name'],
          ['log', '--no-walk=unsorted', '-z', '--format=%H%x00%an%x00%cI%x00%s', '--no-show-signature', '--no-color', '--encoding=UTF-8', '--end-of-options', sha, '--'],
          ['log', '-1', '--format=%cI', '--no-show-signature', '--no-color', '--no-ext-diff', '--no-textconv', '--encoding=UTF-8', 'HEAD', '--', 'HANDOFF.md'],
          ['ls-files', '--others', '--exclude-standard', '-z'],
          ['rev-list', '--left-right', '--count', `HEAD...${sha}`, '--'],
          ['rev-parse', '--show-toplevel', '--is-shallow-repository'],
          ['rev-parse', '--verify', '-q', 'HEAD@{upstream}^{commit}'],
          [...filtersOff, 'status', '--porcelain=v2', '--branch', '-z', '--untracked-files=all', '--ignore-submodules=all', '--find-renames'],
        ].sort((a, b) => order(a).localeCompare(order(b))),
      );
      // Text written in the note reaches argv only after `--` (paths); hashes go through stdin
      // and come back as full hex from git before they are used as arguments.
      for (const args of tails) {
        const end = args.indexOf('--');
        const beforeEnd = end < 0 ? args : args.slice(0, end);
        assert.ok(!beforeEnd.includes(writtenHash) && !beforeEnd.some((a) => a.includes('odd name')), order(args));
      }
      // No network subcommand was ever spawned.
      for (const args of tails) assert.ok(!['fetch', 'pull', 'push', 'ls-remote', 'clone'].includes(args[0]));
      // The only configuration git is asked for is the filter query, and it only reads.
      for (const args of tails.filter((a) => a.includes('config'))) assert.deepEqual(args, filterQuery);
    });

    it('simple-git refuses our own -c options without the three deliberate opt-ins, which are all we grant', async () => {
      assert.deepEqual(Object.keys(UNSAFE_OPT_INS).sort(), ['allowUnsafeFilter', 'allowUnsafeFsMonitor', 'allowUnsafeHooksPath']);
      const repo = scratch.repo('r');
      const plain = simpleGit({ baseDir: repo });
      await assert.rejects(plain.raw([...hardeningPrefix(), 'status']), /allowUnsafeFsMonitor|fsmonitor/i);
      const hooksOnly = simpleGit({ baseDir: repo, unsafe: { allowUnsafeFsMonitor: true, allowUnsafeHooksPath: true } });
      await assert.rejects(hooksOnly.raw([...hardeningPrefix(), '-c', 'filter.x.clean=', 'status']), /allowUnsafeFilter/);
    });
  });

  it('refuses anything but read-only subcommands, before spawning', async () => {
    const repo = scratch.repo('r');
    const { runner, spawned } = scratch.runner();
    for (const args of [['fetch'], ['push', 'origin'], ['ls-remote', 'origin'], ['config', 'safe.directory', '*'], ['-c', 'x=y', 'status'], []]) {
      await assert.rejects(runner.run({ args, cwd: repo }), (e: Error) => e instanceof GitRunError && e.kind === 'blocked');
    }
    assert.equal(spawned.length, 0);
  });

  describe('hostile host environment', () => {
    const hostile = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_ASKPASS', 'GIT_SSH_COMMAND', 'GIT_CONFIG_COUNT', 'GIT_CONFIG_KEY_0', 'GIT_CONFIG_VALUE_0', 'GIT_INDEX_FILE'];
    let saved: Record<string, string | undefined>;
    beforeEach(() => {
      saved = Object.fromEntries(hostile.map((k) => [k, process.env[k]]));
    });
    afterEach(() => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    });

    it('GIT_DIR, GIT_WORK_TREE, GIT_ASKPASS, GIT_CONFIG_* in process.env do not reach git; the right repo is queried', async () => {
      const mine = scratch.repo('mine');
      const mineHead = scratch.git(mine, ['rev-parse', 'HEAD']);
      const other = scratch.repo('other');
      scratch.commit(other, { 'x.md': 'x\n' }, 'other repo commit');
      const marker = path.join(scratch.dir, 'env-marker');
      const evil = scratch.script('evil.sh', `touch ${marker}\nexit 1`);
      process.env.GIT_DIR = path.join(other, '.git');
      process.env.GIT_WORK_TREE = other;
      process.env.GIT_ASKPASS = evil;
      process.env.GIT_SSH_COMMAND = evil;
      process.env.GIT_CONFIG_COUNT = '1';
      process.env.GIT_CONFIG_KEY_0 = 'core.fsmonitor';
      process.env.GIT_CONFIG_VALUE_0 = evil;
      process.env.GIT_INDEX_FILE = path.join(other, '.git', 'index');
      const spy = spySpawn();
      let facts;
      try {
        facts = await readRepoFacts(mine, { runner: createGitRunner() }); // default: env from process.env
      } finally {
        spy.restore();
      }
      assert.ok(!isGitUnavailable(facts));
      assert.equal(facts.root, mine);
      assert.equal(facts.head, mineHead);
      assert.equal(fs.existsSync(marker), false);
      assert.equal(spy.calls.length, 3); // rev-parse, the filter query, status
      for (const call of spy.calls) {
        const keys = Object.keys(call.env ?? {});
        for (const k of hostile) assert.ok(!keys.includes(k), `${k} leaked`);
        assert.deepEqual(
          keys.filter((k) => k.startsWith('GIT_')).sort(),
          ['GIT_NO_LAZY_FETCH', 'GIT_TERMINAL_PROMPT', 'GIT_TEST_DISALLOW_ABBREVIATED_OPTIONS'],
        );
      }
    });
  });

  describe('git missing', () => {
    it('handoff.gitPath pointing to a nonexistent binary: one clear message naming the setting', async () => {
      const repo = scratch.repo('r');
      const { runner } = scratch.runner({ gitPath: path.join(scratch.dir, 'no', 'git') });
      const result = await readRepoFacts(repo, { runner });
      assert.ok(isGitUnavailable(result));
      assert.equal(result.reason, 'git-not-found');
      assert.match(result.message, /handoff\.gitPath/);
    });

    it('git not on PATH (PATH holds only an empty folder)', async () => {
      const repo = scratch.repo('r');
      const { runner } = scratch.runner({ env: { PATH: scratch.mkdir('empty-bin'), HOME: scratch.home } });
      const result = await readRepoFacts(repo, { runner });
      assert.ok(isGitUnavailable(result));
      assert.equal(result.reason, 'git-not-found');
      assert.equal(result.message, 'Git was not found (git). Install git, or set the `handoff.gitPath` setting to the git executable.');
    });

    it('an invalid handoff.gitPath is refused without spawning anything', async () => {
      const repo = scratch.repo('r');
      const spy = spySpawn();
      try {
        for (const gitPath of ['git', '/usr/bin/git -c core.fsmonitor=/tmp/x', '/usr/bin/git;id']) {
          const result = await readRepoFacts(repo, { runner: createGitRunner({ gitPath }) });
          assert.ok(isGitUnavailable(result));
          assert.equal(result.reason, 'invalid-git-path', gitPath);
        }
      } finally {
        spy.restore();
      }
      assert.equal(spy.calls.length, 0);
    });
  });

  describe('slow git', () => {
    it('inactivity timeout fires, the process is gone (no zombie)', async () => {
      const repo = scratch.repo('r');
      const pidFile = path.join(scratch.dir, 'pid');
      const slow = scratch.script('slow-git', `echo $$ > ${pidFile}\nexec sleep 30`);
      const { runner } = scratch.runner({ gitPath: slow, timeoutMs: 300 });
      const started = Date.now();
      const result = await readRepoFacts(repo, { runner });
      assert.ok(isGitUnavailable(result));
      assert.equal(result.reason, 'timeout');
      assert.ok(Date.now() - started < 5000);
      const pid = Number(fs.readFileSync(pidFile, 'utf8'));
      assert.equal(isAlive(pid), false, 'killed and reaped');
    });

    it('a git killed by a signal Handoff did not send (the OOM killer) is "killed", a transient failure', async () => {
      const repo = scratch.repo('r');
      const killed = scratch.script('killed-git', 'kill -KILL $$');
      const { runner } = scratch.runner({ gitPath: killed });
      const result = await readRepoFacts(repo, { runner });
      assert.ok(isGitUnavailable(result));
      assert.equal(result.reason, 'killed');
      assert.match(result.message, /^Git was stopped by a signal from outside Handoff \(/);
      assert.equal(isTransient(result), true, 'asked again, git may answer');
    });

    it('out of file handles (EMFILE): git is "busy", a transient failure, and the process lives on; with handles free again git runs', () => {
      // In a child with a low limit on open files: Node's failed spawn would otherwise end it.
      const repo = scratch.repo('r');
      const script = path.join(scratch.dir, 'emfile.ts');
      fs.writeFileSync(script, [
        `import * as fs from 'node:fs';`,
        `import { createGitRunner, readRepoFacts } from ${JSON.stringify(path.resolve(__dirname, '../../server/src/git'))};`,
        `const runner = createGitRunner({});`,
        `(async () => {`,
        `  const said = [(await readRepoFacts(${JSON.stringify(repo)}, { runner }) as { branch?: string }).branch];`,
        `  const held: number[] = [];`,
        `  try { for (;;) held.push(fs.openSync('/dev/null', 'r')); } catch { /* the table is full */ }`,
        `  said.push(await readRepoFacts(${JSON.stringify(repo)}, { runner }) as unknown as string);`,
        `  for (const fd of held) fs.closeSync(fd);`,
        `  said.push((await readRepoFacts(${JSON.stringify(repo)}, { runner }) as { branch?: string }).branch);`,
        `  console.log(JSON.stringify(said));`,
        `})();`,
      ].join('\n'));
      const out = childProcess.execFileSync('sh', ['-c', 'ulimit -n 64 && exec "$0" "$@"', process.execPath, '--import', 'tsx', script], { encoding: 'utf8', cwd: path.resolve(__dirname, '../..') });
      const [before, full, after] = JSON.parse(out.trim().split('\n').pop()!);
      assert.equal(before, 'main');
      assert.equal(full.reason, 'busy');
      assert.match(full.message, /^Git could not be started \(git\): EMFILE, the system is short of processes, file handles or memory \(/);
      assert.equal(isTransient(full), true, 'asked again, git may answer');
      assert.equal(after, 'main');
    });

    it('the overall deadline stops a git that keeps printing', async () => {
      const repo = scratch.repo('r');
      const pidFile = path.join(scratch.dir, 'pid');
      const chatty = scratch.script(
        'chatty-git',
        `echo $$ > ${pidFile}\nexec ${JSON.stringify(process.execPath)} -e "setInterval(() => console.log('x'), 50)"`,
      );
      const { runner } = scratch.runner({ gitPath: chatty, timeoutMs: 400, deadlineMs: 800 });
      const started = Date.now();
      const result = await readRepoFacts(repo, { runner });
      assert.ok(isGitUnavailable(result));
      assert.equal(result.reason, 'timeout');
      assert.ok(Date.now() - started < 5000);
      assert.equal(isAlive(Number(fs.readFileSync(pidFile, 'utf8'))), false);
    });

    it('an AbortSignal cancels a running git; an aborted signal spawns nothing', async () => {
      const repo = scratch.repo('r');
      const pidFile = path.join(scratch.dir, 'pid');
      const slow = scratch.script('slow-git', `echo $$ > ${pidFile}\nexec sleep 30`);
      const { runner, spawned } = scratch.runner({ gitPath: slow, timeoutMs: 20_000 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 300);
      const result = await readRepoFacts(repo, { runner, signal: controller.signal });
      assert.ok(isGitUnavailable(result));
      assert.equal(result.reason, 'aborted');
      assert.equal(isAlive(Number(fs.readFileSync(pidFile, 'utf8'))), false);
      assert.equal(spawned.length, 1);

      const again = await readRepoFacts(repo, { runner, signal: controller.signal });
      assert.ok(isGitUnavailable(again));
      assert.equal(again.reason, 'aborted');
      assert.equal(spawned.length, 1, 'nothing spawned after abort');
    });
  });

  describe('dubious ownership', () => {
    const message =
      "fatal: detected dubious ownership in repository at '/srv/repo'\n" +
      'To add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /srv/repo';

    it('from stubbed stderr: git message verbatim, with a link', async () => {
      const stub: GitRunner = { run: async () => ({ exitCode: 128, stdout: '', stderr: `${message}\n` }) };
      const result = await readRepoFacts('/srv/repo', { runner: stub });
      assert.deepEqual(result, {
        kind: 'git-unavailable',
        reason: 'dubious-ownership',
        message,
        learnMoreUrl: 'https://git-scm.com/docs/git-config#Documentation/git-config.txt-safedirectory',
      });
    });

    it('through a fake git binary, end to end', async () => {
      const repo = scratch.repo('r');
      const fake = scratch.script('fake-git', `cat >&2 <<'EOF'\n${message}\nEOF\nexit 128`);
      const result = await readRepoFacts(repo, { runner: scratch.runner({ gitPath: fake }).runner });
      assert.ok(isGitUnavailable(result));
      assert.equal(result.reason, 'dubious-ownership');
      assert.equal(result.message, message);
    });

    it('for real (repository owned by another user; needs root), and safe.directory is never written', async function () {
      if (typeof process.getuid !== 'function' || process.getuid() !== 0) this.skip();
      const repo = scratch.repo('r');
      const nobody = 65534;
      const chown = (dir: string): void => {
        fs.chownSync(dir, nobody, nobody);
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) chown(p);
          else fs.lchownSync(p, nobody, nobody);
        }
      };
      chown(repo);
      const result = await readRepoFacts(repo, { runner: scratch.runner().runner });
      assert.ok(isGitUnavailable(result));
      assert.equal(result.reason, 'dubious-ownership');
      assert.match(result.message, /^fatal: detected dubious ownership in repository at '.*r'/);
      assert.match(result.message, /safe\.directory/);
      assert.equal(fs.existsSync(path.join(scratch.home, '.gitconfig')), false, 'no safe.directory written');
    });
  });

  describe('classifyGitFailure', () => {
    it('gives one message per failure kind', () => {
      const out = (stderr: string, exitCode = 128) => ({ exitCode, stdout: '', stderr });
      assert.deepEqual(classifyGitFailure(new GitCommandError('status', out('fatal: not a git repository (or any of the parent directories): .git\n')), '/w'), {
        kind: 'git-unavailable',
        reason: 'not-a-repository',
        message: 'Not a git repository: /w',
      });
      assert.equal(
        classifyGitFailure(new GitCommandError('status', out("fatal: Unable to create '/w/.git/index.lock': File exists.")), '/w').reason,
        'index-locked',
      );
      assert.deepEqual(classifyGitFailure(new GitCommandError('log', out('fatal: something odd\nmore')), '/w'), {
        kind: 'git-unavailable',
        reason: 'failed',
        message: 'git log failed: fatal: something odd',
      });
    });
  });

  it('standalone lookups also return GitUnavailable outside a repository', async () => {
    const folder = scratch.mkdir('plain');
    const { runner } = scratch.runner();
    for (const result of [
      await lookupCommits(folder, ['abcdef1'], { runner }),
      await changedSince(folder, 'abcdef1', { runner }),
      await pathHistory(folder, ['a.md'], { runner }),
      await lastCommitDate(folder, 'a.md', { runner }),
    ]) {
      assert.ok(isGitUnavailable(result));
      assert.equal(result.reason, 'not-a-repository');
    }
  });
});
