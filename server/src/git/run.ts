// The one place that creates simple-git instances. Every invocation gets the hardening prefix,
// the allowlisted environment, simple-git's inactivity timeout, an overall deadline and an
// AbortSignal; a call that reads the worktree also gets the repository's filter drivers switched
// off (filters.ts), and each process is ended with its whole group (process-group.ts). Only
// read-only, local subcommands are started (READ_ONLY_SUBCOMMANDS); nothing here ever talks to a
// remote.
import type { ChildProcess } from 'node:child_process';
import type { GitError as SimpleGitError } from 'simple-git';
import { checkGitBinary } from './binary';
import { ALLOWED_GIT_ENV_KEYS, buildGitEnv } from './env';
import { FILTER_QUERY, FILTER_QUERY_UNSCOPED, UnswitchableFilter, WORKTREE_SUBCOMMANDS, filtersOff, repositoryFilters } from './filters';
import { UNSAFE_OPT_INS, hardeningPrefix } from './hardening';
import { controlProcesses, endProcess } from './process-group';

/** One spawned git process, exactly as handed to child_process.spawn. */
export interface GitInvocation {
  binary: string;
  args: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string>>;
}

export interface GitRunnerOptions {
  /** The `handoff.gitPath` setting; empty or undefined means `git` on PATH. */
  gitPath?: string | null;
  /** Kill git after this long without output (simple-git `timeout.block`). Default 10 s. */
  timeoutMs?: number;
  /** Kill git after this long in total, whatever it prints. Default 30 s. */
  deadlineMs?: number;
  /** Source of the allowlisted variables. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Git processes running at once across this runner. Default 4. */
  maxConcurrent?: number;
  /** Called once per spawned process (tests record argv and env through it). */
  onSpawn?: (invocation: GitInvocation) => void;
}

export interface GitRequest {
  /** Subcommand and its arguments; the hardening prefix is added here, never by callers. */
  args: readonly string[];
  cwd: string;
  /** Written to git's stdin. */
  input?: string;
  signal?: AbortSignal;
}

/** A git process that ran to an exit code (any exit code: callers decide what it means). */
export interface GitOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export type GitRunFailureKind =
  | 'not-found'
  | 'invalid-git-path'
  | 'no-folder'
  | 'timeout'
  | 'aborted'
  | 'killed'
  | 'spawn-failed'
  | 'busy'
  | 'blocked';

/** Git did not run to an exit code. */
export class GitRunError extends Error {
  constructor(
    readonly kind: GitRunFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'GitRunError';
  }
}

export interface GitRunner {
  /** Resolves with the exit code and output of git; rejects only with GitRunError. */
  run(request: GitRequest): Promise<GitOutput>;
}

/**
 * The only subcommands this runner starts: read-only, local. Anything else (fetch, pull, push,
 * ls-remote, config writes, gc, ...) is refused before a process exists.
 */
export const READ_ONLY_SUBCOMMANDS: ReadonlySet<string> = new Set([
  'rev-parse',
  'status',
  'log',
  'diff',
  'diff-tree',
  'cat-file',
  'rev-list',
  'ls-files',
  'merge-base',
]);

/** Time a killed process gets to close its pipes before we stop waiting for it. */
const KILL_GRACE_MS = 2000;

/** simple-git `errors` hook result: keeps exit code and output of any non-success. */
interface ExitFailure extends SimpleGitError {
  readonly reason: Error | undefined;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

type SimpleGitModule = typeof import('simple-git');

/**
 * simple-git and the class built on its GitError, loaded by the first git process: a front end
 * that never runs git (the language server before its first git question, `handoff rules`,
 * HANDOFF_NO_GIT=1) never evaluates simple-git and its debug logger.
 */
let loaded: { sg: SimpleGitModule; ExitFailure: new (reason: Error | undefined, exitCode: number | null, stdout: string, stderr: string) => ExitFailure } | null = null;

function simpleGitModule(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const sg = require('simple-git') as SimpleGitModule;
  class Failure extends sg.GitError implements ExitFailure {
    constructor(
      readonly reason: Error | undefined,
      readonly exitCode: number | null,
      readonly stdout: string,
      readonly stderr: string,
    ) {
      super(undefined, stderr || reason?.message || `git exited with ${exitCode}`);
    }
  }
  loaded = { sg, ExitFailure: Failure };
  return loaded;
}

export function createGitRunner(options: GitRunnerOptions = {}): GitRunner {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadlineMs = options.deadlineMs ?? 30_000;
  const env = buildGitEnv(options.env ?? process.env);
  const slots = new Slots(options.maxConcurrent ?? 4);
  const binaryCheck = checkGitBinary(options.gitPath);

  async function run(request: GitRequest): Promise<GitOutput> {
    if (!binaryCheck.ok) throw new GitRunError('invalid-git-path', binaryCheck.message);
    const binary = binaryCheck.binary;
    const subcommand = request.args[0] ?? '';
    if (!READ_ONLY_SUBCOMMANDS.has(subcommand)) {
      throw new GitRunError('blocked', `Refusing to run git ${JSON.stringify(subcommand)}: not a read-only subcommand`);
    }
    const release = await slots.acquire();
    const controller = new AbortController();
    const state = { deadlineHit: false };
    const onCallerAbort = (): void => controller.abort();
    const deadline = setTimeout(() => {
      state.deadlineHit = true;
      controller.abort();
    }, deadlineMs);
    request.signal?.addEventListener('abort', onCallerAbort, { once: true });
    if (request.signal?.aborted) controller.abort();
    const spawn = (args: readonly string[], input?: string): Promise<GitOutput> =>
      spawnGit({ binary, cwd: request.cwd, args, input, env, timeoutMs, signal: controller.signal, state, onSpawn: options.onSpawn });
    try {
      let off: string[] = [];
      if (WORKTREE_SUBCOMMANDS.has(subcommand)) {
        const filters = await readFilters(spawn);
        if (!Array.isArray(filters)) return filters; // the configuration could not be read: git's own failure
        off = filtersOff(filters);
      }
      return await spawn([...hardeningPrefix(), ...off, ...request.args], request.input);
    } catch (error) {
      if (error instanceof UnswitchableFilter) throw new GitRunError('blocked', error.message);
      throw error;
    } finally {
      clearTimeout(deadline);
      request.signal?.removeEventListener('abort', onCallerAbort);
      release();
    }
  }

  return { run };
}

/** Names of the filter drivers to switch off, or the failed query's output. */
async function readFilters(spawn: (args: readonly string[]) => Promise<GitOutput>): Promise<string[] | GitOutput> {
  let scoped = true;
  let out = await spawn([...hardeningPrefix(), ...FILTER_QUERY]);
  if (out.exitCode === 129) {
    // git older than 2.26 has no --show-scope: every driver is switched off.
    scoped = false;
    out = await spawn([...hardeningPrefix(), ...FILTER_QUERY_UNSCOPED]);
  }
  if (out.exitCode === 1) return []; // no filter.* key anywhere
  if (out.exitCode !== 0) return out;
  return repositoryFilters(out.stdout, scoped);
}

interface SpawnRequest {
  binary: string;
  cwd: string;
  args: readonly string[];
  input?: string;
  env: Record<string, string>;
  timeoutMs: number;
  signal: AbortSignal;
  state: { deadlineHit: boolean };
  onSpawn?: (invocation: GitInvocation) => void;
}

/** One git process through simple-git, ended with its whole group whatever happens. */
async function spawnGit(request: SpawnRequest): Promise<GitOutput> {
  const { signal, input } = request;
  let stderrOnSuccess = '';
  let child: ChildProcess | undefined;
  let spawnError: NodeJS.ErrnoException | undefined;
  let unlisten = (): void => {};
  const stop = (): void => {
    if (child) endProcess(child, true);
  };
  signal.addEventListener('abort', stop, { once: true });
  try {
    const { sg, ExitFailure } = simpleGitModule();
    let git;
    try {
      git = sg.simpleGit({
        baseDir: request.cwd,
        binary: request.binary,
        maxConcurrentProcesses: 1,
        timeout: { block: request.timeoutMs },
        abort: signal,
        unsafe: { ...UNSAFE_OPT_INS },
        allowEnvironment: ALLOWED_GIT_ENV_KEYS,
        input: input === undefined ? undefined : () => input,
        errors(error, result) {
          const stderr = Buffer.concat(result.stdErr).toString('utf8');
          if (result.exitCode === 0 && error === undefined) {
            stderrOnSuccess = stderr;
            return undefined;
          }
          const stdout = Buffer.concat(result.stdOut).toString('utf8');
          return new ExitFailure(error instanceof Error ? error : undefined, result.exitCode, stdout, stderr);
        },
      });
    } catch {
      throw new GitRunError('no-folder', `Folder does not exist: ${request.cwd}`);
    }
    unlisten = controlProcesses(
      git,
      (spawned) => {
        child = spawned;
        if (signal.aborted) stop();
      },
      (error) => (spawnError = error),
    );
    const env = request.env;
    git.env({ ...env });
    git.outputHandler((binary, _stdout, _stderr, args) => {
      request.onSpawn?.({ binary, args: [...args], cwd: request.cwd, env: { ...env } });
    });
    const stdout = await settleWithin(git.raw([...request.args]), signal);
    return { exitCode: 0, stdout, stderr: stderrOnSuccess };
  } catch (error) {
    // A spawn that failed reports its error a tick later: wait for it when no child was handed over.
    if (!child) await new Promise((resolve) => setImmediate(resolve));
    if (spawnError) throw notStarted(spawnError.code, request.binary);
    const outcome = toRunOutcome(error, { aborted: signal.aborted, deadlineHit: request.state.deadlineHit, binary: request.binary });
    if (outcome instanceof GitRunError) throw outcome;
    return outcome;
  } finally {
    unlisten();
    signal.removeEventListener('abort', stop);
    if (child) endProcess(child);
  }
}

/** The process was killed but did not close within the grace period. */
class KillIgnored extends Error {}

/** Maps whatever simple-git threw to either a GitOutput (git exited) or a GitRunError. */
function toRunOutcome(
  error: unknown,
  state: { aborted: boolean; deadlineHit: boolean; binary: string },
): GitOutput | GitRunError {
  if (error instanceof GitRunError) return error;
  if (error instanceof KillIgnored) return stoppedError(state);
  const stopped = (): GitRunError => stoppedError(state);
  const { sg, ExitFailure } = simpleGitModule();
  const { GitPluginError } = sg;
  if (error instanceof ExitFailure) {
    const reason = error.reason;
    if (reason instanceof GitPluginError && (reason.plugin === 'timeout' || reason.plugin === 'abort')) return stopped();
    if (state.aborted) return stopped();
    // A signal we did not send (our stops are the plugins' and the abort above): the system's
    // OOM killer, a user. Nothing is wrong with the repository; asked again, git may answer.
    if (error.exitCode === null) return new GitRunError('killed', 'git was stopped by a signal');
    // Node reports a process that could not start as exit code -errno, its error in stderr.
    if (error.exitCode < 0) return notStarted(/\bspawn\b.*\b(E[A-Z]+)\b/.exec(error.stderr)?.[1] ?? String(error.exitCode), state.binary);
    return { exitCode: error.exitCode, stdout: error.stdout, stderr: error.stderr };
  }
  if (error instanceof GitPluginError) {
    if (error.plugin === 'abort' || error.plugin === 'timeout') return stopped();
    return new GitRunError('blocked', error.message);
  }
  return new GitRunError('spawn-failed', error instanceof Error ? error.message : String(error));
}

/** The system's errors when it is short of processes, file handles or memory: gone once some are free. */
const OUT_OF_RESOURCES = new Set(['EAGAIN', 'EMFILE', 'ENFILE', 'ENOMEM']);

/** Git could not be started: not there, the system short of resources for now, or otherwise. */
function notStarted(code: string | undefined, binary: string): GitRunError {
  if (code === 'ENOENT') return new GitRunError('not-found', `Git was not found (${binary}).`);
  if (code && OUT_OF_RESOURCES.has(code)) return new GitRunError('busy', `Git could not be started (${binary}): ${code}, the system is short of processes, file handles or memory`);
  return new GitRunError('spawn-failed', `Git could not be started (${binary}): ${code ?? 'unknown error'}`);
}

function stoppedError(state: { aborted: boolean; deadlineHit: boolean }): GitRunError {
  return state.deadlineHit || !state.aborted
    ? new GitRunError('timeout', 'git did not finish in time and was stopped')
    : new GitRunError('aborted', 'git was cancelled');
}

/** Resolves like `work`, but once `signal` aborts, gives the killed process a grace period only. */
function settleWithin<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = (): void => {
      timer = setTimeout(() => reject(new KillIgnored('git did not exit after being stopped')), KILL_GRACE_MS);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** A counting semaphore: at most `size` git processes at once. */
class Slots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(size: number) {
    this.free = Math.max(1, size);
  }

  acquire(): Promise<() => void> {
    return new Promise((resolve) => {
      const grant = (): void => {
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          const next = this.waiting.shift();
          if (next) next();
          else this.free++;
        });
      };
      if (this.free > 0) {
        this.free--;
        grant();
      } else {
        this.waiting.push(grant);
      }
    });
  }
}
