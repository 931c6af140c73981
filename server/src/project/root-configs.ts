// The configurations of a project rooted at one folder, as a CLI run or the MCP server sees it:
// the root is the folder of the nearest .handoff.json(c) from the starting folder upwards, or of
// the file given explicitly, else the starting folder; each note's configuration is found as the
// editor finds it (the nearest file between the note's folder and the root). A problem in a
// configuration stops the work on that note: ConfigError, printed as file:line:col.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { LineIndex, type ConfigProblem } from '../engine';
import { ProjectConfigs, nearestConfigFile, type ProjectConfig } from './config';
import { toPosix } from './paths';
import { isRegularFile } from './read';

/** A configuration that cannot be used (or an explicit one that does not exist). */
export class ConfigError extends Error {}

export class RootConfigs {
  readonly root: string;
  private readonly configs: ProjectConfigs;

  /** `explicit`: a configuration file for every note; `fixedRoot`: the root, whatever config lies above it. */
  constructor(
    private readonly cwd: string,
    explicit: string | null,
    fixedRoot = false,
  ) {
    const file = explicit ? resolve(cwd, explicit) : nearestConfigFile(cwd, fixedRoot ? cwd : null);
    if (explicit && (!file || !isRegularFile(file))) throw new ConfigError(`Configuration file not found: ${file}`);
    this.root = file && !fixedRoot ? dirname(file) : resolve(cwd);
    this.configs = new ProjectConfigs([this.root], explicit ? file : null);
  }

  /** The root that holds a file (the project root, or the file's own folder when outside it). */
  rootOf(file: string): string {
    return this.configs.rootOf(file);
  }

  /** The configuration of a note; a configuration with problems throws ConfigError. */
  forFile(file: string): ProjectConfig {
    const project = this.configs.forFile(file);
    const problems: ConfigProblem[] = [...project.problems];
    if (project.templateIssue) problems.push(project.templateIssue);
    if (problems.length && project.file) throw new ConfigError(formatProblems(displayPath(this.cwd, project.file), project.text, problems));
    return project;
  }
}

/** One line per problem, `file:line:col: message`, in the order of the file, without repeats. */
function formatProblems(file: string, text: string, problems: ConfigProblem[]): string {
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
  return rel && !isAbsolute(rel) ? toPosix(rel) : file;
}
