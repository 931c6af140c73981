// `handoff mcp --print-config <client>` for every client, and the Claude Code plugin: its files
// are valid JSON, and the commands they name start the servers of the build (the language server
// answers `initialize` over stdio, the MCP server lists its tools).
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { createProtocolConnection, InitializeRequest, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { BIN, repository, startServer } from './harness';

const ROOT = resolve(__dirname, '../..');
const PLUGIN = join(ROOT, 'claude-plugin');

const printConfig = (client: string, cwd: string) => spawnSync(process.execPath, [BIN, 'mcp', '--print-config', client], { cwd, encoding: 'utf8' });

type Entry = { command: string; args: string[] };

/** The server entry of a printed snippet, whatever the client's format. */
function serverOf(client: string, text: string): Entry & Record<string, unknown> {
  if (client === 'codex') return (parseToml(text) as { mcp_servers: Record<string, Entry> }).mcp_servers.handoff;
  const json = JSON.parse(text) as { mcpServers?: Record<string, Entry>; servers?: Record<string, Entry> };
  return (json.mcpServers ?? json.servers)!.handoff;
}

describe('handoff mcp --print-config and the Claude Code plugin', function () {
  this.timeout(60_000);

  it('prints a snippet for each client that starts `handoff mcp`', () => {
    const { base, root } = repository({ 'HANDOFF.md': '# Session Handoff\n' });
    try {
      for (const client of ['claude-code', 'codex', 'cursor', 'cline', 'vscode', 'generic']) {
        const r = printConfig(client, root);
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stderr, /^# /, 'where the snippet goes, on stderr');
        const server = serverOf(client, r.stdout);
        // The installed command, never `npx handoff` (the registry's "handoff" is another project).
        assert.equal(server.command, 'handoff', client);
        assert.deepEqual(server.args.slice(0, 1), ['mcp'], client);
        if (client === 'cline' || client === 'generic') assert.deepEqual(server.args.slice(1), ['--root', root], client);
        if (client === 'cursor' || client === 'vscode') assert.deepEqual(server.args.slice(1), ['--root', '${workspaceFolder}'], client);
        if (client === 'vscode') assert.equal(server.type, 'stdio');
      }
      const bad = printConfig('emacs', root);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /Unknown client "emacs", expected one of claude-code, codex, cursor, cline, vscode, generic/);
      assert.equal(bad.stdout, '');
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('the plugin names the language server for .md files and the MCP server, and both start from the build', async () => {
    const plugin = JSON.parse(readFileSync(join(PLUGIN, '.claude-plugin/plugin.json'), 'utf8')) as {
      name: string;
      lspServers: Record<string, Entry & { extensionToLanguage: Record<string, string> }>;
      mcpServers: Record<string, Entry>;
    };
    assert.equal(plugin.name, 'handoff');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const lsp = plugin.lspServers.handoff;
    const mcp = plugin.mcpServers.handoff;
    assert.equal(lsp.extensionToLanguage['.md'], 'markdown');
    assert.deepEqual((lsp as { initializationOptions?: unknown }).initializationOptions, { trusted: true }, 'git checks on: Claude Code runs in a folder its user trusts');
    for (const entry of [lsp, mcp]) assert.ok(pkg.bin[entry.command], `${entry.command} is the package's executable`);
    const hooks = JSON.parse(readFileSync(join(PLUGIN, 'examples/stop-hook.json'), 'utf8')) as { hooks: Record<string, Array<{ hooks: Array<{ type: string; command: string }> }>> };
    assert.deepEqual(Object.keys(hooks.hooks).sort(), ['SessionEnd', 'Stop']);
    for (const group of Object.values(hooks.hooks)) for (const h of group.flatMap((g) => g.hooks)) assert.match(h.command, /handoff lint HANDOFF\.md/);

    const { base, root } = repository({ 'HANDOFF.md': '# Session Handoff\n' });
    const child = spawn(process.execPath, [join(ROOT, pkg.bin[lsp.command]), ...lsp.args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    try {
      const init = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
      assert.ok(init.capabilities.textDocumentSync !== undefined, 'the language server answers initialize');
      assert.deepEqual(mcp.args, ['mcp']);
      const server = await startServer(root, mcp.args.slice(1));
      try {
        assert.equal((await server.client.listTools()).tools.length, 6);
      } finally {
        await server.close();
      }
    } finally {
      connection.dispose();
      child.kill();
      rmSync(base, { recursive: true, force: true });
    }
  });
});
