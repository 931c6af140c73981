// Commands: Restart Server, Show Output, Fix All, Update Handoff (with a preview variant), New Handoff.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FixAllRequest } from '../../server/src/protocol';
import { updateHandoff } from './update';
import { newHandoff } from './new-handoff';

export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, output: vscode.OutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('handoff.restartServer', async () => {
      const c = client();
      if (!c) return;
      await c.restart();
      void vscode.window.setStatusBarMessage('Handoff: server restarted', 3000);
    }),
    vscode.commands.registerCommand('handoff.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('handoff.fixAll', async (uri?: vscode.Uri) => fixAll(client(), uri)),
    vscode.commands.registerCommand('handoff.update', (uri?: vscode.Uri) => updateHandoff(client(), false, uri)),
    vscode.commands.registerCommand('handoff.updatePreview', (uri?: vscode.Uri) => updateHandoff(client(), true, uri)),
    vscode.commands.registerCommand('handoff.newHandoff', () => newHandoff(client())),
  );
}

/** Applies every compatible fix as one edit on the current version of the document. */
export async function fixAll(c: LanguageClient | undefined, uri?: vscode.Uri): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  const doc = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : editor?.document;
  if (!c || !doc) {
    void vscode.window.showInformationMessage('Handoff: open a handoff note to fix.');
    return false;
  }
  const version = doc.version;
  const result = await c.sendRequest(FixAllRequest, { uri: c.code2ProtocolConverter.asUri(doc.uri), version });
  if (!result) {
    void vscode.window.showWarningMessage('Handoff: the note changed while fixing; run Fix All again.');
    return false;
  }
  if (!result.edits.length) {
    void vscode.window.setStatusBarMessage('Handoff: nothing to fix', 3000);
    return true;
  }
  if (doc.version !== version) {
    void vscode.window.showWarningMessage('Handoff: the note changed while fixing; run Fix All again.');
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(doc.uri, result.edits.map((e) => c.protocol2CodeConverter.asTextEdit(e)));
  return vscode.workspace.applyEdit(edit);
}
