// Paths against a root, the one way for every front end: whether a path lies inside a root,
// POSIX paths for globs and reports, and the path the engine's globs match.
import { isAbsolute, relative, resolve, sep } from 'node:path';

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
