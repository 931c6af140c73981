// Wiring: capabilities, document sync, and the handlers of every feature.
import {
  TextDocuments,
  TextDocumentSyncKind,
  DidChangeConfigurationNotification,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { DocumentLinter, filePathOf, today } from './linting';
import { ProjectConfigs } from '../project/config';
import { Log } from './log';
import { codeActions, fixAllEdits, FIX_ALL_KIND } from './code-actions';
import { completions } from './completion';
import { documentSymbols, foldingRanges } from './document-symbols';
import { toRange } from './convert';
import { LineIndex } from '../engine';
import { withSecretsMasked } from '../engine';
import { findingsFor } from './findings';
import { DEFAULT_SETTINGS, FindingsRequest, FixAllRequest, TimingsRequest, TrustChangedNotification, type ClientSettings, type InitializationOptions } from '../protocol';
import { CodeActionKind, type CompletionItem, type Hover, type Position } from 'vscode-languageserver/node';
import type { LintResult } from '../engine';
import { Timeline } from './timeline';

export interface ServerState {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  linter: DocumentLinter;
  configs: ProjectConfigs;
  log: Log;
  trusted: boolean;
  settings: ClientSettings;
  roots: string[];
  options: InitializationOptions;
  /** Hover providers features add; the first non-null answer wins. */
  hovers: HoverSource[];
  /** Completion providers features add; their items are joined. */
  completions: CompletionSource[];
  timeline: Timeline;
  /**
   * Settles once the editor's settings were first read (at once for an editor without
   * workspace/configuration): git waits for it, so it never runs with the defaults first.
   */
  settingsRead: Promise<void>;
}

export type HoverSource = (doc: TextDocument, result: LintResult, position: Position) => Promise<Hover | null> | Hover | null;
export type CompletionSource = (doc: TextDocument, result: LintResult, position: Position) => Promise<CompletionItem[]> | CompletionItem[];

/** Hooks later features (git, workspace index) attach to. */
export type Feature = (state: ServerState) => {
  onTrustChanged?(): void;
  onFilesChanged?(paths: string[]): void;
  /** A `.handoff.json` (or a file it names) changed: the project configs were read again. */
  onConfigChanged?(): void;
  onInitialized?(): void;
  onSettingsChanged?(): void;
} | void;

export function startServer(connection: Connection, features: Feature[] = [], timeline = new Timeline(performance.now())): void {
  const documents = new TextDocuments(TextDocument);
  const log = new Log(connection);
  const configs = new ProjectConfigs([]);
  const linter = new DocumentLinter(connection, documents, configs, log, timeline);
  let settingsRead!: () => void;
  const state: ServerState = { connection, documents, linter, configs, log, trusted: false, settings: { ...DEFAULT_SETTINGS }, roots: [], options: { trusted: false }, hovers: [], completions: [], timeline, settingsRead: new Promise((resolve) => (settingsRead = resolve)) };
  timeline.listen(connection);
  const hooks: Array<ReturnType<Feature>> = [];
  let configurationSupport = false;
  let foldersSupport = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    timeline.mark('initialize');
    const options = (params.initializationOptions ?? {}) as Partial<InitializationOptions>;
    state.options = { trusted: options.trusted === true, storagePath: options.storagePath };
    // Editors other than VS Code have no notion of workspace trust; they opt in by passing trusted: true.
    state.trusted = state.options.trusted;
    state.roots = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
    if (!state.roots.length && params.rootUri) state.roots = [URI.parse(params.rootUri).fsPath];
    configs.setRoots(state.roots);
    configurationSupport = Boolean(params.capabilities.workspace?.configuration);
    foldersSupport = Boolean(params.capabilities.workspace?.workspaceFolders);
    for (const f of features) hooks.push(f(state));
    setImmediate(() => timeline.mark('initializeAnswered'));
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        completionProvider: { triggerCharacters: ['#', ':', ' '] },
        documentSymbolProvider: true,
        hoverProvider: true,
        foldingRangeProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'handoff-language-server' },
    };
  });

  connection.onInitialized(async () => {
    timeline.mark('initialized');
    if (foldersSupport) {
      // Git runs only for notes inside the workspace folders, so the server follows them.
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = new Set(removed.map((f) => URI.parse(f.uri).fsPath));
        state.roots = [...state.roots.filter((r) => !gone.has(r)), ...added.map((f) => URI.parse(f.uri).fsPath).filter((r) => !state.roots.includes(r))];
        configs.setRoots(state.roots);
        linter.lintAll();
      });
    }
    if (configurationSupport) {
      void connection.client.register(DidChangeConfigurationNotification.type, undefined);
      await refreshSettings();
    }
    settingsRead();
    // The notes the editor opens at start are linted first; what can wait starts once their text
    // findings are out (an editor sends their didOpen right after initialized).
    setImmediate(() =>
      void linter.whenQuiet().then(() => {
        // The first lint in a process costs ten times the next (lazy compiles of the parser and
        // the scanners): with no note open yet, it is paid now, before one is.
        if (!linter.hasLinted) linter.warmUp();
        for (const h of hooks) h?.onInitialized?.();
      }),
    );
  });

  async function refreshSettings(): Promise<void> {
    if (!configurationSupport) return;
    try {
      const s = (await connection.workspace.getConfiguration('handoff')) as Partial<ClientSettings> | null;
      state.settings = { ...DEFAULT_SETTINGS, ...(s ?? {}) };
    } catch {
      state.settings = { ...DEFAULT_SETTINGS };
    }
    linter.enabled = state.settings.enable;
    for (const h of hooks) h?.onSettingsChanged?.();
  }

  connection.onDidChangeConfiguration(async () => {
    await refreshSettings();
    configs.clear();
    linter.lintAll();
  });

  connection.onNotification(TrustChangedNotification, ({ trusted }) => {
    state.trusted = trusted;
    for (const h of hooks) h?.onTrustChanged?.();
    linter.lintAll();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const paths = changes.map((c) => URI.parse(c.uri).fsPath);
    const watched = new Set(configs.watchedFiles());
    if (paths.some((p) => watched.has(p) || /\.handoff\.jsonc?$/.test(p))) {
      configs.clear();
      publishConfigProblems();
      linter.lintAll();
      for (const h of hooks) h?.onConfigChanged?.();
    }
    for (const h of hooks) h?.onFilesChanged?.(paths);
  });

  const reportedConfigs = new Set<string>();
  function publishConfigProblems(): void {
    for (const doc of documents.all()) {
      const file = filePathOf(doc.uri);
      if (!file) continue;
      const project = configs.forFile(file);
      if (!project.file) continue;
      const uri = URI.file(project.file).toString();
      const open = documents.get(uri);
      let text = open?.getText() ?? null;
      if (text === null) {
        try {
          text = require('node:fs').readFileSync(project.file, 'utf8') as string;
        } catch {
          text = '';
        }
      }
      const lines = new LineIndex(text ?? '');
      const diagnostics = project.problems.map((p) => ({ range: toRange(lines, p.start, p.end), severity: 1 as const, source: 'handoff', message: `${p.message} (defaults apply)` }));
      if (project.templateProblem) diagnostics.push({ range: toRange(lines, 0, 0), severity: 1 as const, source: 'handoff', message: project.templateProblem });
      if (diagnostics.length || reportedConfigs.has(uri)) void connection.sendDiagnostics({ uri, diagnostics });
      if (diagnostics.length) reportedConfigs.add(uri);
      else reportedConfigs.delete(uri);
    }
  }

  // TextDocuments reports each open as a content change too, right after it: that one is the
  // open's, linted at once, not typing whose burst a debounce waits out.
  const opening = new Set<string>();
  documents.onDidOpen(({ document }) => {
    opening.add(document.uri);
    timeline.opened(document.uri);
    const file = filePathOf(document.uri);
    if (file) {
      // Read here, before anything else that needs it: the configuration's cost, measured.
      const started = performance.now();
      configs.forFile(file);
      timeline.config(document.uri, performance.now() - started);
    }
    linter.schedule(document, 0);
    publishConfigProblems();
  });
  documents.onDidChangeContent(({ document }) => {
    if (opening.delete(document.uri)) return;
    if (state.settings.run === 'onType') linter.schedule(document);
  });
  documents.onDidSave(({ document }) => {
    if (state.settings.run === 'onSave') linter.schedule(document, 0);
  });
  documents.onDidClose(({ document }) => linter.close(document.uri));

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    return codeActions(doc, params, linter.resultFor(doc));
  });

  connection.onRequest(FixAllRequest, ({ uri, version }) => {
    const doc = documents.get(uri);
    if (!doc || doc.version !== version) return null;
    const result = linter.resultFor(doc);
    return result ? { version, edits: fixAllEdits(result) } : { version, edits: [] };
  });

  connection.onRequest(FindingsRequest, ({ uri }) => findingsFor(documents, linter, uri));
  connection.onRequest(TimingsRequest, () => timeline.snapshot());

  connection.onCompletion(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const result = linter.resultFor(doc);
    if (!result) return [];
    const items = completions(result, params.position, today(), linter.factsFor(doc.uri)?.git ?? null);
    for (const source of state.completions) items.push(...(await source(doc, result, params.position)));
    return items;
  });

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const result = doc ? linter.resultFor(doc) : null;
    if (!doc || !result) return null;
    for (const source of state.hovers) {
      const hover = await source(doc, result, params.position);
      if (hover) return withoutSecrets(hover, result.mask);
    }
    return null;
  });

  connection.onDocumentSymbol((params) => {
    const doc = documents.get(params.textDocument.uri);
    const result = doc ? linter.resultFor(doc) : null;
    return result ? documentSymbols(result.note) : [];
  });

  connection.onFoldingRanges((params) => {
    const doc = documents.get(params.textDocument.uri);
    const result = doc ? linter.resultFor(doc) : null;
    return result ? foldingRanges(result.note) : [];
  });

  documents.listen(connection);
  connection.listen();
}

/**
 * Hovers show text from elsewhere (commit subjects, roadmap items): secrets in it are masked,
 * whichever feature made the hover.
 */
function withoutSecrets(hover: Hover, masker: (text: string) => string = withSecretsMasked): Hover {
  const mask = (c: unknown): unknown => {
    if (typeof c === 'string') return masker(c);
    if (Array.isArray(c)) return c.map(mask);
    if (c && typeof c === 'object' && typeof (c as { value?: unknown }).value === 'string') return { ...c, value: masker((c as { value: string }).value) };
    return c;
  };
  return { ...hover, contents: mask(hover.contents) as Hover['contents'] };
}

