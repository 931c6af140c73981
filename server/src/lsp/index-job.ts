// Indexing one note, the same in a worker thread and in the server's own thread: read it
// (a file over the size limit is not read, a binary one is skipped), parse it, outline it, and
// count the problems the text rules find (against its roadmap, when it is a handoff that has
// one). Only plain data goes in and comes out, so a job can cross to a worker; the note's text
// stays here (the index re-reads a closed note from disk when it needs it).
import { statSync } from 'node:fs';
import { LRUCache } from 'lru-cache';
import { readText, skipReason } from '../project/read';
import { maskerForNote } from '../engine';
import { lint, noteOf, templateDialect, type Dialect, type HandoffConfig, type Note } from '../engine';
import { outlineNote } from '../engine';
import type { FileOutline } from '../protocol';
import { outlineData, type OutlineData } from './outline-info';

export interface IndexJob {
  file: string;
  /** Path relative to the project root (POSIX): what the globs see. */
  path: string;
  config: HandoffConfig;
  /** Absolute path of the project's template, when it has one. */
  templateFile: string | null;
  /**
   * The roadmap a handoff is checked against: read from `file`, or the editor's text when the
   * roadmap is open there.
   */
  roadmap: { path: string; file: string; text?: string } | null;
  /** The text when it is already known; read from disk otherwise. */
  text?: string;
  today: string;
}

export type IndexJobResult =
  | { type: 'note'; mtime: number; hygieneOnly: boolean; data: OutlineData; problems: NonNullable<FileOutline['problems']> }
  | { type: 'skipped'; reason: string }
  | { type: 'other' }
  | { type: 'gone' };

/** What a thread running index jobs keeps between them: templates and roadmaps, bounded. */
export interface IndexJobCaches {
  templates: LRUCache<string, { mtime: number; dialect: Dialect | null }>;
  /** By path: the note, and the editor text or the file's time and size it was built from. */
  roadmaps: LRUCache<string, { text?: string; stamp?: string; note: Note | null }>;
}

export function indexJobCaches(): IndexJobCaches {
  return { templates: new LRUCache({ max: 16 }), roadmaps: new LRUCache({ max: 32 }) };
}

function template(file: string | null, caches: IndexJobCaches): Dialect | null {
  if (!file) return null;
  try {
    const mtime = statSync(file).mtimeMs;
    const cached = caches.templates.get(file);
    if (cached && cached.mtime === mtime) return cached.dialect;
    const read = readText(file);
    const dialect = 'problem' in read ? null : templateDialect(read.text);
    caches.templates.set(file, { mtime, dialect });
    return dialect;
  } catch {
    return null;
  }
}

function roadmapNote(job: IndexJob, tpl: Dialect | null, caches: IndexJobCaches): Note | null {
  const roadmap = job.roadmap;
  if (!roadmap) return null;
  const cached = caches.roadmaps.get(roadmap.path);
  if (roadmap.text !== undefined) {
    if (cached?.text === roadmap.text) return cached.note;
    const note = noteOf({ text: roadmap.text, path: roadmap.path, config: job.config, template: tpl });
    caches.roadmaps.set(roadmap.path, { text: roadmap.text, note });
    return note;
  }
  // Read from disk: built again only when the file's time or size moved.
  let stamp: string;
  try {
    const st = statSync(roadmap.file);
    stamp = `${st.mtimeMs}:${st.size}`;
  } catch {
    return null;
  }
  if (cached?.stamp === stamp) return cached.note;
  const read = readText(roadmap.file, job.config.maxLintBytes);
  const note = 'problem' in read ? null : noteOf({ text: read.text, path: roadmap.path, config: job.config, template: tpl });
  caches.roadmaps.set(roadmap.path, { stamp, note });
  return note;
}

export function runIndexJob(job: IndexJob, caches: IndexJobCaches): IndexJobResult {
  let text = job.text;
  let mtime = Date.now();
  if (text === undefined) {
    const read = readText(job.file, job.config.maxLintBytes);
    if ('problem' in read) return read.code === 'not-found' ? { type: 'gone' } : { type: 'skipped', reason: skipReason(read) };
    mtime = read.mtimeMs;
    text = read.text;
  }
  const tpl = template(job.templateFile, caches);
  const note = noteOf({ text, path: job.path, config: job.config, template: tpl });
  if (note.kind === 'other') return { type: 'other' };
  const result = lint({ text, path: job.path, config: job.config, template: tpl, today: job.today, note, roadmap: note.kind === 'handoff' ? roadmapNote(job, tpl, caches) : null });
  const n = (s: string) => result.findings.filter((f) => f.severity === s).length;
  return {
    type: 'note',
    mtime,
    hygieneOnly: note.hygieneOnly,
    data: outlineData(outlineNote(note), note.lines, maskerForNote(note)),
    problems: { errors: n('error'), warnings: n('warning'), infos: n('info') },
  };
}
