// Files changed between a recorded commit and the worktree: committed, staged, unstaged and
// untracked, with renames.
import type { FileChange } from '../engine/facts';
import { resolveCommits, type ResolveCommits } from './commits';
import { git, type GitContext } from './context';
import { parseNameStatusRecords, toFileChange } from './name-status';

export const DEFAULT_CHANGES_LIMIT = 1000;

export interface ChangeList {
  /** The first `limit` changes: tracked ones in git's order, then untracked files. */
  changes: FileChange[];
  total: number;
}

/**
 * `diff --name-status -z -M <sha> --` compares the commit with the worktree (tracked files,
 * staged or not); `ls-files --others --exclude-standard -z` adds untracked files.
 * Returns null when `hash` (normalized, see normalizeHash) does not resolve to a commit.
 *
 * Comparing with the worktree re-hashes files whose stat data changed, through any filter driver
 * the repository configures; the runner switches those drivers off for this call (filters.ts).
 */
export async function changesSince(ctx: GitContext, hash: string, limit = DEFAULT_CHANGES_LIMIT, resolve: ResolveCommits = (h) => resolveCommits(ctx, h)): Promise<ChangeList | null> {
  const sha = (await resolve([hash])).get(hash) ?? null;
  if (sha === null) return null;
  const diff = await git(ctx, [
    'diff',
    '--name-status',
    '-z',
    '--find-renames',
    '--no-ext-diff',
    '--no-textconv',
    '--no-color',
    '--no-relative',
    '--ignore-submodules=all',
    sha,
    '--',
  ]);
  const others = await git(ctx, ['ls-files', '--others', '--exclude-standard', '-z']);
  const changes: FileChange[] = [];
  let total = 0;
  const seen = new Set<string>();
  const add = (change: FileChange): void => {
    if (seen.has(change.path)) return;
    seen.add(change.path);
    total++;
    if (changes.length < limit) changes.push(change);
  };
  for (const record of parseNameStatusRecords(diff.stdout)) for (const raw of record.changes) add(toFileChange(raw));
  for (const path of others.stdout.split('\0')) if (path !== '') add({ path, status: 'untracked' });
  return { changes, total };
}

/** What `handoff lint --changed <base>` compares with: where HEAD left `base`, and the changes since. */
export interface ChangesSinceBase extends ChangeList {
  /** The merge base of `base` and HEAD (or `base` itself when HEAD has no commit in common). */
  since: string;
}

/**
 * Files changed since the point where HEAD left `base` (a revision as the user wrote it: a
 * branch, a tag, a hash), up to the worktree. The revision reaches git on stdin (cat-file), never
 * as an argument, so it cannot be taken for an option. null when `base` names no commit.
 */
export async function changesSinceBase(ctx: GitContext, base: string, limit = DEFAULT_CHANGES_LIMIT): Promise<ChangesSinceBase | null> {
  const sha = (await resolveCommits(ctx, [base])).get(base) ?? null;
  if (sha === null) return null;
  const fork = await git(ctx, ['merge-base', sha, 'HEAD'], { okExitCodes: [0, 1, 128] }); // 1: no common commit; 128: HEAD unborn
  const since = fork.exitCode === 0 && fork.stdout.trim() ? fork.stdout.trim() : sha;
  const list = await changesSince(ctx, since, limit);
  return list && { ...list, since };
}
