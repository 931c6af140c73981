// `handoff history [paths|globs...] [--json] [--config FILE]`: per handoff note, the versions
// git holds of it (renames followed; the last 50 or 180 days) with what each changed in the
// next steps and risks, and the open steps carried over from version to version: for how many
// sessions, since when, and the ones that came back after they were ticked or dropped.
// Exit 0, or 2 for usage problems and when git cannot answer.
import { carriedSteps, contentOf, maskerForNote, maskTokenShapes, timeline, type CarriedStep, type NoteVersion, type TimelineEntry } from '../../engine';
import { createGitRunner, isGitUnavailable, noteHistory } from '../../git';
import { MAX_NOTE_BYTES, readText, skipReason } from '../../project/read';
import { parseCommandArgs } from '../args';
import { RootConfigs } from '../../project/root-configs';
import { findTargets } from '../files';
import type { Command, Io } from '../io';
import { ProjectSession } from '../../project/session';
import { sessionOptions } from '../session-options';
import { todayFrom } from '../../project/today';
import { USAGE, UsageError } from '../usage';

export interface HistoryJson {
  notes: HistoryNoteJson[];
}

interface VersionRef {
  commit: string;
  date: string;
}

export interface HistoryNoteJson {
  file: string;
  versions: Array<TimelineEntry>;
  steps: Array<{ text: string; line: number; sessions: number; since: VersionRef | null; days: number | null; reopened: (VersionRef & { how: 'done' | 'dropped' }) | null }>;
}

const ref = (v: NoteVersion): VersionRef => ({ commit: v.commit, date: v.date });

function daysBetween(isoDate: string, today: string): number {
  return Math.max(0, Math.round((Date.parse(today) - Date.parse(isoDate.slice(0, 10))) / 86_400_000));
}

function text(n: HistoryNoteJson): string {
  const out = [`${n.file}: ${n.versions.length} version${n.versions.length === 1 ? '' : 's'}${n.versions.length ? ` since ${n.versions[n.versions.length - 1].date.slice(0, 10)}` : ''}`];
  for (const v of n.versions) {
    out.push(`  ${v.date.slice(0, 10)} ${v.commit.slice(0, 7)} ${v.author}: ${v.subject}`);
    const parts = [
      v.steps.added.length && `${v.steps.added.length} added`,
      v.steps.done.length && `${v.steps.done.length} done`,
      v.steps.dropped.length && `${v.steps.dropped.length} dropped`,
    ].filter(Boolean);
    const risks = [v.risks.added.length && `${v.risks.added.length} added`, v.risks.resolved.length && `${v.risks.resolved.length} resolved`].filter(Boolean);
    if (parts.length || risks.length) out.push(`      ${[parts.length && `steps: ${parts.join(', ')}`, risks.length && `risks: ${risks.join(', ')}`].filter(Boolean).join(' · ')}`);
  }
  const carried = n.steps.filter((s) => s.sessions > 0 || s.reopened);
  if (carried.length) out.push('  Open steps:');
  for (const s of carried) {
    const age = s.since ? `open for ${s.sessions} session${s.sessions === 1 ? '' : 's'} since ${s.since.date.slice(0, 10)} (${s.since.commit.slice(0, 7)}), ${s.days} days` : 'new';
    const back = s.reopened ? `; reopened: ${s.reopened.how === 'done' ? 'ticked' : 'dropped'} in ${s.reopened.commit.slice(0, 7)} (${s.reopened.date.slice(0, 10)})` : '';
    out.push(`    ${s.text} (line ${s.line}): ${age}${back}`);
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
    const runner = createGitRunner({ gitPath: io.env.HANDOFF_GIT_PATH || null });
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
        const found = await noteHistory(target.absolute, { runner });
        if (isGitUnavailable(found)) {
          io.stderr(maskTokenShapes(`handoff: ${target.display}: ${found.message}\n`));
          failed = true;
          continue;
        }
        // Each version is shown through its own masker and the current note's: a secret a past
        // version held is hidden even when the current text no longer has it.
        const mask = maskerForNote(note);
        const versions = found
          .filter((v) => v.text !== null)
          .map((v) => {
            const old = project.noteOf(target.absolute, v.text as string);
            return { version: v.version, content: contentOf(old), mask: maskerForNote(old) };
          });
        const masked = (m: (s: string) => string) => (s: string) => mask(m(s));
        const entries = timeline(versions).map((e, i) => {
          const m = masked(versions[i].mask);
          return {
            ...e,
            path: m(e.path),
            author: m(e.author),
            subject: m(e.subject),
            steps: { added: e.steps.added.map(m), done: e.steps.done.map(m), dropped: e.steps.dropped.map(m) },
            risks: { added: e.risks.added.map(m), resolved: e.risks.resolved.map(m) },
          };
        });
        const steps = carriedSteps(contentOf(note), versions).map((s: CarriedStep) => ({
          text: mask(s.text),
          line: note.lines.position(s.start).line + 1,
          sessions: s.sessions,
          since: s.since && ref(s.since),
          days: s.since ? daysBetween(s.since.date, today) : null,
          reopened: s.reopened && { ...ref(s.reopened.in), how: s.reopened.how },
        }));
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
