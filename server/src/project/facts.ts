// Answering a note's questions (engine: factQuestions) through git, the same for every front
// end: the repository is located from the note's folder, paths are turned from workspace- to
// repository-relative; the answer is repository-relative (relativeToWorkspace turns it round).
import { dirname, join, relative } from 'node:path';
import { factQuestions, type GitFacts, type Note } from '../engine';
import { gatherWithGaps, isGitUnavailable, isTransient, type GitFactsProvider, type GitUnavailable } from '../git';
import type { WorkspaceFolderFacts } from './files';
import { toPosix } from './paths';

export interface Answered {
  /** The question set, as a key: the same key since git last changed gets the same answer. */
  key: string;
  /** Repository-relative facts (as git gave them). */
  facts: GitFacts | GitUnavailable;
  /**
   * The first lookup that failed while the rest of git answered (a cancel aside): the findings
   * that need it are left out. Null when git answered everything it was asked.
   */
  gap: GitUnavailable | null;
  /**
   * What failed on a transient error (a git stopped or killed, a held lock): asked again, git may
   * answer it. Null when nothing did. Such an answer is not one to keep.
   */
  retry: GitUnavailable | null;
}

export interface AskOptions {
  /** An earlier answer to the same questions (by key), when the caller still trusts it. */
  known?: (key: string) => GitFacts | GitUnavailable | null;
  /**
   * Ask once more at once when something failed on a transient error: what a one-off answer (a
   * CLI or MCP run, an update) wants. A caller that lints again later asks again then instead.
   */
  again?: boolean;
}

/** Asks git what the note needs; `repoRoot` is where the note's repository was found. */
export async function askGit(provider: GitFactsProvider, file: string, note: Note, workspace: WorkspaceFolderFacts, options: AskOptions = {}): Promise<Answered & { repoRoot: string | null }> {
  const known = options.known ?? (() => null);
  const asked = await askOnce(provider, file, note, workspace, known);
  // The provider kept nothing of a transient failure: asked again, git runs again.
  return asked.retry && options.again ? askOnce(provider, file, note, workspace, known) : asked;
}

async function askOnce(provider: GitFactsProvider, file: string, note: Note, workspace: WorkspaceFolderFacts, known: (key: string) => GitFacts | GitUnavailable | null): Promise<Answered & { repoRoot: string | null }> {
  const location = await provider.locate(dirname(file));
  if (isGitUnavailable(location)) return { key: '', facts: location, gap: null, retry: transient([location]), repoRoot: null };
  const q = factQuestions(note, workspace);
  const missing = q.missingPaths.map((p) => toPosix(relative(location.root, join(workspace.root, p))));
  const key = JSON.stringify([file, q.recordedCommit, q.commitHashes, missing]);
  const earlier = known(key);
  if (earlier) return { key, facts: earlier, gap: null, retry: null, repoRoot: location.root };
  const { facts, gaps } = await gatherWithGaps(provider, { notePath: file, recordedCommit: q.recordedCommit, commitHashes: q.commitHashes, missingPaths: missing });
  const gap = gaps.find((g) => g.reason !== 'aborted') ?? null;
  return { key, facts, gap, retry: transient(isGitUnavailable(facts) ? [facts] : gaps), repoRoot: location.root };
}

/** The first transient failure (a cancel is not one: whoever cancelled asks again). */
function transient(failures: GitUnavailable[]): GitUnavailable | null {
  return failures.find((f) => isTransient(f) && f.reason !== 'aborted') ?? null;
}
