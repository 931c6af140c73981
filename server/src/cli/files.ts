// Which files a `handoff lint` run looks at. A directory is searched for handoff and roadmap
// notes by the configuration's globs (node_modules and .git are never entered, symlinked
// folders are not followed, linked files only when they resolve inside the directory); a file
// named on the command line is linted whatever its kind; a glob on the command line names files
// too.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { matchesGlobs } from '../engine';
import type { LoadedConfig } from './config';
import { UsageError } from './usage';

export interface Target {
  absolute: string;
  /** POSIX path relative to the project root: what the engine's globs see. */
  notePath: string;
  /** POSIX path relative to the working directory: what the reports show. */
  display: string;
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export function findTargets(args: string[], cwd: string, loaded: LoadedConfig): Target[] {
  const found = new Map<string, Target>();
  const add = (absolute: string) => {
    if (!found.has(absolute)) found.set(absolute, { absolute, notePath: notePath(absolute, loaded.root), display: toPosix(relative(cwd, absolute)) || '.' });
  };
  const globs = [...loaded.config.handoffGlobs, ...loaded.config.roadmapGlobs];
  const template = loaded.config.template ? resolve(loaded.root, loaded.config.template) : null;
  for (const arg of args.length ? args : ['.']) {
    const absolute = resolve(cwd, arg);
    if (existsSync(absolute)) {
      if (statSync(absolute).isDirectory()) {
        for (const file of walk(absolute)) {
          // The template is a skeleton, not a note.
          if (file !== template && matchesGlobs(notePath(file, loaded.root), globs)) add(file);
        }
      } else add(absolute);
      continue;
    }
    const scan = picomatch.scan(arg);
    if (!scan.isGlob) throw new UsageError(`No such file or directory: ${arg}`);
    const matches = expandGlob(arg, scan.base, cwd);
    if (!matches.length) throw new UsageError(`No files match the pattern "${arg}"`);
    for (const file of matches) add(file);
  }
  return [...found.values()];
}

function expandGlob(pattern: string, base: string, cwd: string): string[] {
  const absolutePattern = isAbsolute(pattern);
  const isMatch = picomatch(toPosix(pattern), { dot: true });
  const start = resolve(cwd, base || '.');
  if (!existsSync(start) || !statSync(start).isDirectory()) return [];
  return walk(start).filter((file) => isMatch(toPosix(absolutePattern ? file : relative(cwd, file))));
}

/** Files under a directory, sorted, depth first; a linked file only when it resolves inside `root`. */
function walk(dir: string, root = realRoot(dir)): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) out.push(...walk(path, root));
    } else if (entry.isFile()) out.push(path);
    else if (entry.isSymbolicLink()) {
      try {
        const real = realpathSync(path);
        if (statSync(real).isFile() && (real === root || real.startsWith(root.endsWith(sep) ? root : root + sep))) out.push(path);
      } catch {
        // A dangling link: nothing to lint.
      }
    }
  }
  return out;
}

/** Path the engine's globs match: relative to the root, or the absolute path when outside it. */
export function notePath(absolute: string, root: string): string {
  const rel = relative(root, absolute);
  if (rel && rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel)) return toPosix(rel);
  return toPosix(absolute).replace(/^[A-Za-z]:/, '').replace(/^\/+/, '');
}

function realRoot(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

function toPosix(path: string): string {
  return sep === '\\' ? path.replace(/\\/g, '/') : path;
}
