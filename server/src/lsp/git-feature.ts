// Git and workspace facts for the linter, hover on commits and paths, path completion, and the
// Update Handoff and New Handoff requests. In Restricted Mode no git process is started: the
// provider refuses, and text and workspace-file rules still run.
import { watch, type FSWatcher } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { MarkupKind, CompletionItemKind, type Hover, type CompletionItem } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { DIALECTS, noteOf, type GitFacts, type LintResult } from '../engine';
import { commitRefs, pathRefs } from '../engine';
import { candidates, nonPaths } from '../engine';
import { planUpdate } from '../engine';
import { newNoteText } from '../engine';
import { GitFactsProvider, gitDirWatchPaths, isGitUnavailable, relativeToWorkspace, type GitUnavailable } from '../git';
import { WorkspaceFolderFacts } from '../project/files';
import { askGit } from '../project/facts';
import { insideAny, isInside } from '../project/paths';
import { CATALOG_FILES } from '../project/catalog';
import { NewNoteRequest, UpdateRequest } from '../protocol';
import { filePathOf, today, type Facts } from './linting';
import { toLspEdit, toRange } from './convert';
import type { Feature, ServerState } from './start';

export const RESTRICTED_NOTE = 'Restricted Mode: git checks are off';
export const OUTSIDE_NOTE = 'outside the workspace folders: git checks are off';

/**
 * A trusted window trusts its folders, not any file opened in it: a note from elsewhere (or any
 * note in an empty window) may sit in a repository whose configuration runs programs, so git is
 * not run for it.
 */
const insideFolders = insideAny;

export const gitFeature: Feature = (state) => {
  let provider = new GitFactsProvider({ trusted: state.trusted, gitPath: state.settings.gitPath });
  const folders = new Map<string, WorkspaceFolderFacts>();
  const watchers = new Map<string, FSWatcher[]>();
  const notified = new Set<string>();
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

  /** Invalidate a repository's facts when its HEAD, index or refs change. */
  const watchRepo = async (root: string) => {
    if (watchers.has(root) || !state.trusted) return;
    watchers.set(root, []);
    const paths = await gitDirWatchPaths(root).catch(() => null);
    if (!paths) return;
    const onChange = () => {
      provider.invalidate(root);
      changed();
      scheduleRelint();
    };
    for (const p of [...paths.files.map(dirname), ...paths.directories]) {
      try {
        watchers.get(root)!.push(watch(p, { persistent: false }, onChange));
      } catch {
        /* a folder that does not exist yet (no packed refs): nothing to watch */
      }
    }
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

  const gather = async (file: string, result: LintResult): Promise<GitFacts | GitUnavailable> => {
    const previous = lastGathered.get(file);
    const asked = await askGit(provider, file, result.note, workspaceFor(file), (key) => (previous?.key === `${generation}:${key}` ? previous.facts : null));
    if (asked.repoRoot) void watchRepo(asked.repoRoot);
    // The same questions since git last changed: the same answer, so the linter need not lint again.
    if (asked.key && (!isGitUnavailable(asked.facts) || asked.facts.reason !== 'aborted')) lastGathered.set(file, { key: `${generation}:${asked.key}`, facts: asked.facts });
    return asked.facts;
  };
  let generation = 0;
  const lastGathered = new Map<string, { key: string; facts: GitFacts | GitUnavailable }>();
  const changed = () => {
    generation++;
    lastGathered.clear();
  };

  state.linter.factsSource = async (doc: TextDocument, result: LintResult): Promise<Facts | null> => {
    const file = filePathOf(doc.uri);
    if (!file) return null;
    const workspace = workspaceFor(file);
    if (!state.trusted) return sameFacts(doc.uri, { git: null, workspace, gitNote: RESTRICTED_NOTE });
    if (!insideFolders(state.roots, file)) return sameFacts(doc.uri, { git: null, workspace, gitNote: OUTSIDE_NOTE });
    const git = await gather(file, result);
    if (isGitUnavailable(git)) return sameFacts(doc.uri, { git: null, workspace, gitNote: unavailable(git, dirname(file)) });
    const old = state.linter.factsFor(doc.uri);
    if (old?.git && old.workspace === workspace && (old as Facts & { source?: GitFacts }).source === git) return old;
    return Object.assign({ git: relativeToWorkspace(git, workspace.root), workspace, gitNote: null }, { source: git });
  };

  /** Returns the facts already in use when nothing changed, so the linter skips a re-lint. */
  const sameFacts = (uri: string, facts: Facts): Facts => {
    const old = state.linter.factsFor(uri);
    return old && old.git === facts.git && old.workspace === facts.workspace && old.gitNote === facts.gitNote ? old : facts;
  };

  state.hovers.push(async (doc, result, position) => hoverAt(state, doc, result, position, provider, workspaceFor));
  state.completions.push((doc, result, position) => pathCompletions(doc, result, position, workspaceFor));

  state.connection.onRequest(UpdateRequest, async ({ uri, version }) => {
    const none = (refused: string) => ({ version, edits: [], summary: [], refused });
    const doc = state.documents.get(uri);
    const file = doc ? filePathOf(uri) : null;
    if (!doc || !file) return none('Open the handoff note in an editor first');
    if (!state.trusted) return none('Update Handoff needs a trusted workspace: git is not run in Restricted Mode');
    if (!insideFolders(state.roots, file)) return none(`Update Handoff runs git only for notes inside the workspace folders; ${file} is outside them`);
    const result = state.linter.resultFor(doc);
    if (!result || result.note.kind !== 'handoff') return none('This file is not a handoff note');
    const location = await provider.locate(dirname(file));
    if (!isGitUnavailable(location)) provider.invalidate(location.root);
    changed();
    const git = await gather(file, result);
    if (isGitUnavailable(git)) return none(git.message);
    const current = state.documents.get(uri);
    if (!current || current.version !== version || doc.version !== version) return { ...none('The note changed while git was running'), stale: true };
    const project = state.configs.forFile(file);
    const reparse = (text: string) => noteOf({ text, path: result.note.path, config: project.config, template: project.template });
    const plan = planUpdate(result.note, relativeToWorkspace(git, workspaceFor(file).root), { today: today(), reparse });
    return { version, edits: plan.edits.map((e) => toLspEdit(result.note.lines, e)), summary: plan.summary, refused: plan.refused };
  });

  state.connection.onRequest(NewNoteRequest, async ({ folderUri, dialect }) => {
    const folder = URI.parse(folderUri).fsPath;
    const project = state.configs.forFile(join(folder, 'HANDOFF.md'));
    const dialects = [...Object.keys(DIALECTS).filter((d) => !DIALECTS[d].lenient), ...(project.template ? ['template'] : [])];
    const chosen = dialect === 'template' && project.template ? project.template : DIALECTS[dialect] && !DIALECTS[dialect].lenient ? DIALECTS[dialect] : DIALECTS['session-handoff'];
    let values: { branch?: string | null; head?: string | null; dirty?: boolean | null } = {};
    if (state.trusted && insideFolders(state.roots, folder)) {
      const facts = await provider.repoFacts(folder);
      if (!isGitUnavailable(facts)) values = { branch: facts.detached && facts.head ? `(detached at ${facts.head.slice(0, 7)})` : facts.branch, head: facts.head, dirty: facts.dirty };
    }
    return { text: newNoteText(chosen, { date: today(), ...values }), dialects };
  });

  const recreate = () => {
    changed();
    provider.dispose();
    provider = new GitFactsProvider({ trusted: state.trusted, gitPath: state.settings.gitPath });
    notified.clear();
  };

  return {
    onTrustChanged() {
      provider.setTrusted(state.trusted);
      changed();
      notified.clear();
    },
    onSettingsChanged() {
      recreate();
      scheduleRelint();
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
  };
};

async function hoverAt(state: ServerState, doc: TextDocument, result: LintResult, position: { line: number; character: number }, provider: GitFactsProvider, workspaceFor: (file: string) => WorkspaceFolderFacts): Promise<Hover | null> {
  const note = result.note;
  const offset = note.lines.offset(position);
  const facts = state.linter.factsFor(doc.uri);
  const hash = commitRefs(note).find((h) => h.start <= offset && offset <= h.end);
  if (hash) {
    const info = facts?.git?.commits[hash.hash];
    const range = toRange(note.lines, hash.start, hash.end);
    if (info === undefined) return facts?.gitNote ? { range, contents: { kind: MarkupKind.Markdown, value: `Commit \`${hash.hash}\`: ${facts.gitNote}` } } : null;
    if (info === null) return { range, contents: { kind: MarkupKind.Markdown, value: `Commit \`${hash.hash}\` does not resolve in this repository.` } };
    const where = info.sha === facts?.git?.head ? 'HEAD' : info.isAncestor ? `${info.behind ?? '?'} commits behind HEAD` : 'not an ancestor of HEAD';
    return { range, contents: { kind: MarkupKind.Markdown, value: `**${escape(info.subject)}**\n\n\`${info.sha.slice(0, 12)}\` · ${escape(info.author)} · ${info.date.slice(0, 10)} · ${where}` } };
  }
  const file = filePathOf(doc.uri);
  const ref = file ? pathRefs(note, nonPaths(note)).find((r) => r.start <= offset && offset <= r.end) : undefined;
  if (!ref || !file) return null;
  const workspace = workspaceFor(file);
  const path = candidates(note, ref).find((p) => workspace.exists(p)) ?? null;
  const range = toRange(note.lines, ref.start, ref.end);
  if (!path) return { range, contents: { kind: MarkupKind.Markdown, value: `\`${escape(ref.path)}\` does not exist in this workspace.` } };
  let last = '';
  if (state.trusted && insideFolders(state.roots, file)) {
    const date = await provider.lastCommitDate(dirname(file), relative(dirname(file), join(workspace.root, path)).split(sep).join('/')).catch(() => null);
    if (typeof date === 'string') last = ` · last changed in a commit on ${date.slice(0, 10)}`;
  }
  return { range, contents: { kind: MarkupKind.Markdown, value: `\`${escape(path)}\` exists${last}` } };
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]<>|]/g, (c) => '\\' + c);
}

/** Inside backticks: workspace files starting with what was typed. */
function pathCompletions(doc: TextDocument, result: LintResult, position: { line: number; character: number }, workspaceFor: (file: string) => WorkspaceFolderFacts): CompletionItem[] {
  const file = filePathOf(doc.uri);
  if (!file) return [];
  const line = result.lines.lineText(position.line).slice(0, position.character);
  const m = /`([\w@./+-]*)$/.exec(line);
  if (!m || (line.slice(0, m.index).split('`').length - 1) % 2 === 1) return [];
  const typed = m[1];
  const workspace = workspaceFor(file);
  return workspace.filesStartingWith(typed).map((p) => ({
    label: p,
    kind: CompletionItemKind.File,
    textEdit: { range: { start: { line: position.line, character: position.character - typed.length }, end: position }, newText: p },
  }));
}

