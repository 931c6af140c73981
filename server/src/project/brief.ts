// What a new session needs first, from the newest handoff of a project: its next steps and risks,
// how long each open step has been carried over from note to note (git's history of the note),
// its recorded commit and what changed since (commits, files), its open problems (lint findings
// that are errors or warnings), and the roadmap items in progress. Plain data; a front end writes
// it out (the MCP server as Markdown within a character budget).
import { factQuestions, maskerForNote, outlineNote, type Masker, type Note } from '../engine';
import { isGitUnavailable } from '../git';
import { historyView, type HistoryStepView } from './history';
import type { JsonFinding } from './findings';
import { lintFile } from './lint-note';
import { MAX_NOTE_BYTES, readText } from './read';
import type { ProjectNote, ProjectSession } from './session';

export interface Brief {
  file: string;
  dialect: string;
  date: string | null;
  recorded: { branch: string | null; commit: string | null };
  /** What git says now; null when git did not run or the note is not in a repository. */
  now: { branch: string | null; head: string | null; dirty: boolean; commitsSince: number | null; changedFiles: Array<{ path: string; status: string }> | null } | null;
  /** `carried`: an open step that stood open in earlier versions of the note (git's history of it). */
  nextSteps: Array<{ text: string; done: boolean; line: number; carried: { sessions: number; since: { commit: string; date: string }; days: number } | null }>;
  risks: Array<{ text: string; line: number }>;
  problems: JsonFinding[];
  roadmap: { file: string; inProgress: Array<{ id: string | null; text: string; status: string }> } | null;
}

/** The date a handoff records (YYYY-MM-DD at the start of its date field), or ''. */
function recordedDate(note: Note): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(outlineNote(note).snapshot.date?.value ?? '')?.[0] ?? '';
}

/** The newest handoff of the project: the latest recorded date, then the most recently changed file. */
export async function newestHandoff(session: ProjectSession): Promise<ProjectNote | null> {
  const handoffs = (await session.allNotes()).filter((n) => n.kind === 'handoff' && !n.note.hygieneOnly);
  handoffs.sort((a, b) => recordedDate(b.note).localeCompare(recordedDate(a.note)) || b.changed - a.changed || a.file.localeCompare(b.file));
  return handoffs[0] ?? null;
}

/** The brief of one handoff, and the masker for text about it. */
export async function briefOf(session: ProjectSession, file: string, display: string, today: string): Promise<{ brief: Brief; mask: Masker } | { problem: string }> {
  const read = readText(file, MAX_NOTE_BYTES);
  if ('problem' in read) return { problem: read.problem };
  const note = session.noteOf(file, read.text);
  if (note.kind !== 'handoff') return { problem: 'not a handoff note' };
  const mask = maskerForNote(note);
  const outline = outlineNote(note);
  const line = (offset: number) => note.lines.position(offset).line + 1;
  const { git } = await session.gitFor(file, note);
  const history = git ? await session.historyOf(file) : null;
  const carried = new Map<number, HistoryStepView>(history && !isGitUnavailable(history) ? historyView(note, history, today, mask).steps.map((s) => [s.line + 1, s]) : []);
  const recordedCommit = factQuestions(note, session.workspaceFor(file)).recordedCommit;
  const report = await lintFile({ absolute: file, display, named: true }, { project: session, today, fix: false });
  const roadmapNote = await session.roadmapFor(file);
  const roadmap = roadmapNote ? outlineNote(roadmapNote).roadmap : null;
  const brief: Brief = {
    file: display,
    dialect: outline.dialect,
    date: outline.snapshot.date?.value ?? null,
    recorded: { branch: outline.snapshot.branch?.value ?? null, commit: outline.snapshot.commit?.value ?? null },
    now: git
      ? {
          branch: git.branch,
          head: git.head,
          dirty: git.dirty,
          commitsSince: recordedCommit ? (git.commits[recordedCommit]?.behind ?? null) : null,
          changedFiles: git.changedSince?.map((c) => ({ path: c.path, status: c.status })) ?? null,
        }
      : null,
    nextSteps: outline.nextSteps.map((s) => {
      const c = s.done ? undefined : carried.get(line(s.start));
      return { text: s.text, done: s.done, line: line(s.start), carried: c?.since && c.days !== null ? { sessions: c.sessions, since: c.since, days: c.days } : null };
    }),
    risks: outline.risks.map((r) => ({ text: r.text, line: line(r.start) })),
    problems: report.findings.filter((f) => f.severity !== 'info'),
    roadmap:
      roadmapNote && roadmap
        ? {
            file: roadmapNote.path ?? '(roadmap)',
            inProgress: roadmap.phases.flatMap((p) => p.items.filter((i) => i.status === 'in-progress' || i.status === 'blocked').map((i) => ({ id: i.id, text: i.text, status: i.status ?? '' }))),
          }
        : null,
  };
  return { brief, mask };
}
