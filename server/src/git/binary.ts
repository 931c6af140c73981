// The git executable: `git` from PATH, or the `handoff.gitPath` setting validated here.
import * as path from 'node:path';

export const DEFAULT_GIT_BINARY = 'git';

/**
 * simple-git's own rule for a custom binary (letters, digits and `/ . \ _ ~ -`, optional drive
 * letter). We keep it instead of opting into `allowUnsafeCustomBinary`, so a setting can never
 * smuggle arguments, quotes or shell syntax. Consequence: a path with a space (for example under
 * `C:\Program Files`) is refused; put git on PATH or use a path without spaces.
 */
const SAFE_BINARY = /^([a-z]:)?[a-z0-9/.\\_~-]+$/i;

export type GitBinaryCheck = { ok: true; binary: string } | { ok: false; message: string };

/** Validates a configured git path: empty means `git` on PATH; otherwise an absolute path, no arguments. */
export function checkGitBinary(gitPath: string | null | undefined): GitBinaryCheck {
  if (gitPath === undefined || gitPath === null || gitPath.trim() === '') {
    return { ok: true, binary: DEFAULT_GIT_BINARY };
  }
  if (gitPath !== gitPath.trim() || /\s/.test(gitPath)) {
    return { ok: false, message: `handoff.gitPath must be a path without spaces or arguments: ${JSON.stringify(gitPath)}` };
  }
  if (!path.isAbsolute(gitPath)) {
    return { ok: false, message: `handoff.gitPath must be an absolute path: ${JSON.stringify(gitPath)}` };
  }
  if (!SAFE_BINARY.test(gitPath)) {
    return {
      ok: false,
      message: `handoff.gitPath may only contain letters, digits and / . \\ _ ~ -: ${JSON.stringify(gitPath)}`,
    };
  }
  return { ok: true, binary: gitPath };
}
