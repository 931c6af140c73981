// "Handoff: New Handoff": a note from a built-in dialect or the project's template, filled with
// today's git facts, created as a new file (never overwriting one) and opened.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NewNoteRequest } from '../../server/src/protocol';

export async function newHandoff(client: LanguageClient | undefined): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!client || !folder) {
    void vscode.window.showInformationMessage('Handoff: open a folder to create a handoff note in.');
    return undefined;
  }
  const folderUri = client.code2ProtocolConverter.asUri(folder.uri);
  const offer = await client.sendRequest(NewNoteRequest, { folderUri, dialect: 'session-handoff' });
  const dialect = offer.dialects.length > 1 ? await vscode.window.showQuickPick(offer.dialects, { title: 'New Handoff: dialect' }) : offer.dialects[0];
  if (!dialect) return undefined;
  const name = await vscode.window.showInputBox({ title: 'New Handoff: file name', value: 'HANDOFF.md', validateInput: (v) => (/^[^\\/:*?"<>|]+\.md$/.test(v) ? null : 'A Markdown file name, e.g. HANDOFF.md') });
  if (!name) return undefined;
  const target = vscode.Uri.joinPath(folder.uri, name);
  try {
    await vscode.workspace.fs.stat(target);
    void vscode.window.showWarningMessage(`Handoff: ${name} exists already; it was left as it is.`);
    return undefined;
  } catch {
    /* free to create */
  }
  const { text } = await client.sendRequest(NewNoteRequest, { folderUri, dialect });
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(target, { ignoreIfExists: true });
  edit.insert(target, new vscode.Position(0, 0), text);
  if (!(await vscode.workspace.applyEdit(edit))) return undefined;
  await vscode.window.showTextDocument(target);
  return target;
}
