// `handoff lint [paths|globs...] [--fix] [--format stylish|json|sarif|github] [--config FILE]`
// Exit 0 without errors, 1 with errors (warnings and info do not fail), 2 for usage or config
// problems and for a file named on the command line that is not a regular file (a FIFO, a device).
import { formatOption, parseCommandArgs } from '../args';
import { RootConfigs } from '../../project/root-configs';
import { findTargets } from '../files';
import { ProjectSession } from '../../project/session';
import { FORMATS } from '../formats';
import type { Command, Io } from '../io';
import { lintFile, type LintFileOptions } from '../../project/lint-note';
import { countBySeverity, type FileReport } from '../../project/findings';
import { sessionOptions } from '../session-options';
import { todayFrom } from '../../project/today';
import { USAGE } from '../usage';
import { VERSION } from '../../version';

export const lintCommand: Command = {
  name: 'lint',
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        fix: { type: 'boolean' },
        'follow-symlinks': { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
      },
      true,
    );
    if (values.help) {
      io.stdout(USAGE + '\n');
      return 0;
    }
    const format = formatOption(values.format, Object.keys(FORMATS));
    const today = todayFrom(io.env);
    const configs = new RootConfigs(io.cwd, values.config ?? null);
    const targets = await findTargets(positionals, io.cwd, configs);
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
    return countBySeverity(reports).error > 0 ? 1 : 0;
  },
};
