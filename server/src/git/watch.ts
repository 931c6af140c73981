// What to watch so cached facts are dropped when git state changes. Read from the file system
// only (no git process), following `.git` files of worktrees and submodules.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface GitWatchPaths {
  /** The repository's git directory (for a linked worktree, its private one). */
  gitDir: string;
  /** Where refs, packed-refs and config live (differs from gitDir in linked worktrees). */
  commonDir: string;
  /** Files whose change invalidates facts: HEAD, index, packed-refs, config, shallow. */
  files: string[];
  /** Folders to watch recursively: refs (branches, remote-tracking refs, tags). */
  directories: string[];
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Watch paths for the repository at `root`; null when `root/.git` is neither a folder nor a gitdir file. */
export async function gitDirWatchPaths(root: string): Promise<GitWatchPaths | null> {
  const dotGit = path.join(root, '.git');
  let gitDir: string;
  try {
    const stat = await fs.stat(dotGit);
    if (stat.isDirectory()) {
      gitDir = dotGit;
    } else {
      const m = /^gitdir:\s*(.+?)\s*$/m.exec((await readText(dotGit)) ?? '');
      if (!m) return null;
      gitDir = path.resolve(root, m[1]);
    }
  } catch {
    return null;
  }
  const common = (await readText(path.join(gitDir, 'commondir')))?.trim();
  const commonDir = common ? path.resolve(gitDir, common) : gitDir;
  return {
    gitDir,
    commonDir,
    files: [
      path.join(gitDir, 'HEAD'),
      path.join(gitDir, 'index'),
      path.join(commonDir, 'packed-refs'),
      path.join(commonDir, 'config'),
      path.join(commonDir, 'shallow'),
    ],
    directories: [path.join(commonDir, 'refs')],
  };
}
