// Finding and reading notes on disk for the workspace index, without blocking the server: async
// file system calls, a yield to the event loop between files, node_modules and .git never
// entered, the user's files.exclude honoured, symlinked folders not followed, linked notes read
// only when they resolve inside the folder. A file over the size limit is not read; a binary
// file (NUL in its first 8 KB) is recognised and skipped.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { isInside } from './paths';
import { readText, skipReason } from './read';

/** Folders no front end enters: dependencies, version-control data, build output. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', '.cache', 'dist', 'out', 'build', 'target', '.venv', 'venv', '__pycache__', '.next', '.turbo']);
const NOTE_FILE = /\.(?:md|markdown)$/i;
const SNIFF_BYTES = 4096;

/** Lets pending messages (diagnostics, requests) run before the next file. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A matcher for VS Code's files.exclude ({ "**\/dist": true }) on folder-relative paths. */
export function excludeMatcher(exclude: Record<string, unknown> | null | undefined): (rel: string) => boolean {
  const globs = Object.entries(exclude ?? {})
    .filter(([, on]) => on === true)
    .map(([g]) => g);
  if (!globs.length) return () => false;
  const m = picomatch(globs, { dot: true });
  return (rel) => m(rel) || m(rel + '/');
}

/** Markdown files (or the names `accept` takes) under a folder, depth first, sorted; relative paths are POSIX. */
export async function* markdownFiles(root: string, excluded: (rel: string) => boolean, accept: (name: string) => boolean = (name) => NOTE_FILE.test(name)): AsyncGenerator<{ file: string; rel: string }> {
  const realRoot = await fs.realpath(root).catch(() => root);
  // A linked note is read only when it resolves inside the folder (a link may point anywhere).
  const inside = async (link: string) => {
    const real = await fs.realpath(link).catch(() => null);
    return real !== null && isInside(realRoot, real);
  };
  const stack: Array<{ dir: string; rel: string }> = [{ dir: root, rel: '' }];
  while (stack.length) {
    const { dir, rel } = stack.pop()!;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(e.name) && !excluded(childRel)) stack.push({ dir: join(dir, e.name), rel: childRel });
      } else if ((e.isFile() || e.isSymbolicLink()) && accept(e.name) && !excluded(childRel)) {
        if (e.isSymbolicLink() && !(await inside(join(dir, e.name)))) continue;
        yield { file: join(dir, e.name), rel: childRel };
      }
    }
  }
}

/** Whether the start of a file names it a handoff or roadmap (H1 or front matter). */
export async function looksLikeNote(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await fs.open(file, 'r');
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    const head = buf.subarray(0, bytesRead).toString('utf8');
    if (/^---\r?\n[\s\S]*?^(?:type:\s*(?:handoff|roadmap)|handoff:)/im.test(head)) return true;
    const h1 = /^(?:\uFEFF)?#[ \t]+(.+)$|^(.+)\r?\n=+[ \t]*$/m.exec(head);
    const title = (h1?.[1] ?? h1?.[2] ?? '').toLowerCase();
    return /hand-?off|session notes|next session|next chat|road-?map/.test(title);
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

export type ReadResult = { text: string } | { skipped: string };

/** A note's text, or why it is skipped (too large, binary, not a regular file, unreadable). */
export async function readNoteFile(file: string, maxBytes: number): Promise<ReadResult> {
  const read = readText(file, maxBytes);
  return 'problem' in read ? { skipped: read.code === 'not-found' ? 'cannot be read (ENOENT)' : skipReason(read) } : { text: read.text };
}
