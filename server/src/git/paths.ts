// Paths a note writes, turned into repository-relative POSIX paths we can hand to git after `--`.

/**
 * `./src/a.ts`, `src\\a.ts` and `src/dir/` become `src/a.ts` and `src/dir`. Returns null for
 * anything that cannot name a path inside the repository: empty, absolute, or escaping with `..`.
 */
export function normalizeRepoPath(written: string): string | null {
  const slashed = written.trim().replace(/\\/g, '/');
  if (slashed === '' || slashed.startsWith('/') || /^[a-z]:/i.test(slashed)) return null;
  const parts: string[] = [];
  for (const part of slashed.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return null;
    parts.push(part);
  }
  return parts.length === 0 ? null : parts.join('/');
}
