// Standalone lookups (no cache): each finds the repository holding `folder`, runs, and returns a
// GitUnavailable instead of throwing. GitFactsProvider offers the same with caching.
import type { CommitInfo, PathHistory } from '../engine/facts';
import { changesSince, changesSinceBase, type ChangeList, type ChangesSinceBase } from './changes';
import { MAX_COMMIT_LOOKUPS, lookupNormalized, normalizeHash, resolveCommits } from './commits';
import { guarded, type GitContext } from './context';
import { isGitUnavailable, type GitUnavailable } from './errors';
import { locateRepo } from './facts';
import { MAX_PATH_LOOKUPS, historyOf, lastCommitDateOf } from './history';
import { normalizeRepoPath } from './paths';
import { createGitRunner, type GitRunner } from './run';

export interface LookupOptions {
  runner?: GitRunner;
  signal?: AbortSignal;
}

async function inRepo<T>(
  folder: string,
  options: LookupOptions,
  work: (ctx: GitContext) => Promise<T>,
): Promise<T | GitUnavailable> {
  const runner = options.runner ?? createGitRunner();
  const location = await locateRepo(folder, { runner, signal: options.signal });
  if (isGitUnavailable(location)) return location;
  return guarded(location.root, () => work({ runner, root: location.root, signal: options.signal }));
}

/** Unique normalized keys, capped; `written` keys that can never resolve are reported separately. */
export function planKeys(
  written: readonly string[],
  normalize: (w: string) => string | null,
  max: number,
): { keys: string[]; invalid: string[]; keyOf: Map<string, string> } {
  const keys: string[] = [];
  const invalid: string[] = [];
  const keyOf = new Map<string, string>();
  for (const w of written) {
    const key = normalize(w);
    if (key === null) {
      invalid.push(w);
      continue;
    }
    if (!keys.includes(key)) {
      if (keys.length >= max) continue; // beyond the cap: left out, unknown
      keys.push(key);
    }
    keyOf.set(w, key);
  }
  return { keys, invalid, keyOf };
}

/**
 * Commit lookups keyed as written. null: does not resolve to a commit (including text that is
 * not a 4-64 digit hex hash). Hashes beyond MAX_COMMIT_LOOKUPS distinct ones are absent.
 */
export function lookupCommits(
  folder: string,
  hashes: readonly string[],
  options: LookupOptions = {},
): Promise<Record<string, CommitInfo | null> | GitUnavailable> {
  return inRepo(folder, options, async (ctx) => {
    const plan = planKeys(hashes, normalizeHash, MAX_COMMIT_LOOKUPS);
    const found = await lookupNormalized(ctx, plan.keys);
    const result: Record<string, CommitInfo | null> = {};
    for (const w of plan.invalid) result[w] = null;
    for (const [w, key] of plan.keyOf) result[w] = found.get(key) ?? null;
    return result;
  });
}

/** Files changed since `commit` (as written) up to the worktree; null when it does not resolve. */
export function changedSince(folder: string, commit: string, options: LookupOptions & { limit?: number } = {}): Promise<ChangeList | null | GitUnavailable> {
  return inRepo(folder, options, async (ctx) => {
    const hash = normalizeHash(commit);
    return hash === null ? null : changesSince(ctx, hash, options.limit);
  });
}

/**
 * Files changed since `base` (a revision as written: branch, tag or hash) left HEAD, up to the
 * worktree, untracked files included; null when `base` names no commit.
 */
export function changedSinceBase(folder: string, base: string, options: LookupOptions & { limit?: number } = {}): Promise<ChangesSinceBase | null | GitUnavailable> {
  return inRepo(folder, options, (ctx) => changesSinceBase(ctx, base, options.limit));
}

/** The full hash of the commit `revision` (as written) names; null when it names none. */
export function resolveRevision(folder: string, revision: string, options: LookupOptions = {}): Promise<string | null | GitUnavailable> {
  return inRepo(folder, options, async (ctx) => (await resolveCommits(ctx, [revision])).get(revision) ?? null);
}

/**
 * History of repository-relative paths, keyed as written. Paths that cannot be inside the
 * repository get `everExisted: false`; paths beyond MAX_PATH_LOOKUPS distinct ones are absent.
 */
export function pathHistory(
  folder: string,
  paths: readonly string[],
  options: LookupOptions = {},
): Promise<Record<string, PathHistory> | GitUnavailable> {
  return inRepo(folder, options, async (ctx) => {
    const plan = planKeys(paths, normalizeRepoPath, MAX_PATH_LOOKUPS);
    const found = await historyOf(ctx, plan.keys);
    const result: Record<string, PathHistory> = {};
    for (const w of plan.invalid) result[w] = { everExisted: false };
    for (const [w, key] of plan.keyOf) result[w] = found.get(key) ?? { everExisted: false };
    return result;
  });
}

/** ISO date of the last commit touching a repository-relative `file`; null when never committed. */
export function lastCommitDate(folder: string, file: string, options: LookupOptions = {}): Promise<string | null | GitUnavailable> {
  return inRepo(folder, options, async (ctx) => {
    const path = normalizeRepoPath(file);
    return path === null ? null : lastCommitDateOf(ctx, path);
  });
}
