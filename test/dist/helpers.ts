// What the distribution tests share: the repository root, git with a fixed identity, and a
// throwaway repository outside this one holding a broken handoff note.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com' };

export const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim();

/** A note with a list numbered 1, 3 (list-numbering, fixable) and no next steps (required-sections). */
export const BROKEN_NOTE = '# Handoff\n\nImporter merged.\n\n1. Parser.\n3. Writer.\n';
/** The same after `--fix`: only the numbering changes; the missing section stays a warning. */
export const FIXED_NUMBERING = '# Handoff\n\nImporter merged.\n\n1. Parser.\n2. Writer.\n';
export const CLEAN_NOTE = '# Handoff\n\nImporter merged.\n\n## Next steps\n\n1. Release 1.2.\n';

/** A new git repository in the temporary folder with `files` committed on `main`. */
export function fixtureRepo(prefix: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  git(dir, 'init', '-q', '-b', 'main');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'Start');
  return dir;
}
