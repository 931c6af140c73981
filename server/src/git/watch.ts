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

/**
 * Whether any watched path changed at or after `since` (ms since the epoch). A watcher sees only
 * what happens once it runs: a commit made between git's first read and the watchers' start is
 * found here. A second of slack covers file systems with coarse times (a false alarm costs one
 * read of git again, a missed change stale facts).
 */
export async function touchedSince(paths: GitWatchPaths, since: number): Promise<boolean> {
  const times = await Promise.all([...paths.files, ...paths.directories, path.join(paths.commonDir, 'refs', 'heads')].map((p) => fs.stat(p).then((s) => s.mtimeMs, () => 0)));
  return times.some((t) => t >= since - 1000);
}
