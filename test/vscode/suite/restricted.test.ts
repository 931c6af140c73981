// Run by `node test/vscode/run.mjs --trust=no`: the window is in Restricted Mode and, by default,
// the extension was installed from a .vsix (extensions loaded from extensionDevelopmentPath are
// not subject to workspace trust, so only an installed extension shows what users get).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readConfig } from './runner';
import { EXTENSION_ID, SOURCE, openInEditor, ruleId, waitForDiagnostics, waitUntil, workspaceUri } from './util';

interface Manifest {
  capabilities?: { untrustedWorkspaces?: { supported?: boolean | 'limited' } };
}

// The bundle is out/test/vscode/index.js: the manifest is three folders up.
function manifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as Manifest;
}

describe('restricted mode', () => {
  it('the workspace is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('opening a Markdown file works', async () => {
    const editor = await openInEditor(workspaceUri('HANDOFF.md'));
    assert.equal(editor.document.languageId, 'markdown');
  });

  it(`${EXTENSION_ID} follows its manifest's capabilities.untrustedWorkspaces`, async function () {
    if (readConfig().mode !== 'vsix') this.skip(); // a development extension ignores trust
    const supported = manifest().capabilities?.untrustedWorkspaces?.supported ?? false;
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    if (supported === false) {
      assert.ok(!ext?.isActive, `${EXTENSION_ID} does not support untrusted workspaces but is active`);
    } else {
      assert.ok(ext, `${EXTENSION_ID} declares untrustedWorkspaces.supported = ${supported} but is not available`);
      await openInEditor(workspaceUri('HANDOFF.md'));
      await waitUntil(() => ext.isActive, `${EXTENSION_ID} to activate in Restricted Mode`);
    }
  });

  it('with limited support, the text checks still report diagnostics (mojibake)', async function () {
    if (readConfig().mode !== 'vsix') this.skip();
    if (manifest().capabilities?.untrustedWorkspaces?.supported !== 'limited') this.skip();
    const uri = workspaceUri('HANDOFF.md');
    await openInEditor(uri);
    await waitForDiagnostics(uri, (l) => l.some((d) => d.source === SOURCE && ruleId(d) === 'mojibake'), 'a mojibake diagnostic in Restricted Mode');
  });
});
