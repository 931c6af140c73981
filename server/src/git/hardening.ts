// The constant prefix every git invocation starts with, and the empty hooks directory it names.
//
// A repository we did not create can run programs through its own config: `core.fsmonitor`,
// hooks such as `post-index-change`, and filter drivers. The first two are switched off here;
// filter drivers (`filter.<x>.clean`) cannot be switched off by a flag and still run when git
// has to re-hash a worktree file (see the residual-risk test). Workspace trust is the real gate;
// this is defence in depth.
//
// Deliberately not included: `-c core.untrackedCache=false`. The untracked cache runs no code,
// `--no-optional-locks` already stops status from rewriting the index, and overriding it would
// only make status slower in repositories that enable it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

let hooksDir: string | undefined;

/**
 * An empty directory owned by this process (created once under the temp dir, mode 0700 by
 * mkdtemp). Recreated if something removed it or put a file in it.
 */
export function emptyHooksDir(): string {
  if (hooksDir !== undefined && isEmptyDir(hooksDir)) return hooksDir;
  const created = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-no-hooks-'));
  if (hooksDir === undefined) process.once('exit', () => removeQuietly(hooksDir));
  hooksDir = created;
  return hooksDir;
}

function removeQuietly(dir: string | undefined): void {
  try {
    if (dir !== undefined) fs.rmdirSync(dir); // only ever empty: rmdir refuses anything else
  } catch {
    // already gone or not empty: leave it
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

/** The simple-git `unsafe` opt-ins, exactly those the prefix needs and nothing else. */
export const UNSAFE_OPT_INS = Object.freeze({ allowUnsafeFsMonitor: true, allowUnsafeHooksPath: true });
