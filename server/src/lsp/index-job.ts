// Indexing one note, the same in a worker thread and in the server's own thread: read it
// (a file over the size limit is not read, a binary one is skipped), parse it, outline it, and
// count the problems the text rules find (against its roadmap, when it is a handoff that has
// one). Only plain data goes in and comes out, so a job can cross to a worker.
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

/** What a thread running index jobs keeps between them: templates and roadmaps, bounded. */
export interface IndexJobCaches {
  templates: LRUCache<string, { mtime: number; dialect: Dialect | null }>;
  roadmaps: LRUCache<string, { text: string; note: Note }>;
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
  if (!job.roadmap) return null;
  const cached = caches.roadmaps.get(job.roadmap.path);
  if (cached?.text === job.roadmap.text) return cached.note;
  const note = noteOf({ text: job.roadmap.text, path: job.roadmap.path, config: job.config, template: tpl });
  caches.roadmaps.set(job.roadmap.path, { text: job.roadmap.text, note });
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
    text,
    mtime,
    hygieneOnly: note.hygieneOnly,
    data: outlineData(outlineNote(note), note.lines, maskerForNote(note)),
    problems: { errors: n('error'), warnings: n('warning'), infos: n('info') },
  };
}
