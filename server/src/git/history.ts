// History of paths a note mentions but the worktree lacks: did they ever exist, where did they go.
// Two processes for any number of paths: one `log` over their additions and deletions, one
// `diff-tree --stdin -M` over the commits that deleted them.
import type { PathHistory } from '../engine/facts';
import { git, type GitContext } from './context';
import { GitCommandError } from './errors';
import { parseNameStatusRecords, type CommitChanges } from './name-status';

/** Paths per request; more are left out of the result (unknown). */
export const MAX_PATH_LOOKUPS = 64;

const LOG_FLAGS = ['--no-show-signature', '--no-color', '--no-ext-diff', '--no-textconv', '--encoding=UTF-8'];

function covers(requested: string, path: string): boolean {
  return path === requested || path.startsWith(`${requested}/`);
}

/** Is this stderr the "no commits yet" answer of an unborn branch (a state, not a failure)? */
function isUnborn(stderr: string): boolean {
  return /does not have any commits yet|bad (default )?revision 'HEAD'/i.test(stderr);
}

/**
 * For normalized repository-relative paths (see normalizeRepoPath): `everExisted` when a commit
 * reachable from HEAD added or deleted the path (or, for a folder, a file under it);
 * `renamedTo` when the commit that last deleted it renamed it (one hop, rename detection `-M`).
 */
export async function historyOf(ctx: GitContext, paths: readonly string[]): Promise<Map<string, PathHistory>> {
  const result = new Map<string, PathHistory>(paths.map((p) => [p, { everExisted: false }]));
  if (paths.length === 0) return result;
  const log = await git(
    ctx,
    ['log', '--format=%x01%H', '--diff-filter=AD', '--name-status', '-z', '--no-renames', ...LOG_FLAGS, 'HEAD', '--', ...paths],
    { okExitCodes: [0, 128] },
  );
  if (log.exitCode !== 0) {
    if (isUnborn(log.stderr)) return result;
    throw new GitCommandError('log', log);
  }
  // Newest first: the first event seen for a path is its latest.
  const deletedIn = new Map<string, string>();
  const decided = new Set<string>();
  for (const record of parseNameStatusRecords(log.stdout)) {
    for (const change of record.changes) {
      for (const requested of paths) {
        if (!covers(requested, change.path)) continue;
        result.set(requested, { everExisted: true });
        if (decided.has(requested)) continue;
        // A file's latest event decides; a folder's latest deletion of a file under it does.
        if (change.letter === 'D') {
          deletedIn.set(requested, record.commit);
          decided.add(requested);
        } else if (change.path === requested) {
          decided.add(requested);
        }
      }
    }
  }
  const commits = [...new Set(deletedIn.values())];
  if (commits.length === 0) return result;
  const tree = await git(
    ctx,
    ['diff-tree', '--stdin', '-r', '--find-renames', '--name-status', '-z', '--no-ext-diff', '--no-textconv', '--no-color'],
    { input: commits.map((c) => `${c}\n`).join('') },
  );
  const byCommit = new Map<string, CommitChanges>(parseNameStatusRecords(tree.stdout).map((r) => [r.commit, r]));
  for (const [requested, commit] of deletedIn) {
    const renamedTo = renameTarget(requested, byCommit.get(commit));
    if (renamedTo !== undefined) result.set(requested, { everExisted: true, renamedTo });
  }
  return result;
}

/** Where `requested` went in this commit: a file's rename target, or a folder's common new folder. */
function renameTarget(requested: string, record: CommitChanges | undefined): string | undefined {
  if (!record) return undefined;
  const votes = new Map<string, number>();
  for (const change of record.changes) {
    if (change.letter !== 'R' || change.from === undefined) continue;
    if (change.from === requested) return change.path;
    if (!change.from.startsWith(`${requested}/`)) continue;
    const rest = change.from.slice(requested.length);
    if (!change.path.endsWith(rest)) continue;
    const folder = change.path.slice(0, change.path.length - rest.length);
    if (folder !== '') votes.set(folder, (votes.get(folder) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [folder, count] of votes) if (best === undefined || count > (votes.get(best) ?? 0)) best = folder;
  return best;
}

/** ISO committer date of the last commit touching `path` (normalized); null when none or unborn. */
export async function lastCommitDateOf(ctx: GitContext, path: string): Promise<string | null> {
  const out = await git(ctx, ['log', '-1', '--format=%cI', ...LOG_FLAGS, 'HEAD', '--', path], { okExitCodes: [0, 128] });
  if (out.exitCode !== 0) {
    if (isUnborn(out.stderr)) return null;
    throw new GitCommandError('log', out);
  }
  const date = out.stdout.trim();
  return date === '' ? null : date;
}
