// The constant prefix every git invocation starts with, and the empty hooks directory it names.
//
// A repository we did not create can run programs through its own config: `core.fsmonitor`,
// hooks such as `post-index-change`, and filter drivers. The first two are switched off here;
// filter drivers cannot be switched off by a flag, so the runner switches off, per call, each
// driver the repository configures (filters.ts). Workspace trust is the real gate; this is
// defence in depth.
//
// Deliberately not included: `-c core.untrackedCache=false`. The untracked cache runs no code,
// `--no-optional-locks` already stops status from rewriting the index, and overriding it would
// only make status slower in repositories that enable it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Hooks folders are named `handoff-no-hooks-<pid>-<random>`: the pid says whose it is. */
const HOOKS_PREFIX = 'handoff-no-hooks-';
const OWNED = /^handoff-no-hooks-(\d+)-/;

let hooksDir: string | undefined;

/**
 * An empty directory owned by this process (one per process, created under the temp dir with
 * mode 0700 by mkdtemp, removed on exit). Recreated if something removed it or put a file in it.
 * The first call also removes the folders of processes that no longer run (killed before their
 * exit handler could remove them).
 */
export function emptyHooksDir(): string {
  const tmp = os.tmpdir();
  if (hooksDir !== undefined && isEmptyDir(hooksDir)) return hooksDir;
  if (hooksDir === undefined) {
    sweepStaleHooksDirs(tmp);
    process.once('exit', () => removeQuietly(hooksDir));
  }
  hooksDir = fs.mkdtempSync(path.join(tmp, `${HOOKS_PREFIX}${process.pid}-`));
  return hooksDir;
}

/** Removes the (empty) hooks folders in `tmp` whose process is gone. */
function sweepStaleHooksDirs(tmp: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(tmp);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(OWNED.exec(name)?.[1]);
    if (Number.isSafeInteger(pid) && pid > 0 && !isRunning(pid)) removeQuietly(path.join(tmp, name));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'; // EPERM: alive, another user's
  }
}

function removeQuietly(dir: string | undefined): void {
  try {
    if (dir !== undefined) fs.rmdirSync(dir); // only ever empty: rmdir refuses anything else
  } catch {
    // already gone, not empty, or not ours: leave it
  }
}

function isEmptyDir(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory() && fs.readdirSync(dir).length === 0;
  } catch {
    return false;
  }
}

/** Options placed before the subcommand of every invocation. Never contains user data. */
export function hardeningPrefix(hooks: string = emptyHooksDir()): string[] {
  return [
    '-c', 'core.fsmonitor=false',
    '-c', `core.hooksPath=${hooks}`,
    // Read-only commands must not take index.lock or rewrite the index (status refresh).
    '--no-optional-locks',
    '--no-pager',
    // Paths we pass are names, never globs or `:(magic)`.
    '--literal-pathspecs',
  ];
}

/**
 * The simple-git `unsafe` opt-ins, exactly those our own `-c` options need and nothing else: the
 * prefix (fsmonitor, hooksPath) and the filter drivers switched off (filters.ts), whose keys
 * simple-git blocks whatever their value.
 */
export const UNSAFE_OPT_INS = Object.freeze({ allowUnsafeFsMonitor: true, allowUnsafeHooksPath: true, allowUnsafeFilter: true });
