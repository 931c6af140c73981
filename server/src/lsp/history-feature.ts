// The note's own history in the language server: read in the background after a handoff note is
// opened or saved and when its repository's HEAD moves (never while typing: the lint matches the
// current text against the versions already read), kept per note until HEAD moves, handed to the
// linter as facts for the history rules, and answered to the client's history and version
// requests. Only where git runs: a trusted workspace, notes inside its folders.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig, maskerForNote, noteOf, type Note, type NoteHistoryFacts } from '../engine';
import { isGitUnavailable, isTransient, type GitUnavailable } from '../git';
import { historyLimits, historyView, NoteHistories, type ReadHistory } from '../project/history';
import { notePath } from '../project/paths';
import { MAX_NOTE_BYTES, readText } from '../project/read';
import { HistoryChangedNotification, HistoryRequest, NoteVersionRequest, type HistoryResult } from '../protocol';
import { insideFolders, type GitFactsSource } from './git-facts';
import { filePathOf, today } from './linting';
import type { ServerState } from './start';

interface Entry {
  /** The generation of git's facts it was read in: a newer one reads again. */
  generation: number;
  read: Promise<ReadHistory | GitUnavailable>;
  /** Set once `read` settled. */
  done: ReadHistory | GitUnavailable | null;
}

export interface HistorySource {
  /** The project config changed: read the open notes' histories again and say so. */
  configChanged(): void;
  /** The history facts already read for a note (never starts git). */
  factsFor(file: string): NoteHistoryFacts | null;
  /** The read history of a note, once read; null while unread. */
  readFor(file: string): ReadHistory | null;
}

export function registerHistory(state: ServerState, git: GitFactsSource): HistorySource {
  const histories = new NoteHistories(() => (state.trusted ? git.provider : null));
  const entries = new Map<string, Entry>();
  let generation = 0;

  /** The note at `uri`: the open buffer's, else the file's. */
  const noteAt = (uri: string, file: string): Note | null => {
    const doc = state.documents.get(uri);
    if (doc) return state.linter.resultFor(doc)?.note ?? parse(file)(doc.getText());
    const read = readText(file, MAX_NOTE_BYTES);
    return 'problem' in read ? null : parse(file)(read.text);
  };

  const parse = (file: string) => {
    const project = state.configs.forFile(file);
    const path = notePath(file, project.root);
    return (text: string) => noteOf({ text, path, config: project.config, template: project.template });
  };

  /**
   * The history of `file`, read in this generation (started now when it is not). `announce`
   * notifies even when the versions read are the same (the limits or the threshold changed).
   */
  const ensure = (uri: string, file: string, announce = false): Entry => {
    const known = entries.get(file);
    // A read cancelled (its provider was replaced) or cut short by a passing failure is read again.
    if (known && known.generation === generation && !(known.done && isGitUnavailable(known.done) && isTransient(known.done))) return known;
    const project = state.configs.forFile(file);
    const flavour = JSON.stringify([project.file, project.config.dialect, project.config.template, project.config.handoffGlobs]);
    const entry: Entry = { generation, done: null, read: histories.read(file, parse(file), historyLimits(project.config), flavour) };
    entries.set(file, entry);
    void entry.read.then((r) => {
      if (entries.get(file) !== entry) return;
      entry.done = r;
      const before = known?.done;
      // A read that changed nothing (same versions) needs neither a re-lint nor a notification.
      if (!announce && before && sameRead(before, r)) return;
      void state.connection.sendNotification(HistoryChangedNotification, { uri });
      const doc = state.documents.get(uri);
      if (doc) state.linter.schedule(doc, 0);
    });
    return entry;
  };

  /** Whether `uri` is a handoff note git may run for; the reason it is not otherwise. */
  const eligible = (uri: string): { file: string; note: Note } | Pick<HistoryResult, 'state' | 'message'> => {
    const file = filePathOf(uri);
    if (!file) return { state: 'no-git', message: 'Not a file on disk' };
    if (!state.trusted) return { state: 'untrusted', message: 'Restricted Mode: git is off' };
    if (!insideFolders(state.roots, file)) return { state: 'no-git', message: 'Outside the workspace folders: git is off' };
    const note = noteAt(uri, file);
    if (!note || note.kind !== 'handoff') return { state: 'not-handoff', message: 'Not a handoff note' };
    return { file, note };
  };

  const background = (doc: TextDocument, announce = false) => {
    const ok = eligible(doc.uri);
    if ('file' in ok) ensure(doc.uri, ok.file, announce);
  };

  // An opened note's history is read once its text findings are out: the read starts git, and
  // deciding that the note is a handoff takes the linter's note instead of parsing it again first.
  const opened = new Set<string>();
  state.documents.onDidOpen(({ document }) => {
    if (state.linter.enabled) opened.add(document.uri);
    else background(document);
  });
  state.linter.publishListeners.push((uri) => {
    const doc = state.documents.get(uri);
    if (doc && opened.delete(uri)) background(doc);
  });
  state.documents.onDidSave(({ document }) => background(document));
  state.documents.onDidClose(({ document }) => {
    opened.delete(document.uri);
    const file = filePathOf(document.uri);
    if (file) entries.delete(file);
  });
  let reread: NodeJS.Timeout | undefined;
  git.onRepoChanged(() => {
    // HEAD, the index or refs moved, or the provider was replaced: each open note's history is
    // read again (the parsed versions stay cached), once a burst of changes (a commit touches
    // several files under .git) has passed.
    generation++;
    if (reread) clearTimeout(reread);
    reread = setTimeout(() => {
      for (const doc of state.documents.all()) background(doc);
    }, 300);
  });

  /** `.handoff.json` changed: its history limits and staleSteps may have, so each open note is read and announced again. */
  const configChanged = () => {
    generation++;
    for (const doc of state.documents.all()) background(doc, true);
  };

  state.connection.onRequest(HistoryRequest, async ({ uri }): Promise<HistoryResult> => {
    const file = filePathOf(uri);
    // The project's threshold, so the client's carried-over filter agrees with stale-next-steps.
    const staleSteps = file ? historyLimits(state.configs.forFile(file).config).staleSteps : historyLimits(defaultConfig()).staleSteps;
    const none = { versions: [], steps: [], staleSteps };
    const ok = eligible(uri);
    if (!('file' in ok)) return { uri, ...ok, ...none };
    let read = await ensure(uri, ok.file).read;
    if (isGitUnavailable(read) && read.reason === 'aborted') read = await ensure(uri, ok.file).read;
    if (isGitUnavailable(read)) return { uri, ...unavailableState(read), ...none };
    if (!read.facts.versions.length) return { uri, state: 'untracked', message: 'The note has no committed version yet', ...none };
    const note = noteAt(uri, ok.file) ?? ok.note;
    const view = historyView(note, read, today(), maskerForNote(note));
    return { uri, state: 'ok', versions: view.versions, steps: view.steps, staleSteps };
  });

  state.connection.onRequest(NoteVersionRequest, async ({ uri, commit }) => {
    const ok = eligible(uri);
    if (!('file' in ok)) return null;
    const project = state.configs.forFile(ok.file);
    const ask = () => histories.versionText(ok.file, commit, parse(ok.file), historyLimits(project.config), maskerForNote(ok.note));
    let text = await ask();
    // Cancelled because the provider was replaced (settings arrived): asked once more of the new one.
    if (text !== null && isGitUnavailable(text) && text.reason === 'aborted') text = await ask();
    return text === null || isGitUnavailable(text) ? null : { text };
  });

  return {
    configChanged,
    factsFor: (file) => {
      const done = entries.get(file)?.done;
      return done && !isGitUnavailable(done) ? done.facts : null;
    },
    readFor: (file) => {
      const done = entries.get(file)?.done;
      return done && !isGitUnavailable(done) ? done : null;
    },
  };
}

function unavailableState(u: GitUnavailable): Pick<HistoryResult, 'state' | 'message'> {
  if (u.reason === 'untrusted') return { state: 'untrusted', message: u.message };
  if (u.reason === 'not-a-repository' || u.reason === 'git-not-found' || u.reason === 'invalid-git-path' || u.reason === 'dubious-ownership') return { state: 'no-git', message: u.message };
  return { state: 'error', message: u.message };
}

function sameRead(a: ReadHistory | GitUnavailable, b: ReadHistory | GitUnavailable): boolean {
  if (isGitUnavailable(a) || isGitUnavailable(b)) return isGitUnavailable(a) && isGitUnavailable(b) && a.reason === b.reason;
  const key = (r: ReadHistory) => r.facts.versions.map((v) => `${v.version.commit}:${v.version.path}`).join() + `|${r.facts.changedSinceNote?.map((c) => c.path).join() ?? 'null'}`;
  return key(a) === key(b);
}
