// The configuration the CLI lints with: the nearest .handoff.json(c) from the working directory
// upwards, or the file given with --config; its template turned into a dialect. Any problem in
// the file is fatal for the CLI (exit 2), printed as file:line:col.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { CONFIG_FILE_NAMES, LineIndex, RULES, defaultConfig, parseConfig, templateDialect, type Dialect, type HandoffConfig } from '../engine';
import { decodeNote } from './decode';
import { UsageError } from './usage';

export interface LoadedConfig {
  config: HandoffConfig;
  /** Absolute path of the configuration file; null when the defaults apply. */
  file: string | null;
  /** The project root: paths in the configuration, and the globs, are relative to it. */
  root: string;
  template: Dialect | null;
}

interface Problem {
  message: string;
  start: number;
  end: number;
}

/** Nearest configuration file from `dir` upwards. */
export function findConfigFile(dir: string): string | null {
  for (let d = resolve(dir); ; d = dirname(d)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(d, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    if (dirname(d) === d) return null;
  }
}

export function loadConfig(cwd: string, explicit: string | null): LoadedConfig {
  const file = explicit ? resolve(cwd, explicit) : findConfigFile(cwd);
  if (!file) return { config: defaultConfig(), file: null, root: resolve(cwd), template: null };
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`Configuration file not found: ${file}`);
  const decoded = decodeNote(readFileSync(file));
  if (decoded.kind === 'binary') throw new UsageError(`${file}: not a text file`);
  const text = decoded.text;
  const { config, problems } = parseConfig(text, RULES);
  const root = dirname(file);
  let template: Dialect | null = null;
  if (!problems.length && config.template) {
    const path = resolve(root, config.template);
    const bytes = existsSync(path) && statSync(path).isFile() ? readFileSync(path) : null;
    const note = bytes ? decodeNote(bytes) : null;
    if (!note || note.kind === 'binary') problems.push({ message: `Template "${config.template}" ${note ? 'is not a text file' : 'not found'}`, ...valueRange(text, 'template') });
    else {
      try {
        template = templateDialect(note.text);
      } catch (error) {
        problems.push({ message: `Template "${config.template}" cannot be used: ${(error as Error).message}`, ...valueRange(text, 'template') });
      }
    }
  }
  if (!problems.length && config.roadmap) {
    const path = resolve(root, config.roadmap);
    if (!existsSync(path) || !statSync(path).isFile()) problems.push({ message: `Roadmap "${config.roadmap}" not found`, ...valueRange(text, 'roadmap') });
  }
  if (problems.length) throw new UsageError(formatProblems(displayPath(cwd, file), text, problems));
  return { config, file, root, template };
}

function valueRange(text: string, key: string): { start: number; end: number } {
  const tree = parseTree(text);
  const node = tree ? findNodeAtLocation(tree, [key]) : undefined;
  return node ? { start: node.offset, end: node.offset + node.length } : { start: 0, end: 0 };
}

/** One line per problem, `file:line:col: message`, in the order of the file, without repeats. */
function formatProblems(file: string, text: string, problems: Problem[]): string {
  const lines = new LineIndex(text);
  const sorted = [...problems].sort((a, b) => a.start - b.start || a.end - b.end);
  const out = [...new Set(sorted.map((p) => {
    const { line, character } = lines.position(p.start);
    return `${file}:${line + 1}:${character + 1}: ${p.message}`;
  }))];
  return `Invalid configuration:\n${out.join('\n')}`;
}

function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
}
