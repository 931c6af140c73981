// Past versions of a note as read-only documents (`handoff-version:` URIs carry the note and the
// commit), their text asked from the server, which masks it like every other output, and the
// diffs the Timeline opens: a version against the one before it (the first against nothing) and
// a version against the working copy.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NoteVersionRequest, type HistoryVersion } from '../../../server/src/protocol';
import type { HistoryStore } from './history-store';
import { shortCommit } from './timeline-view';
import type { Node } from './tree';

export const VERSION_SCHEME = 'handoff-version';

interface VersionQuery {
  /** The note (protocol URI string, as the server knows it). */
  uri: string;
  /** '' for the empty text a first version is compared with. */
  commit: string;
}

/** The document of a note's text in a commit; its path is the note's path there, for the tab. */
export function versionUri(note: string, version: Pick<HistoryVersion, 'path' | 'commit'> | { path: string; commit: '' }): vscode.Uri {
  const query: VersionQuery = { uri: note, commit: version.commit };
  return vscode.Uri.from({ scheme: VERSION_SCHEME, path: `/${version.path}`, query: JSON.stringify(query) });
}

export function parseVersionUri(uri: vscode.Uri): VersionQuery | undefined {
  if (uri.scheme !== VERSION_SCHEME) return undefined;
  try {
    const q = JSON.parse(uri.query) as Partial<VersionQuery>;
    return typeof q.uri === 'string' && typeof q.commit === 'string' ? { uri: q.uri, commit: q.commit } : undefined;
  } catch {
    return undefined;
  }
}

class NoteVersionProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly client: LanguageClient) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const q = parseVersionUri(uri);
    if (!q) throw new Error(`Handoff: not a note version: ${uri.toString()}`);
    if (!q.commit) return '';
    const answer = await this.client.sendRequest(NoteVersionRequest, { uri: q.uri, commit: q.commit });
    if (!answer) throw new Error(`Handoff: git has no version of ${path.posix.basename(uri.path)} in ${shortCommit(q.commit)}.`);
    return answer.text;
  }
}

export function registerNoteVersions(context: vscode.ExtensionContext, client: LanguageClient, history: HistoryStore): void {
  const versionOf = async (note: string, commit: string) => {
    const h = history.get(note) ?? (await history.request(note));
    const i = h.versions.findIndex((v) => v.commit === commit);
    if (i < 0) {
      void vscode.window.showWarningMessage(`Handoff: ${shortCommit(commit)} is no longer in the note's history.`);
      return undefined;
    }
    return { version: h.versions[i], before: h.versions[i + 1] as HistoryVersion | undefined };
  };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(VERSION_SCHEME, new NoteVersionProvider(client)),
    /** A version against the one before it; the first version against an empty text. */
    vscode.commands.registerCommand('handoff.timeline.openDiff', async (note: string, commit: string) => {
      const found = await versionOf(note, commit);
      if (!found) return false;
      const { version, before } = found;
      const name = path.posix.basename(version.path);
      const left = versionUri(note, before ?? { path: version.path, commit: '' });
      const title = before ? `${name} (${shortCommit(before.commit)} ↔ ${shortCommit(version.commit)})` : `${name} (added in ${shortCommit(version.commit)})`;
      await vscode.commands.executeCommand('vscode.diff', left, versionUri(note, version), title, { preview: true });
      return true;
    }),
    /** A version against the note as it is now (the open buffer, unsaved edits included). */
    vscode.commands.registerCommand('handoff.timeline.compareWithWorkingCopy', async (arg?: Pick<Node, 'version'> | string, commitArg?: string) => {
      const note = typeof arg === 'string' ? arg : arg?.version?.note;
      const commit = typeof arg === 'string' ? commitArg : arg?.version?.commit;
      if (!note || !commit) return false;
      const found = await versionOf(note, commit);
      if (!found) return false;
      const current = client.protocol2CodeConverter.asUri(note);
      const title = `${path.posix.basename(current.path)} (${shortCommit(commit)} ↔ working copy)`;
      await vscode.commands.executeCommand('vscode.diff', versionUri(note, found.version), current, title, { preview: true });
      return true;
    }),
  );
}
