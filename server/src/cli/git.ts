// Git and workspace facts for the CLI. The CLI runs where its user runs it, so git is used
// (hardened as everywhere); HANDOFF_NO_GIT=1 turns it off. Workspace facts come from the
// project root's files.
import { dirname, join, relative, sep } from 'node:path';
import type { GitFacts, Note, WorkspaceFacts } from '../engine';
import { commitRefs } from '../engine/references';
import { missingPaths, nonPaths } from '../engine/rules/path-exists';
import { GitFactsProvider, gatherGitFacts, isGitUnavailable, relativeToWorkspace } from '../git';
import { WorkspaceFolderFacts } from '../workspace/files';
import type { Target } from './files';

let provider: GitFactsProvider | null = null;
const workspaces = new Map<string, WorkspaceFolderFacts>();

export function workspaceFor(root: string): WorkspaceFacts {
  let w = workspaces.get(root);
  if (!w) workspaces.set(root, (w = new WorkspaceFolderFacts(root)));
  return w;
}

export interface CliGit {
  git: GitFacts | null;
  /** Why git facts are missing, when git was wanted. */
  problem: string | null;
}

export async function gitFactsFor(target: Target, note: Note, root: string, env: NodeJS.ProcessEnv): Promise<CliGit> {
  if (env.HANDOFF_NO_GIT === '1') return { git: null, problem: null };
  provider ??= new GitFactsProvider({ trusted: true, gitPath: env.HANDOFF_GIT_PATH || null });
  const location = await provider.locate(dirname(target.absolute));
  if (isGitUnavailable(location)) return { git: null, problem: location.reason === 'not-a-repository' ? null : location.message };
  const workspace = workspaceFor(root);
  const recorded = note.fields.find((f) => f.key === 'commit' && /^[0-9a-f]{7,40}$/.test(f.value))?.value ?? null;
  const missing = missingPaths(note, workspace, nonPaths(note)).map((m) => relative(location.root, join(root, m.path)).split(sep).join('/'));
  const facts = await gatherGitFacts(provider, { notePath: target.absolute, recordedCommit: recorded, commitHashes: commitRefs(note).map((h) => h.hash), missingPaths: missing });
  if (isGitUnavailable(facts)) return { git: null, problem: facts.message };
  return { git: relativeToWorkspace(facts, root), problem: null };
}

export function disposeGit(): void {
  provider?.dispose();
  provider = null;
}
