// The project configuration and template that apply to a note: the nearest .handoff.json(c)
// between the note's folder and its root (the workspace folder in the editor, the project root
// in the CLI), the same lookup for every front end. Read from disk with the bounded reader,
// cached per folder, cleared when a config or template file changes. Paths the configuration
// names (template, roadmap) stay inside the root: a repository's config cannot make Handoff read
// a file elsewhere.
import { dirname, join, resolve } from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { CONFIG_FILE_NAMES, defaultConfig, parseConfig, RULES, templateDialect, type ConfigProblem, type Dialect, type HandoffConfig } from '../engine';
import { innermostRoot, isInside } from './paths';
import { isRegularFile, readText } from './read';

export interface ProjectConfig {
  config: HandoffConfig;
  template: Dialect | null;
  /** The config file, when there is one. */
  file: string | null;
  /** The config file's text, for placing its problems. */
  text: string;
  /** Folder paths are relative to (the config file's folder, else the root). */
  root: string;
  /** Problems in the file, with their ranges; the defaults apply where they are. */
  problems: ConfigProblem[];
  /** A problem with the template (missing, unreadable, outside the root), as the editor shows it. */
  templateProblem: string | null;
  /** The same problem at the template's value in the file, as the CLI prints it. */
  templateIssue: ConfigProblem | null;
}

export class ProjectConfigs {
  private readonly byFolder = new Map<string, ProjectConfig>();

  /** `explicit`: one configuration file for every note (the CLI's --config). */
  constructor(
    private roots: string[],
    private readonly explicit: string | null = null,
  ) {}

  setRoots(roots: string[]): void {
    this.roots = roots;
    this.byFolder.clear();
  }

  clear(): void {
    this.byFolder.clear();
  }

  /** The root that holds a file, or its own folder. */
  rootOf(file: string): string {
    return innermostRoot(this.roots, file) ?? dirname(resolve(file));
  }

  forFile(file: string): ProjectConfig {
    const folder = dirname(resolve(file));
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    const root = this.rootOf(file);
    const found = this.explicit ?? nearestConfigFile(folder, root);
    const result = found ? loadConfigFile(found, this.explicit ? [...this.roots, dirname(found)] : [root]) : { config: defaultConfig(), template: null, file: null, text: '', root, problems: [], templateProblem: null, templateIssue: null };
    this.byFolder.set(folder, result);
    return result;
  }

  /** Every configuration read so far. */
  loaded(): ProjectConfig[] {
    return [...new Set(this.byFolder.values())];
  }

  /** Files whose change invalidates the cache: config files and templates seen so far. */
  watchedFiles(): string[] {
    const out = new Set<string>();
    for (const c of this.byFolder.values()) {
      if (c.file) out.add(c.file);
      if (c.config.template) out.add(resolve(c.root, c.config.template));
    }
    return [...out];
  }
}

/** The nearest configuration file from `folder` up to `root` (or the file system's root when `folder` is outside it). */
export function nearestConfigFile(folder: string, root: string | null): string | null {
  for (let dir = resolve(folder); ; dir = dirname(dir)) {
    const found = CONFIG_FILE_NAMES.map((n) => join(dir, n)).find(isRegularFile);
    if (found) return found;
    if ((root && (dir === resolve(root) || !isInside(root, dir))) || dirname(dir) === dir) return null;
  }
}

/** Reads and checks one configuration file; `roots` are where its paths may point. */
export function loadConfigFile(file: string, roots: string[]): ProjectConfig {
  const root = dirname(file);
  const read = readText(file);
  if ('problem' in read) return { config: defaultConfig(), template: null, file, text: '', root, problems: [{ message: `Cannot read the configuration: ${read.problem}`, start: 0, end: 0 }], templateProblem: null, templateIssue: null };
  const text = read.text;
  const { config, problems } = parseConfig(text, RULES);
  let template: Dialect | null = null;
  let templateProblem: string | null = null;
  const outside = (p: string) => !roots.some((r) => isInside(r, resolve(root, p)));
  let templateIssue: ConfigProblem | null = null;
  if (config.template) {
    const path = resolve(root, config.template);
    const got = outside(config.template) ? { problem: 'outside the project', code: 'outside' } : readText(path);
    let reason: string | null = null;
    if (!('problem' in got)) {
      try {
        template = templateDialect(got.text);
      } catch (e) {
        reason = (e as Error).message;
      }
    } else reason = got.problem;
    if (reason) {
      const where = valueRange(text, 'template');
      templateIssue = { message: reason === 'not found' ? `Template "${config.template}" not found` : `Template "${config.template}" cannot be used: ${reason}`, ...where };
      templateProblem = `Template "${config.template}" cannot be used (${reason}); the built-in dialects apply`;
      if (config.dialect === 'template') config.dialect = 'auto';
    }
  }
  if (config.roadmap) {
    const why = outside(config.roadmap) ? 'outside the project' : !isRegularFile(resolve(root, config.roadmap)) ? 'not found' : null;
    if (why) {
      problems.push({ message: `Roadmap "${config.roadmap}" cannot be used (${why})`, ...valueRange(text, 'roadmap') });
      config.roadmap = null;
    }
  }
  return { config, template, file, text, root, problems, templateProblem, templateIssue };
}

function valueRange(text: string, key: string): { start: number; end: number } {
  const tree = parseTree(text);
  const node = tree ? findNodeAtLocation(tree, [key]) : undefined;
  return node ? { start: node.offset, end: node.offset + node.length } : { start: 0, end: 0 };
}
