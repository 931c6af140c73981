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
import { terminalText } from '../formats/terminal';
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
        io.stderr(maskTokenShapes(`handoff: ${terminalText(target.display)}: skipped, ${skipReason(read)}\n`));
        continue;
      }
      const note = project.noteOf(target.absolute, read.text);
      files.push(outlineJson(target.display, note, outlineNote(note)));
    }
    if (values.json) io.stdout(JSON.stringify({ files } satisfies OutlineJson, null, 2) + '\n');
    else io.stdout(files.map((f) => outlineText(forTerminal(f))).join('\n'));
    return 0;
  },
};

/** The outline with every piece of the note and its name escaped for a terminal. */
function forTerminal(f: OutlineFileJson): OutlineFileJson {
  const t = terminalText;
  const o = (v: string | null): string | null => (v === null ? null : t(v));
  const s = f.snapshot;
  return {
    ...f,
    file: t(f.file),
    title: o(f.title),
    snapshot: { date: o(s.date), branch: o(s.branch), commit: o(s.commit), upstream: o(s.upstream), worktree: o(s.worktree) },
    nextSteps: f.nextSteps.map((st) => ({ ...st, text: t(st.text) })),
    risks: f.risks.map((r) => ({ ...r, text: t(r.text) })),
    verify: f.verify.map((c) => ({ ...c, command: t(c.command), result: o(c.result) })),
    roadmap: f.roadmap && { phases: f.roadmap.phases.map((p) => ({ ...p, title: t(p.title), items: p.items.map((i) => ({ ...i, text: t(i.text) })) })) },
  };
}
