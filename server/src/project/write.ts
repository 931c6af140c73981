// Writing a note back, the one way every front end writes: only when the file on disk still holds
// what was read (an edit made meanwhile is never overwritten), never through a link that leaves
// the root (unless asked), atomically (a temporary file in the same folder, then a rename, so a
// crash leaves the old note or the new one) and with the file's mode kept. A new note is created
// the same way, never over an existing file.
import { chmodSync, closeSync, linkSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isInside } from './paths';
import { readBytes } from './read';

export type WriteOutcome = { written: true } | { written: false; reason: string };

export interface WriteOptions {
  /** The bytes the edit was made on: the write is refused when the file no longer holds them. */
  expected: Uint8Array;
  /** The write must land inside this folder (after links are resolved). */
  root: string;
  /** Write through a link whose target is outside the root. */
  followSymlinks?: boolean;
  maxBytes: number;
}

export function writeNote(file: string, bytes: Uint8Array, options: WriteOptions): WriteOutcome {
  let target: string;
  try {
    target = realpathSync(file);
  } catch (e) {
    return { written: false, reason: `cannot be written (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  let realRoot = options.root;
  try {
    realRoot = realpathSync(options.root);
  } catch {
    /* a root that does not resolve: compare as given */
  }
  if (!options.followSymlinks && !isInside(realRoot, target)) {
    return { written: false, reason: `not written: ${file} is a link to ${target}, outside ${options.root} (--follow-symlinks writes through it)` };
  }
  const now = readBytes(target, options.maxBytes);
  if ('problem' in now) return { written: false, reason: `not written: ${now.problem}` };
  if (!Buffer.from(options.expected).equals(now.bytes)) return { written: false, reason: 'not written: the file changed on disk while it was being checked; run again' };
  const mode = now.mode;
  if ((mode & 0o222) === 0) return { written: false, reason: 'not written: the file is read-only' };
  const temp = join(dirname(target), `.${basename(target)}.handoff-${process.pid}-${Date.now()}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx', mode);
    writeSync(fd, bytes);
    closeSync(fd);
    fd = null;
    chmodSync(temp, mode);
    renameSync(temp, target);
    return { written: true };
  } catch (e) {
    if (fd !== null) closeSync(fd);
    rmSync(temp, { force: true });
    return { written: false, reason: `cannot be written (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
}

/**
 * Creates a new note atomically and never over an existing file: the bytes go to a temporary file
 * in the same folder, which is then hard-linked to the name (the link fails when the name exists)
 * and removed. The folder must already resolve inside `root`.
 */
export function createNote(file: string, bytes: Uint8Array, root: string): WriteOutcome {
  let folder: string;
  try {
    folder = realpathSync(dirname(file));
    if (!isInside(realpathSync(root), folder)) return { written: false, reason: `not written: ${dirname(file)} resolves outside ${root}` };
  } catch (e) {
    return { written: false, reason: `cannot be written (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  const target = join(folder, basename(file));
  const temp = join(folder, `.${basename(file)}.handoff-${process.pid}-${Date.now()}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeSync(fd, bytes);
    } finally {
      closeSync(fd);
    }
    linkSync(temp, target);
    return { written: true };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { written: false, reason: code === 'EEXIST' ? `not written: ${file} already exists` : `cannot be written (${code ?? String(e)})` };
  } finally {
    rmSync(temp, { force: true });
  }
}
