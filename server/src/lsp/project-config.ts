// The project configuration and template that apply to a note: the nearest .handoff.json(c)
// between the note's folder and its workspace folder. Read from disk, cached per folder,
// cleared when a config or template file changes.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAMES, defaultConfig, parseConfig, RULES, templateDialect, type ConfigProblem, type Dialect, type HandoffConfig } from '../engine';

export interface ProjectConfig {
  config: HandoffConfig;
  template: Dialect | null;
  /** The config file, when there is one. */
  file: string | null;
  /** Folder paths are relative to (the config file's folder, else the workspace folder). */
  root: string;
  problems: ConfigProblem[];
  /** A problem with the template (missing, unreadable). */
  templateProblem: string | null;
}

export class ProjectConfigs {
  private readonly byFolder = new Map<string, ProjectConfig>();

  constructor(private roots: string[]) {}

  setRoots(roots: string[]): void {
    this.roots = roots;
    this.byFolder.clear();
  }

  clear(): void {
    this.byFolder.clear();
  }

  /** The workspace folder that holds a file, or its own folder. */
  rootOf(file: string): string {
    const abs = resolve(file);
    const holders = this.roots.filter((r) => abs === r || abs.startsWith(r.endsWith(sep) ? r : r + sep));
    return holders.sort((a, b) => b.length - a.length)[0] ?? dirname(abs);
  }

  forFile(file: string): ProjectConfig {
    const folder = dirname(resolve(file));
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    const root = this.rootOf(file);
    let found: string | null = null;
    for (let dir = folder; ; dir = dirname(dir)) {
      found = CONFIG_FILE_NAMES.map((n) => join(dir, n)).find((p) => existsSync(p)) ?? null;
      if (found || dir === root || dirname(dir) === dir || relative(root, dir).startsWith('..')) break;
    }
    const result = found ? load(found) : { config: defaultConfig(), template: null, file: null, root, problems: [], templateProblem: null };
    this.byFolder.set(folder, result);
    return result;
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

function load(file: string): ProjectConfig {
  const root = dirname(file);
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { config: defaultConfig(), template: null, file, root, problems: [{ message: `Cannot read the configuration: ${(e as Error).message}`, start: 0, end: 0 }], templateProblem: null };
  }
  const { config, problems } = parseConfig(text, RULES);
  let template: Dialect | null = null;
  let templateProblem: string | null = null;
  if (config.template) {
    const path = resolve(root, config.template);
    try {
      if (statSync(path).size > 1_000_000) throw new Error('larger than 1 MB');
      template = templateDialect(readFileSync(path, 'utf8'));
    } catch (e) {
      templateProblem = `Template "${config.template}" cannot be used (${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (e as Error).message}); the built-in dialects apply`;
      if (config.dialect === 'template') config.dialect = 'auto';
    }
  }
  return { config, template, file, root, problems, templateProblem };
}
