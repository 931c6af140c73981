// The MCP server definition provider in the real VS Code (1.101+; run on the newer code-server by
// scripts/test.sh): the extension offers `handoff mcp` for the workspace folder, and the offered
// command, started as VS Code would start it, answers tools/list over stdio.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { HandoffApi } from '../../../client/src/extension';
import { atLeast } from '../../../client/src/mcp-provider';
import type { VscodeNext } from '../../../client/src/vscode-next';
import { EXTENSION_ID, workspaceRoot } from './util';

describe('MCP server definition provider', () => {
  it('offers handoff mcp for the workspace folder, and the definition answers tools/list', async function () {
    const api = await vscode.extensions.getExtension<HandoffApi>(EXTENSION_ID)?.activate();
    assert.ok(api, `${EXTENSION_ID} exports its API`);
    if (!atLeast(vscode.version, 1, 101)) {
      // Before 1.101 the provider is skipped (one line in the output channel): nothing offered.
      assert.deepEqual(api.mcpServerDefinitions(), []);
      this.skip();
    }
    assert.ok((vscode as unknown as VscodeNext).lm?.registerMcpServerDefinitionProvider, `VS Code ${vscode.version} has vscode.lm.registerMcpServerDefinitionProvider`);
    const definitions = api.mcpServerDefinitions();
    assert.equal(definitions.length, 1, 'one definition per workspace folder');
    const [d] = definitions;
    assert.deepEqual(d.args.slice(1), ['mcp', '--root', workspaceRoot()]);
    assert.equal(d.cwd?.fsPath, workspaceRoot());

    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, ...d.env })) if (typeof v === 'string' || typeof v === 'number') env[k] = String(v);
    const transport = new StdioClientTransport({ command: d.command, args: d.args, env, cwd: d.cwd?.fsPath, stderr: 'pipe' });
    const stderr: string[] = [];
    transport.stderr?.on('data', (b: Buffer) => stderr.push(b.toString()));
    const client = new Client({ name: 'handoff-vscode-test', version: '0.0.0' });
    try {
      await client.connect(transport).catch((e: unknown) => {
        throw new Error(`${d.command} ${d.args.join(' ')} did not answer: ${e instanceof Error ? e.message : String(e)}; its stderr: ${stderr.join('').trim() || '(empty)'}`);
      });
      const { tools } = await client.listTools();
      const names = tools.map((t) => t.name);
      for (const name of ['handoff_lint', 'handoff_fix', 'handoff_update', 'handoff_outline', 'handoff_brief', 'handoff_new']) assert.ok(names.includes(name), `${name} in tools/list: ${names.join(', ')}`);
    } finally {
      await client.close();
    }
  });
});
