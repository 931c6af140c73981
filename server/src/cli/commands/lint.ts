// `handoff lint [paths|globs...] [--fix] [--format stylish|json|sarif|github] [--config FILE]`
// Exit 0 without errors, 1 with errors (warnings and info do not fail), 2 for usage or config problems.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { noteOf } from '../../engine';
import { formatOption, parseCommandArgs } from '../args';
import { loadConfig, type LoadedConfig } from '../config';
import { decodeNote } from '../decode';
import { findTargets, notePath } from '../files';
import { FORMATS } from '../formats';
import type { Command, Io } from '../io';
import { lintFile, type LintFileOptions } from '../lint-file';
import { disposeGit } from '../git';
import { countBySeverity, type FileReport } from '../report';
import { todayFrom } from '../today';
import { USAGE } from '../usage';
import { VERSION } from '../version';

export const lintCommand: Command = {
  name: 'lint',
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        fix: { type: 'boolean' },
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
    const loaded = loadConfig(io.cwd, values.config ?? null);
    const targets = findTargets(positionals, io.cwd, loaded);
    const options: LintFileOptions = { loaded, today, env: io.env, fix: Boolean(values.fix), roadmap: loadRoadmap(loaded) };
    const reports: FileReport[] = [];
    for (const target of targets) reports.push(await lintFile(target, options));
    disposeGit();
    for (const r of reports) {
      if (r.skipped) io.stderr(`handoff: ${r.file}: skipped, ${r.skipped}\n`);
      for (const note of r.notes) io.stderr(`handoff: ${r.file}: ${note}\n`);
      if (r.fixed) io.stderr(`handoff: ${r.file}: fixed\n`);
    }
    io.stdout(FORMATS[format](reports, { cwd: io.cwd, version: VERSION, color: io.isTTY && !io.env.NO_COLOR }));
    return countBySeverity(reports).error > 0 ? 1 : 0;
  },
};

function loadRoadmap(loaded: LoadedConfig): LintFileOptions['roadmap'] {
  if (!loaded.config.roadmap) return null;
  const absolute = resolve(loaded.root, loaded.config.roadmap);
  if (!existsSync(absolute)) return null;
  const decoded = decodeNote(readFileSync(absolute));
  if (decoded.kind === 'binary') return null;
  const note = noteOf({ text: decoded.text, path: notePath(absolute, loaded.root), config: loaded.config, template: loaded.template });
  return { absolute, note };
}
