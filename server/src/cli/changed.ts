// `handoff lint --changed [<base>]`: only the notes changed since a git base, for pull-request
// jobs and hooks. The base is where HEAD left it (merge base), and the changes run up to the
// worktree: committed, staged, unstaged and untracked. Without a base, HEAD: the uncommitted work.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { changedSinceBase, createGitRunner, isGitUnavailable, locateRepo, resolveRevision } from '../git';
import { UsageError } from './usage';

/** Changed files beyond this many are not considered (and the run says so). */
const MAX_CHANGED = 50_000;

export interface ChangedOption {
  /** Present when `--changed` was given: the base as written (HEAD when none was). */
  base: string | null;
  /** The arguments without `--changed` and its base. */
  args: string[];
}

/**
 * Takes `--changed`, `--changed=<base>` or `--changed <base>` out of `args`. The word after a
 * bare `--changed` is its base unless it is an option or an existing path (then it is a path to
 * lint, and the base is HEAD); a word that is both is refused, as git refuses an ambiguous name.
 */
export async function takeChangedOption(args: readonly string[], cwd: string, isRevision: (word: string) => Promise<boolean>): Promise<ChangedOption> {
  const rest: string[] = [];
  let base: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (arg.startsWith('--changed=')) {
      base = arg.slice('--changed='.length);
      if (!base) throw new UsageError('Option --changed= needs a base (a branch, tag or commit)');
      continue;
    }
    if (arg !== '--changed') {
      rest.push(arg);
      continue;
    }
    base = 'HEAD';
    const next = args[i + 1];
    if (next === undefined || next.startsWith('-')) continue;
    const isPath = existsSync(resolve(cwd, next));
    if (isPath && (await isRevision(next))) throw new UsageError(`"${next}" is both a path and a revision: write --changed=${next} for the base, or --changed -- ${next} for the path`);
    if (!isPath) {
      base = next;
      i++;
    }
  }
  if (base !== null && /[\s\p{Cc}]/u.test(base)) throw new UsageError('The base of --changed cannot hold spaces or control characters');
  return { base, args: rest };
}

/** The absolute paths changed since `base`, asked of the repository holding `cwd`. */
export async function changedFiles(cwd: string, base: string, gitPath: string | null): Promise<{ files: Set<string>; since: string; truncated: boolean }> {
  const runner = createGitRunner({ gitPath });
  const result = await changedSinceBase(cwd, base, { runner, limit: MAX_CHANGED });
  if (result === null) throw new UsageError(`--changed: "${base}" names no commit in this repository`);
  if (isGitUnavailable(result)) throw new UsageError(`--changed needs git: ${result.message}`);
  const location = await locateRepo(cwd, { runner });
  if (isGitUnavailable(location)) throw new UsageError(`--changed needs git: ${location.message}`);
  const root = location.root;
  const files = new Set<string>();
  for (const change of result.changes) if (change.status !== 'deleted') files.add(resolve(root, change.path));
  return { files, since: result.since, truncated: result.total > result.changes.length };
}

/** Whether `word` names a commit in the repository holding `cwd` (false without git). */
export async function isRevisionIn(cwd: string, word: string, gitPath: string | null): Promise<boolean> {
  if (/[\s\p{Cc}]/u.test(word)) return false;
  const sha = await resolveRevision(cwd, word, { runner: createGitRunner({ gitPath }) });
  return typeof sha === 'string';
}
