// "Handoff: Update Handoff": asks the server for the edits that bring the note up to date
// with git and applies them as one WorkspaceEdit on the open document (one undo step, no save).
// One run per document at a time; if the note changes meanwhile it asks once more, then gives up.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { UpdateRequest, type UpdateResult } from '../../server/src/protocol';

const running = new Map<string, Promise<boolean>>();

export function updateHandoff(client: LanguageClient | undefined, preview: boolean, uri?: vscode.Uri): Promise<boolean> {
  if (!vscode.workspace.isTrusted) {
    // The command is hidden in Restricted Mode, but it can still be invoked by id.
    void vscode.window.showWarningMessage('Handoff: Update Handoff needs a trusted workspace (git is not run in Restricted Mode).');
    return Promise.resolve(false);
  }
  const doc = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
  if (!client || !doc) {
    void vscode.window.showInformationMessage('Handoff: open a handoff note to update.');
    return Promise.resolve(false);
  }
  const key = doc.uri.toString();
  const pending = running.get(key);
  if (pending) return pending; // a second invocation joins the first
  const run = update(client, doc, preview).finally(() => running.delete(key));
  running.set(key, run);
  return run;
}

async function update(client: LanguageClient, doc: vscode.TextDocument, preview: boolean): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const version = doc.version;
    const result: UpdateResult = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Handoff: reading git' },
      () => client.sendRequest(UpdateRequest, { uri: client.code2ProtocolConverter.asUri(doc.uri), version }),
    );
    if (result.refused && !result.stale) {
      void vscode.window.showWarningMessage(`Handoff: ${result.refused}`);
      return false;
    }
    if (result.stale || doc.version !== result.version) continue;
    if (!result.edits.length) {
      void vscode.window.setStatusBarMessage('Handoff: the note is up to date', 4000);
      return true;
    }
    const edit = new vscode.WorkspaceEdit();
    const metadata = { label: 'Update Handoff', needsConfirmation: preview, description: result.summary.join('; ') };
    for (const e of result.edits) edit.replace(doc.uri, client.protocol2CodeConverter.asRange(e.range), e.newText, metadata);
    if (doc.version !== result.version) continue; // checked synchronously right before applying
    const applied = await vscode.workspace.applyEdit(edit);
    if (applied) void vscode.window.setStatusBarMessage(`Handoff: updated (${result.summary.length} change${result.summary.length === 1 ? '' : 's'})`, 4000);
    return applied;
  }
  void vscode.window.showWarningMessage('Handoff: the note changed while git was running; run Update Handoff again.');
  return false;
}
