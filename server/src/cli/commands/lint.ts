// `handoff lint [paths|globs...] [--fix] [--format stylish|json|sarif|github] [--config FILE]
//  [--changed [<base>]] [--fail-on error|warning|info]`
// Exit 0 without errors, 1 with errors (warnings and info fail only with --fail-on), 2 for usage
// or config problems and for a file named on the command line that is not a regular file.
import { formatOption, parseCommandArgs } from '../args';
import { changedFiles, isRevisionIn, takeChangedOption } from '../changed';
import { RootConfigs } from '../../project/root-configs';
import { findTargets } from '../files';
import { ProjectSession } from '../../project/session';
import { sessionOptions } from '../session-options';
import { FORMATS } from '../formats';
import type { Command, Io } from '../io';
import type { Severity } from '../../engine';
import { lintFile, type LintFileOptions } from '../../project/lint-note';
import { countBySeverity, type FileReport } from '../../project/findings';
import { todayFrom } from '../../project/today';
import { USAGE, UsageError } from '../usage';
import { VERSION } from '../../version';

export const lintCommand: Command = {
  name: 'lint',
  async run(argv: string[], io: Io): Promise<number> {
    const gitPath = io.env.HANDOFF_GIT_PATH || null;
    const changed = await takeChangedOption(argv, io.cwd, (word) => isRevisionIn(io.cwd, word, gitPath));
    const { values, positionals } = parseCommandArgs(
      changed.args,
      {
        fix: { type: 'boolean' },
        'follow-symlinks': { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        'fail-on': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      true,
    );
    if (values.help) {
      io.stdout(USAGE + '\n');
      return 0;
    }
    const format = formatOption(values.format, Object.keys(FORMATS));
    const failOn = failOnOption(values['fail-on']);
    const today = todayFrom(io.env);
    const configs = new RootConfigs(io.cwd, values.config ?? null);
    let targets = await findTargets(positionals, io.cwd, configs);
    if (changed.base !== null) {
      if (io.env.HANDOFF_NO_GIT === '1') throw new UsageError('--changed needs git, and HANDOFF_NO_GIT=1 turns it off');
      const { files, truncated } = await changedFiles(io.cwd, changed.base, gitPath);
      if (truncated) io.stderr(`handoff: --changed: only the first ${files.size} changed files were considered\n`);
      targets = targets.filter((t) => files.has(t.absolute));
      if (!targets.length) io.stderr(`handoff: no notes changed since ${changed.base}\n`);
    }
    const project = new ProjectSession(configs, sessionOptions(io.env));
    const options: LintFileOptions = { project, today, fix: Boolean(values.fix), followSymlinks: Boolean(values['follow-symlinks']) };
    const reports: FileReport[] = [];
    try {
      for (const target of targets) reports.push(await lintFile(target, options));
    } finally {
      project.dispose();
    }
    for (const r of reports) {
      if (r.skipped) io.stderr(`handoff: ${r.file}: skipped, ${r.skipped}\n`);
      for (const note of r.notes) io.stderr(`handoff: ${r.file}: ${note}\n`);
      if (r.fixed) io.stderr(`handoff: ${r.file}: fixed\n`);
    }
    io.stdout(FORMATS[format](reports, { cwd: io.cwd, version: VERSION, color: io.isTTY && !io.env.NO_COLOR }));
    if (reports.some((r) => r.unusable)) return 2;
    const counts = countBySeverity(reports);
    return FAIL_LEVELS[failOn].some((severity) => counts[severity] > 0) ? 1 : 0;
  },
};

/** The severities that fail a run, by --fail-on. */
const FAIL_LEVELS: Record<string, Severity[]> = {
  error: ['error'],
  warning: ['error', 'warning'],
  info: ['error', 'warning', 'info'],
  never: [],
};

function failOnOption(value: string | undefined): string {
  const level = value ?? 'error';
  if (!(level in FAIL_LEVELS)) throw new UsageError(`Unknown --fail-on level "${level}", expected one of ${Object.keys(FAIL_LEVELS).join(', ')}`);
  return level;
}
