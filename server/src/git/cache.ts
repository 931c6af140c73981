// GitFactsProvider: git facts per repository root, cached until the caller invalidates them
// (the server does so from file watchers on the paths gitDirWatchPaths names), with concurrent
// requests coalesced so a burst costs one set of git processes. When the workspace is not
// trusted it never spawns git at all.
import type { CommitInfo, PathHistory } from '../engine/facts';
import { changesSince, type ChangeList } from './changes';
import { MAX_COMMIT_LOOKUPS, lookupNormalized, normalizeHash, resolveCommits, type ResolveCommits } from './commits';
import { guarded, type GitContext } from './context';
import { UNTRUSTED, isGitUnavailable, isTransient, type GitUnavailable } from './errors';
import { DEFAULT_STATUS_LIMIT, locateRepo, readAt, type RepoFacts, type RepoLocation } from './facts';
import { MAX_PATH_LOOKUPS, historyOf, lastCommitDateOf } from './history';
import { planKeys } from './lookups';
import { normalizeRepoPath } from './paths';
import { MAX_VERSION_BYTES, blobTexts, listNoteVersions, type VersionsLimit } from './note-versions';
import type { NoteVersion } from '../engine/history/history';
import { relative, sep } from 'node:path';
import { createGitRunner, type GitRunner, type GitRunnerOptions } from './run';

export interface GitFactsProviderOptions extends GitRunnerOptions {
  /** Workspace trust. While false, no git process is ever started. */
  trusted: boolean;
  /** Replaces the real runner (tests inject stubs here); runner options are then ignored. */
  runner?: GitRunner;
  statusLimit?: number;
  changesLimit?: number;
}

type Maybe<T> = T | GitUnavailable;

/** Promises per key; a key's entry is dropped again when it settled on a transient failure. */
class Entries<V> {
  private readonly map = new Map<string, Promise<Maybe<V>>>();

  /** Values for `keys`; keys not cached or in flight are fetched together in one `fetch`. */
  async get(keys: readonly string[], fetch: (missing: string[]) => Promise<Maybe<Map<string, V>>>): Promise<Maybe<Map<string, V>>> {
    const missing = keys.filter((k) => !this.map.has(k));
    if (missing.length > 0) {
      const batch = fetch(missing);
      for (const key of missing) {
        const entry = batch.then((r): Maybe<V> => (isGitUnavailable(r) ? r : (r.get(key) as V)));
        this.map.set(key, entry);
        void entry.then((v) => {
          if (isGitUnavailable(v) && isTransient(v) && this.map.get(key) === entry) this.map.delete(key);
        });
      }
    }
    const values = await Promise.all(keys.map((k) => this.map.get(k) as Promise<Maybe<V>>));
    const failed = values.find(isGitUnavailable);
    if (failed) return failed;
    return new Map(keys.map((k, i) => [k, values[i] as V]));
  }

  /** A value known without asking git (kept when the key is cached or in flight already). */
  know(key: string, value: V): void {
    if (!this.map.has(key)) this.map.set(key, Promise.resolve(value));
  }

  /** A single value, fetched alone. */
  async one(key: string, fetch: () => Promise<Maybe<V>>): Promise<Maybe<V>> {
    const got = await this.get([key], async (missing) => {
      const v = await fetch();
      return isGitUnavailable(v) ? v : new Map(missing.map((k) => [k, v]));
    });
    return isGitUnavailable(got) ? got : (got.get(key) as V);
  }
}

/** Everything cached for one repository root. Replaced wholesale on invalidate. */
class RootCache {
  readonly facts = new Entries<RepoFacts>();
  readonly commits = new Entries<CommitInfo | null>();
  /** Revisions resolved to commits: a note's recorded commit is both looked up and diffed against. */
  readonly resolved = new Entries<string | null>();
  readonly changes = new Entries<ChangeList | null>();
  readonly paths = new Entries<PathHistory>();
  readonly dates = new Entries<string | null>();
  readonly versions = new Entries<NoteVersion[]>();
}

export class GitFactsProvider {
  private readonly runner: GitRunner;
  private readonly statusLimit: number;
  private readonly changesLimit: number | undefined;
  private isTrusted: boolean;
  private lifetime = new AbortController();
  private folderCache = new Entries<RepoLocation>();
  private readonly roots = new Map<string, RootCache>();

  constructor(options: GitFactsProviderOptions) {
    this.isTrusted = options.trusted;
    this.runner = options.runner ?? createGitRunner(options);
    this.statusLimit = options.statusLimit ?? DEFAULT_STATUS_LIMIT;
    this.changesLimit = options.changesLimit;
  }

  get trusted(): boolean {
    return this.isTrusted;
  }

  /** Trust granted or revoked: everything cached so far is dropped. */
  setTrusted(trusted: boolean): void {
    if (trusted === this.isTrusted) return;
    this.isTrusted = trusted;
    this.invalidate();
  }

  /** The repository holding `folder` (cached per folder, negative answers included). */
  locate(folder: string): Promise<Maybe<RepoLocation>> {
    if (!this.isTrusted) return Promise.resolve(UNTRUSTED);
    return this.folderCache.one(folder, () => locateRepo(folder, { runner: this.runner, signal: this.lifetime.signal }));
  }

  /** Branch, HEAD, upstream, status and shallowness of the repository holding `folder`. */
  async repoFacts(folder: string): Promise<Maybe<RepoFacts>> {
    return this.withRoot(folder, (ctx, cache, location) =>
      cache.facts.one('', () => guarded(ctx.root, () => readAt(ctx, location.shallow, this.statusLimit))),
    );
  }

  /** Commit lookups keyed as written (see lookupCommits). */
  lookupCommits(folder: string, hashes: readonly string[]): Promise<Maybe<Record<string, CommitInfo | null>>> {
    return this.withRoot(folder, async (ctx, cache) => {
      const plan = planKeys(hashes, normalizeHash, MAX_COMMIT_LOOKUPS);
      const found = await cache.commits.get(plan.keys, (missing) => guarded(ctx.root, () => lookupNormalized(ctx, missing, resolverOf(ctx, cache))));
      if (isGitUnavailable(found)) return found;
      const result: Record<string, CommitInfo | null> = {};
      for (const w of plan.invalid) result[w] = null;
      for (const [w, key] of plan.keyOf) result[w] = found.get(key) ?? null;
      return result;
    });
  }

  /** Files changed since `commit` up to the worktree; null when it does not resolve. */
  changedSince(folder: string, commit: string): Promise<Maybe<ChangeList | null>> {
    return this.withRoot(folder, async (ctx, cache) => {
      const hash = normalizeHash(commit);
      if (hash === null) return null;
      return cache.changes.one(hash, () => guarded(ctx.root, () => changesSince(ctx, hash, this.changesLimit, resolverOf(ctx, cache))));
    });
  }

  /** History of repository-relative paths keyed as written (see pathHistory). */
  pathHistory(folder: string, paths: readonly string[]): Promise<Maybe<Record<string, PathHistory>>> {
    return this.withRoot(folder, async (ctx, cache) => {
      const plan = planKeys(paths, normalizeRepoPath, MAX_PATH_LOOKUPS);
      const found = await cache.paths.get(plan.keys, (missing) => guarded(ctx.root, () => historyOf(ctx, missing)));
      if (isGitUnavailable(found)) return found;
      const result: Record<string, PathHistory> = {};
      for (const w of plan.invalid) result[w] = { everExisted: false };
      for (const [w, key] of plan.keyOf) result[w] = found.get(key) ?? { everExisted: false };
      return result;
    });
  }

  /** ISO date of the last commit touching a repository-relative `file`; null when never committed. */
  lastCommitDate(folder: string, file: string): Promise<Maybe<string | null>> {
    return this.withRoot(folder, async (ctx, cache) => {
      const path = normalizeRepoPath(file);
      if (path === null) return null;
      return cache.dates.one(path, () => guarded(ctx.root, () => lastCommitDateOf(ctx, path)));
    });
  }

  /**
   * The versions of the note at absolute path `file` reachable from HEAD (renames followed),
   * newest first, bounded by `limit`; cached until HEAD moves. Empty when never committed.
   */
  noteVersions(file: string, limit: VersionsLimit = {}): Promise<Maybe<NoteVersion[]>> {
    return this.withRoot(dirOf(file), async (ctx, cache) => {
      const path = normalizeRepoPath(relative(ctx.root, file).split(sep).join('/'));
      if (path === null) return [];
      const key = JSON.stringify([path, limit.maxVersions ?? null, limit.maxDays ?? null]);
      const versions = await cache.versions.one(key, () => guarded(ctx.root, () => listNoteVersions(ctx, path, limit)));
      // `log` printed these full hashes: they name commits (the changes since one need not ask).
      if (!isGitUnavailable(versions)) for (const v of versions) cache.resolved.know(v.commit, v.commit);
      return versions;
    });
  }

  /** Texts of versions (`commit:path` object names) of a note in the repository holding `file`; absent when too large or not text. Not cached: versions never change, their readers keep them. */
  versionTexts(file: string, names: readonly string[], maxBytes = MAX_VERSION_BYTES): Promise<Maybe<Map<string, string>>> {
    return this.withRoot(dirOf(file), (ctx) => guarded(ctx.root, () => blobTexts(ctx, names, maxBytes)));
  }

  /**
   * Drops cached facts of one repository root (HEAD, index or refs changed), or with no argument
   * of all of them. Either way the folder-to-repository answers (including "not a repository"
   * and shallowness) are dropped too: re-locating costs one `rev-parse` per folder.
   */
  invalidate(root?: string): void {
    if (root === undefined) this.roots.clear();
    else this.roots.delete(root);
    this.folderCache = new Entries<RepoLocation>();
  }

  /** Stops every git process still running and drops all caches. */
  dispose(): void {
    this.lifetime.abort();
    this.lifetime = new AbortController();
    this.invalidate();
  }

  private async withRoot<T>(
    folder: string,
    work: (ctx: GitContext, cache: RootCache, location: RepoLocation) => Promise<Maybe<T>>,
  ): Promise<Maybe<T>> {
    if (!this.isTrusted) return UNTRUSTED;
    const location = await this.locate(folder);
    if (isGitUnavailable(location)) return location;
    let cache = this.roots.get(location.root);
    if (!cache) {
      cache = new RootCache();
      this.roots.set(location.root, cache);
    }
    return work({ runner: this.runner, root: location.root, signal: this.lifetime.signal }, cache, location);
  }
}

/** resolveCommits through the root's cache: one `cat-file` for the revisions asked at once. */
function resolverOf(ctx: GitContext, cache: RootCache): ResolveCommits {
  return async (hashes) => {
    const found = await cache.resolved.get(hashes, (missing) => guarded(ctx.root, () => resolveCommits(ctx, missing)));
    if (isGitUnavailable(found)) throw found; // the caller's guarded() passes it on as it is
    return found;
  };
}

const dirOf = (file: string): string => file.slice(0, Math.max(file.lastIndexOf(sep), 1));
