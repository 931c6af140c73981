// Paths against a root, the one way for every front end: whether a path lies inside a root,
// POSIX paths for globs and reports, the path the engine's globs match, and a client's path
// resolved inside a root (links that leave it refused).
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** Whether `path` is `root` or lies under it (both resolved; no file system access). */
export function isInside(root: string, path: string): boolean {
  const r = resolve(root);
  const p = resolve(path);
  return p === r || p.startsWith(r.endsWith(sep) ? r : r + sep);
}

/** Whether a path lies inside any of the roots. */
export function insideAny(roots: readonly string[], path: string): boolean {
  return roots.some((r) => isInside(r, path));
}

/** The innermost root that holds a path, or null. */
export function innermostRoot(roots: readonly string[], path: string): string | null {
  return roots.filter((r) => isInside(r, path)).sort((a, b) => b.length - a.length)[0] ?? null;
}

export function toPosix(path: string): string {
  return sep === '\\' ? path.replace(/\\/g, '/') : path;
}

/** Path the engine's globs match: relative to the root, or the absolute path when outside it. */
export function notePath(absolute: string, root: string): string {
  const rel = relative(root, absolute);
  if (rel && !isAbsolute(rel) && isInside(root, absolute)) return toPosix(rel);
  return toPosix(absolute).replace(/^[A-Za-z]:/, '').replace(/^\/+/, '');
}

export type Inside = { absolute: string } | { refused: string };

/**
 * A path a client names (relative to the root) as an absolute path inside the root, or why it is
 * refused: it lies outside (an absolute path elsewhere, `..`), or its nearest existing part
 * resolves through a link to a place outside the root.
 */
export function resolveInside(root: string, path: string): Inside {
  const absolute = resolve(root, path);
  if (path.includes('\0')) return { refused: `Refused: the path ${JSON.stringify(path)} holds a NUL character` };
  if (!isInside(root, absolute)) return { refused: `Refused: ${JSON.stringify(path)} is outside the project root` };
  let realRoot = resolve(root);
  try {
    realRoot = realpathSync(root);
  } catch {
    /* a root that does not resolve: compare as given */
  }
  for (let at = absolute; ; at = dirname(at)) {
    let real: string | null = null;
    try {
      real = realpathSync(at);
    } catch {
      real = null;
    }
    if (real !== null) {
      if (!isInside(realRoot, real)) return { refused: `Refused: ${JSON.stringify(path)} leads outside the project root through a symbolic link` };
      return { absolute };
    }
    if (dirname(at) === at) return { absolute };
  }
}
