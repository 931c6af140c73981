// What `handoff mcp` refuses and what it never gives away: paths outside the root (`..`, absolute,
// a link out), --no-git (no git process at all, seen by a spy standing in for git), malformed
// requests (JSON-RPC errors, the server stays up), a note edited while git runs (refused, nothing
// lost), and secrets (no planted token, nor a window of it, in any result).
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { BIN, call, git, HANDOFF, repository, startServer, type Server } from './harness';

const TOOLS_WITH_PATH: Array<[string, Record<string, unknown>]> = [
  ['handoff_lint', {}],
  ['handoff_fix', {}],
  ['handoff_update', { apply: true }],
  ['handoff_outline', {}],
  ['handoff_brief', {}],
  ['handoff_new', {}],
];

/** An executable standing in for git: it records each call (and may act), then runs the real git. */
function gitSpy(dir: string, calls: string, act = ''): string {
  const realGit = ['/usr/bin/git', '/bin/git', '/usr/local/bin/git'].find(existsSync)!;
  const path = join(dir, 'spy', 'git');
  mkdirSync(join(dir, 'spy'));
  writeFileSync(path, `#!/bin/sh\necho "$*" >> ${calls}\n${act}\nexec ${realGit} "$@"\n`, { mode: 0o755 });
  return path;
}

describe('handoff mcp: refusals and safety', function () {
  this.timeout(60_000);
  let base: string;
  let root: string;
  let server: Server | null = null;

  beforeEach(() => {
    ({ base, root } = repository({ 'HANDOFF.md': HANDOFF(), 'src/app.ts': 'export {};\n' }));
    writeFileSync(join(base, 'OUTSIDE_HANDOFF.md'), HANDOFF({ changes: '- outside' }));
  });
  afterEach(async () => {
    await server?.close();
    server = null;
    rmSync(base, { recursive: true, force: true });
  });

  it('refuses a path outside the root, by `..`, absolutely, or through a link, with a message, in every tool', async () => {
    symlinkSync(join(base, 'OUTSIDE_HANDOFF.md'), join(root, 'LINKED_HANDOFF.md'));
    mkdirSync(join(base, 'elsewhere'));
    symlinkSync(join(base, 'elsewhere'), join(root, 'linked-folder'));
    server = await startServer(root);
    const outside = readFileSync(join(base, 'OUTSIDE_HANDOFF.md'), 'utf8');
    for (const [tool, extra] of TOOLS_WITH_PATH) {
      for (const [path, why] of [
        ['../OUTSIDE_HANDOFF.md', /is outside the project root/],
        [join(base, 'OUTSIDE_HANDOFF.md'), /is outside the project root/],
        ['src/../../OUTSIDE_HANDOFF.md', /is outside the project root/],
        [tool === 'handoff_new' ? 'linked-folder/HANDOFF.md' : 'LINKED_HANDOFF.md', /leads outside the project root through a symbolic link/],
      ] as const) {
        const r = await call(server, tool, { ...extra, path });
        assert.equal(r.isError, true, `${tool} ${path}`);
        assert.match(r.text, why, `${tool} ${path}`);
      }
    }
    assert.equal(readFileSync(join(base, 'OUTSIDE_HANDOFF.md'), 'utf8'), outside);
    assert.deepEqual(readdirSync(join(base, 'elsewhere')), []);
    // The whole-workspace walk does not follow the link out either.
    const all = await call(server, 'handoff_lint');
    assert.deepEqual((all.data.files as Array<{ file: string }>).map((f) => f.file), ['HANDOFF.md']);
  });

  it('--no-git runs no git process at all (a spy in place of git sees none); with git the spy sees the calls', async () => {
    const calls = join(base, 'git-calls.log');
    const spy = gitSpy(base, calls);
    server = await startServer(root, [], { HANDOFF_GIT_PATH: spy });
    await call(server, 'handoff_lint');
    await server.close();
    assert.ok(existsSync(calls) && readFileSync(calls, 'utf8').length > 0, 'the spy sees git when git may run');
    rmSync(calls);
    server = await startServer(root, ['--no-git'], { HANDOFF_GIT_PATH: spy });
    await call(server, 'handoff_lint');
    await call(server, 'handoff_fix', { dryRun: true });
    await call(server, 'handoff_outline');
    const brief = await call(server, 'handoff_brief');
    assert.match(brief.text, /Now: git not consulted\./);
    const made = await call(server, 'handoff_new', { path: 'NEW_HANDOFF.md' });
    assert.equal(made.isError, undefined, made.text);
    assert.match(readFileSync(join(root, 'NEW_HANDOFF.md'), 'utf8'), /Date: 2026-11-22/);
    const update = await call(server, 'handoff_update', { path: 'HANDOFF.md', apply: true });
    assert.equal(update.isError, true);
    assert.equal(update.text, 'Update Handoff needs a trusted workspace: git is not run in Restricted Mode');
    assert.equal(existsSync(calls), false, 'no git process with --no-git');
  });

  it('a note edited while git runs for handoff_update is refused, and the edit is kept', async () => {
    const calls = join(base, 'git-calls.log');
    const note = join(root, 'HANDOFF.md');
    const head = git(root, 'rev-parse', 'HEAD');
    writeFileSync(note, HANDOFF({ date: '2026-11-01' }).replace('- Branch: main', `- Branch: main\n- HEAD: \`${head.slice(0, 7)}\``));
    const mark = join(base, 'edited');
    // The first `git status` edits the note, as a person saving it while the update runs.
    const spy = gitSpy(base, calls, `case "$*" in *status*) if [ ! -e ${mark} ]; then touch ${mark}; printf '\\n- Saved meanwhile\\n' >> ${note}; fi;; esac`);
    server = await startServer(root, [], { HANDOFF_GIT_PATH: spy });
    const r = await call(server, 'handoff_update', { path: 'HANDOFF.md', apply: true });
    assert.ok(existsSync(mark), 'git status ran');
    assert.equal(r.isError, true, r.text);
    assert.match(r.text, /The note changed while git was running/);
    const text = readFileSync(note, 'utf8');
    assert.match(text, /- Saved meanwhile\n$/);
    assert.match(text, /Date: 2026-11-01/);
    assert.deepEqual(readdirSync(root).filter((f) => f.endsWith('.tmp')), []);
    // Run again: the note is read anew and updated, the edit kept.
    const again = await call(server, 'handoff_update', { path: 'HANDOFF.md', apply: true });
    assert.equal(again.isError, undefined, again.text);
    assert.match(readFileSync(note, 'utf8'), /Date: 2026-11-22[\s\S]*- Saved meanwhile\n$/);
  });

  it('a malformed request gets a JSON-RPC error and the server keeps serving', async () => {
    server = await startServer(root);
    await assert.rejects(server.client.request({ method: 'no/such/method', params: {} }, (await import('@modelcontextprotocol/sdk/types.js')).ResultSchema), (e: unknown) => e instanceof McpError && e.code === -32601);
    // A tool call the server cannot run is answered as a tool error the model can read (the SDK's way).
    const unknown = await call(server, 'handoff_nothing');
    assert.equal(unknown.isError, true);
    assert.match(unknown.text, /Tool handoff_nothing not found/);
    const wrong = await server.client.callTool({ name: 'handoff_fix', arguments: { dryRun: 'yes', path: 42 } }).then(
      (r) => ({ rejected: false, text: JSON.stringify(r), isError: r.isError }),
      (e: unknown) => ({ rejected: true, text: String(e), isError: true }),
    );
    assert.equal(wrong.isError, true);
    assert.match(wrong.text, /dryRun|path/);
    const { tools } = await server.client.listTools();
    assert.equal(tools.length, 6);
  });

  it('a line that is not JSON-RPC gets -32700 or -32600 with no id, a request with invalid params an error naming them, and the next request is answered', async () => {
    const child = spawn(process.execPath, [BIN, 'mcp'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const lines: Array<Record<string, unknown>> = [];
    let buffer = '';
    const waiters: Array<() => void> = [];
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
        lines.push(JSON.parse(buffer.slice(0, i)) as Record<string, unknown>);
        buffer = buffer.slice(i + 1);
        waiters.splice(0).forEach((w) => w());
      }
    });
    const until = async (n: number) => {
      while (lines.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
    };
    try {
      child.stdin.write('{ this is not json\n');
      await until(1);
      child.stdin.write('{"jsonrpc":"2.0","method":42}\n');
      await until(2);
      child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } }) + '\n');
      await until(3);
      child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id: 8, method: 'tools/call', params: { arguments: [] } }) + '\n');
      await until(4);
      child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list', params: {} }) + '\n');
      await until(5);
      assert.deepEqual(lines[0], { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
      assert.deepEqual(lines[1], { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid Request' } });
      assert.equal(lines[2].id, 7);
      assert.equal((lines[2].result as { serverInfo: { name: string } }).serverInfo.name, 'handoff');
      assert.equal(lines[3].id, 8);
      // The SDK answers a request its schema rejects with -32603 and the schema's complaint.
      assert.match((lines[3].error as { message: string }).message, /"name"/, JSON.stringify(lines[3]));
      assert.equal(lines[4].id, 9);
      assert.equal((lines[4].result as { tools: unknown[] }).tools.length, 6);
    } finally {
      child.kill();
    }
  });

  it('no planted secret, nor a window of it, appears in any result', async () => {
    const token = 'gh' + 'p_' + randomBytes(27).toString('base64').replace(/[^A-Za-z0-9]/g, 'x').slice(0, 36);
    const slack = 'xo' + 'xb-' + '2' + randomBytes(5).toString('hex').slice(0, 9) + '-' + randomBytes(6).toString('hex').slice(0, 12) + '-' + randomBytes(12).toString('base64').replace(/[^A-Za-z0-9]/g, 'q').slice(0, 24);
    const note = HANDOFF({ changes: `- Rotated the CI token \`${token}\`\n- Bot token: ${slack}`, next: `1. Revoke ${token}\n3. Tell the team`, risks: `- ${slack} leaked in the logs` });
    writeFileSync(join(root, 'HANDOFF.md'), note);
    writeFileSync(join(root, 'docs-ROADMAP.md'), `# Roadmap\n\n## Now\n\n- [~] Rotate ${token}\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'Notes');
    writeFileSync(join(root, 'src/app.ts'), 'export const changed = 1;\n');
    server = await startServer(root);
    const results = [
      await call(server, 'handoff_lint'),
      await call(server, 'handoff_fix', { dryRun: true }),
      await call(server, 'handoff_update'),
      await call(server, 'handoff_outline'),
      await call(server, 'handoff_brief'),
      await call(server, 'handoff_brief', { path: 'HANDOFF.md', maxChars: 100_000 }),
    ];
    const prompt = await server.client.getPrompt({ name: 'handoff_write', arguments: {} });
    const seen = JSON.stringify([results, prompt]);
    assert.match(seen, /secret|token/i, 'the results talk about the secrets');
    for (const secret of [token, slack]) {
      const body = secret.slice(4);
      for (let i = 0; i + 8 <= body.length; i++) assert.ok(!seen.includes(body.slice(i, i + 8)), `a window of a planted secret leaked: ${body.slice(i, i + 8)}`);
    }
    // The brief still reads: the masked steps are there.
    assert.match(results[4].text, /Revoke/);
  });
});
