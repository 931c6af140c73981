// Real temporary repositories built with the system git, for the tests in this folder.
import childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createGitRunner, type GitInvocation, type GitRunner, type GitRunnerOptions } from '../../server/src/git';

/** The system git's path (the wrappers below end in it). */
export const realGit = (): string => childProcess.execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

/** A scratch area under os.tmpdir(); `cleanup()` removes it. */
export class Scratch {
  readonly dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-git-test-')));
  /** HOME for both the setup git and our runner: no user or system config leaks into tests. */
  readonly home = this.mkdir('home');

  mkdir(name: string): string {
    const dir = path.join(this.dir, name);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** Environment for setup commands (plain git, not our runner). */
  get env(): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: this.home,
      LC_ALL: 'C',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Ada Author',
      GIT_AUTHOR_EMAIL: 'ada@example.com',
      GIT_COMMITTER_NAME: 'Ada Author',
      GIT_COMMITTER_EMAIL: 'ada@example.com',
    };
  }

  /** Runs the system git for setup; returns trimmed stdout. */
  git(cwd: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): string {
    return childProcess
      .execFileSync('git', args, { cwd, env: { ...this.env, ...extraEnv }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      .trim();
  }

  /** A new repository on branch `main` with one commit of `README.md` unless `empty`. */
  repo(name: string, options: { empty?: boolean } = {}): string {
    const dir = this.mkdir(name);
    this.git(dir, ['-c', 'init.defaultBranch=main', 'init', '-q']);
    if (!options.empty) this.commit(dir, { 'README.md': '# readme\n' }, 'initial commit');
    return dir;
  }

  /** Writes files (null deletes) and commits them with a fixed date; returns the new HEAD. */
  commit(repo: string, files: Record<string, string | null>, message: string, date = '2024-05-01T10:00:00+00:00'): string {
    for (const [rel, content] of Object.entries(files)) {
      const file = path.join(repo, rel);
      if (content === null) {
        this.git(repo, ['rm', '-q', '--', rel]);
      } else {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
        this.git(repo, ['add', '--', rel]);
      }
    }
    this.git(repo, ['commit', '-q', '-m', message], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
    return this.git(repo, ['rev-parse', 'HEAD']);
  }

  write(repo: string, rel: string, content: string): void {
    const file = path.join(repo, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }

  /** An executable shell script. */
  script(name: string, body: string): string {
    const file = path.join(this.dir, name);
    fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    return file;
  }

  /** Dates the repository's git state (HEAD, index, config, refs) a minute back: git asked now finds it unchanged since. */
  age(repo: string): void {
    const past = new Date(Date.now() - 60000);
    for (const p of ['HEAD', 'index', 'config', 'refs', 'refs/heads']) fs.utimesSync(path.join(repo, '.git', p), past, past);
  }

  /**
   * A folder `bin` holding a `git` that runs `onLookup` (shell lines) on each commit lookup
   * (`cat-file --batch-check`) before it becomes the system git; every other call is the system git.
   */
  private lookupWrapper(name: string, onLookup: string[]): { bin: string; git: string } {
    const bin = this.mkdir(name);
    const git = path.join(bin, 'git');
    const body = ['#!/bin/sh', 'case " $* " in *" cat-file --batch-check="*)', ...onLookup.map((l) => `  ${l}`), '  ;;', 'esac', `exec '${realGit()}' "$@"`, ''];
    fs.writeFileSync(git, body.join('\n'), { mode: 0o755 });
    return { bin, git };
  }

  /**
   * A `git` that kills itself, as a loaded machine's OOM killer would, on its first `times`
   * commit lookups. `kills()` counts the lookups killed so far.
   */
  killingGit(name: string, times: number): { bin: string; git: string; kills: () => number } {
    const count = path.join(this.dir, name, 'kills');
    const made = this.lookupWrapper(name, [
      `n=$(cat '${count}' 2>/dev/null || echo 0)`,
      `if [ "$n" -lt ${times} ]; then echo $((n + 1)) > '${count}'; kill -KILL $$; fi`,
    ]);
    return { ...made, kills: () => (fs.existsSync(count) ? Number(fs.readFileSync(count, 'utf8')) : 0) };
  }

  /**
   * A `git` whose first commit lookup, once armed, writes the file `held` and waits until the
   * file `release` exists (or it is killed). Armed at once unless `armed` is false (then `arm()`).
   * `lookups()` counts the commit lookups started.
   */
  holdingGit(name: string, armed = true): { bin: string; git: string; held: string; arm: () => void; release: () => void; lookups: () => number } {
    const held = path.join(this.dir, name, 'held');
    const arming = path.join(this.dir, name, 'armed');
    const go = path.join(this.dir, name, 'release');
    const calls = path.join(this.dir, name, 'lookups');
    const made = this.lookupWrapper(name, [
      `echo $$ >> '${calls}'`,
      `if [ -f '${arming}' ] && [ ! -f '${held}' ]; then echo $$ > '${held}'; while [ ! -f '${go}' ]; do sleep 0.05; done; fi`,
    ]);
    const arm = () => fs.writeFileSync(arming, '1');
    if (armed) arm();
    const lookups = () => (fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').split('\n').filter(Boolean).length : 0);
    return { ...made, held, arm, release: () => fs.writeFileSync(go, '1'), lookups };
  }

  /**
   * A `git` whose commit lookups fail for good ("fatal: object store unreadable", exit 128).
   * `lookups()` counts them.
   */
  failingGit(name: string): { bin: string; git: string; lookups: () => number } {
    const calls = path.join(this.dir, name, 'lookups');
    const made = this.lookupWrapper(name, [`echo x >> '${calls}'`, 'echo "fatal: object store unreadable" >&2', 'exit 128']);
    return { ...made, lookups: () => (fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').split('\n').filter(Boolean).length : 0) };
  }

  /** A runner whose environment is PATH plus our HOME, recording every spawn. */
  runner(options: GitRunnerOptions = {}): { runner: GitRunner; spawned: GitInvocation[] } {
    const spawned: GitInvocation[] = [];
    const runner = createGitRunner({
      env: { PATH: process.env.PATH, HOME: this.home },
      ...options,
      onSpawn: (invocation) => {
        spawned.push(invocation);
        options.onSpawn?.(invocation);
      },
    });
    return { runner, spawned };
  }

  cleanup(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface SpawnCall {
  command: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv | undefined;
}

/**
 * Spies on child_process.spawn, which simple-git calls for every git process. Returns the
 * calls seen and a restore function.
 */
export function spySpawn(): { calls: SpawnCall[]; restore: () => void } {
  const calls: SpawnCall[] = [];
  const original = childProcess.spawn;
  const spy = function (this: unknown, command: string, args: readonly string[], options?: childProcess.SpawnOptions) {
    calls.push({ command, args: [...args], env: options?.env });
    return (original as (...a: unknown[]) => childProcess.ChildProcess).call(this, command, args, options);
  };
  (childProcess as { spawn: unknown }).spawn = spy;
  return {
    calls,
    restore: () => {
      (childProcess as { spawn: unknown }).spawn = original;
    },
  };
}

/** Whether a process id is alive (a reaped child is not; a zombie would be). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Alive and not a zombie, from /proc (Linux). */
export function running(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Resolves true once `pid` is gone (or a zombie), false if it still runs after `withinMs`. A
 * SIGKILL is delivered asynchronously, so the check waits for the state, not for a fixed time.
 */
export async function ended(pid: number, withinMs = 5000): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (running(pid)) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

/**
 * A fake git that records its pid, starts a child that inherits its stdout and stderr (as a
 * filter driver does) and records that pid, then runs `then` (shell). Other calls go to real git.
 */
export function strandingGit(scratch: Scratch, then: string, onlyFor = ''): { git: string; pids: () => number[] } {
  const gitPid = path.join(scratch.dir, 'git.pid');
  const childPid = path.join(scratch.dir, 'child.pid');
  const body = [
    `strand() { echo $$ > ${gitPid}; sleep 300 & echo $! > ${childPid}; ${then}; }`,
    onlyFor === '' ? 'strand' : `for a in "$@"; do [ "$a" = ${onlyFor} ] && strand; done\nexec git "$@"`,
  ].join('\n');
  return {
    git: scratch.script('stranding-git', body),
    pids: () => [gitPid, childPid].map((f) => Number(fs.readFileSync(f, 'utf8'))),
  };
}

/** Resolves once `file` exists and is not empty (watching its folder). */
export function waitForFile(file: string, timeoutMs = 20_000): Promise<void> {
  const ready = (): boolean => {
    try {
      return fs.statSync(file).size > 0;
    } catch {
      return false;
    }
  };
  return new Promise((resolve, reject) => {
    if (ready()) return resolve();
    const watcher = fs.watch(path.dirname(file), () => {
      if (!ready()) return;
      finish();
      resolve();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`${file} did not appear within ${timeoutMs} ms`));
    }, timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      watcher.close();
    };
    if (ready()) {
      finish();
      resolve();
    }
  });
}
