// The CLI's view of the project: its root (the folder of the nearest .handoff.json(c) from the
// working directory upwards, or of the file given with --config, else the working directory),
// and each note's configuration found as the editor finds it (the nearest file between the
// note's folder and the root). Any problem in a configuration is fatal for the CLI (exit 2),
// printed as file:line:col.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { LineIndex, type ConfigProblem } from '../engine';
import { ProjectConfigs, nearestConfigFile, type ProjectConfig } from '../project/config';
import { toPosix } from '../project/paths';
import { isRegularFile } from '../project/read';
import { UsageError } from './usage';

export class CliConfigs {
  readonly root: string;
  private readonly configs: ProjectConfigs;

  constructor(
    private readonly cwd: string,
    explicit: string | null,
  ) {
    const file = explicit ? resolve(cwd, explicit) : nearestConfigFile(cwd, null);
    if (explicit && (!file || !isRegularFile(file))) throw new UsageError(`Configuration file not found: ${file}`);
    this.root = file ? dirname(file) : resolve(cwd);
    this.configs = new ProjectConfigs([this.root], explicit ? file : null);
  }

  /** The root that holds a file (the project root, or the file's own folder when outside it). */
  rootOf(file: string): string {
    return this.configs.rootOf(file);
  }

  /** The configuration of a note; a configuration with problems stops the run. */
  forFile(file: string): ProjectConfig {
    const project = this.configs.forFile(file);
    const problems: ConfigProblem[] = [...project.problems];
    if (project.templateIssue) problems.push(project.templateIssue);
    if (problems.length && project.file) throw new UsageError(formatProblems(displayPath(this.cwd, project.file), project.text, problems));
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
