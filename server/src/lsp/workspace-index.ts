// The workspace index: every handoff and roadmap note of the workspace folders, parsed once and
// kept current from file events and (debounced) editor changes. It links each handoff to the
// roadmap it is checked against, gives the linter those notes, counts the problems of notes
// that are not open, and answers the outline request. The first scan runs in the background
// and yields between files, so diagnostics are never held up by it.
import { promises as fs } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { URI } from 'vscode-uri';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, matchesGlobs, noteOf, type GitFacts, type LintResult, type Note } from '../engine';
import { outlineNote, type NoteOutline } from '../engine/outline';
import type { FileOutline, OutlineParams, OutlineResult, SkippedFile } from '../protocol';
import { filePathOf, relativePath, today, type NotesSource } from './linting';
import type { ServerState } from './start';
import { excludeMatcher, looksLikeNote, markdownFiles, readNoteFile, yieldToLoop } from './workspace-scan';
import { fileOutline } from './outline-info';

type Counts = NonNullable<FileOutline['problems']>;

export interface IndexedNote {
  uri: string;
  file: string;
  /** Path relative to its project root (POSIX): what the globs and the outline see. */
  path: string;
  note: Note;
  outline: NoteOutline;
  /** The editor version it was read from; null when read from disk. */
  version: number | null;
  problems: Counts | null;
}

export interface IndexStats {
  files: number;
  notes: number;
  skipped: number;
  ms: number;
}

function countsOf(result: LintResult): Counts {
  const n = (s: string) => result.findings.filter((f) => f.severity === s).length;
  return { errors: n('error'), warnings: n('warning'), infos: n('info') };
}

export class WorkspaceIndex implements NotesSource {
  private readonly notes = new Map<string, IndexedNote>();
  private readonly skipped = new Map<string, SkippedFile>();
  /** Handoff uri → the uri of its roadmap; cleared when the set of roadmaps changes. */
  private readonly links = new Map<string, string | null>();
  private readonly recount = new Set<string>();
  private recounting = false;
  private generation = 0;
  indexing = false;
  lastScan: IndexStats | null = null;
  /** Told what changed (null: everything), for the outline notification. */
  onChanged: (uris: string[] | null, removed: string[]) => void = () => {};

  constructor(private readonly state: ServerState) {}

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

  /** (Re)indexes every workspace folder; a newer scan supersedes a running one. */
  async scan(): Promise<IndexStats> {
    const generation = ++this.generation;
    const started = performance.now();
    this.indexing = true;
    const seen = new Set<string>();
    let files = 0;
    let batch: string[] = [];
    let lastFlush = performance.now();
    for (const root of this.state.roots) {
      const excluded = excludeMatcher(await this.filesExclude(root));
      for await (const { file } of markdownFiles(root, excluded)) {
        if (generation !== this.generation) return this.lastScan ?? { files, notes: this.notes.size, skipped: this.skipped.size, ms: 0 };
        files++;
        const uri = URI.file(file).toString();
        if (this.state.documents.get(uri)) {
          seen.add(uri); // the editor's text is indexed from the editor
          continue;
        }
        const indexed = await this.indexFile(file, uri);
        if (indexed) batch.push(uri);
        if (indexed || this.skipped.has(uri)) seen.add(uri);
        await yieldToLoop();
        if (performance.now() - lastFlush > 1000) {
          this.onChanged(batch, []);
          batch = [];
          lastFlush = performance.now();
        }
      }
    }
    const removed: string[] = [];
    for (const uri of [...this.notes.keys(), ...this.skipped.keys()]) {
      if (!seen.has(uri) && !this.state.documents.get(uri)) {
        if (this.notes.delete(uri)) removed.push(uri);
        this.skipped.delete(uri);
      }
    }
    this.links.clear();
    this.indexing = false;
    this.lastScan = { files, notes: this.notes.size, skipped: this.skipped.size, ms: Math.round(performance.now() - started) };
    this.state.log.info(`Indexed ${this.lastScan.notes} notes (${files} Markdown files looked at, ${this.lastScan.skipped} skipped) in ${this.lastScan.ms} ms`);
    this.onChanged(batch, removed);
    for (const n of this.notes.values()) if (n.version === null) this.recount.add(n.uri);
    void this.countProblems();
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

  /** Reads and parses one file from disk; false when it is not a note (or was skipped). */
  private async indexFile(file: string, uri: string): Promise<boolean> {
    const project = this.state.configs.forFile(file);
    const path = relativePath(project.root, file);
    const template = project.config.template ? resolve(project.root, project.config.template) : null;
    if (template && resolve(file) === template) return false; // the template is a skeleton, not a note
    const configured = project.config.roadmap ? resolve(project.root, project.config.roadmap) === resolve(file) : false;
    const byName = configured || matchesGlobs(path, [...project.config.handoffGlobs, ...project.config.roadmapGlobs]);
    if (!byName && !(await looksLikeNote(file))) return this.forget(uri);
    const read = await readNoteFile(file, project.config.maxLintBytes);
    if ('skipped' in read) {
      const had = this.notes.delete(uri);
      this.skipped.set(uri, { uri, path, reason: read.skipped });
      if (had) this.onChanged([], [uri]);
      return false;
    }
    this.skipped.delete(uri);
    return this.put(uri, file, path, read.text, null);
  }

  private forget(uri: string): boolean {
    this.skipped.delete(uri);
    if (this.notes.delete(uri)) this.onChanged([], [uri]);
    return false;
  }

  /** Parses a text into the index; false (and removed) when it is not a handoff or roadmap. */
  private put(uri: string, file: string, path: string, text: string, version: number | null): boolean {
    const project = this.state.configs.forFile(file);
    let note: Note;
    try {
      note = noteOf({ text, path, config: project.config, template: project.template });
    } catch (e) {
      this.state.log.error(`Indexing ${path} failed`, e);
      return this.forget(uri);
    }
    const previous = this.notes.get(uri);
    if (note.kind === 'other') {
      if (previous?.note.kind === 'roadmap') this.links.clear();
      return this.forget(uri);
    }
    if ((previous?.note.kind === 'roadmap') !== (note.kind === 'roadmap')) this.links.clear();
    this.notes.set(uri, { uri, file, path, note, outline: outlineNote(note), version, problems: previous?.version === version ? previous.problems : null });
    return true;
  }

  // ------------------------------------------------------------------------------- updates

  /** The editor's text of an open document (after open, and debounced after changes). */
  fromEditor(doc: TextDocument): void {
    const file = filePathOf(doc.uri);
    if (!file || !this.insideRoots(file)) return;
    const wasRoadmap = this.notes.get(doc.uri)?.note.kind === 'roadmap';
    const project = this.state.configs.forFile(file);
    const indexed = this.put(doc.uri, file, relativePath(project.root, file), doc.getText(), doc.version);
    if (indexed) this.skipped.delete(doc.uri);
    this.changed(doc.uri, wasRoadmap);
  }

  /** A file changed, appeared or disappeared on disk (not open in the editor). */
  async fromDisk(file: string): Promise<void> {
    const uri = URI.file(file).toString();
    if (this.state.documents.get(uri) || !this.insideRoots(file) || !/\.(?:md|markdown)$/i.test(file)) return;
    const wasRoadmap = this.notes.get(uri)?.note.kind === 'roadmap';
    const exists = await fs.stat(file).then(
      (st) => st.isFile(),
      () => false,
    );
    if (!exists) this.forget(uri);
    else await this.indexFile(file, uri);
    if (this.notes.has(uri)) this.recount.add(uri);
    this.changed(uri, wasRoadmap);
    void this.countProblems();
  }

  private insideRoots(file: string): boolean {
    const abs = resolve(file);
    return this.state.roots.some((r) => abs === r || abs.startsWith(r.endsWith(sep) ? r : r + sep));
  }

  /** After a note changed: tell the client, and re-check the notes that read it. */
  private changed(uri: string, wasRoadmap: boolean): void {
    const entry = this.notes.get(uri);
    if (entry) this.onChanged([uri], []);
    const isRoadmap = entry?.note.kind === 'roadmap';
    if (isRoadmap || wasRoadmap) {
      // Its handoffs' roadmap rules read it.
      for (const h of this.all()) {
        if (h.note.kind !== 'handoff' || this.roadmapUriFor(h.uri) !== uri) continue;
        this.relint(h.uri);
        if (h.version === null) this.recount.add(h.uri);
      }
      void this.countProblems();
    } else if (entry?.note.kind === 'handoff') {
      // Its roadmap's rules read it.
      const roadmap = this.roadmapUriFor(uri);
      if (roadmap) this.relint(roadmap);
    }
  }

  private relint(uri: string): void {
    const doc = this.state.documents.get(uri);
    if (doc) this.state.linter.schedule(doc, 0);
  }

  private relintOpenNotes(): void {
    for (const doc of this.state.documents.all()) if (this.notes.has(doc.uri)) this.state.linter.schedule(doc, 0);
  }

  /** What the linter published for an open note: its problem counts. */
  published(uri: string, result: LintResult | null): void {
    const entry = this.notes.get(uri);
    if (!entry) return;
    if (!result) return; // closed: the feature reads it again from disk
    const counts = countsOf(result);
    const same = entry.problems && counts.errors === entry.problems.errors && counts.warnings === entry.problems.warnings && counts.infos === entry.problems.infos;
    entry.problems = counts;
    if (!same || entry.version !== null) this.onChanged([uri], []);
  }

  /** Counts the text-rule problems of notes that are not open, in the background. */
  private async countProblems(): Promise<void> {
    if (this.recounting) return;
    this.recounting = true;
    try {
      while (this.recount.size) {
        const uri = this.recount.values().next().value as string;
        this.recount.delete(uri);
        const entry = this.notes.get(uri);
        if (!entry || this.state.documents.get(uri)) continue;
        const project = this.state.configs.forFile(entry.file);
        try {
          const result = lint({
            text: entry.note.text,
            path: entry.path,
            config: project.config,
            template: project.template,
            today: today(),
            note: entry.note,
            roadmap: entry.note.kind === 'handoff' ? this.roadmapFor(uri) : null,
            handoffs: entry.note.kind === 'roadmap' ? this.handoffsFor(uri) : [],
          });
          entry.problems = countsOf(result);
          this.onChanged([uri], []);
        } catch (e) {
          this.state.log.error(`Counting the problems of ${entry.path} failed`, e);
        }
        await yieldToLoop();
      }
    } finally {
      this.recounting = false;
    }
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

  private findRoadmap(file: string): string | null {
    const project = this.state.configs.forFile(file);
    if (project.config.roadmap) {
      const uri = URI.file(resolve(project.root, project.config.roadmap)).toString();
      return this.notes.get(uri)?.note.kind === 'roadmap' ? uri : null;
    }
    const root = this.state.configs.rootOf(file);
    const inRoot = (f: string) => resolve(f).startsWith(root.endsWith(sep) ? root : root + sep) || dirname(resolve(f)) === root;
    const roadmaps = this.all().filter((n) => n.note.kind === 'roadmap' && n.file !== file && inRoot(n.file));
    if (!roadmaps.length) return null;
    // Nearest: in the note's own folder or the closest folder above it.
    const dir = dirname(resolve(file));
    let best: IndexedNote | null = null;
    let bestDepth = -1;
    for (const r of roadmaps) {
      const rdir = dirname(resolve(r.file));
      if (dir === rdir || dir.startsWith(rdir.endsWith(sep) ? rdir : rdir + sep)) {
        const depth = rdir.split(sep).length;
        if (depth > bestDepth) [best, bestDepth] = [r, depth];
      }
    }
    if (best) return best.uri;
    // Else the project's main roadmap: ROADMAP.md or docs/ROADMAP.md at the root, then the shortest path.
    const rank = (r: IndexedNote) => {
      const rel = relativePath(root, r.file).toLowerCase();
      return rel === 'roadmap.md' ? 0 : rel === 'docs/roadmap.md' ? 1 : 2;
    };
    roadmaps.sort((a, b) => rank(a) - rank(b) || a.file.split(sep).length - b.file.split(sep).length || a.file.localeCompare(b.file));
    return roadmaps[0].uri;
  }

  roadmapFor(uri: string): Note | null {
    const r = this.roadmapUriFor(uri);
    return r ? (this.notes.get(r)?.note ?? null) : null;
  }

  handoffsFor(uri: string): Note[] {
    return this.all()
      .filter((n) => n.note.kind === 'handoff' && this.roadmapUriFor(n.uri) === uri)
      .map((n) => n.note);
  }

  /** Rescan after a configuration change (globs, roadmap, template). */
  configChanged(): void {
    this.links.clear();
    void this.scan();
  }

  // ------------------------------------------------------------------------------- outline

  outline(params: OutlineParams, git: (uri: string) => GitFacts | null): OutlineResult {
    const wanted = params.uris ? params.uris.map((u) => this.notes.get(u)).filter((n): n is IndexedNote => Boolean(n)) : this.all();
    const files = wanted
      .sort((a, b) => a.path.localeCompare(b.path))
      .map((n) =>
        fileOutline(n.outline, {
          uri: n.uri,
          path: n.path,
          version: n.version,
          lines: n.note.lines,
          roadmapUri: n.note.kind === 'handoff' ? this.roadmapUriFor(n.uri) : null,
          problems: n.problems,
          git: git(n.uri),
        }),
      );
    return { files, skipped: params.uris ? [] : [...this.skipped.values()], indexing: this.indexing };
  }
}
