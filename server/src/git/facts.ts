// The state of a repository in three processes at most: where it is, what HEAD is, what changed.
import * as path from 'node:path';
import type { FileChange, GitFacts } from '../engine/facts';
import { git, guarded, type GitContext } from './context';
import { gitUnavailable, type GitUnavailable } from './errors';
import { createGitRunner, type GitRunner } from './run';
import { parseStatusV2 } from './status';

export interface RepoFacts {
  /** Absolute repository root. */
  root: string;
  /** Current branch, also when unborn (`No commits yet on <branch>`); null when detached. */
  branch: string | null;
  detached: boolean;
  unborn: boolean;
  /** Full HEAD hash; null when unborn. */
  head: string | null;
  upstream: GitFacts['upstream'];
  /** Staged, unstaged or untracked changes (submodules ignored). */
  dirty: boolean;
  /** The first `statusLimit` status entries. */
  status: FileChange[];
  /** Number of status entries in total. */
  statusTotal: number;
  shallow: boolean;
}

export interface RepoLocation {
  root: string;
  shallow: boolean;
}

export interface ReadRepoFactsOptions {
  runner?: GitRunner;
  /** Status entries kept (the count is always complete). Default 500. */
  statusLimit?: number;
  signal?: AbortSignal;
}

export const DEFAULT_STATUS_LIMIT = 500;

/** Finds the repository holding `folder`: `git rev-parse --show-toplevel --is-shallow-repository`. */
export function locateRepo(folder: string, options: ReadRepoFactsOptions = {}): Promise<RepoLocation | GitUnavailable> {
  const ctx: GitContext = { runner: options.runner ?? createGitRunner(), root: folder, signal: options.signal };
  return guarded(folder, () => locate(ctx));
}

async function locate(ctx: GitContext): Promise<RepoLocation> {
  const { stdout } = await git(ctx, ['rev-parse', '--show-toplevel', '--is-shallow-repository']);
  // The flag is the last line; everything before it is the root (which may itself hold newlines).
  const lines = stdout.replace(/\n$/, '').split('\n');
  const flag = lines.pop();
  const top = lines.join('\n');
  if (top === '' || (flag !== 'true' && flag !== 'false')) {
    throw gitUnavailable('not-a-repository', `Not a git repository: ${ctx.root} (no work tree)`);
  }
  return { root: path.resolve(top), shallow: flag === 'true' };
}

/** Reads branch, HEAD, upstream, worktree status and shallowness of the repository at `folder`. */
export function readRepoFacts(folder: string, options: ReadRepoFactsOptions = {}): Promise<RepoFacts | GitUnavailable> {
  const runner = options.runner ?? createGitRunner();
  return guarded(folder, async () => {
    const location = await locate({ runner, root: folder, signal: options.signal });
    return readAt({ runner, root: location.root, signal: options.signal }, location.shallow, options.statusLimit);
  });
}

/** The part of readRepoFacts after the root is known (the provider caches the root separately). */
export async function readAt(ctx: GitContext, shallow: boolean, statusLimit = DEFAULT_STATUS_LIMIT): Promise<RepoFacts> {
  const { stdout } = await git(ctx, [
    'status',
    '--porcelain=v2',
    '--branch',
    '-z',
    '--untracked-files=all',
    '--ignore-submodules=all',
    '--find-renames',
  ]);
  const parsed = parseStatusV2(stdout, statusLimit);
  const { oid, head: branchName, upstream: upstreamName, ahead, behind } = parsed.branch;
  let upstream: RepoFacts['upstream'] = null;
  if (upstreamName !== null) {
    upstream = { name: upstreamName, sha: await upstreamSha(ctx), ahead: ahead ?? 0, behind: behind ?? 0 };
  }
  return {
    root: ctx.root,
    branch: branchName,
    detached: branchName === null,
    unborn: oid === null,
    head: oid,
    upstream,
    dirty: parsed.total > 0,
    status: parsed.entries,
    statusTotal: parsed.total,
    shallow,
  };
}

/** The upstream's commit, or null when its ref is gone. No user data: `HEAD@{upstream}`. */
async function upstreamSha(ctx: GitContext): Promise<string | null> {
  const out = await git(ctx, ['rev-parse', '--verify', '-q', 'HEAD@{upstream}^{commit}'], { okExitCodes: [0, 1, 128] });
  const sha = out.stdout.trim();
  return out.exitCode === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : null;
}
