// Git answers in repository-relative paths; notes and workspace facts speak workspace-relative
// ones. This rewrites GitFacts for a repository that sits inside the workspace folder.
import { relative, sep } from 'node:path';
import type { GitFacts } from '../engine/facts';

export function relativeToWorkspace(git: GitFacts, workspaceRoot: string): GitFacts {
  const prefix = relative(workspaceRoot, git.root).split(sep).join('/');
  if (!prefix) return git;
  const map = (p: string) => (prefix.startsWith('..') ? p : `${prefix}/${p}`);
  return {
    ...git,
    repoPrefix: prefix.startsWith('..') ? '' : prefix,
    status: git.status.map((c) => ({ ...c, path: map(c.path), from: c.from && map(c.from) })),
    changedSince: git.changedSince?.map((c) => ({ ...c, path: map(c.path), from: c.from && map(c.from) })) ?? null,
    history: git.history && { ...git.history, changedSinceNote: git.history.changedSinceNote?.map((c) => ({ ...c, path: map(c.path), from: c.from && map(c.from) })) ?? null },
    paths: Object.fromEntries(Object.entries(git.paths).map(([k, v]) => [map(k), { ...v, renamedTo: v.renamedTo && map(v.renamedTo) }])),
  };
}
