// Filter drivers a repository configures (`filter.<name>.clean`, `.process`, `.smudge`) run when
// git re-hashes a worktree file, which `status` and `diff` against the worktree do for any file
// whose stat data changed. No flag turns drivers off, but a driver whose commands are empty runs
// nothing (git runs `clean`/`smudge`/`process` only when the value is non-empty, and a driver
// that is not `required` may do nothing). So before such a call the runner reads the driver names
// (reading configuration runs nothing) and switches each off for that one call.
//
// Read from every source git itself would read there: the repository's config, the gitdir a
// `.git` file points to, `config.worktree`, and anything `include.path`/`includeIf` pulls in.
// Drivers set only in the user's own global or system config (git-lfs, typically) keep running:
// they are the user's programs, not the repository's.

/** Subcommands that compare with the worktree and may run filter drivers. */
export const WORKTREE_SUBCOMMANDS: ReadonlySet<string> = new Set(['status', 'diff']);

/** The configuration read: names and scopes of every `filter.*` key, includes followed. */
export const FILTER_QUERY: readonly string[] = ['config', '--includes', '--show-scope', '--name-only', '-z', '--get-regexp', '^filter\\.'];

/** The same without `--show-scope`, for git older than 2.26 (every driver is then switched off). */
export const FILTER_QUERY_UNSCOPED: readonly string[] = FILTER_QUERY.filter((a) => a !== '--show-scope');

/** Scopes the user owns; drivers set there are left alone. */
const USER_SCOPES: ReadonlySet<string> = new Set(['system', 'global']);

/** Driver keys that name a program. */
const PROGRAM_KEYS: ReadonlySet<string> = new Set(['clean', 'smudge', 'process']);

/**
 * Driver names with a program set by the repository, from FILTER_QUERY's output (`scope\0key\0`
 * pairs) or, with `scoped` false, FILTER_QUERY_UNSCOPED's (`key\0`).
 */
export function repositoryFilters(stdout: string, scoped = true): string[] {
  const tokens = stdout.split('\0');
  if (tokens.at(-1) === '') tokens.pop();
  const names = new Set<string>();
  const step = scoped ? 2 : 1;
  for (let i = 0; i + step - 1 < tokens.length; i += step) {
    const scope = scoped ? tokens[i] : 'unknown';
    const key = tokens[i + step - 1];
    const dot = key.lastIndexOf('.');
    const name = key.slice('filter.'.length, dot);
    if (dot <= 'filter.'.length - 1 || !PROGRAM_KEYS.has(key.slice(dot + 1)) || USER_SCOPES.has(scope)) continue;
    names.add(name);
  }
  return [...names].sort();
}

/** Refused: a driver name `-c` cannot carry (git splits `-c` at its first `=`). */
export class UnswitchableFilter extends Error {}

/** `-c` options that switch the named drivers off for one call. */
export function filtersOff(names: readonly string[]): string[] {
  const args: string[] = [];
  for (const name of names) {
    if (name.includes('=') || name.includes('\n')) {
      throw new UnswitchableFilter(
        `the repository configures a filter driver that cannot be switched off (${JSON.stringify(name)}), so its worktree is not read`,
      );
    }
    for (const key of ['clean', 'smudge', 'process']) args.push('-c', `filter.${name}.${key}=`);
    args.push('-c', `filter.${name}.required=false`);
  }
  return args;
}
