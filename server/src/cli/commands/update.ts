// `handoff update [files...] [--dry-run] [--config FILE]`: brings handoff notes up to date with
// git (date, branch, HEAD/upstream, worktree, files changed since the recorded commit). With
// --dry-run it prints the change as a unified diff and writes nothing. Exit 0 when every note
// was updated (or was up to date), 1 when one could not be, 2 for usage or config problems.
import { parseCommandArgs } from '../args';
import { RootConfigs } from '../../project/root-configs';
import { updateNoteFile } from '../../project/update-note';
import { findTargets } from '../files';
import { ProjectSession } from '../../project/session';
import { sessionOptions } from '../session-options';
import type { Command, Io } from '../io';
import { todayFrom } from '../../project/today';
import { USAGE, UsageError } from '../usage';

export const updateCommand: Command = {
  name: 'update',
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, { 'dry-run': { type: 'boolean' }, 'follow-symlinks': { type: 'boolean' }, config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } }, true);
    if (values.help) {
      io.stdout(USAGE + '\n');
      return 0;
    }
    const configs = new RootConfigs(io.cwd, values.config ?? null);
    const today = todayFrom(io.env);
    let failed = 0;
    let handoffs = 0;
    const project = new ProjectSession(configs, { ...sessionOptions(io.env), git: true });
    try {
      for (const target of await findTargets(positionals, io.cwd, configs)) {
        const { outcome, mask } = await updateNoteFile(target.absolute, { project, today, display: target.display, dryRun: Boolean(values['dry-run']), followSymlinks: Boolean(values['follow-symlinks']) });
        // Every line on stderr is masked: with the note's secrets once the note is read, and any
        // token-shaped text (file names, git's answers) always.
        const say = (line: string) => io.stderr(mask(`handoff: ${target.display}: ${line}\n`));
        if (outcome.status !== 'unreadable' && outcome.status !== 'not-a-handoff') handoffs++;
        switch (outcome.status) {
          case 'unreadable':
            if (positionals.length) say(`skipped, ${outcome.problem.code === 'binary' ? 'binary file' : outcome.problem.problem}`);
            if (positionals.length && outcome.problem.code !== 'binary') failed++;
            break;
          case 'not-a-handoff':
            if (positionals.length) say('skipped, not a handoff note');
            break;
          case 'no-git':
            say(`not updated: ${outcome.problem ?? `Not a git repository: ${target.display}`}`);
            failed++;
            break;
          case 'refused':
            say(`not updated: ${outcome.reason}`);
            failed++;
            break;
          case 'encoding':
            say(`not updated: ${outcome.reason}; writing it would change its bytes`);
            failed++;
            break;
          case 'changed':
            say('not written: the file changed on disk while it was being checked; run again');
            failed++;
            break;
          case 'not-written':
            say(outcome.reason);
            failed++;
            break;
          case 'up-to-date':
            say('up to date');
            break;
          case 'updated':
            if (outcome.written) say(`updated (${outcome.summary.join('; ')})`);
            else io.stdout(outcome.diff);
        }
      }
    } finally {
      project.dispose();
    }
    if (!handoffs) throw new UsageError('No handoff note found (name one, e.g. handoff update HANDOFF.md)');
    return failed ? 1 : 0;
  },
};
