// Entry point of `handoff mcp` (bundled to out/mcp/handoff-mcp.js; bin/handoff.js routes `mcp`
// here): the MCP server over stdio, rooted at the working directory or --root. --no-git runs no
// git process at all (as VS Code's Restricted Mode); --print-config prints a client's snippet.
// Nothing but protocol messages goes to stdout; notices go to stderr.
import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { CLIENTS, clientConfig, type Client } from './clients';
import { todayFrom } from '../project/today';
import { createServer } from './server';

const USAGE = `Usage: handoff mcp [--root DIR] [--no-git]
       handoff mcp --print-config <${CLIENTS.join('|')}>

Runs the Handoff MCP server over stdio (tools: handoff_lint, handoff_fix, handoff_update,
handoff_outline, handoff_brief, handoff_new; prompt: handoff_write).

  --root DIR              The project root (default: the working directory); no path outside it is read or written
  --no-git                Run no git at all (as in VS Code's Restricted Mode): handoff_update refuses
  --print-config CLIENT   Print the configuration snippet for a client and exit
  -h, --help              Show this help

Set HANDOFF_TODAY=YYYY-MM-DD to work as of another day; HANDOFF_GIT_PATH names the git executable.`;

function fail(message: string): never {
  process.stderr.write(`handoff mcp: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function run(argv: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { root: { type: 'string' }, 'no-git': { type: 'boolean' }, 'print-config': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  let root: string;
  try {
    root = realpathSync(resolve(process.cwd(), values.root ?? '.'));
    if (!statSync(root).isDirectory()) fail(`--root is not a folder: ${values.root}`);
  } catch {
    fail(`--root does not exist: ${values.root}`);
  }
  const client = values['print-config'];
  if (client !== undefined) {
    if (!(CLIENTS as readonly string[]).includes(client)) fail(`Unknown client "${client}", expected one of ${CLIENTS.join(', ')}`);
    const config = clientConfig(client as Client, root);
    process.stderr.write(`# ${config.file}\n`);
    process.stdout.write(config.text);
    return;
  }
  let today: string | null = null;
  try {
    if (process.env.HANDOFF_TODAY) today = todayFrom(process.env);
  } catch (error) {
    fail((error as Error).message);
  }
  const server = createServer({ root, git: !values['no-git'], gitPath: process.env.HANDOFF_GIT_PATH || null, today });
  const transport = new StdioServerTransport();
  // A line that is not JSON (-32700) or not a JSON-RPC message (-32600) gets the JSON-RPC error
  // for it, with no id as JSON-RPC says; the line is skipped and the server keeps serving.
  transport.onerror = (error) => {
    process.stderr.write(`handoff mcp: ${error.message}\n`);
    const code = error instanceof SyntaxError ? -32700 : error.name === 'ZodError' ? -32600 : null;
    if (code !== null) void transport.send({ jsonrpc: '2.0', id: null, error: { code, message: code === -32700 ? 'Parse error' : 'Invalid Request' } } as unknown as JSONRPCMessage).catch(() => undefined);
  };
  await server.connect(transport);
}

run(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`handoff mcp: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
});
