// Which files a CLI run looks at. A directory is searched as the editor's index searches a
// workspace folder (the project layer's walker: the same skipped folders, symlinked folders not
// followed, linked files only when they resolve inside the directory), for notes by each note's
// own configuration: its globs, or a first line that names it a handoff or roadmap. A file named
// on the command line is taken whatever its kind; a glob on the command line names files too.
import { isAbsolute, relative, resolve } from 'node:path';
import { statSync } from 'node:fs';
import picomatch from 'picomatch';
import { noteFilesUnder } from '../project/candidates';
import { markdownFiles } from '../project/scan';
import { notePath, toPosix } from '../project/paths';
import type { RootConfigs } from '../project/root-configs';
import { UsageError } from './usage';

export interface Target {
  absolute: string;
  /** POSIX path relative to its project root: what the engine's globs see. */
  notePath: string;
  /** POSIX path relative to the working directory: what the reports show. */
  display: string;
  /** Named on the command line (not found in a directory or by a glob). */
  named: boolean;
}

function targetOf(absolute: string, cwd: string, configs: RootConfigs, named: boolean): Target {
  return { absolute, notePath: notePath(absolute, configs.forFile(absolute).root), display: toPosix(relative(cwd, absolute)) || '.', named };
}

export async function findTargets(args: string[], cwd: string, configs: RootConfigs): Promise<Target[]> {
  const found = new Map<string, Target>();
  const add = (absolute: string, named = false) => {
    if (!found.has(absolute)) found.set(absolute, targetOf(absolute, cwd, configs, named));
  };
  for (const arg of args.length ? args : ['.']) {
    const absolute = resolve(cwd, arg);
    let isDirectory: boolean | null = null;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      isDirectory = null;
    }
    if (isDirectory) {
      for (const file of await noteFilesUnder(absolute, configs)) add(file);
      continue;
    }
    if (isDirectory === false) {
      add(absolute, true);
      continue;
    }
    const scan = picomatch.scan(arg);
    if (!scan.isGlob) throw new UsageError(`No such file or directory: ${arg}`);
    const isMatch = picomatch(toPosix(arg), { dot: true });
    const start = resolve(cwd, scan.base || '.');
    const matches: string[] = [];
    try {
      if (statSync(start).isDirectory()) {
        for await (const { file } of markdownFiles(start, () => false, () => true)) if (isMatch(toPosix(isAbsolute(arg) ? file : relative(cwd, file)))) matches.push(file);
      }
    } catch {
      /* no such base folder: no match */
    }
    if (!matches.length) throw new UsageError(`No files match the pattern "${arg}"`);
    for (const file of matches.sort()) add(file);
  }
  return [...found.values()];
}
