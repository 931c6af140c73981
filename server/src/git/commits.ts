// Commit lookups for the hashes a note mentions: one cat-file for existence, one log for
// subject/author/date, then one rev-list per resolved commit for ancestry and distance.
import type { CommitInfo } from '../engine/facts';
import { git, type GitContext } from './context';

/** Lookups per request; hashes beyond this are left out of the result (unknown, not "missing"). */
export const MAX_COMMIT_LOOKUPS = 32;

const HASH_LIKE = /^[0-9a-f]{4,64}$/;

/** The lookup key for a hash as written: lower-case hex, or null when it cannot name a commit. */
export function normalizeHash(written: string): string | null {
  const hash = written.trim().toLowerCase();
  return HASH_LIKE.test(hash) ? hash : null;
}

/**
 * Resolves short or full hashes to full commit hashes with one `cat-file --batch-check`.
 * Hashes arrive on stdin, never in argv. Missing, ambiguous and non-commit names map to null.
 */
export async function resolveCommits(ctx: GitContext, hashes: readonly string[]): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  if (hashes.length === 0) return result;
  const input = hashes.map((h) => `${h}^{commit}\n`).join('');
  const { stdout } = await git(ctx, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], { input });
  const lines = stdout.split('\n');
  hashes.forEach((hash, i) => {
    const m = /^([0-9a-f]{40,64}) commit$/.exec(lines[i] ?? '');
    result.set(hash, m ? m[1] : null);
  });
  return result;
}

/** Resolves revisions to full commit hashes (resolveCommits, or a cache in front of it). */
export type ResolveCommits = (hashes: readonly string[]) => Promise<Map<string, string | null>>;

/** Looks up normalized hashes (see normalizeHash); every key gets a CommitInfo or null. */
export async function lookupNormalized(ctx: GitContext, hashes: readonly string[], resolve: ResolveCommits = (h) => resolveCommits(ctx, h)): Promise<Map<string, CommitInfo | null>> {
  const resolved = await resolve(hashes);
  const shas = [...new Set([...resolved.values()].filter((s): s is string => s !== null))];
  const details = await describeCommits(ctx, shas);
  const ancestry = new Map<string, { isAncestor: boolean; behind: number | null }>();
  await Promise.all(shas.map(async (sha) => ancestry.set(sha, await relationToHead(ctx, sha))));
  const result = new Map<string, CommitInfo | null>();
  for (const [hash, sha] of resolved) {
    const detail = sha === null ? undefined : details.get(sha);
    const relation = sha === null ? undefined : ancestry.get(sha);
    result.set(hash, detail && relation ? { sha: sha as string, ...detail, ...relation } : null);
  }
  return result;
}

/** Subject, author name and committer date of full hashes, in one `log --no-walk`. */
async function describeCommits(
  ctx: GitContext,
  shas: readonly string[],
): Promise<Map<string, { subject: string; author: string; date: string }>> {
  const details = new Map<string, { subject: string; author: string; date: string }>();
  if (shas.length === 0) return details;
  const { stdout } = await git(ctx, [
    'log',
    '--no-walk=unsorted',
    '-z',
    '--format=%H%x00%an%x00%cI%x00%s',
    '--no-show-signature',
    '--no-color',
    '--encoding=UTF-8',
    '--end-of-options',
    ...shas,
    '--',
  ]);
  // -z separates commits with NUL and the fields are NUL-separated too: groups of four.
  const fields = stdout.split('\0');
  for (let i = 0; i + 3 < fields.length; i += 4) {
    const [sha, author, date, subject] = fields.slice(i, i + 4);
    details.set(sha.trim(), { author, date, subject });
  }
  return details;
}

/**
 * `rev-list --left-right --count HEAD...<sha>` prints "L\tR": L = commits in HEAD not in sha
 * (what `rev-list --count sha..HEAD` counts: how far HEAD is ahead), R = commits in sha not in
 * HEAD (0 exactly when sha is HEAD or an ancestor, what `merge-base --is-ancestor` answers).
 * One process instead of two. `behind` is L whether or not sha is an ancestor (the count's
 * definition holds for diverged commits too). An unborn HEAD gives exit 128: not an ancestor, distance unknown.
 */
async function relationToHead(ctx: GitContext, sha: string): Promise<{ isAncestor: boolean; behind: number | null }> {
  const out = await git(ctx, ['rev-list', '--left-right', '--count', `HEAD...${sha}`, '--'], { okExitCodes: [0, 128] });
  const m = /^(\d+)\s+(\d+)\s*$/.exec(out.stdout);
  if (out.exitCode !== 0 || !m) return { isAncestor: false, behind: null };
  return { isAncestor: Number(m[2]) === 0, behind: Number(m[1]) };
}
