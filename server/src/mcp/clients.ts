// `handoff mcp --print-config <client>`: the snippet that registers the server with each client,
// in that client's own file format. The project-scoped files start the server in the project
// folder; the user-wide ones (Cline, the generic one) name the root explicitly. They run the
// installed `handoff` command (the npm package built from this repository), never `npx handoff`:
// the registry's package of that name is another project's.

export const CLIENTS = ['claude-code', 'codex', 'cursor', 'cline', 'vscode', 'generic'] as const;
export type Client = (typeof CLIENTS)[number];

export interface ClientConfig {
  /** Where the snippet goes. */
  file: string;
  text: string;
}

export function clientConfig(client: Client, root: string): ClientConfig {
  const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
  const server = { command: 'handoff', args: ['mcp'] };
  const rooted = { command: 'handoff', args: ['mcp', '--root', root] };
  switch (client) {
    case 'claude-code':
      return { file: '.mcp.json in the project (or: claude mcp add --scope project handoff -- handoff mcp)', text: json({ mcpServers: { handoff: server } }) };
    case 'codex':
      return { file: '~/.codex/config.toml, or .codex/config.toml in a trusted project', text: `[mcp_servers.handoff]\ncommand = "handoff"\nargs = ["mcp"]\n` };
    case 'cursor':
      return { file: '.cursor/mcp.json in the project', text: json({ mcpServers: { handoff: { ...server, args: [...server.args, '--root', '${workspaceFolder}'] } } }) };
    case 'cline':
      return { file: "Cline's cline_mcp_settings.json (MCP Servers → Configure)", text: json({ mcpServers: { handoff: { ...rooted, disabled: false } } }) };
    case 'vscode':
      return { file: '.vscode/mcp.json in the project', text: json({ servers: { handoff: { type: 'stdio', ...server, args: [...server.args, '--root', '${workspaceFolder}'] } } }) };
    case 'generic':
      return { file: "any MCP client's stdio server list", text: json({ mcpServers: { handoff: rooted } }) };
  }
}
