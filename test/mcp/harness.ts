// The MCP server as clients meet it: the built `handoff mcp` spawned over a real stdio transport
// and driven by the SDK's own Client, against repositories built here with real git.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

export const BIN = resolve(__dirname, '../../bin/handoff.js');

export const GIT_ENV = { GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com', GIT_AUTHOR_DATE: '2026-11-20T10:00:00Z', GIT_COMMITTER_DATE: '2026-11-20T10:00:00Z' };

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' }).trim();
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

/** A scratch folder holding `repo/` (a git repository with `files` committed) and room beside it. */
export function repository(files: Record<string, string>): { base: string; root: string } {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'handoff-mcp-')));
  const root = join(base, 'repo');
  mkdirSync(root);
  writeFiles(root, files);
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'First');
  return { base, root };
}

export interface Server {
  client: Client;
  stderr: () => string;
  close(): Promise<void>;
}

/** Starts `handoff mcp` in `cwd` and connects the SDK's client to it. */
export async function startServer(cwd: string, args: string[] = [], env: Record<string, string> = {}): Promise<Server> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', ...args], cwd, env: { ...(process.env as Record<string, string>), HANDOFF_TODAY: '2026-11-22', ...env }, stderr: 'pipe' });
  let err = '';
  transport.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const client = new Client({ name: 'handoff-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => err, close: () => client.close() };
}

export async function call(server: Server, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult & { text: string; data: Record<string, unknown> }> {
  const r = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
  const text = r.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
  return { ...r, text, data: (r.structuredContent ?? {}) as Record<string, unknown> };
}

export const HANDOFF = (body: { date?: string; branch?: string; commit?: string; changes?: string; next?: string; risks?: string } = {}) =>
  [
    '# Session Handoff',
    '',
    '## Snapshot',
    '',
    `- Date: ${body.date ?? '2026-11-20'}`,
    `- Branch: ${body.branch ?? 'main'}`,
    ...(body.commit ? [`- HEAD: \`${body.commit}\``] : []),
    '',
    '## What changed',
    '',
    body.changes ?? '- Edited `src/app.ts`',
    '',
    '## Known issues / risks',
    '',
    body.risks ?? '- The cache may go stale',
    '',
    '## Next steps',
    '',
    body.next ?? '1. Write the docs\n3. Ship it',
    '',
  ].join('\n');
