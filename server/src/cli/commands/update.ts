// `handoff update [files...] [--dry-run] [--config FILE]`: brings handoff notes up to date with
// git (date, branch, HEAD/upstream, worktree, files changed since the recorded commit). With
// --dry-run it prints the change as a unified diff and writes nothing. Exit 0 when every note
// was updated (or was up to date), 1 when one could not be, 2 for usage or config problems.
import { createTwoFilesPatch } from 'diff';
import { applyEdits, maskerForNote, maskTokenShapes } from '../../engine';
import { planUpdate } from '../../engine';
import { parseCommandArgs } from '../args';
import { CliConfigs } from '../config';
import { encodeNote } from '../../project/decode';
import { MAX_NOTE_BYTES, readText } from '../../project/read';
import { writeNote } from '../../project/write';
import { findTargets } from '../files';
import { terminalLines, terminalText } from '../formats/terminal';
import { CliProject } from '../project';
import type { Command, Io } from '../io';
import { todayFrom } from '../today';
import { USAGE, UsageError } from '../usage';

export const updateCommand: Command = {
  name: 'update',
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, { 'dry-run': { type: 'boolean' }, 'follow-symlinks': { type: 'boolean' }, config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } }, true);
    if (values.help) {
      io.stdout(USAGE + '\n');
      return 0;
    }
    const configs = new CliConfigs(io.cwd, values.config ?? null);
    const today = todayFrom(io.env);
    const env = { ...io.env, HANDOFF_NO_GIT: undefined };
    let failed = 0;
    let handoffs = 0;
    const project = new CliProject(configs, env);
    // Every line on stderr is masked: with the note's secrets once the note is read, and any
    // token-shaped text (file names, git's answers) always.
    let mask = maskTokenShapes;
    const say = (line: string) => io.stderr(mask(line));
    try {
      for (const found of await findTargets(positionals, io.cwd, configs)) {
        mask = maskTokenShapes;
        // The name as shown: a newline or escape sequence in a file name must not reach the terminal.
        const target = { ...found, display: terminalText(found.display) };
        const read = readText(target.absolute, MAX_NOTE_BYTES);
        if ('problem' in read) {
          if (positionals.length) say(`handoff: ${target.display}: skipped, ${read.code === 'binary' ? 'binary file' : read.problem}\n`);
          if (positionals.length && read.code !== 'binary') failed++;
          continue;
        }
        const decoded = read.decoded;
        const note = project.noteOf(target.absolute, decoded.text);
        mask = maskerForNote(note, decoded.text);
        if (note.kind !== 'handoff' || note.hygieneOnly) {
          if (positionals.length) say(`handoff: ${target.display}: skipped, not a handoff note\n`);
          continue;
        }
        handoffs++;
        const { git, problem } = await project.gitFor(target.absolute, note);
        if (!git) {
          say(`handoff: ${target.display}: not updated: ${problem ?? `Not a git repository: ${target.display}`}\n`);
          failed++;
          continue;
        }
        const plan = planUpdate(note, git, { today, reparse: (text) => project.noteOf(target.absolute, text) });
        if (plan.refused) {
          say(`handoff: ${target.display}: not updated: ${plan.refused}\n`);
          failed++;
          continue;
        }
        const text = applyEdits(decoded.text, plan.edits);
        if (text === decoded.text) {
          say(`handoff: ${target.display}: up to date\n`);
          continue;
        }
        if (values['dry-run']) {
          // The diff shows the note's lines: its secrets (and any token-shaped text) are masked,
          // and its control characters escaped (the header's file name is already).
          const patch = createTwoFilesPatch(`a/${target.display}`, `b/${target.display}`, decoded.text, text, '', '', { context: 3 }).replace(/^=+\n/, '');
          io.stdout(terminalLines(mask(patch)));
          continue;
        }
        if (decoded.encoding !== 'utf-8' || decoded.invalidSequences > 0) {
          say(`handoff: ${target.display}: not updated: ${decoded.encoding !== 'utf-8' ? `the file is ${decoded.encoding.toUpperCase()}` : 'the file has invalid UTF-8'}; writing it would change its bytes\n`);
          failed++;
          continue;
        }
        const wrote = writeNote(target.absolute, encodeNote(text, decoded.bom), { expected: read.bytes, root: configs.rootOf(target.absolute), followSymlinks: Boolean(values['follow-symlinks']), maxBytes: MAX_NOTE_BYTES });
        if (!wrote.written) {
          say(`handoff: ${target.display}: ${wrote.reason}\n`);
          failed++;
          continue;
        }
        say(`handoff: ${target.display}: updated (${plan.summary.join('; ')})\n`);
      }
    } finally {
      project.dispose();
    }
    if (!handoffs) throw new UsageError('No handoff note found (name one, e.g. handoff update HANDOFF.md)');
    return failed ? 1 : 0;
  },
};
