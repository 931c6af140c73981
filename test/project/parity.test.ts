// The CLI, the language server and the MCP server give the same answers because all ask the
// project layer: the same fixture workspaces (a handoff and its roadmap, nested folders with their
// own config, a note outside the root, a symlinked note, a renamed file) through `handoff lint
// --format json` and through the server over stdio (trusted, so git runs for both) must yield the
// same set of (file, line, column, rule, severity, message); `handoff_lint` over the whole root
// must give the CLI's findings of the root, field for field.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient } from '../server/client';
import { call, startServer } from '../mcp/harness';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/handoff.js');

type Files = Record<string, string>;

interface Workspace {
  name: string;
  files: Files;
  /** Notes outside the workspace folder (siblings of it), not in any repository. */
  outside?: Files;
  /** Links inside the workspace: path → target (relative to the workspace). */
  links?: Record<string, string>;
  /** Git steps after the first commit of `files`. */
  history?: (git: (...args: string[]) => void, root: string) => void;
}

const HANDOFF = (changes: string, next = '1. Write the docs') => `# Session Handoff

## Snapshot

- Date: 2026-11-30
- Branch: main

## What changed

${changes}

## Next steps

${next}
`;

const WORKSPACES: Workspace[] = [
  {
    name: 'a handoff and its roadmap',
    files: {
      'HANDOFF.md': HANDOFF('- ST-04-02 runner landed\n- ST-09-09 is not in the roadmap', '1. ST-04-01 versioning\n2. ST-04-03 docs'),
      'docs/ROADMAP.md': '# Roadmap\n\n## Phase 4\n\n- [x] ST-04-01 Versioning\n- [ ] ST-04-02 Runner\n- [ ] ST-04-03 Docs\n',
    },
  },
  {
    name: 'nested folders with their own config',
    files: {
      'HANDOFF.md': HANDOFF('- Edited `src/app.ts`\n\n1. a\n3. b'),
      'src/app.ts': 'export {};\n',
      'packages/web/.handoff.json': '{ "rules": { "list-numbering": "error", "required-sections": "off" } }',
      'packages/web/HANDOFF.md': HANDOFF('- Edited `src/app.ts` and `packages/web/index.ts`\n\n1. a\n3. b'),
      'packages/web/index.ts': 'export {};\n',
      'packages/web/ROADMAP.md': '# Roadmap\n\n## Now\n\n- [ ] WEB-1 Login page\n',
    },
  },
  {
    name: 'a note outside the root',
    files: { 'HANDOFF.md': HANDOFF('- Nothing yet') },
    outside: { 'elsewhere/HANDOFF.md': HANDOFF('- Moved `lib/gone.ts`\n- token: xoxb-not-a-real-one\n\n1. a\n3. b') },
  },
  {
    name: 'a symlinked note',
    files: { 'real/handoff-source.md': HANDOFF('- Edited `src/missing.ts`\n\n1. a\n3. b'), 'README.md': '# Project\n' },
    links: { 'LINKED_HANDOFF.md': 'real/handoff-source.md' },
  },
  {
    name: 'a renamed file',
    files: { 'src/old-name.ts': 'export const a = 1;\n', 'HANDOFF.md': HANDOFF('- Reworked `src/old-name.ts` and `src/never-existed.ts`') },
    history: (git) => {
      git('mv', 'src/old-name.ts', 'src/new-name.ts');
      git('commit', '-qm', 'rename');
    },
  },
];

function write(root: string, files: Files): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

function setUp(ws: Workspace): { base: string; root: string; notes: string[] } {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'handoff-parity-')));
  const root = join(base, 'ws');
  write(root, ws.files);
  for (const [link, target] of Object.entries(ws.links ?? {})) symlinkSync(join(root, target), join(root, link));
  write(base, ws.outside ?? {});
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org', GIT_AUTHOR_DATE: '2026-11-29T10:00:00Z', GIT_COMMITTER_DATE: '2026-11-29T10:00:00Z' } });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'first');
  ws.history?.(git, root);
  const notes = [...Object.keys(ws.files), ...Object.keys(ws.links ?? {})].filter((f) => f.endsWith('.md')).map((f) => join(root, f));
  notes.push(...Object.keys(ws.outside ?? {}).map((f) => join(base, f)));
  return { base, root, notes };
}

type Hit = string;
const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' };

function cliHits(root: string, notes: string[]): Hit[] {
  const outside = notes.filter((n) => relative(root, n).startsWith('..')).map((n) => relative(root, n));
  const r = spawnSync(process.execPath, [BIN, 'lint', '.', ...outside, '--format', 'json'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', HANDOFF_TODAY: '' } });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const findings = JSON.parse(r.stdout) as Array<{ file: string; line: number; column: number; rule: string; severity: string; message: string }>;
  return findings.map((f) => `${resolve(root, f.file)}:${f.line}:${f.column} ${f.rule} ${f.severity} ${f.message}`).sort();
}

function lspHits(file: string, p: PublishDiagnosticsParams): Hit[] {
  return p.diagnostics.map((d) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${SEVERITY[d.severity ?? 1]} ${d.message}`);
}

describe('parity: handoff lint and the language server', function () {
  this.timeout(60_000);

  for (const ws of WORKSPACES) {
    it(ws.name, async () => {
      const { base, root, notes } = setUp(ws);
      const client = new TestClient();
      try {
        const cli = cliHits(root, notes);
        if (process.env.PARITY_DEBUG) console.log(cli.map((h) => h.slice(base.length)).join("\n"));
        assert.ok(cli.length > 0, 'the CLI finds something to compare');
        await client.initialize(root, { trusted: true });
        for (const file of notes) await client.open(pathToFileURL(file).toString(), readFileSync(file, 'utf8'));
        // The server publishes text findings first and git and roadmap findings when they arrive:
        // wait until each note's latest publication equals the CLI's findings for it, and on a
        // timeout compare the last publication, so a disagreement fails with its difference.
        for (const file of notes) {
          const uri = pathToFileURL(file).toString();
          const expected = cli.filter((h) => h.startsWith(file + ':'));
          const same = (p: PublishDiagnosticsParams) => JSON.stringify(lspHits(file, p).sort()) === JSON.stringify(expected);
          await client.diagnostics(uri, same, 20_000).catch(() => undefined);
          const last = [...client.published].reverse().find((p) => p.uri === uri);
          assert.deepEqual(last ? lspHits(file, last).sort() : [], expected, `${relative(base, file)}: the language server and the CLI disagree`);
        }
      } finally {
        await client.stop();
        rmSync(base, { recursive: true, force: true });
      }
    });
  }
});

describe('parity: handoff lint and the MCP server\'s handoff_lint', function () {
  this.timeout(60_000);

  for (const ws of WORKSPACES) {
    it(ws.name, async () => {
      const { base, root } = setUp(ws);
      const server = await startServer(root, [], { HANDOFF_TODAY: '' });
      try {
        const r = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', HANDOFF_TODAY: '' } });
        assert.ok(r.status === 0 || r.status === 1, r.stderr);
        const cli = JSON.parse(r.stdout) as object[];
        assert.ok(cli.length > 0, 'the CLI finds something to compare');
        const mcp = (await call(server, 'handoff_lint')).data.findings as Array<Record<string, unknown>>;
        assert.deepEqual(mcp.map(({ docs: _docs, ...f }) => f), cli);
      } finally {
        await server.close();
        rmSync(base, { recursive: true, force: true });
      }
    });
  }
});
