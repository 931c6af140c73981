// "Handoff: Update Handoff": asks the server for the edits that bring the note up to date
// with git and applies them as one WorkspaceEdit on the open document (one undo step, no save).
// One run per document at a time; if the note changes meanwhile it asks once more, then gives up.
// The update language model tool (lm-tools.ts) takes the same path through updateNote.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { UpdateRequest, type UpdateResult } from '../../server/src/protocol';

export const UNTRUSTED = 'Update Handoff needs a trusted workspace (git is not run in Restricted Mode).';
const CHANGED = 'The note changed while git was running; run Update Handoff again.';

export type UpdateOutcome =
  | { status: 'refused'; message: string }
  | { status: 'up-to-date' }
  /** preview: nothing applied; diff is the masked unified diff from the server. */
  | { status: 'preview'; summary: string[]; diff: string }
  | { status: 'applied' | 'declined'; summary: string[] };

export interface UpdateOptions {
  /** Apply the edits (false: only the preview). */
  apply: boolean;
  /** Show VS Code's refactor preview before applying. */
  confirm: boolean;
}

const running = new Map<string, Promise<UpdateOutcome>>();

export async function updateHandoff(client: LanguageClient | undefined, preview: boolean, uri?: vscode.Uri): Promise<boolean> {
  if (!vscode.workspace.isTrusted) {
    // The command is hidden in Restricted Mode, but it can still be invoked by id.
    void vscode.window.showWarningMessage(`Handoff: ${UNTRUSTED}`);
    return false;
  }
  const doc = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
  if (!client || !doc) {
    void vscode.window.showInformationMessage('Handoff: open a handoff note to update.');
    return false;
  }
  const outcome = await updateNote(client, doc, { apply: true, confirm: preview });
  switch (outcome.status) {
    case 'refused':
      void vscode.window.showWarningMessage(`Handoff: ${outcome.message}`);
      return false;
    case 'up-to-date':
      void vscode.window.setStatusBarMessage('Handoff: the note is up to date', 4000);
      return true;
    case 'applied':
      void vscode.window.setStatusBarMessage(`Handoff: updated (${outcome.summary.length} change${outcome.summary.length === 1 ? '' : 's'})`, 4000);
      return true;
    default:
      return false;
  }
}

/** The update of an open note: refused, up to date, previewed, or applied as one edit. */
export function updateNote(client: LanguageClient, doc: vscode.TextDocument, options: UpdateOptions): Promise<UpdateOutcome> {
  if (!vscode.workspace.isTrusted) return Promise.resolve({ status: 'refused', message: UNTRUSTED });
  if (!options.apply) return update(client, doc, options);
  const key = doc.uri.toString();
  const pending = running.get(key);
  if (pending) return pending; // a second invocation joins the first
  const run = update(client, doc, options).finally(() => running.delete(key));
  running.set(key, run);
  return run;
}

async function update(client: LanguageClient, doc: vscode.TextDocument, options: UpdateOptions): Promise<UpdateOutcome> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const version = doc.version;
    const result: UpdateResult = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Handoff: reading git' },
      () => client.sendRequest(UpdateRequest, { uri: client.code2ProtocolConverter.asUri(doc.uri), version, diff: !options.apply }),
    );
    if (result.refused && !result.stale) return { status: 'refused', message: result.refused };
    if (result.stale || doc.version !== result.version) continue;
    if (!result.edits.length) return { status: 'up-to-date' };
    if (!options.apply) return { status: 'preview', summary: result.summary, diff: result.diff ?? '' };
    const edit = new vscode.WorkspaceEdit();
    const metadata = { label: 'Update Handoff', needsConfirmation: options.confirm, description: result.summary.join('; ') };
    for (const e of result.edits) edit.replace(doc.uri, client.protocol2CodeConverter.asRange(e.range), e.newText, metadata);
    if (doc.version !== result.version) continue; // checked synchronously right before applying
    const applied = await vscode.workspace.applyEdit(edit);
    return { status: applied ? 'applied' : 'declined', summary: result.summary };
  }
  return { status: 'refused', message: CHANGED };
}
