// The Language Model tools in Restricted Mode: lint and outline read the text; update refuses.
import * as assert from 'node:assert/strict';
import { readConfig } from './runner';
import { EXTENSION_ID, invokeTool as invoke, openInEditor, waitUntil, workspaceUri } from './util';
import * as vscode from 'vscode';

describe('Language Model tools in Restricted Mode', () => {
  before(async function () {
    if (readConfig().mode !== 'vsix') this.skip(); // a development extension ignores trust
    await openInEditor(workspaceUri('HANDOFF.md'));
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    await waitUntil(() => Boolean(ext?.isActive), `${EXTENSION_ID} to activate`);
  });

  it('handoff_lint reports the text findings and says git checks are off', async () => {
    const text = await invoke('handoff_lint', { path: 'HANDOFF.md' });
    assert.match(text, / mojibake: /, text);
    assert.match(text, /Git checks are off: Restricted Mode/, text);
  });

  it('handoff_outline works', async () => {
    assert.match(await invoke('handoff_outline', { path: 'HANDOFF.md' }), /^# Session Handoff$/m);
  });

  it('handoff_update refuses', async () => {
    assert.match(await invoke('handoff_update', { path: 'HANDOFF.md', apply: true }), /not updated: Update Handoff needs a trusted workspace/);
  });
});
