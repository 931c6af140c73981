// Writing a note back, the one way every front end writes: only when the file on disk still holds
// what was read (an edit made meanwhile is never overwritten), never through a link that leaves
// the root (unless asked), atomically (a temporary file in the same folder, then a rename, so a
// crash leaves the old note or the new one) and with the file's mode kept.
import { chmodSync, closeSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
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
