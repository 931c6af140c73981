// The versions git holds of one note: `log --follow` over the note's path (renames followed),
// bounded by count and age, then each version's text with `cat-file blob <commit>:<path>`.
// The path reaches `log` after `--`; in `cat-file` it is part of an object name that starts
// with a hash, so it cannot be read as an option.
import type { NoteVersion } from '../engine';
import { git, type GitContext } from './context';
import { GitCommandError } from './errors';

export interface VersionsLimit {
  /** At most this many versions, newest first. Default 50. */
  maxVersions?: number;
  /** Only versions committed in the last this many days. Default 180. */
  maxDays?: number;
  /** Versions larger than this many bytes are listed without their text. Default 2 MB. */
  maxBytes?: number;
}

export interface NoteVersionText {
  version: NoteVersion;
  /** The note's text in that commit; null when it was too large or not text. */
  text: string | null;
}

const LOG_FLAGS = ['--no-show-signature', '--no-color', '--no-ext-diff', '--no-textconv', '--encoding=UTF-8'];

/** Parses `log --format=%x01%H%x02%aI%x02%an%x02%s --name-status -z` output: one entry per commit. */
export function parseVersionLog(stdout: string): NoteVersion[] {
  const versions: NoteVersion[] = [];
  for (const record of stdout.split('\x01')) {
    if (!record) continue;
    const tokens = record.split('\0');
    const [commit, date, author, subject] = tokens[0].split('\x02');
    const status = (tokens[1] ?? '').replace(/^\n+/, '');
    if (!/^[0-9a-f]{40,64}$/.test(commit ?? '') || !status || status.startsWith('D')) continue;
    const path = /^[RC]/.test(status) ? tokens[3] : tokens[2];
    if (!path) continue;
    versions.push({ commit, date, author, subject: subject ?? '', path });
  }
  return versions;
}

/** Versions of the note at repository-relative `path` reachable from HEAD, newest first, with their texts. */
export async function noteVersions(ctx: GitContext, path: string, limit: VersionsLimit = {}): Promise<NoteVersionText[]> {
  const maxVersions = limit.maxVersions ?? 50;
  const maxDays = limit.maxDays ?? 180;
  const maxBytes = limit.maxBytes ?? 2 * 1024 * 1024;
  const log = await git(
    ctx,
    ['log', '--follow', '--format=%x01%H%x02%aI%x02%an%x02%s', '--name-status', '-z', `--max-count=${maxVersions}`, `--since=${maxDays}.days.ago`, ...LOG_FLAGS, 'HEAD', '--', path],
    { okExitCodes: [0, 128] },
  );
  if (log.exitCode !== 0) {
    if (/does not have any commits yet|bad (default )?revision 'HEAD'/i.test(log.stderr)) return [];
    throw new GitCommandError('log', log);
  }
  const versions = parseVersionLog(log.stdout);
  return Promise.all(
    versions.map(async (version) => {
      const size = await git(ctx, ['cat-file', '-s', `${version.commit}:${version.path}`], { okExitCodes: [0, 128] });
      if (size.exitCode !== 0 || Number(size.stdout.trim()) > maxBytes) return { version, text: null };
      const blob = await git(ctx, ['cat-file', 'blob', `${version.commit}:${version.path}`], { okExitCodes: [0, 128] });
      if (blob.exitCode !== 0 || blob.stdout.includes('\0')) return { version, text: null };
      return { version, text: blob.stdout };
    }),
  );
}
