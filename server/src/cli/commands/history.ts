// `handoff history [paths|globs...] [--json] [--config FILE]`: per handoff note, the versions
// git holds of it (renames followed; the last 50 or 180 days) with what each changed in the
// next steps and risks, and the open steps carried over from version to version: for how many
// sessions, since when, and the ones that came back after they were ticked or dropped.
// Exit 0, or 2 for usage problems and when git cannot answer.
import { maskerForNote, maskTokenShapes, type TimelineEntry } from '../../engine';
import { isGitUnavailable } from '../../git';
import { historyView, type HistoryStepView } from '../../project/history';
import { MAX_NOTE_BYTES, readText, skipReason } from '../../project/read';
import { parseCommandArgs } from '../args';
import { RootConfigs } from '../../project/root-configs';
import { findTargets } from '../files';
import { terminalText as t } from '../formats/terminal';
import type { Command, Io } from '../io';
import { ProjectSession } from '../../project/session';
import { sessionOptions } from '../session-options';
import { todayFrom } from '../../project/today';
import { USAGE, UsageError } from '../usage';

export interface HistoryJson {
  notes: HistoryNoteJson[];
}

export interface HistoryNoteJson {
  file: string;
  versions: Array<TimelineEntry>;
  /** `line` is 1-based here (the protocol's is 0-based). */
  steps: HistoryStepView[];
}

/** The history as text for a terminal: the file name, authors, subjects and steps escaped. */
function text(n: HistoryNoteJson): string {
  const out = [`${t(n.file)}: ${n.versions.length} version${n.versions.length === 1 ? '' : 's'}${n.versions.length ? ` since ${n.versions[n.versions.length - 1].date.slice(0, 10)}` : ''}`];
  for (const v of n.versions) {
    out.push(`  ${v.date.slice(0, 10)} ${v.commit.slice(0, 7)} ${t(v.author)}: ${t(v.subject)}`);
    const parts = [
      v.steps.added.length && `${v.steps.added.length} added`,
      v.steps.done.length && `${v.steps.done.length} done`,
      v.steps.dropped.length && `${v.steps.dropped.length} dropped`,
    ].filter(Boolean);
    const risks = [v.risks.added.length && `${v.risks.added.length} added`, v.risks.resolved.length && `${v.risks.resolved.length} resolved`].filter(Boolean);
    if (parts.length || risks.length) out.push(`      ${[parts.length && `steps: ${parts.join(', ')}`, risks.length && `risks: ${risks.join(', ')}`].filter(Boolean).join(' · ')}`);
    for (const r of v.results ?? []) out.push(`      ${t(r.command)}: ${r.before === null ? '' : `${t(r.before)} → `}${t(r.result)}`);
  }
  const carried = n.steps.filter((s) => s.sessions > 0 || s.reopened);
  if (carried.length) out.push('  Open steps:');
  for (const s of carried) {
    const age = s.since ? `open for ${s.sessions} session${s.sessions === 1 ? '' : 's'} since ${s.since.date.slice(0, 10)} (${s.since.commit.slice(0, 7)}), ${s.days} days` : 'new';
    const back = s.reopened ? `; reopened: ${s.reopened.how === 'done' ? 'ticked' : 'dropped'} in ${s.reopened.commit.slice(0, 7)} (${s.reopened.date.slice(0, 10)})` : '';
    out.push(`    ${t(s.text)} (line ${s.line}): ${age}${back}`);
  }
  return out.join('\n') + '\n';
}

export const historyCommand: Command = {
  name: 'history',
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
    if (io.env.HANDOFF_NO_GIT === '1') throw new UsageError('history needs git, and HANDOFF_NO_GIT=1 turns it off');
    const today = todayFrom(io.env);
    const configs = new RootConfigs(io.cwd, values.config ?? null);
    const project = new ProjectSession(configs, sessionOptions(io.env));
    const notes: HistoryNoteJson[] = [];
    let failed = false;
    try {
      for (const target of await findTargets(positionals, io.cwd, configs)) {
        const read = readText(target.absolute, MAX_NOTE_BYTES);
        if ('problem' in read) {
          io.stderr(maskTokenShapes(`handoff: ${target.display}: skipped, ${skipReason(read)}\n`));
          continue;
        }
        const note = project.noteOf(target.absolute, read.text);
        if (note.kind !== 'handoff') {
          if (target.named) io.stderr(maskTokenShapes(`handoff: ${target.display}: not a handoff note\n`));
          continue;
        }
        const found = await project.historyOf(target.absolute);
        if (isGitUnavailable(found)) {
          io.stderr(maskTokenShapes(`handoff: ${target.display}: ${found.message}\n`));
          failed = true;
          continue;
        }
        // Each version is shown through its own masker and the current note's: a secret a past
        // version held is hidden even when the current text no longer has it.
        const view = historyView(note, found, today, maskerForNote(note));
        const entries = view.versions;
        const steps = view.steps.map((s) => ({ ...s, line: s.line + 1 }));
        notes.push({ file: maskTokenShapes(target.display), versions: entries, steps });
      }
    } finally {
      project.dispose();
    }
    if (values.json) io.stdout(JSON.stringify({ notes } satisfies HistoryJson, null, 2) + '\n');
    else io.stdout(notes.map(text).join('\n'));
    return failed ? 2 : 0;
  },
};
