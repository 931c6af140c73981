// `handoff outline [paths|globs...] [--json] [--config FILE]`: the outline the sidebar shows, per
// note (project/outline.ts). Exit 0, or 2 for usage and configuration problems.
import { maskTokenShapes, outlineNote } from '../../engine';
import { outlineJson, outlineText, type OutlineJson, type OutlineFileJson } from '../../project/outline';
import { parseCommandArgs } from '../args';
import { RootConfigs } from '../../project/root-configs';
import { ProjectSession } from '../../project/session';
import { sessionOptions } from '../session-options';
import { MAX_NOTE_BYTES, readText, skipReason } from '../../project/read';
import { findTargets } from '../files';
import type { Command, Io } from '../io';
import { USAGE } from '../usage';

export const outlineCommand: Command = {
  name: 'outline',
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        json: { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
      },
      true,
    );
    if (values.help) {
      io.stdout(USAGE + '\n');
      return 0;
    }
    const configs = new RootConfigs(io.cwd, values.config ?? null);
    const project = new ProjectSession(configs, sessionOptions(io.env));
    const files: OutlineFileJson[] = [];
    for (const target of await findTargets(positionals, io.cwd, configs)) {
      const read = readText(target.absolute, MAX_NOTE_BYTES);
      if ('problem' in read) {
        io.stderr(maskTokenShapes(`handoff: ${target.display}: skipped, ${skipReason(read)}\n`));
        continue;
      }
      const note = project.noteOf(target.absolute, read.text);
      files.push(outlineJson(target.display, note, outlineNote(note)));
    }
    if (values.json) io.stdout(JSON.stringify({ files } satisfies OutlineJson, null, 2) + '\n');
    else io.stdout(files.map(outlineText).join('\n'));
    return 0;
  },
};
