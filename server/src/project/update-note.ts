// Update Handoff on a file, the one way the CLI and the MCP server run it: read the note (bounded),
// ask git (hardened) what it needs, plan the update (date, branch, HEAD/upstream, worktree, files
// changed since the recorded commit; prose never touched), and either return the diff (a dry run)
// or write atomically, only if the file still holds what was read. The outcome says what happened
// with a code; each front end words it (the editor's words for its refusals are here too, so the
// MCP server refuses with the same message as the Update Handoff command).
import { applyEdits, maskerForNote, maskTokenShapes, planUpdate, type Masker } from '../engine';
import { encodeNote } from './decode';
import { unifiedDiff } from './diff';
import { MAX_NOTE_BYTES, readBytes, readText, type ReadProblem } from './read';
import type { ProjectSession } from './session';
import { writeNote } from './write';

/** What the editor's Update Handoff command says when it refuses. */
export const UPDATE_REFUSALS = {
  untrusted: 'Update Handoff needs a trusted workspace: git is not run in Restricted Mode',
  notHandoff: 'This file is not a handoff note',
  changed: 'The note changed while git was running',
} as const;

export type UpdateOutcome =
  | { status: 'unreadable'; problem: ReadProblem }
  | { status: 'not-a-handoff' }
  /** No git facts: `problem` says why, null when the note is not in a repository. */
  | { status: 'no-git'; problem: string | null }
  | { status: 'refused'; reason: string }
  /** The file is not plain UTF-8: writing it would change its bytes. */
  | { status: 'encoding'; reason: string }
  | { status: 'changed' }
  | { status: 'not-written'; reason: string }
  | { status: 'up-to-date' }
  /** `written` false: a dry run. */
  | { status: 'updated'; written: boolean; diff: string; summary: string[] };

export interface UpdateOptions {
  project: ProjectSession;
  today: string;
  /** How the diff names the file. */
  display: string;
  dryRun: boolean;
  followSymlinks?: boolean;
}

export interface UpdateResult {
  outcome: UpdateOutcome;
  /** Masks text about this note: its secrets once it is read, token shapes always. */
  mask: Masker;
}

export async function updateNoteFile(file: string, options: UpdateOptions): Promise<UpdateResult> {
  const { project } = options;
  let mask: Masker = maskTokenShapes;
  const done = (outcome: UpdateOutcome): UpdateResult => ({ outcome, mask });
  const read = readText(file, MAX_NOTE_BYTES);
  if ('problem' in read) return done({ status: 'unreadable', problem: read });
  const decoded = read.decoded;
  const note = project.noteOf(file, decoded.text);
  mask = maskerForNote(note, decoded.text);
  if (note.kind !== 'handoff' || note.hygieneOnly) return done({ status: 'not-a-handoff' });
  const { git, problem } = await project.gitFor(file, note);
  if (!git) return done({ status: 'no-git', problem });
  const plan = planUpdate(note, git, { today: options.today, reparse: (text) => project.noteOf(file, text) });
  if (plan.refused) return done({ status: 'refused', reason: plan.refused });
  const text = applyEdits(decoded.text, plan.edits);
  if (text === decoded.text) return done({ status: 'up-to-date' });
  // The plan was made on what was read before git ran: a note edited meanwhile is not overwritten.
  const now = readBytes(file, MAX_NOTE_BYTES);
  if ('problem' in now || !now.bytes.equals(read.bytes)) return done({ status: 'changed' });
  const diff = mask(unifiedDiff(options.display, decoded.text, text));
  if (options.dryRun) return done({ status: 'updated', written: false, diff, summary: plan.summary });
  if (decoded.encoding !== 'utf-8' || decoded.invalidSequences > 0) {
    return done({ status: 'encoding', reason: decoded.encoding !== 'utf-8' ? `the file is ${decoded.encoding.toUpperCase()}` : 'the file has invalid UTF-8' });
  }
  const wrote = writeNote(file, encodeNote(text, decoded.bom), { expected: read.bytes, root: project.configs.rootOf(file), followSymlinks: options.followSymlinks, maxBytes: MAX_NOTE_BYTES });
  if (!wrote.written) return done({ status: 'not-written', reason: wrote.reason });
  return done({ status: 'updated', written: true, diff, summary: plan.summary });
}
