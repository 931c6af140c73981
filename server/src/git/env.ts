// The environment every git child process gets: an allowlist, never the extension host's whole
// environment. Anything named GIT_* (GIT_DIR, GIT_WORK_TREE, GIT_ASKPASS, GIT_SSH_COMMAND,
// GIT_CONFIG_*, ...) and anything else not listed here is dropped, so the host's environment
// cannot redirect git to another repository, inject configuration or start a helper program.

/** Variables copied from the source environment when present (matched case-insensitively). */
export const FORWARDED_ENV_KEYS: readonly string[] = [
  'PATH',
  'HOME',
  // Where git finds the user's global config (git/config) when HOME/.gitconfig is absent.
  'XDG_CONFIG_HOME',
  'TMPDIR',
  'TMP',
  'TEMP',
  // Windows: process creation, path lookup, the user profile and Git for Windows' system config.
  'SYSTEMROOT',
  'SYSTEMDRIVE',
  'WINDIR',
  'COMSPEC',
  'PATHEXT',
  'USERPROFILE',
  'HOMEDRIVE',
  'HOMEPATH',
  'APPDATA',
  'LOCALAPPDATA',
  'PROGRAMDATA',
];

/** Variables we set ourselves; they win over anything in the source environment. */
export const FIXED_ENV: Readonly<Record<string, string>> = {
  // Porcelain parsing and error classification read English, untranslated output.
  LC_ALL: 'C',
  // Never ask for credentials on a terminal.
  GIT_TERMINAL_PROMPT: '0',
  // A partial clone must not fetch missing objects from its promisor remote (git >= 2.44
  // honours this; older git ignores it).
  GIT_NO_LAZY_FETCH: '1',
  // simple-git adds this variable to every child; setting it here keeps the recorded
  // environment identical to the spawned one. It makes git reject abbreviated long options.
  GIT_TEST_DISALLOW_ABBREVIATED_OPTIONS: 'true',
};

/** Names of the GIT_* variables we set, which simple-git's environment guard must allow. */
export const ALLOWED_GIT_ENV_KEYS: readonly string[] = Object.keys(FIXED_ENV).filter((k) => k.startsWith('GIT_'));

/** Builds the child environment from `source` (normally process.env) through the allowlist. */
export function buildGitEnv(source: NodeJS.ProcessEnv): Record<string, string> {
  const wanted = new Set(FORWARDED_ENV_KEYS);
  const env: Record<string, string> = {};
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined || !wanted.has(key.toUpperCase())) continue;
    // Keep the first spelling seen (Windows may hold both Path and PATH).
    if (Object.keys(env).some((k) => k.toUpperCase() === key.toUpperCase())) continue;
    env[key] = value;
  }
  return { ...env, ...FIXED_ENV };
}
