// The workspace index: every handoff and roadmap note of the workspace folders, kept current
// from file events and (debounced) editor changes. Notes read from disk are parsed in worker
// threads (index-workers.ts) and kept as outline data and problem counts, not as text: a closed
// note is read from disk again when its Note is needed. A parsed Note is kept only for open notes
// and, on demand, for roadmaps and recently used handoffs. It links each handoff to
// the roadmap it is checked against, gives the linter those notes, re-checks the notes that
// read a changed one, holds problem counts for the Status view, and answers the outline request.
import { maskerForNote } from '../engine';
import { dirname, relative, resolve, sep } from 'node:path';
import { promises as fs } from 'node:fs';
import { URI } from 'vscode-uri';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { noteOf, type GitFacts, type LintResult, type Note } from '../engine';
import { readText } from '../project/read';
import { outlineNote } from '../engine';
import type { FileOutline, OutlineParams, OutlineResult, SkippedFile } from '../protocol';
import { filePathOf, isLargeText, today, type NotesSource } from './linting';
import { insideAny, notePath } from '../project/paths';
import { byPath } from '../project/candidates';
import { chooseRoadmap, configuredRoadmap, handoffsOfRoadmap } from '../project/link';
import type { ServerState } from './start';
import { excludeMatcher, looksLikeNote, markdownFiles, SKIPPED_DIRECTORIES } from '../project/scan';
import { fileOutline, outlineData, type OutlineData } from './outline-info';
import type { IndexJob, IndexJobResult } from './index-job';
import { SMALL_NOTE_BYTES, type IndexWorkers } from './index-workers';

type Counts = NonNullable<FileOutline['problems']>;

export interface IndexedNote {
  uri: string;
  file: string;
  /** Path relative to its project root (POSIX): what the globs and the outline see. */
  path: string;
  kind: 'handoff' | 'roadmap';
  data: OutlineData;
  /** The editor version it was read from; null when read from disk. */
  version: number | null;
  /** When it last changed (file time, or the edit), to pick the most recent handoffs. */
  changed: number;
  problems: Counts | null;
  /** The parsed note: kept for open notes and roadmaps, built on demand for the others. */
  note: Note | null;
}

export interface IndexStats {
  files: number;
  notes: number;
  skipped: number;
  ms: number;
}

/** Parsed notes of closed handoffs kept for the roadmap rules. */
const PARSED_CACHE = 64;

function countsOf(result: LintResult): Counts {
  const n = (s: string) => result.findings.filter((f) => f.severity === s).length;
  return { errors: n('error'), warnings: n('warning'), infos: n('info') };
}

export class WorkspaceIndex implements NotesSource {
  private readonly notes = new Map<string, IndexedNote>();
  private readonly skipped = new Map<string, SkippedFile>();
  /** Handoff uri → the uri of its roadmap; cleared when the set of roadmaps changes. */
  private readonly links = new Map<string, string | null>();
  /** The same for any note of a folder (every handoff of a folder has one roadmap), and the roadmaps' files. */
  private readonly linksByFolder = new Map<string, string | null>();
  private roadmapFiles: string[] | null = null;
  /** Parsed notes of closed handoffs, least recently used first. */
  private readonly parsed = new Map<string, Note>();
  private generation = 0;
  /** The first scan has not finished (it starts after the first notes' findings). */
  indexing = true;
  lastScan: IndexStats | null = null;
  /** Told what changed (null: everything), for the outline notification. */
  onChanged: (uris: string[] | null, removed: string[]) => void = () => {};

  constructor(
    private readonly state: ServerState,
    private readonly workers: IndexWorkers,
  ) {}

  get size(): number {
    return this.notes.size;
  }

  get(uri: string): IndexedNote | undefined {
    return this.notes.get(uri);
  }

  all(): IndexedNote[] {
    return [...this.notes.values()];
  }

  // ------------------------------------------------------------------------------- scanning

  /**
   * (Re)indexes every workspace folder; a newer scan supersedes a running one. Candidates are
   * the files the globs name and those whose first lines name them a note; roadmaps are indexed
   * first, so each handoff is counted against its roadmap in the same pass.
   */
  async scan(): Promise<IndexStats> {
    const generation = ++this.generation;
    const started = performance.now();
    this.indexing = true;
    const seen = new Set<string>();
    const candidates: Array<{ file: string; uri: string; roadmapByName: boolean }> = [];
    let files = 0;
    for (const root of this.state.roots) {
      const excluded = excludeMatcher(await this.filesExclude(root));
      for await (const { file } of markdownFiles(root, excluded)) {
        if (generation !== this.generation) return this.lastScan ?? { files, notes: 0, skipped: 0, ms: 0 };
        files++;
        const uri = URI.file(file).toString();
        if (this.state.documents.get(uri)) {
          seen.add(uri); // the editor's text is indexed from the editor
          continue;
        }
        const by = byPath(file, this.state.configs.forFile(file));
        if (by.skeleton) continue;
        if (by.named || (await looksLikeNote(file))) candidates.push({ file, uri, roadmapByName: by.roadmap });
      }
    }
    candidates.sort((a, b) => Number(b.roadmapByName) - Number(a.roadmapByName));
    let batch: string[] = [];
    let lastFlush = performance.now();
    const firstHandoff = candidates.findIndex((c) => !c.roadmapByName);
    const phases = [candidates.slice(0, firstHandoff < 0 ? candidates.length : firstHandoff), firstHandoff < 0 ? [] : candidates.slice(firstHandoff)];
    for (const phase of phases) {
      this.unlink();
      await Promise.all(
        phase.map(async ({ file, uri }) => {
          const outcome = await this.indexFromDisk(file, uri);
          if (generation !== this.generation) return;
          if (outcome === 'note' || outcome === 'skipped') seen.add(uri);
          if (outcome === 'note') batch.push(uri);
          if (performance.now() - lastFlush > 1000) {
            this.onChanged(batch, []);
            batch = [];
            lastFlush = performance.now();
          }
        }),
      );
      if (generation !== this.generation) return this.lastScan ?? { files, notes: 0, skipped: 0, ms: 0 };
    }
    // The scan's workers are done: their memory goes back before the scan is reported over.
    const threads = this.workers.size;
    await this.workers.retire();
    if (generation !== this.generation) return this.lastScan ?? { files, notes: 0, skipped: 0, ms: 0 };
    const removed: string[] = [];
    for (const uri of [...this.notes.keys(), ...this.skipped.keys()]) {
      if (!seen.has(uri) && !this.state.documents.get(uri)) {
        if (this.notes.delete(uri)) removed.push(uri);
        this.skipped.delete(uri);
      }
    }
    this.unlink();
    this.indexing = false;
    this.lastScan = { files, notes: this.notes.size, skipped: this.skipped.size, ms: Math.round(performance.now() - started) };
    this.state.log.info(
      `Indexed ${this.lastScan.notes} notes (${files} Markdown files looked at, ${this.lastScan.skipped} skipped) in ${this.lastScan.ms} ms with ${threads || 'no'} worker thread${threads === 1 ? '' : 's'}`,
    );
    this.onChanged(batch, removed);
    // Roadmaps found by their title, not their name, came after their handoffs were counted.
    const late = this.all().filter((n) => n.kind === 'roadmap' && !candidates.find((c) => c.uri === n.uri)?.roadmapByName);
    for (const r of late) this.recountHandoffsOf(r.uri);
    this.relintOpenNotes();
    return this.lastScan;
  }

  private async filesExclude(root: string): Promise<Record<string, unknown> | null> {
    try {
      const value = await Promise.race([
        this.state.connection.workspace.getConfiguration({ scopeUri: URI.file(root).toString(), section: 'files.exclude' }),
        new Promise((r) => setTimeout(() => r(null), 2000)),
      ]);
      return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  private job(file: string, text?: string): IndexJob {
    const project = this.state.configs.forFile(file);
    const roadmapUri = this.findRoadmap(file);
    const roadmap = roadmapUri ? this.notes.get(roadmapUri) : undefined;
    return {
      file,
      path: notePath(file, project.root),
      config: project.config,
      // Only a template the configuration accepted (inside the project): the worker reads it by path.
      templateFile: project.template && project.config.template ? resolve(project.root, project.config.template) : null,
      // An open roadmap is read from the editor (its text may not be saved), any other from disk.
      roadmap: roadmap ? { path: roadmap.path, file: roadmap.file, text: this.state.documents.get(roadmap.uri)?.getText() } : null,
      text,
      today: today(),
    };
  }

  /** Indexes a file from disk through the workers. */
  private async indexFromDisk(file: string, uri: string, small = false): Promise<'note' | 'skipped' | 'none'> {
    const forgotten = this.forgotten.get(uri) ?? 0;
    let result: IndexJobResult;
    try {
      result = await this.workers.run(this.job(file), small);
    } catch (e) {
      this.state.log.error(`Indexing ${file} failed`, e);
      return this.forget(uri);
    }
    if (this.state.documents.get(uri)) return 'none'; // opened meanwhile: the editor's text wins
    // Forgotten meanwhile (the file or its folder went away): a read that started before must not bring it back.
    if ((this.forgotten.get(uri) ?? 0) !== forgotten) return 'none';
    if (result.type === 'gone' || result.type === 'other') return this.forget(uri);
    const project = this.state.configs.forFile(file);
    const path = notePath(file, project.root);
    if (result.type === 'skipped') {
      if (this.notes.delete(uri)) this.onChanged([], [uri]);
      this.skipped.set(uri, { uri, path, reason: result.reason });
      return 'skipped';
    }
    this.skipped.delete(uri);
    const kind = result.data.kind === 'roadmap' ? 'roadmap' : 'handoff';
    const previous = this.notes.get(uri);
    if ((previous?.kind === 'roadmap') !== (kind === 'roadmap')) this.unlink();
    this.parsed.delete(uri);
    this.notes.set(uri, { uri, file, path, kind, data: result.data, version: null, changed: result.mtime, problems: result.problems, note: null });
    return 'note';
  }

  /** How often each note was forgotten: a disk read that started before a forget is dropped. */
  private readonly forgotten = new Map<string, number>();

  private forget(uri: string): 'none' {
    this.forgotten.set(uri, (this.forgotten.get(uri) ?? 0) + 1);
    this.skipped.delete(uri);
    this.parsed.delete(uri);
    const gone = this.notes.get(uri);
    if (gone && this.notes.delete(uri)) {
      if (gone.kind === 'roadmap') this.unlink();
      this.onChanged([], [uri]);
    }
    return 'none';
  }

  // ------------------------------------------------------------------------------- updates

  /**
   * The editor's text of an open document (after open, and after changes). `linted` is the note
   * the linter just built from this very version, so the index does not parse it a second time.
   */
  fromEditor(doc: TextDocument, linted?: Note): void {
    const file = filePathOf(doc.uri);
    if (!file || !this.insideRoots(file)) return;
    const previous = this.notes.get(doc.uri);
    const project = this.state.configs.forFile(file);
    const path = notePath(file, project.root);
    const text = doc.getText();
    // A large document is read in a worker, as the linter lints it in one: never in this thread.
    if (!linted && isLargeText(text)) return void this.largeFromEditor(doc, file, path, text);
    let note: Note;
    try {
      if (text.lastIndexOf('\u0000', 8192) >= 0) throw new Error('binary');
      note = linted ?? noteOf({ text, path, config: project.config, template: project.template });
    } catch {
      this.forget(doc.uri);
      return;
    }
    if (note.kind === 'other') {
      this.forget(doc.uri);
      if (previous?.kind === 'roadmap') this.afterChange(doc.uri, true);
      return;
    }
    const kind = note.kind;
    if ((previous?.kind === 'roadmap') !== (kind === 'roadmap')) this.unlink();
    this.skipped.delete(doc.uri);
    this.parsed.delete(doc.uri);
    this.notes.set(doc.uri, {
      uri: doc.uri,
      file,
      path,
      kind,
      data: outlineData(outlineNote(note), note.lines, maskerForNote(note)),
      version: doc.version,
      changed: Date.now(),
      problems: previous?.problems ?? null,
      note,
    });
    this.afterChange(doc.uri, previous?.kind === 'roadmap');
  }

  private async largeFromEditor(doc: TextDocument, file: string, path: string, text: string): Promise<void> {
    const version = doc.version;
    let result: IndexJobResult;
    try {
      result = await this.workers.run(this.job(file, text));
    } catch (e) {
      this.state.log.error(`Indexing ${file} failed`, e);
      return;
    }
    if (this.state.documents.get(doc.uri)?.version !== version) return; // a newer version follows
    const previous = this.notes.get(doc.uri);
    if (result.type !== 'note') {
      this.forget(doc.uri);
      if (previous?.kind === 'roadmap') this.afterChange(doc.uri, true);
      return;
    }
    const kind = result.data.kind === 'roadmap' ? 'roadmap' : 'handoff';
    if ((previous?.kind === 'roadmap') !== (kind === 'roadmap')) this.unlink();
    this.skipped.delete(doc.uri);
    this.parsed.delete(doc.uri);
    this.notes.set(doc.uri, { uri: doc.uri, file, path, kind, data: result.data, version, changed: Date.now(), problems: result.problems, note: null });
    this.afterChange(doc.uri, previous?.kind === 'roadmap');
  }

  /** Files being indexed because their folder appeared: their own creation events add nothing. */
  private readonly fromFolder = new Map<string, Promise<void>>();

  /**
   * A file changed, appeared or disappeared on disk (not open in the editor), or a folder
   * appeared: the editor's watcher can miss files created in a folder made a moment earlier, so
   * a new folder is read whole, and a folder that went away takes its notes with it.
   */
  async fromDisk(file: string): Promise<void> {
    const uri = URI.file(file).toString();
    if (this.state.documents.get(uri) || !this.insideRoots(file)) return;
    if (!/\.(?:md|markdown)$/i.test(file)) return this.folderChanged(file);
    const pending = this.fromFolder.get(file);
    if (pending) return pending;
    const wasRoadmap = this.notes.get(uri)?.kind === 'roadmap';
    const st = await fs.stat(file).catch(() => null);
    if (!st?.isFile()) this.forget(uri);
    else {
      if (byPath(file, this.state.configs.forFile(file)).named || (await looksLikeNote(file))) await this.indexFromDisk(file, uri, st.size <= SMALL_NOTE_BYTES);
      else this.forget(uri);
    }
    this.afterChange(uri, wasRoadmap);
  }

  private async folderChanged(dir: string): Promise<void> {
    const st = await fs.stat(dir).catch(() => null);
    if (!st) {
      const prefix = URI.file(dir).toString() + '/';
      for (const uri of [...this.notes.keys(), ...this.skipped.keys()]) if (uri.startsWith(prefix) && !this.state.documents.get(uri)) this.forget(uri);
      return;
    }
    if (!st.isDirectory()) return;
    const root = this.state.roots.filter((r) => insideAny([r], dir)).sort((a, b) => b.length - a.length)[0];
    const excluded = excludeMatcher(await this.filesExclude(root));
    const base = relative(root, dir).split(sep).join('/');
    if (base.split('/').some((part) => SKIPPED_DIRECTORIES.has(part)) || excluded(base)) return;
    const files: string[] = [];
    for await (const { file } of markdownFiles(dir, (rel) => excluded(`${base}/${rel}`))) files.push(file);
    await Promise.all(
      files.map((file) => {
        const done = this.fromDisk(file).finally(() => this.fromFolder.delete(file));
        this.fromFolder.set(file, done);
        return done;
      }),
    );
  }

  private insideRoots(file: string): boolean {
    return insideAny(this.state.roots, file);
  }

  /** After a note changed: tell the client, and re-check the notes that read it. */
  private afterChange(uri: string, wasRoadmap: boolean): void {
    const entry = this.notes.get(uri);
    if (entry) this.onChanged([uri], []);
    if (entry?.kind === 'roadmap' || wasRoadmap) this.recountHandoffsOf(uri);
    else if (entry?.kind === 'handoff') {
      const roadmap = this.roadmapUriFor(uri);
      if (roadmap) this.relint(roadmap); // its roadmap's rules read it
    }
  }

  /** A roadmap changed: its handoffs' roadmap rules read it. */
  private recountHandoffsOf(roadmapUri: string): void {
    for (const h of this.all()) {
      if (h.kind !== 'handoff' || this.roadmapUriFor(h.uri) !== roadmapUri) continue;
      if (h.version !== null) this.relint(h.uri);
      else
        void this.indexFromDisk(h.file, h.uri).then((outcome) => {
          if (outcome === 'note') this.onChanged([h.uri], []);
        });
    }
  }

  private relint(uri: string): void {
    const doc = this.state.documents.get(uri);
    if (doc) this.state.linter.relint(doc);
  }

  private relintOpenNotes(): void {
    for (const doc of this.state.documents.all()) if (this.notes.has(doc.uri)) this.state.linter.relint(doc);
  }

  /** What the linter published for an open note: its problem counts. */
  published(uri: string, result: LintResult | null): void {
    const entry = this.notes.get(uri);
    if (!entry || !result) return; // closed: the feature reads it again from disk
    const counts = countsOf(result);
    const same = entry.problems && counts.errors === entry.problems.errors && counts.warnings === entry.problems.warnings && counts.infos === entry.problems.infos;
    entry.problems = counts;
    if (!same) this.onChanged([uri], []);
  }

  // ------------------------------------------------------------------------------- links

  /** The roadmap a handoff is checked against: the configured one, else the nearest. */
  roadmapUriFor(uri: string): string | null {
    if (this.links.has(uri)) return this.links.get(uri)!;
    const file = this.notes.get(uri)?.file ?? filePathOf(uri);
    const found = file ? this.findRoadmap(file) : null;
    this.links.set(uri, found);
    return found;
  }

  /** The set of roadmaps or the configuration changed: every link is looked up again. */
  private unlink(): void {
    this.links.clear();
    this.linksByFolder.clear();
    this.roadmapFiles = null;
  }

  private findRoadmap(file: string): string | null {
    const roadmaps = (this.roadmapFiles ??= this.all()
      .filter((n) => n.kind === 'roadmap')
      .map((n) => n.file));
    // A roadmap is never its own roadmap, so it is looked up by itself, not by its folder.
    const key = roadmaps.includes(resolve(file)) ? file : dirname(resolve(file));
    const known = this.linksByFolder.get(key);
    if (known !== undefined) return known;
    const project = this.state.configs.forFile(file);
    const chosen = chooseRoadmap(file, roadmaps, configuredRoadmap(project), this.state.configs.rootOf(file));
    const found = chosen ? URI.file(chosen).toString() : null;
    this.linksByFolder.set(key, found);
    return found;
  }

  /**
   * The parsed note of an entry: kept for open notes and roadmaps, cached for the others. Its
   * text is the editor's when the note is open, else the file's as it is now (null when it can
   * no longer be read: its file event will drop it).
   */
  private noteOfEntry(entry: IndexedNote): Note | null {
    if (entry.note) return entry.note;
    const cached = this.parsed.get(entry.uri);
    if (cached) {
      this.parsed.delete(entry.uri);
      this.parsed.set(entry.uri, cached);
      return cached;
    }
    const project = this.state.configs.forFile(entry.file);
    let text = this.state.documents.get(entry.uri)?.getText();
    if (text === undefined) {
      const read = readText(entry.file, project.config.maxLintBytes);
      if ('problem' in read) return null;
      text = read.text;
    }
    const note = noteOf({ text, path: entry.path, config: project.config, template: project.template });
    if (entry.kind === 'roadmap') entry.note = note;
    else {
      this.parsed.set(entry.uri, note);
      if (this.parsed.size > PARSED_CACHE) this.parsed.delete(this.parsed.keys().next().value as string);
    }
    return note;
  }

  roadmapFor(uri: string): Note | null {
    const r = this.roadmapUriFor(uri);
    const entry = r ? this.notes.get(r) : undefined;
    return entry ? this.noteOfEntry(entry) : null;
  }

  /** The handoffs checked against a roadmap: open ones first, then the most recently changed. */
  handoffsFor(uri: string): Note[] {
    const handoffs = this.all()
      .filter((n) => n.kind === 'handoff')
      .map((n) => ({ file: n.file, open: n.version !== null, changed: n.changed, entry: n }));
    return handoffsOfRoadmap(uri, handoffs, (h) => this.roadmapUriFor(h.entry.uri))
      .map((h) => this.noteOfEntry(h.entry))
      .filter((n): n is Note => n !== null);
  }

  /** Rescan after a configuration change (globs, roadmap, template). */
  configChanged(): void {
    this.unlink();
    this.parsed.clear();
    for (const n of this.notes.values()) if (n.version === null) n.note = null;
    void this.scan();
  }

  // ------------------------------------------------------------------------------- outline

  outline(params: OutlineParams, git: (uri: string) => GitFacts | null): OutlineResult {
    const wanted = params.uris ? params.uris.map((u) => this.notes.get(u)).filter((n): n is IndexedNote => Boolean(n)) : this.all();
    const files = wanted
      .sort((a, b) => a.path.localeCompare(b.path))
      .map((n) =>
        fileOutline(n.data, {
          uri: n.uri,
          path: n.path,
          version: n.version,
          roadmapUri: n.kind === 'handoff' ? this.roadmapUriFor(n.uri) : null,
          problems: n.problems,
          git: git(n.uri),
        }),
      );
    return { files, skipped: params.uris ? [] : [...this.skipped.values()], indexing: this.indexing };
  }
}
