// Facts the engine receives from the outside world. The engine never asks git or the file
// system itself: the server (or CLI) gathers these and passes them in, so rules stay pure.
import type { NoteVersion, VersionContent } from './history/history';

export interface CommitInfo {
  /** Full 40-hex hash. */
  sha: string;
  subject: string;
  author: string;
  /** ISO 8601 committer date. */
  date: string;
  /** Whether the commit is HEAD or an ancestor of HEAD. */
  isAncestor: boolean;
  /** Commits HEAD is ahead of this commit (`git rev-list --count <sha>..HEAD`); null when unknown. */
  behind: number | null;
}

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'untracked';

export interface FileChange {
  /** Repository-relative POSIX path (the new path for renames). */
  path: string;
  status: ChangeStatus;
  /** Previous path, for renames. */
  from?: string;
}

export interface PathHistory {
  /** The path existed in some commit reachable from HEAD. */
  everExisted: boolean;
  /** Where git rename detection says it went, when it was renamed. */
  renamedTo?: string;
}

export interface GitFacts {
  /** Absolute repository root. */
  root: string;
  /**
   * The repository root relative to the workspace folder ('' when they are the same). Paths in
   * these facts are workspace-relative; notes write paths relative to the repository.
   */
  repoPrefix?: string;
  /** Current branch name; null when detached or unborn. */
  branch: string | null;
  detached: boolean;
  /** Repository has no commits yet. */
  unborn: boolean;
  /** Full HEAD hash; null when unborn. */
  head: string | null;
  upstream: { name: string; sha: string | null; ahead: number; behind: number } | null;
  /** Worktree has staged, unstaged or untracked changes (submodules ignored). */
  dirty: boolean;
  /** `git status` entries, capped by the provider. */
  status: FileChange[];
  shallow: boolean;
  /** Commit lookups for hashes the note mentions, keyed as written; null: does not resolve. */
  commits: Record<string, CommitInfo | null>;
  /** History of paths the note mentions that are absent from the worktree. */
  paths: Record<string, PathHistory>;
  /** ISO date of the last commit that touched the note itself; null when never committed. */
  noteLastCommitDate: string | null;
  /** Files changed between the note's recorded commit and the worktree; null when unknown. */
  changedSince: FileChange[] | null;
  /** The note's own history, when it was read (in the background: absent until then). */
  history?: NoteHistoryFacts | null;
}

/** One committed version of a note, as the history rules compare it. */
export interface HistoryVersionFacts {
  version: NoteVersion;
  content: VersionContent;
}

/** The versions git holds of a note, newest first, each reduced to its steps, risks and results. */
export interface NoteHistoryFacts {
  versions: HistoryVersionFacts[];
  /** Versions in a row an open step may stand before stale-next-steps reports it. */
  staleSteps: number;
  /** Files changed since the last commit that changed the note, for a note that records no commit; null when unknown. */
  changedSinceNote: FileChange[] | null;
}

/** What the workspace holds, read by the server and passed in through this interface. */
export interface WorkspaceFacts {
  /** Whether a workspace-relative path (file or folder) exists; undefined when unknown. */
  exists(path: string): boolean | undefined;
  /** Workspace-relative paths of files with this base name (bounded). */
  findByName(name: string): string[];
  /** Names of the entries of a workspace-relative folder (bounded); undefined when it is not a folder or unknown. */
  entries(path: string): string[] | undefined;
  /** Scripts and targets that commands in the note may name. */
  commands: CommandCatalog;
}

export interface CommandCatalog {
  /** package.json scripts (npm/pnpm/yarn/bun run). */
  npmScripts: string[] | null;
  /** Executables in node_modules/.bin (npx). */
  npmBins: string[] | null;
  /** pyproject: tool.pdm.scripts. */
  pdmScripts: string[] | null;
  /** pyproject: tool.poetry.scripts and project.scripts. */
  pythonScripts: string[] | null;
  makeTargets: string[] | null;
  justRecipes: string[] | null;
  /** Cargo integration tests (tests/*.rs, [[test]] names). */
  cargoTests: string[] | null;
  /** Cargo binaries ([[bin]] names, src/bin/*.rs, package name). */
  cargoBins: string[] | null;
}
