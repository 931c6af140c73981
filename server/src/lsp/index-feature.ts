// The workspace index as a server feature: it feeds the linter the roadmap and handoffs a note
// is checked against, follows editor changes (debounced) and file events, answers the outline
// request, tells the client when outlines change (coalesced), and adds hover and completion
// for roadmap ids.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Note } from '../engine';
import { OutlineChangedNotification, OutlineRequest } from '../protocol';
import { filePathOf } from './linting';
import type { Feature } from './start';
import { WorkspaceIndex } from './workspace-index';
import { IndexWorkers } from './index-workers';
import { roadmapIdCompletion, roadmapIdHover } from './roadmap-ids';

/** Wait after a keystroke before a note's outline is rebuilt. */
export const EDIT_DEBOUNCE_MS = 150;
/** Outline notifications are sent at most this often; the first after a quiet spell at once. */
export const NOTIFY_EVERY_MS = 100;

export const workspaceIndexFeature: Feature = (state) => {
  const workers = new IndexWorkers(undefined, undefined, (e) => state.log.error('An index worker failed; notes are indexed in the server thread', e));
  const index = new WorkspaceIndex(state, workers);
  state.linter.notesSource = index;
  // Edited notes the linter is about to lint: the index takes the note the linter builds.
  const awaitingLint = new Set<string>();
  // Opened notes the linter lints first: the index takes that note once its findings are out.
  const awaitingOpen = new Set<string>();
  state.linter.publishListeners.push((uri, result) => {
    const doc = state.documents.get(uri);
    if (doc && awaitingOpen.delete(uri)) {
      awaitingLint.delete(uri);
      if (result && result.note.text.length === doc.getText().length) index.fromEditor(doc, result.note);
      else index.fromEditor(doc);
    } else if (doc && awaitingLint.delete(uri)) {
      if (result && result.note.text.length === doc.getText().length) fromLinterSoon(doc, result.note);
      else fromEditorSoon(doc); // not a note any more, or capped by maxLintBytes: read it whole
    }
    index.published(uri, result);
  });
  state.hovers.push(roadmapIdHover((uri) => index.roadmapFor(uri)));
  state.completions.push(roadmapIdCompletion((uri) => index.roadmapFor(uri)));

  const pending = new Set<string>();
  const removed = new Set<string>();
  let everything = false;
  let notifyTimer: NodeJS.Timeout | undefined;
  let lastNotified = -Infinity;
  const flush = () => {
    notifyTimer = undefined;
    lastNotified = performance.now();
    const params = { uris: everything ? null : [...pending], removed: [...removed], indexing: index.indexing };
    pending.clear();
    removed.clear();
    everything = false;
    void state.connection.sendNotification(OutlineChangedNotification, params);
  };
  index.onChanged = (uris, gone) => {
    if (uris === null) everything = true;
    else for (const u of uris) pending.add(u);
    for (const g of gone) {
      pending.delete(g);
      removed.add(g);
    }
    // A change after a quiet spell goes out at once (the changes of this turn together); a burst
    // is coalesced into one notification every NOTIFY_EVERY_MS.
    notifyTimer ??= setTimeout(flush, Math.max(0, lastNotified + NOTIFY_EVERY_MS - performance.now()));
  };

  const editTimers = new Map<string, NodeJS.Timeout>();
  /** The outline follows the linter's note a moment later, off the path from keystroke to diagnostics. */
  const fromLinterSoon = (doc: TextDocument, note: Note) => {
    clearTimeout(editTimers.get(doc.uri));
    editTimers.set(
      doc.uri,
      setTimeout(() => {
        editTimers.delete(doc.uri);
        const current = state.documents.get(doc.uri);
        // A newer version is on its way through the linter, which brings its own note.
        if (current && current.version === doc.version) index.fromEditor(current, note);
      }, EDIT_DEBOUNCE_MS),
    );
  };
  const fromEditorSoon = (doc: TextDocument) => {
    clearTimeout(editTimers.get(doc.uri));
    editTimers.set(
      doc.uri,
      setTimeout(() => {
        editTimers.delete(doc.uri);
        const current = state.documents.get(doc.uri);
        if (current) index.fromEditor(current);
      }, EDIT_DEBOUNCE_MS),
    );
  };
  state.documents.onDidOpen(({ document }) => {
    // Parsing it here would hold up its first findings: the linter's note is taken after them.
    if (state.linter.enabled) awaitingOpen.add(document.uri);
    else index.fromEditor(document);
  });
  state.documents.onDidChangeContent(({ document }) => {
    // The outline waits for a pause: a keystroke puts off the rebuild the last one scheduled (the
    // problem counts follow each publication all the same).
    clearTimeout(editTimers.get(document.uri));
    editTimers.delete(document.uri);
    // Parsing a note twice per keystroke is what makes large notes slow: when the linter runs on
    // type it builds the note anyway, and the index waits for it.
    if (state.linter.enabled && state.settings.run === 'onType') awaitingLint.add(document.uri);
    else fromEditorSoon(document);
  });
  state.documents.onDidClose(({ document }) => {
    awaitingLint.delete(document.uri);
    awaitingOpen.delete(document.uri);
    clearTimeout(editTimers.get(document.uri));
    editTimers.delete(document.uri);
    const file = filePathOf(document.uri);
    if (file) void index.fromDisk(file);
  });

  state.connection.onRequest(OutlineRequest, (params) => index.outline(params ?? {}, (uri) => state.linter.factsFor(uri)?.git ?? null));

  return {
    onInitialized() {
      state.timeline.mark('scanStarted');
      void index.scan().then(() => state.timeline.mark('scanDone'));
    },
    onFilesChanged(paths: string[]) {
      const watched = new Set(state.configs.watchedFiles());
      if (paths.some((p) => /\.handoff\.jsonc?$/.test(p) || watched.has(p))) index.configChanged();
      else for (const p of paths) void index.fromDisk(p);
    },
  };
};
