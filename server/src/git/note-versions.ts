// The versions git holds of one note: `log --follow` over the note's path (renames followed),
// along the first parents (a branch merged in counts as the version its merge made; `-m` gives
// the merge its change against the first parent), bounded by count and age; the versions' texts
// with two `cat-file --batch` processes however many there are.
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

/** Versions of the note at repository-relative `path` reachable from HEAD, newest first, without their texts. */
export async function listNoteVersions(ctx: GitContext, path: string, limit: VersionsLimit = {}): Promise<NoteVersion[]> {
  const maxVersions = limit.maxVersions ?? 50;
  const maxDays = limit.maxDays ?? 180;
  const log = await git(
    ctx,
    ['log', '--follow', '--first-parent', '-m', '--format=%x01%H%x02%aI%x02%an%x02%s', '--name-status', '-z', `--max-count=${maxVersions}`, `--since=${maxDays}.days.ago`, ...LOG_FLAGS, 'HEAD', '--', path],
    { okExitCodes: [0, 128] },
  );
  if (log.exitCode !== 0) {
    if (/does not have any commits yet|bad (default )?revision 'HEAD'/i.test(log.stderr)) return [];
    throw new GitCommandError('log', log);
  }
  return parseVersionLog(log.stdout);
}

export const MAX_VERSION_BYTES = 2 * 1024 * 1024;

/** The object names (`commit:path`) of versions. */
export const versionNames = (versions: readonly NoteVersion[]): string[] => versions.map((v) => `${v.commit}:${v.path}`);

/** Texts of `commit:path` objects with two processes (sizes, then contents), whatever their number. */
export async function blobTexts(ctx: GitContext, names: readonly string[], maxBytes: number): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!names.length) return out;
  // Names cannot hold a newline (git paths can; such a note is read alone, below).
  const batchable = names.filter((n) => !/[\r\n]/.test(n));
  for (const n of names) if (!batchable.includes(n)) await oneBlob(ctx, n, out);
  const check = await git(ctx, ['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'], { input: batchable.map((n) => n + '\n').join('') });
  const sizes = check.stdout.split('\n');
  const wanted = batchable.filter((_, i) => {
    const m = /^[0-9a-f]{40,64} blob (\d+)$/.exec(sizes[i] ?? '');
    return m !== null && Number(m[1]) <= maxBytes;
  });
  // Contents in chunks of about 16 MB, so one process never holds the whole history.
  let chunk: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!chunk.length) return;
    const read = await git(ctx, ['cat-file', '--batch=%(objectname) %(objectsize)'], { input: chunk.map((n) => n + '\n').join('') });
    const parsed = parseBatch(read.stdout, chunk.length);
    if (parsed) chunk.forEach((n, i) => parsed[i] !== null && out.set(n, parsed[i] as string));
    // Not valid UTF-8 somewhere: the byte counts cannot be followed in decoded text, so each is read alone.
    else for (const n of chunk) await oneBlob(ctx, n, out);
    chunk = [];
    bytes = 0;
  };
  for (let i = 0; i < wanted.length; i++) {
    const size = Number(/ (\d+)$/.exec(sizes[batchable.indexOf(wanted[i])])![1]);
    chunk.push(wanted[i]);
    bytes += size;
    if (bytes > 16 * 1024 * 1024) await flush();
  }
  await flush();
  return out;
}

/** `cat-file --batch` output as texts (null: binary); null when it cannot be split by its byte counts. */
function parseBatch(stdout: string, count: number): Array<string | null> | null {
  if (stdout.includes('\uFFFD')) return null;
  const buf = Buffer.from(stdout, 'utf8');
  const texts: Array<string | null> = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const eol = buf.indexOf(0x0a, at);
    if (eol < 0) return null;
    const m = /^[0-9a-f]{40,64} (\d+)$/.exec(buf.toString('utf8', at, eol));
    if (!m) return null;
    const end = eol + 1 + Number(m[1]);
    if (end >= buf.length + 1 || buf[end] !== 0x0a) return null;
    const text = buf.toString('utf8', eol + 1, end);
    texts.push(text.includes('\0') ? null : text);
    at = end + 1;
  }
  return texts;
}

async function oneBlob(ctx: GitContext, name: string, out: Map<string, string>): Promise<void> {
  const blob = await git(ctx, ['cat-file', 'blob', name], { okExitCodes: [0, 128] });
  if (blob.exitCode === 0 && !blob.stdout.includes('\0')) out.set(name, blob.stdout);
}
