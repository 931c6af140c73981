// Git and workspace facts for the linter: git's answers to each note's questions (asked through
// the project layer), reused until git or the files change, the repository watched for HEAD,
// index and ref changes, and why git checks are off when they are. In Restricted Mode no git
// process is started: the provider refuses, and text and workspace-file rules still run.
import { watch, type FSWatcher } from 'node:fs';
import { dirname, sep } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { GitFacts, LintResult, NoteHistoryFacts } from '../engine';
import { GitFactsProvider, gitDirWatchPaths, touchedSince, isGitUnavailable, relativeToWorkspace, type GitUnavailable } from '../git';
import { CATALOG_FILES } from '../project/catalog';
import { askGit } from '../project/facts';
import { WorkspaceFolderFacts } from '../project/files';
import { insideAny, isInside } from '../project/paths';
import { filePathOf, type Facts } from './linting';
import type { ServerState } from './start';

export const RESTRICTED_NOTE = 'Restricted Mode: git checks are off';
export const OUTSIDE_NOTE = 'outside the workspace folders: git checks are off';
/** Pauses before asking git again after a transient failure. */
const RETRY_DELAYS_MS = [1000, 4000, 16000];
/** The start of each log line about a lookup git left unanswered. */
const unanswered = (file: string, why: GitUnavailable): string => `Git did not answer every question for ${file} (${why.message})`;

/**
 * A trusted window trusts its folders, not any file opened in it: a note from elsewhere (or any
 * note in an empty window) may sit in a repository whose configuration runs programs, so git is
 * not run for it.
 */
export const insideFolders = insideAny;

export interface GitFactsSource {
  readonly provider: GitFactsProvider;
  workspaceFor(file: string): WorkspaceFolderFacts;
  /** Git's answers to a note's questions (repository-relative). */
  gather(file: string, result: LintResult): Promise<GitFacts | GitUnavailable>;
  /** The facts the linter lints a document with. */
  factsFor(doc: TextDocument, result: LintResult): Promise<Facts | null>;
  /** Git or the files changed: forget the answers. */
  changed(): void;
  onTrustChanged(): void;
  onSettingsChanged(): void;
  onFilesChanged(paths: string[]): void;
  /** Called when git's answers may have changed: a repository's HEAD, index or refs moved (its root), or trust or the git path changed (''). */
  onRepoChanged(listener: (root: string) => void): void;
  /** The note's history facts, read elsewhere in the background; joined to its git facts. */
  historyFacts: (file: string) => NoteHistoryFacts | null;
}

export function createGitFactsSource(state: ServerState): GitFactsSource {
  let gitPath = state.settings.gitPath;
  let provider = new GitFactsProvider({ trusted: state.trusted, gitPath });
  const folders = new Map<string, WorkspaceFolderFacts>();
  const watchers = new Map<string, FSWatcher[]>();
  const notified = new Set<string>();
  const repoListeners: Array<(root: string) => void> = [];
  let relint: NodeJS.Timeout | undefined;

  const workspaceFor = (file: string) => {
    const root = state.configs.rootOf(file);
    let f = folders.get(root);
    if (!f) folders.set(root, (f = new WorkspaceFolderFacts(root)));
    return f;
  };

  const scheduleRelint = () => {
    if (relint) clearTimeout(relint);
    relint = setTimeout(() => state.linter.lintAll(), 300);
  };

  /** Invalidate a repository's facts when its HEAD, index or refs change (`since`: when git was first asked). */
  const watchRepo = async (root: string, since: number) => {
    if (watchers.has(root) || !state.trusted) return;
    watchers.set(root, []);
    const paths = await gitDirWatchPaths(root).catch(() => null);
    if (!paths) return;
    const onChange = () => {
      provider.invalidate(root);
      changed();
      scheduleRelint();
      for (const l of repoListeners) l(root);
    };
    for (const p of [...paths.files.map(dirname), ...paths.directories]) {
      try {
        watchers.get(root)!.push(watch(p, { persistent: false }, onChange));
      } catch {
        /* a folder that does not exist yet (no packed refs): nothing to watch */
      }
    }
    if (await touchedSince(paths, since)) onChange();
  };

  const unavailable = (u: GitUnavailable, folder: string): string => {
    const key = `${u.reason}:${u.reason === 'git-not-found' || u.reason === 'invalid-git-path' ? '' : folder}`;
    if (!notified.has(key) && u.reason !== 'untrusted' && u.reason !== 'aborted') {
      notified.add(key);
      state.log.warn(`Git checks are off for ${folder}: ${u.message}`);
      if (u.reason === 'git-not-found' || u.reason === 'invalid-git-path' || u.reason === 'dubious-ownership') {
        void state.connection.window.showWarningMessage(`Handoff: ${u.message}`);
      }
    }
    return u.reason === 'untrusted' ? RESTRICTED_NOTE : u.message;
  };

  /** Git's answer for a note, and what failed in it on a transient error (asking again may fill it). */
  const ask = async (file: string, result: LintResult, again: boolean): Promise<{ facts: GitFacts | GitUnavailable; gap: GitUnavailable | null; retry: GitUnavailable | null; since: number }> => {
    const previous = lastGathered.get(file);
    const asking = Date.now();
    const since = generation;
    const known = (key: string) => (previous?.key === `${since}:${key}` ? previous.facts : null);
    const asked = await askGit(provider, file, result.note, workspaceFor(file), { known, again });
    if (asked.repoRoot) void watchRepo(asked.repoRoot, asking);
    // The same questions since git last changed: the same answer, so the linter need not lint again.
    // Not an answer with a transient gap, nor a cancelled one: those are asked again. Nor one asked
    // before git or the git path changed: it may be stale, or hold lookups the change stopped.
    if (since === generation && asked.key && !asked.retry && (!isGitUnavailable(asked.facts) || asked.facts.reason !== 'aborted')) lastGathered.set(file, { key: `${since}:${asked.key}`, facts: asked.facts });
    return { facts: asked.facts, gap: asked.gap, retry: asked.retry, since };
  };
  // Update Handoff's answer: a transient gap is asked once more at once, as the CLI does.
  const gather = async (file: string, result: LintResult): Promise<GitFacts | GitUnavailable> => (await ask(file, result, true)).facts;
  let generation = 0;
  /** Per open note, the generation its last git answer in use was asked in. */
  const usedSince = new Map<string, number>();
  state.documents.onDidClose(({ document }) => usedSince.delete(document.uri));
  const lastGathered = new Map<string, { key: string; facts: GitFacts | GitUnavailable }>();
  const changed = () => {
    generation++;
    lastGathered.clear();
    for (const r of retries.values()) clearTimeout(r.timer);
    retries.clear(); // the re-lint that follows asks git afresh
  };

  const factsFor = async (doc: TextDocument, result: LintResult): Promise<Facts | null> => {
    const file = filePathOf(doc.uri);
    if (!file) return null;
    const workspace = workspaceFor(file);
    if (!state.trusted) return sameFacts(doc.uri, { git: null, workspace, gitNote: RESTRICTED_NOTE });
    if (!insideFolders(state.roots, file)) return sameFacts(doc.uri, { git: null, workspace, gitNote: OUTSIDE_NOTE });
    const { facts: git, gap, retry, since } = await ask(file, result, false);
    // Cancelled when the provider is replaced (settings changed), which re-lints every note. An
    // answer asked before git changed, when one asked after it was already used, is older than
    // what is shown: the lint that asked after the change settles the version.
    if ((isGitUnavailable(git) && git.reason === 'aborted') || since < (usedSince.get(doc.uri) ?? -1)) return { git: null, workspace, gitNote: null, superseded: true };
    usedSince.set(doc.uri, since);
    // A change since the question was asked brings a lint that asks afresh: no retry needed.
    if (since === generation) askAgain(doc.uri, file, retry);
    // A lasting failure is kept until git changes: said once, so the missing findings have a reason.
    if (gap && !retry) state.log.once(`gap:${file}:${gap.message}`, `${unanswered(file, gap)}; the checks that need the answer are skipped until the repository changes.`);
    if (isGitUnavailable(git)) return sameFacts(doc.uri, { git: null, workspace, gitNote: unavailable(git, dirname(file)) });
    const history = source.historyFacts(file);
    const old = state.linter.factsFor(doc.uri) as (Facts & { source?: GitFacts; historySource?: NoteHistoryFacts | null }) | null;
    if (old?.git && old.workspace === workspace && old.source === git && old.historySource === history) return old;
    return Object.assign({ git: relativeToWorkspace({ ...git, history }, workspace.root), workspace, gitNote: null }, { source: git, historySource: history });
  };

  /**
   * A note whose answer had a transient gap (a git killed or stopped on a loaded machine) is
   * linted again after a pause that grows, three times at most: nothing else would ask git again
   * until the note or the repository changes. A full answer ends the retries.
   */
  const retries = new Map<string, { attempts: number; timer?: NodeJS.Timeout; gaveUp?: boolean }>();
  const askAgain = (uri: string, file: string, why: GitUnavailable | null) => {
    const pending = retries.get(uri);
    if (!why) {
      if (pending?.timer) clearTimeout(pending.timer);
      retries.delete(uri);
      return;
    }
    if (pending?.timer) return;
    const attempts = (pending?.attempts ?? 0) + 1;
    if (attempts > RETRY_DELAYS_MS.length) {
      if (!pending?.gaveUp) state.log.warn(`${unanswered(file, why)}; the checks that need the answer wait for the next edit or change to the repository.`);
      retries.set(uri, { attempts: RETRY_DELAYS_MS.length, gaveUp: true });
      return;
    }
    const delay = RETRY_DELAYS_MS[attempts - 1];
    state.log.warn(`${unanswered(file, why)}; asking again in ${delay / 1000} s.`);
    const timer = setTimeout(() => {
      retries.set(uri, { attempts });
      const doc = state.documents.get(uri);
      if (doc) state.linter.relint(doc);
      else retries.delete(uri);
    }, delay);
    retries.set(uri, { attempts, timer });
  };

  /** Returns the facts already in use when nothing changed, so the linter skips a re-lint. */
  const sameFacts = (uri: string, facts: Facts): Facts => {
    const old = state.linter.factsFor(uri);
    return old && old.git === facts.git && old.workspace === facts.workspace && old.gitNote === facts.gitNote ? old : facts;
  };

  const source: GitFactsSource = {
    get provider() {
      return provider;
    },
    workspaceFor,
    gather,
    factsFor,
    changed,
    onTrustChanged() {
      provider.setTrusted(state.trusted);
      changed();
      notified.clear();
      for (const l of repoListeners) l('');
    },
    onSettingsChanged() {
      // Only the git path changes git's answers; any other setting leaves git running undisturbed
      // (an editor sends its settings at start, often while the first notes' git runs).
      if (state.settings.gitPath === gitPath) return;
      gitPath = state.settings.gitPath;
      changed();
      provider.dispose();
      provider = new GitFactsProvider({ trusted: state.trusted, gitPath });
      notified.clear();
      scheduleRelint();
      for (const l of repoListeners) l('');
    },
    onFilesChanged(paths: string[]) {
      changed();
      for (const f of folders.values()) {
        const inside = paths.filter((p) => p !== f.root && isInside(f.root, p));
        if (!inside.length) continue;
        f.invalidate(inside.some((p) => CATALOG_FILES.includes(p.slice(p.lastIndexOf(sep) + 1))) ? 'all' : 'files');
      }
      scheduleRelint();
    },
    onRepoChanged(listener) {
      repoListeners.push(listener);
    },
    historyFacts: () => null,
  };
  return source;
}
