// The MCP server definition provider in Restricted Mode (run on the newer code-server by
// scripts/test.sh with --trust=no): the extension, installed from a .vsix, offers no server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HandoffApi } from '../../../client/src/extension';
import { atLeast } from '../../../client/src/mcp-provider';
import type { VscodeNext } from '../../../client/src/vscode-next';
import { readConfig } from './runner';
import { EXTENSION_ID, openInEditor, waitUntil, workspaceUri } from './util';

describe('MCP server definition provider in Restricted Mode', () => {
  it('offers no server while the workspace is not trusted', async function () {
    if (readConfig().mode !== 'vsix') this.skip(); // a development extension ignores trust
    assert.equal(vscode.workspace.isTrusted, false);
    await openInEditor(workspaceUri('HANDOFF.md'));
    const ext = vscode.extensions.getExtension<HandoffApi>(EXTENSION_ID);
    await waitUntil(() => Boolean(ext?.isActive), `${EXTENSION_ID} to activate`);
    if (atLeast(vscode.version, 1, 101)) assert.ok((vscode as unknown as VscodeNext).lm?.registerMcpServerDefinitionProvider);
    assert.deepEqual(ext?.exports.mcpServerDefinitions(), []);
  });
});
