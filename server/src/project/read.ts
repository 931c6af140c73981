// Reading a file the way every front end reads one: opened once, checked to be a regular file on
// the open handle (a FIFO, a device or a link to /dev/zero is refused, never read), and read with
// a byte limit that holds while reading, not only before (a file can grow, a stat can lie).
import { closeSync, fstatSync, openSync, readSync, statSync, constants } from 'node:fs';
import { decodeNote, type Decoded } from './decode';

/** Manifests, templates, configuration files: far smaller than this in any real project. */
export const MAX_SIDE_FILE_BYTES = 1_000_000;
/** Notes: the structural rules stop at maxLintBytes, the text scans read the whole of this. */
export const MAX_NOTE_BYTES = 100_000_000;

export type ReadProblem =
  | { problem: string; code: 'not-found' | 'not-a-file' | 'too-large' | 'unreadable' }
  /** `text`: the bytes as Latin-1, which the secret scan still reads (a skipped file can hold a token). */
  | { problem: string; code: 'binary'; text: string };
/** The bytes, with the modification time and mode of the file they were read from (one fstat). */
export type ReadBytes = { bytes: Buffer; mtimeMs: number; mode: number } | ReadProblem;

export function readBytes(file: string, maxBytes: number): ReadBytes {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { problem: 'not found', code: 'not-found' } : { problem: `cannot be read (${code ?? String(e)})`, code: 'unreadable' };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { problem: `not a regular file (${kindOf(stat)})`, code: 'not-a-file' };
    if (stat.size > maxBytes) return { problem: `larger than ${maxBytes} bytes (${stat.size})`, code: 'too-large' };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) return { problem: `larger than ${maxBytes} bytes (it grew while being read)`, code: 'too-large' };
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return { bytes: Buffer.concat(chunks, total), mtimeMs: stat.mtimeMs, mode: stat.mode & 0o7777 };
  } catch (e) {
    return { problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, code: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}

function kindOf(stat: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

export type ReadText = { text: string; decoded: Extract<Decoded, { kind: 'text' }>; bytes: Buffer; mtimeMs: number; mode: number } | ReadProblem;

/** A text file, decoded (BOM, UTF-16, invalid UTF-8), or why it cannot be used. */
export function readText(file: string, maxBytes = MAX_SIDE_FILE_BYTES): ReadText {
  const read = readBytes(file, maxBytes);
  if ('problem' in read) return read;
  const decoded = decodeNote(read.bytes);
  if (decoded.kind === 'binary') return { problem: 'not a text file', code: 'binary', text: decoded.text };
  return { text: decoded.text, decoded, ...read };
}

/** Whether a path is (or links to) a regular file. */
export function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Why a note is skipped, in the words every front end uses. */
export function skipReason(problem: ReadProblem): string {
  return problem.code === 'binary' ? 'binary file (NUL byte in its first 8 KB)' : problem.problem;
}
