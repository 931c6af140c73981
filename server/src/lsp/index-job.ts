// Indexing one note, the same in a worker thread and in the server's own thread: read it
// (a file over the size limit is not read, a binary one is skipped), parse it, outline it, and
// count the problems the text rules find (against its roadmap, when it is a handoff that has
// one). Only plain data goes in and comes out, so a job can cross to a worker.
import { maskerForNote } from '../engine/note-masker';
import { readFileSync, statSync } from 'node:fs';
import { lint, noteOf, templateDialect, type Dialect, type HandoffConfig, type Note } from '../engine';
import { outlineNote } from '../engine/outline';
import { decodeNote } from '../cli/decode';
import type { FileOutline } from '../protocol';
import { outlineData, type OutlineData } from './outline-info';

export interface IndexJob {
  file: string;
  /** Path relative to the project root (POSIX): what the globs see. */
  path: string;
  config: HandoffConfig;
  /** Absolute path of the project's template, when it has one. */
  templateFile: string | null;
  /** The roadmap a handoff is checked against, as text. */
  roadmap: { path: string; text: string } | null;
  /** The text when it is already known; read from disk otherwise. */
  text?: string;
  today: string;
}

export type IndexJobResult =
  | { type: 'note'; text: string; mtime: number; hygieneOnly: boolean; data: OutlineData; problems: NonNullable<FileOutline['problems']> }
  | { type: 'skipped'; reason: string }
  | { type: 'other' }
  | { type: 'gone' };

const templates = new Map<string, { mtime: number; dialect: Dialect | null }>();
const roadmaps = new Map<string, { text: string; note: Note }>();

function template(file: string | null): Dialect | null {
  if (!file) return null;
  try {
    const st = statSync(file);
    const cached = templates.get(file);
    if (cached && cached.mtime === st.mtimeMs) return cached.dialect;
    const dialect = st.size > 1_000_000 ? null : templateDialect(readFileSync(file, 'utf8'));
    templates.set(file, { mtime: st.mtimeMs, dialect });
    return dialect;
  } catch {
    return null;
  }
}

function roadmapNote(job: IndexJob, tpl: Dialect | null): Note | null {
  if (!job.roadmap) return null;
  const cached = roadmaps.get(job.roadmap.path);
  if (cached?.text === job.roadmap.text) return cached.note;
  const note = noteOf({ text: job.roadmap.text, path: job.roadmap.path, config: job.config, template: tpl });
  roadmaps.set(job.roadmap.path, { text: job.roadmap.text, note });
  if (roadmaps.size > 32) roadmaps.delete(roadmaps.keys().next().value as string);
  return note;
}

export function runIndexJob(job: IndexJob): IndexJobResult {
  let text = job.text;
  let mtime = Date.now();
  if (text === undefined) {
    try {
      const st = statSync(job.file);
      if (!st.isFile()) return { type: 'gone' };
      mtime = st.mtimeMs;
      if (st.size > job.config.maxLintBytes) return { type: 'skipped', reason: `larger than ${job.config.maxLintBytes} bytes (${st.size})` };
      const decoded = decodeNote(readFileSync(job.file));
      if (decoded.kind === 'binary') return { type: 'skipped', reason: 'binary file (NUL byte in its first 8 KB)' };
      text = decoded.text;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'ENOTDIR' ? { type: 'gone' } : { type: 'skipped', reason: `cannot be read (${code ?? String(e)})` };
    }
  }
  const tpl = template(job.templateFile);
  const note = noteOf({ text, path: job.path, config: job.config, template: tpl });
  if (note.kind === 'other') return { type: 'other' };
  const result = lint({ text, path: job.path, config: job.config, template: tpl, today: job.today, note, roadmap: note.kind === 'handoff' ? roadmapNote(job, tpl) : null });
  const n = (s: string) => result.findings.filter((f) => f.severity === s).length;
  return {
    type: 'note',
    text,
    mtime,
    hygieneOnly: note.hygieneOnly,
    data: outlineData(outlineNote(note), note.lines, maskerForNote(note)),
    problems: { errors: n('error'), warnings: n('warning'), infos: n('info') },
  };
}
