// `handoff update [files...] [--dry-run] [--config FILE]`: brings handoff notes up to date with
// git (date, branch, HEAD/upstream, worktree, files changed since the recorded commit). With
// --dry-run it prints the change as a unified diff and writes nothing. Exit 0 when every note
// was updated (or was up to date), 1 when one could not be, 2 for usage or config problems.
import { readFileSync, writeFileSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import { applyEdits, noteOf } from '../../engine';
import { planUpdate } from '../../engine/update';
import { maskerForNote } from '../../engine/note-masker';
import { maskTokenShapes } from '../../engine/scan/masker';
import { parseCommandArgs } from '../args';
import { loadConfig } from '../config';
import { decodeNote, encodeNote } from '../decode';
import { findTargets } from '../files';
import { disposeGit, gitFactsFor } from '../git';
import type { Command, Io } from '../io';
import { todayFrom } from '../today';
import { USAGE, UsageError } from '../usage';

export const updateCommand: Command = {
  name: 'update',
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, { 'dry-run': { type: 'boolean' }, config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } }, true);
    if (values.help) {
      io.stdout(USAGE + '\n');
      return 0;
    }
    const loaded = loadConfig(io.cwd, values.config ?? null);
    const today = todayFrom(io.env);
    const env = { ...io.env, HANDOFF_NO_GIT: undefined };
    let failed = 0;
    let handoffs = 0;
    // Every line on stderr is masked: with the note's secrets once the note is read, and any
    // token-shaped text (file names, git's answers) always.
    let mask = maskTokenShapes;
    const say = (line: string) => io.stderr(mask(line));
    try {
      for (const target of findTargets(positionals, io.cwd, loaded)) {
        mask = maskTokenShapes;
        const decoded = decodeNote(readFileSync(target.absolute));
        if (decoded.kind === 'binary') {
          if (positionals.length) say(`handoff: ${target.display}: skipped, binary file\n`);
          continue;
        }
        const note = noteOf({ text: decoded.text, path: target.notePath, config: loaded.config, template: loaded.template });
        mask = maskerForNote(note, decoded.text);
        if (note.kind !== 'handoff' || note.hygieneOnly) {
          if (positionals.length) say(`handoff: ${target.display}: skipped, not a handoff note\n`);
          continue;
        }
        handoffs++;
        const { git, problem } = await gitFactsFor(target, note, loaded.root, env);
        if (!git) {
          say(`handoff: ${target.display}: not updated: ${problem ?? `Not a git repository: ${target.display}`}\n`);
          failed++;
          continue;
        }
        const plan = planUpdate(note, git, { today, reparse: (text) => noteOf({ text, path: target.notePath, config: loaded.config, template: loaded.template }) });
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
          // The diff shows the note's lines: its secrets (and any token-shaped text) are masked.
          const patch = createTwoFilesPatch(`a/${target.display}`, `b/${target.display}`, decoded.text, text, '', '', { context: 3 }).replace(/^=+\n/, '');
          io.stdout(mask(patch));
          continue;
        }
        if (decoded.encoding !== 'utf-8' || decoded.invalidSequences > 0) {
          say(`handoff: ${target.display}: not updated: ${decoded.encoding !== 'utf-8' ? `the file is ${decoded.encoding.toUpperCase()}` : 'the file has invalid UTF-8'}; writing it would change its bytes\n`);
          failed++;
          continue;
        }
        writeFileSync(target.absolute, encodeNote(text, decoded.bom));
        say(`handoff: ${target.display}: updated (${plan.summary.join('; ')})\n`);
      }
    } finally {
      disposeGit();
    }
    if (!handoffs) throw new UsageError('No handoff note found (name one, e.g. handoff update HANDOFF.md)');
    return failed ? 1 : 0;
  },
};
