// Linting open documents: debounced on change, immediate on open, results only for the
// version they were computed from, `[]` on close. Text rules never wait for git: the text
// findings are published first and git-based findings join when their facts arrive. A document
// over LARGE_CHARS or LARGE_LINES is linted in a worker thread (lint-worker.ts), so that it never
// holds up the others; it gets its diagnostics but no git facts, and the requests that need its model (quick
// fixes, outline, hovers, Update) are not answered for it.
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { localDate } from '../engine';
import { IncrementalParser, parseMarkdown, lint, lintBinary, noteOf, type GitFacts, type LintResult, type Note, type WorkspaceFacts } from '../engine';
import { toDiagnostic } from './convert';
import { notePath } from '../project/paths';
import type { ProjectConfigs } from '../project/config';
import type { Log } from './log';
import { NoteStatusNotification } from '../protocol';
import type { LintJob, LintJobResult, LintSummary } from './lint-job';
import type { Timeline } from './timeline';

/** Documents longer than this (UTF-16 units; about 1 MB) are linted in the lint worker. */
export const LARGE_CHARS = 1_000_000;
/** So are documents of more lines than this: 100,000 headings are 0.4 MB and cost seconds to model. */
export const LARGE_LINES = 50_000;

/** Whether a text is linted and indexed in a worker thread rather than the server's own. */
export function isLargeText(text: string): boolean {
  if (text.length > LARGE_CHARS) return true;
  if (text.length < LARGE_LINES) return false;
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (++lines > LARGE_LINES) return true;
  return false;
}

export interface Facts {
  git: GitFacts | null;
  workspace: WorkspaceFacts | null;
  /** Why git facts are absent, for the status item. */
  gitNote: string | null;
  /**
   * Not facts to lint with: git was cancelled because its provider was replaced, or the answer
   * was asked before git changed and a later one is in use. A lint that follows settles the version.
   */
  superseded?: boolean;
}

/** Supplies facts for a note; the git layer plugs in here. */
export type FactsSource = (doc: TextDocument, result: LintResult) => Promise<Facts | null>;

/** The other notes a note is checked against; the workspace index plugs in here. */
export interface NotesSource {
  /** The roadmap a handoff is checked against. */
  roadmapFor(uri: string): Note | null;
  /** The handoffs checked against a roadmap. */
  handoffsFor(uri: string): Note[];
}

export function today(): string {
  return localDate(new Date());
}

export function filePathOf(uri: string): string | null {
  const u = URI.parse(uri);
  return u.scheme === 'file' ? u.fsPath : null;
}

export class DocumentLinter {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly results = new Map<string, { version: number; result: LintResult; facts: Facts | null }>();
  /**
   * A version linted for a request (symbols, folding, code actions) before its scheduled lint ran:
   * that lint publishes it instead of linting the same text again, unless what the note is
   * checked against changed meanwhile (an explicit schedule, a relint).
   */
  private readonly early = new Map<string, { version: number; result: LintResult; facts: Facts | null; started: number; ms: number }>();
  factsSource: FactsSource | null = null;
  notesSource: NotesSource | null = null;
  /** Told after each publication (null: the note is not checked, or was closed). */
  readonly publishListeners: Array<(uri: string, result: LintResult | null) => void> = [];
  /** Longest wait after a keystroke; the actual wait follows what the last lint cost. */
  maxDebounceMs = 100;
  private readonly cost = new Map<string, number>();
  private readonly lastRun = new Map<string, number>();
  /** Per open document: the note of the text last linted, and what it was built from. */
  private readonly notes = new Map<string, { text: string; path: string; config: unknown; template: unknown; note: Note }>();
  /** Per open document: re-parses only the chunks of a note that an edit touched. */
  private readonly parsers = new Map<string, IncrementalParser>();
  enabled = true;
  /** Lints large documents off this thread; null lints every document here. */
  lintWorker: { run(key: string, job: LintJob, early?: (diagnostics: Diagnostic[]) => void): Promise<LintJobResult | undefined>; forget(key: string): void } | null = null;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly configs: ProjectConfigs,
    private readonly log: Log,
    private readonly timeline: Timeline | null = null,
  ) {}

  /**
   * The wait after a change: about twice what the document's last lint cost, so a small note is
   * checked at once and a large one is not re-linted on every keystroke of a burst.
   */
  debounceFor(uri: string): number {
    const cost = this.cost.get(uri);
    if (cost === undefined) return 50;
    // A keystroke after a quiet spell is linted at once (the leading edge of a burst); during a
    // burst the lint waits about twice its cost, so it never runs more than about half the time.
    const quiet = performance.now() - (this.lastRun.get(uri) ?? 0) > 2 * cost + 20;
    if (quiet && !this.timers.has(uri)) return 0;
    return Math.min(this.maxDebounceMs, Math.round(cost * 2));
  }

  /**
   * Schedules a lint; `delay` 0 lints in the next turn (open, save, config change). A delay given
   * means the note is linted again for a reason other than its text: no early result is reused.
   */
  schedule(doc: TextDocument, delay?: number): void {
    if (delay !== undefined) this.early.delete(doc.uri);
    delay ??= this.debounceFor(doc.uri);
    const pending = this.timers.get(doc.uri);
    if (pending) clearTimeout(pending);
    const run = () => {
      this.timers.delete(doc.uri);
      const current = this.documents.get(doc.uri);
      // The text findings are published before run() first awaits (git's facts come later).
      if (current) void this.run(current);
      if (!this.timers.size) for (const resolve of this.quietWaiters.splice(0)) resolve();
    };
    // Even a zero delay goes through a timer, so the changes of one burst are linted once.
    this.timers.set(doc.uri, setTimeout(run, Math.max(0, delay)));
  }

  private readonly quietWaiters: Array<() => void> = [];

  /**
   * Resolves once no lint waits for its turn: the text findings of every note opened so far are
   * out. Work that can wait (the workspace scan) starts then, not before a note's first squiggle.
   */
  whenQuiet(): Promise<void> {
    if (!this.timers.size) return Promise.resolve();
    return new Promise((resolve) => this.quietWaiters.push(resolve));
  }

  /** Whether a document was linted yet (after which a warm-up lint gains nothing). */
  hasLinted = false;

  /** Lints a small note once and drops the result: what the first real lint would pay alone. */
  warmUp(): void {
    try {
      lint({ text: '# Session Handoff\n\n## Snapshot\n\n- Date: 2026-01-01\n- Branch: `main`\n\n## Next steps\n\n1. Ship [it](a.md).\n', path: 'HANDOFF.md', today: today() });
    } catch (e) {
      this.log.error('Warm-up lint failed', e);
    }
  }

  /**
   * Lints again because what the note is checked against changed (the scan ended, its roadmap
   * changed). A lint already waiting out a burst of typing keeps its wait: it reads the same
   * sources when it runs, and cutting the wait would publish a version the typing has passed.
   */
  relint(doc: TextDocument): void {
    this.early.delete(doc.uri);
    if (!this.timers.has(doc.uri)) this.schedule(doc, 0);
  }

  lintAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc, 0);
  }

  close(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    if (!this.timers.size) for (const resolve of this.quietWaiters.splice(0)) resolve();
    this.results.delete(uri);
    this.early.delete(uri);
    this.cost.delete(uri);
    this.lastRun.delete(uri);
    this.parsers.delete(uri);
    this.notes.delete(uri);
    this.large.delete(uri);
    this.lintWorker?.forget(uri);
    this.timeline?.closed(uri);
    this.settled(uri, null);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const listener of this.publishListeners) listener(uri, null);
  }

  /** Linted in the worker: no model of it is kept in this thread. */
  isLarge(doc: TextDocument): boolean {
    if (this.lintWorker === null) return false;
    const known = this.large.get(doc.uri);
    if (known?.version === doc.version) return known.large;
    const large = isLargeText(doc.getText());
    this.large.set(doc.uri, { version: doc.version, large });
    return large;
  }

  /** isLarge per document version: counting a note's lines is a pass over its text. */
  private readonly large = new Map<string, { version: number; large: boolean }>();

  /** Last result for the document's current version, or a fresh one (none for a large document). */
  resultFor(doc: TextDocument): LintResult | null {
    if (this.isLarge(doc)) return null;
    const cached = this.results.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.result;
    const facts = cached?.facts ?? null;
    const early = this.early.get(doc.uri);
    if (early && early.version === doc.version && early.facts === facts) return early.result;
    const started = performance.now();
    const result = this.lintText(doc, facts);
    if (result) this.early.set(doc.uri, { version: doc.version, result, facts, started, ms: performance.now() - started });
    return result;
  }

  /**
   * The result for the document's current version once its lint has settled (git's facts in, or
   * none wanted), with those facts: what a person sees once the note settles. Waits for the lint
   * the edit or open scheduled rather than asking git a second time. Null when the document
   * changed or closed meanwhile, or is not a note.
   */
  async settledResult(doc: TextDocument): Promise<{ result: LintResult; facts: Facts | null } | null> {
    const version = doc.version;
    if (!this.enabled) {
      const result = this.resultFor(doc);
      return result ? { result, facts: this.factsFor(doc.uri) } : null;
    }
    if (this.settledVersions.get(doc.uri) !== version) {
      if (!this.timers.has(doc.uri) && !this.running.has(doc.uri)) this.schedule(doc, 0);
      await new Promise<void>((resolve) => {
        const list = this.settleWaiters.get(doc.uri) ?? [];
        list.push({ version, resolve });
        this.settleWaiters.set(doc.uri, list);
      });
    }
    const cached = this.results.get(doc.uri);
    if (this.documents.get(doc.uri)?.version !== version || cached?.version !== version) return null;
    return { result: cached.result, facts: cached.facts };
  }

  private readonly settledVersions = new Map<string, number>();
  private readonly settleWaiters = new Map<string, Array<{ version: number; resolve: () => void }>>();
  /** Lint runs in progress per document (a run awaiting git may overlap the next one). */
  private readonly running = new Map<string, number>();

  /** A version settled (or the document closed: version null): wakes who waits for it or older. */
  private settled(uri: string, version: number | null): void {
    if (version === null) this.settledVersions.delete(uri);
    else this.settledVersions.set(uri, version);
    const waiting = this.settleWaiters.get(uri);
    if (!waiting) return;
    const still = waiting.filter((w) => version !== null && w.version > version);
    for (const w of waiting) if (!still.includes(w)) w.resolve();
    if (still.length) this.settleWaiters.set(uri, still);
    else this.settleWaiters.delete(uri);
  }

  /** Facts last used for the document (any version). */
  factsFor(uri: string): Facts | null {
    return this.results.get(uri)?.facts ?? null;
  }

  lintText(doc: TextDocument, facts: Facts | null): LintResult | null {
    const file = filePathOf(doc.uri);
    const project = this.configs.forFile(file ?? '/untitled.md');
    const rel = file ? notePath(file, project.root) : uriName(doc.uri);
    const text = doc.getText();
    const input = { text, path: rel, config: project.config, template: project.template, today: today() };
    // A binary file opened as text (NUL in its first 8 KB, as the CLI and the index read it) is not a
    // note, but it is scanned for secrets, as the CLI scans it.
    if (text.lastIndexOf('\u0000', 8192) >= 0) {
      const scanned = lintBinary({ ...input, git: null, workspace: null, roadmap: null, handoffs: [] });
      return scanned.findings.length ? scanned : null;
    }
    let parser = this.parsers.get(doc.uri);
    if (!parser) this.parsers.set(doc.uri, (parser = new IncrementalParser(parseMarkdown)));
    // A version linted again (git's facts arrived, a request) keeps its note: the note reads
    // neither facts nor other notes, and what the rules read of it is found once per note.
    const known = this.notes.get(doc.uri);
    const same = known && known.text === text && known.path === rel && known.config === project.config && known.template === project.template;
    const note = same ? known.note : noteOf({ ...input, parser });
    if (!same) this.notes.set(doc.uri, { text, path: rel, config: project.config, template: project.template, note });
    if (note.kind === 'other') return null;
    const roadmap = note.kind === 'handoff' ? (this.notesSource?.roadmapFor(doc.uri) ?? null) : null;
    const handoffs = note.kind === 'roadmap' ? (this.notesSource?.handoffsFor(doc.uri) ?? []) : [];
    return lint({ ...input, note, git: facts?.git ?? null, workspace: facts?.workspace ?? null, roadmap, handoffs });
  }

  private async run(doc: TextDocument): Promise<void> {
    this.running.set(doc.uri, (this.running.get(doc.uri) ?? 0) + 1);
    try {
      await this.runOnce(doc);
    } finally {
      const left = (this.running.get(doc.uri) ?? 1) - 1;
      if (left) this.running.set(doc.uri, left);
      else this.running.delete(doc.uri);
    }
  }

  private async runOnce(doc: TextDocument): Promise<void> {
    if (!this.enabled) {
      this.settled(doc.uri, doc.version); // nothing more comes for this version
      void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
      return;
    }
    if (this.isLarge(doc)) return this.runInWorker(doc);
    const version = doc.version;
    const previous = this.results.get(doc.uri);
    const facts = previous?.facts ?? null;
    const early = this.early.get(doc.uri);
    this.early.delete(doc.uri);
    let started = performance.now();
    let result: LintResult | null;
    let ms: number;
    if (early && early.version === version && early.facts === facts) {
      // A request linted this very version with the same facts: publish that.
      ({ result, started, ms } = early);
      for (const f of result.failures) this.log.ruleFailure(f.ruleId, f.error);
    } else {
      result = this.safeLint(doc, facts);
      ms = performance.now() - started;
    }
    this.hasLinted = true;
    this.cost.set(doc.uri, ms);
    this.timeline?.linted(doc.uri, started, ms);
    this.lastRun.set(doc.uri, performance.now());
    if (!result) {
      this.results.delete(doc.uri);
      void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
      this.sendStatus(doc, null, null, true);
      for (const listener of this.publishListeners) listener(doc.uri, null);
      return;
    }
    this.publish(doc, version, result, facts, !this.factsSource);
    if (!this.factsSource) return;
    let fresh: Facts | null = null;
    try {
      fresh = await this.factsSource(doc, result);
    } catch (e) {
      this.log.error('Gathering facts failed', e);
    }
    if (fresh?.superseded) return; // the lint that follows settles this version
    const current = this.documents.get(doc.uri);
    if (!current || current.version !== version) return; // a newer run settles the newer version
    if (!fresh || fresh === facts) {
      if (this.results.get(doc.uri)?.version === version) this.sendStatus(current, summaryOf(result), facts, true);
      return;
    }
    const again = this.safeLint(current, fresh);
    if (again) this.publish(current, version, again, fresh, true);
    else this.sendStatus(current, summaryOf(result), facts, true);
  }

  private async runInWorker(doc: TextDocument): Promise<void> {
    const version = doc.version;
    const file = filePathOf(doc.uri);
    const project = this.configs.forFile(file ?? '/untitled.md');
    const text = doc.getText();
    this.results.delete(doc.uri);
    this.parsers.delete(doc.uri);
    this.notes.delete(doc.uri);
    const none = () => {
      void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
      this.sendStatus(doc, null, null, true);
      for (const listener of this.publishListeners) listener(doc.uri, null);
    };
    if (text.lastIndexOf('\u0000', 8192) >= 0) return none();
    const roadmap = this.notesSource?.roadmapFor(doc.uri) ?? null;
    const job: LintJob = {
      version,
      text,
      path: file ? notePath(file, project.root) : uriName(doc.uri),
      config: project.config,
      template: project.template,
      today: today(),
      git: null,
      workspace: null,
      roadmap: roadmap && { path: roadmap.path, text: roadmap.text },
      handoffs: (this.notesSource?.handoffsFor(doc.uri) ?? []).map((n) => ({ path: n.path, text: n.text })),
      textFirst: !this.cost.has(doc.uri),
    };
    // Until a large note's first whole lint is out, its text findings are shown while its structure
    // is modelled. The whole lint finds them again; its publication replaces these (no status until then).
    // A second job queued before the first whole lint came (a re-lint when the scan ends) sends none:
    // they would hide the structural findings already shown.
    const early = (diagnostics: Diagnostic[]) => {
      if (this.documents.get(doc.uri)?.version === version && !this.cost.has(doc.uri)) void this.connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
    };
    const started = performance.now();
    let result;
    try {
      result = await this.lintWorker!.run(doc.uri, job, early);
    } catch (e) {
      this.log.error('Lint failed', e);
      result = null;
    }
    if (result === undefined) return; // a newer version replaced it
    this.cost.set(doc.uri, performance.now() - started);
    this.lastRun.set(doc.uri, performance.now());
    const current = this.documents.get(doc.uri);
    if (!current || current.version !== version) return;
    if (!result) return none();
    for (const f of result.failures) this.log.ruleFailure(f.ruleId, new Error(f.error));
    void this.connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: result.diagnostics });
    this.sendStatus(doc, result.summary, null, true);
    for (const listener of this.publishListeners) listener(doc.uri, null);
  }

  private safeLint(doc: TextDocument, facts: Facts | null): LintResult | null {
    try {
      const result = this.lintText(doc, facts);
      for (const f of result?.failures ?? []) this.log.ruleFailure(f.ruleId, f.error);
      return result;
    } catch (e) {
      this.log.error('Lint failed', e);
      return null;
    }
  }

  private publish(doc: TextDocument, version: number, result: LintResult, facts: Facts | null, settled: boolean): void {
    if (this.documents.get(doc.uri)?.version !== version) return; // stale: a newer version is on its way
    this.results.set(doc.uri, { version, result, facts });
    const lines = result.lines;
    const diagnostics = result.findings.map((f) => toDiagnostic(lines, f, version));
    void this.connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
    this.sendStatus(doc, summaryOf(result), facts, settled);
    for (const listener of this.publishListeners) listener(doc.uri, result);
  }

  private sendStatus(doc: TextDocument, summary: LintSummary | null, facts: Facts | null, settled: boolean): void {
    this.timeline?.published(doc.uri);
    if (settled) this.timeline?.settled(doc.uri);
    if (settled) this.settled(doc.uri, doc.version);
    else if (this.settledVersions.get(doc.uri) === doc.version) this.settledVersions.delete(doc.uri); // facts are being gathered again
    void this.connection.sendNotification(NoteStatusNotification, {
      uri: doc.uri,
      version: doc.version,
      kind: summary?.kind ?? 'other',
      dialect: summary?.dialect ?? null,
      hygieneOnly: summary?.hygieneOnly ?? false,
      errors: summary?.errors ?? 0,
      warnings: summary?.warnings ?? 0,
      infos: summary?.infos ?? 0,
      gitNote: facts?.gitNote ?? null,
      settled,
    });
  }
}

function summaryOf(result: LintResult): LintSummary {
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  return { kind: result.note.kind, dialect: result.note.dialect.id, hygieneOnly: result.note.hygieneOnly, errors: count('error'), warnings: count('warning'), infos: count('info') };
}

function uriName(uri: string): string {
  return decodeURIComponent(uri.split('/').pop() ?? uri);
}
