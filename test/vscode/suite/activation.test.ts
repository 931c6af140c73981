// The extension is installed, activates on a Markdown file and registers its commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openInEditor, waitUntil, workspaceUri } from './util';

describe('activation', () => {
  it('runs in a trusted workspace', () => {
    assert.equal(vscode.workspace.isTrusted, true);
  });

  it(`finds the extension ${EXTENSION_ID}`, () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed; installed: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ') || '(none but built-ins)'}`);
  });

  it('activates when a Markdown file of the workspace is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    const editor = await openInEditor(workspaceUri('HANDOFF.md'));
    assert.equal(editor.document.languageId, 'markdown');
    // Opening the file must be enough: never call ext.activate() here.
    await waitUntil(() => ext.isActive, `${EXTENSION_ID} to activate on onLanguage:markdown`, 30000);
  });

  it('registers its commands', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    const missing = ['handoff.restartServer', 'handoff.showOutput', 'handoff.fixAll'].filter((c) => !all.has(c));
    assert.deepEqual(missing, [], `commands not registered: ${missing.join(', ')}`);
  });
});
