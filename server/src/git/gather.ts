// The one call the server makes: everything the engine's GitFacts holds for one note.
import * as path from 'node:path';
import type { GitFacts } from '../engine/facts';
import type { GitFactsProvider } from './cache';
import { gitUnavailable, isGitUnavailable, type GitUnavailable } from './errors';

export interface GatherRequest {
  /** Absolute path of the note. */
  notePath: string;
  /** The commit the note's Snapshot records, as written. */
  recordedCommit?: string | null;
  /** Hashes the note mentions, as written (the recorded commit is looked up too). */
  commitHashes?: readonly string[];
  /** Repository-relative paths the note mentions that the worktree lacks, as written. */
  missingPaths?: readonly string[];
  /** Stop waiting (the shared git work still finishes and fills the cache). */
  signal?: AbortSignal;
}

/** GitFacts with the failures of the lookups left unknown in them. */
export interface Gathered {
  facts: GitFacts | GitUnavailable;
  /**
   * Lookups that failed on their own (their fields are empty or null). A transient one (a git
   * stopped or killed, a held lock) may answer when asked again; the provider does not keep it.
   */
  gaps: GitUnavailable[];
}

/**
 * Assembles GitFacts. Fails (GitUnavailable) only when the repository itself cannot be read;
 * a lookup that fails on its own leaves its field empty or null (unknown) instead.
 */
export async function gatherGitFacts(provider: GitFactsProvider, request: GatherRequest): Promise<GitFacts | GitUnavailable> {
  return (await gatherWithGaps(provider, request)).facts;
}

/** gatherGitFacts, with the lookups that failed. */
export async function gatherWithGaps(provider: GitFactsProvider, request: GatherRequest): Promise<Gathered> {
  const work = gather(provider, request);
  const signal = request.signal;
  if (!signal) return work;
  if (signal.aborted) return { facts: cancelled(), gaps: [] };
  return new Promise((resolve) => {
    const onAbort = (): void => resolve({ facts: cancelled(), gaps: [] });
    signal.addEventListener('abort', onAbort, { once: true });
    void work.then((result) => {
      signal.removeEventListener('abort', onAbort);
      resolve(result);
    });
  });
}

function cancelled(): GitUnavailable {
  return gitUnavailable('aborted', 'Git was cancelled.');
}

async function gather(provider: GitFactsProvider, request: GatherRequest): Promise<Gathered> {
  const notePath = path.resolve(request.notePath);
  const folder = path.dirname(notePath);
  const facts = await provider.repoFacts(folder);
  if (isGitUnavailable(facts)) return { facts, gaps: [] };
  const relative = path.relative(facts.root, notePath);
  const noteInRepo = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  const recorded = request.recordedCommit ?? null;
  const hashes = [...(request.commitHashes ?? [])];
  if (recorded !== null && !hashes.includes(recorded)) hashes.push(recorded);
  const [commits, paths, date, changed] = await Promise.all([
    hashes.length > 0 ? provider.lookupCommits(folder, hashes) : {},
    (request.missingPaths ?? []).length > 0 ? provider.pathHistory(folder, request.missingPaths ?? []) : {},
    noteInRepo ? provider.lastCommitDate(folder, relative.split(path.sep).join('/')) : null,
    recorded !== null ? provider.changedSince(folder, recorded) : null,
  ]);
  const gaps = [commits, paths, date, changed].filter(isGitUnavailable);
  const gathered: GitFacts = {
    root: facts.root,
    // The engine's contract: null when detached or unborn.
    branch: facts.unborn ? null : facts.branch,
    detached: facts.detached,
    unborn: facts.unborn,
    head: facts.head,
    upstream: facts.upstream,
    dirty: facts.dirty,
    status: facts.status,
    shallow: facts.shallow,
    commits: isGitUnavailable(commits) ? {} : commits,
    paths: isGitUnavailable(paths) ? {} : paths,
    noteLastCommitDate: isGitUnavailable(date) ? null : date,
    changedSince: changed === null || isGitUnavailable(changed) ? null : changed.changes,
  };
  return { facts: gathered, gaps };
}
