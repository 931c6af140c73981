// Hostile files and repositories against a build: what a /dev/zero manifest, a backtracking
// glob, 100,000 invisible characters and dense Markdown shapes cost the CLI and the language
// server, and how long a note waits for its first diagnostics.
//
//   node --import tsx bench/hostile.ts [--build DIR] [--cap-s N] [--cap-mb N] [--only 1,3,4,5,19] [--out FILE]
//
// --build is the root of a built checkout (its bin/handoff.js and out/server/server.js; default
// this one), so the same script measures an older commit built in another worktree. Every run is
// a whole process in its own process group, ended (the group) after --cap-s seconds (default 30)
// or when its resident memory passes --cap-mb (default 2048): a figure "≥ 30 s" or "≥ 2048 MB"
// means the run was stopped there. Peak memory is sampled from /proc every 50 ms.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { ROOT } from './lib/engine';
import { machine, load, table } from './lib/stats';

const argv = process.argv.slice(2);
const value = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const BUILD = resolve(value('--build') ?? ROOT);
const CAP_MS = Number(value('--cap-s') ?? 30) * 1000;
const CAP_MB = Number(value('--cap-mb') ?? 2048);
const ONLY = new Set((value('--only') ?? '1,3,4,5,19').split(','));
const OUT = value('--out') ?? join(ROOT, 'bench/results/hostile.json');
const CLI = join(BUILD, 'bin/handoff.js');
const SERVER = join(BUILD, 'out/server/server.js');

interface Run {
  ms: number;
  peakMB: number;
  /** Why the run was ended: 'time' or 'memory'; null when it ended by itself. */
  stopped: 'time' | 'memory' | null;
  code: number | null;
  stdoutBytes: number;
}

function rssMB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Watches a process: peak memory, and ends its group past the caps. */
function guard(child: ChildProcess, onStop: (why: 'time' | 'memory') => void): { peak: () => number; stop: () => void } {
  let peak = 0;
  const end = (why: 'time' | 'memory') => {
    onStop(why);
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const timer = setTimeout(() => end('time'), CAP_MS);
  const poll = setInterval(() => {
    peak = Math.max(peak, rssMB(child.pid!));
    if (peak > CAP_MB) end('memory');
  }, 50);
  const stop = () => {
    clearTimeout(timer);
    clearInterval(poll);
  };
  child.on('exit', stop);
  return { peak: () => peak, stop };
}

/** `node bin/handoff.js …args` in `cwd`, bounded. */
function cli(args: string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stopped: Run['stopped'] = null;
    let bytes = 0;
    child.stdout!.on('data', (d: Buffer) => (bytes += d.length));
    child.stderr!.resume();
    const g = guard(child, (why) => (stopped ??= why));
    child.on('close', (code) => {
      g.stop();
      done({ ms: performance.now() - t0, peakMB: g.peak(), stopped, code, stdoutBytes: bytes });
    });
  });
}

/** The language server over stdio in its own process group. */
class Server {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  readonly guard: ReturnType<typeof guard>;
  stopped: Run['stopped'] = null;
  private readonly listeners: Array<(uri: string, count: number) => void> = [];
  readonly t0 = performance.now();

  constructor() {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.resume();
    this.proc.stdin!.on('error', () => undefined); // a server stopped by a cap closes its pipe
    this.guard = guard(this.proc, (why) => (this.stopped ??= why));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
      for (const l of this.listeners) l(p.uri, p.diagnostics.length);
    });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.onNotification('handoff/noteStatus', () => undefined);
    this.conn.onNotification('handoff/outlineChanged', () => undefined);
    this.conn.listen();
    this.proc.on('exit', () => this.conn.dispose());
  }

  async initialize(root: string, trusted: boolean): Promise<void> {
    const uri = pathToFileURL(root).toString();
    await this.bounded(this.conn.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'bench' }], capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } }, initializationOptions: { trusted } }));
    await this.bounded(this.conn.sendNotification('initialized', {}));
  }

  /** Resolves with the time (from now) of the first non-empty publication for `uri`, or null when the run was stopped. */
  diagnostics(uri: string): Promise<number | null> {
    const t = performance.now();
    return this.bounded(
      new Promise<number>((done) => {
        this.listeners.push((u, n) => {
          if (u === uri && n > 0) done(performance.now() - t);
        });
      }),
    );
  }

  async open(file: string, text = readFileSync(file, 'utf8')): Promise<void> {
    await this.bounded(this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: pathToFileURL(file).toString(), languageId: 'markdown', version: 1, text } }));
  }

  /** A document symbol request's answer time, or null when the run was stopped. */
  async request(file: string): Promise<number | null> {
    const t = performance.now();
    const r = await this.bounded(this.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: pathToFileURL(file).toString() } }));
    return r === null ? null : performance.now() - t;
  }

  /** `p`, or null once the process ends (stopped by a cap, or crashed). */
  bounded<T>(p: Promise<T>): Promise<T | null> {
    return Promise.race([p.catch(() => null), new Promise<null>((r) => this.proc.on('exit', () => r(null)))]);
  }

  end(): void {
    this.guard.stop();
    try {
      process.kill(-this.proc.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

const rows: Array<Array<string | number>> = [];
const results: Record<string, unknown> = {};
const s = (ms: number | null, stopped: Run['stopped'] = null) => (stopped === 'time' ? `≥ ${CAP_MS / 1000} s (stopped)` : ms === null ? 'no answer' : ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`);
const mb = (m: number, stopped: Run['stopped'] = null) => (stopped === 'memory' ? `≥ ${CAP_MB} MB (stopped)` : `${m.toFixed(0)} MB`);
function record(item: string, what: string, run: Run, extra = ''): void {
  rows.push([item, what, s(run.ms, run.stopped), mb(run.peakMB, run.stopped), extra]);
  results[`${item} ${what}`] = run;
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-hostile-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

const NOTE = '# Session Handoff\n\n## Snapshot\n\n- Date: 2026-11-20\n- Branch: `main`\n\n## What changed\n\n- Run `make build` and `npm run build`.\n\n## Next steps\n\n1. Ship.\n';
const BROKEN = '# Session Handoff\n\n## Snapshot\n\n- Date: 2026-13-45\n';

/** Item 1: a Makefile and package.json linked to /dev/zero, a note naming `make build`. */
async function devZero(): Promise<void> {
  const dir = workspace({ 'HANDOFF.md': NOTE });
  symlinkSync('/dev/zero', join(dir, 'Makefile'));
  symlinkSync('/dev/zero', join(dir, 'package.json'));
  record('1', 'CLI lint, /dev/zero Makefile', await cli(['lint', 'HANDOFF.md'], dir));
  const server = new Server();
  await server.initialize(dir, false);
  const first = server.diagnostics(pathToFileURL(join(dir, 'HANDOFF.md')).toString());
  await server.open(join(dir, 'HANDOFF.md'));
  const ms = await first;
  const run: Run = { ms: ms ?? CAP_MS, peakMB: server.guard.peak(), stopped: server.stopped, code: null, stdoutBytes: 0 };
  server.end();
  record('1', 'untrusted server: first diagnostics', run);
  rmSync(dir, { recursive: true, force: true });
}

/** Item 3: a backtracking glob from .handoff.json over 20 long names. */
async function globs(): Promise<void> {
  const files: Record<string, string> = { '.handoff.json': JSON.stringify({ handoffGlobs: ['**/*a*a*a*a*b.md'] }), 'HANDOFF.md': NOTE };
  for (let i = 0; i < 20; i++) files[`notes/${'a'.repeat(220 + i)}.md`] = '# x\n';
  const dir = workspace(files);
  record('3', 'CLI lint of the folder', await cli(['lint'], dir));
  const server = new Server();
  await server.initialize(dir, false);
  const first = server.diagnostics(pathToFileURL(join(dir, 'HANDOFF.md')).toString());
  await server.open(join(dir, 'HANDOFF.md'));
  const ms = await first;
  const sym = ms === null ? null : await server.request(join(dir, 'HANDOFF.md'));
  const run: Run = { ms: ms ?? CAP_MS, peakMB: server.guard.peak(), stopped: server.stopped, code: null, stdoutBytes: 0 };
  server.end();
  record('3', 'untrusted server: first diagnostics', run, sym === null ? '' : `next request ${s(sym)}`);
  rmSync(dir, { recursive: true, force: true });
}

/** Item 4: 100,000 zero-width spaces. */
async function invisible(): Promise<void> {
  const dir = workspace({ 'HANDOFF.md': NOTE + '\n' + 'x\u200b'.repeat(100_000) + '\n' });
  const run = await cli(['lint', 'HANDOFF.md', '--format', 'json'], dir);
  record('4', 'CLI lint --format json, 100,000 U+200B', run, `${(run.stdoutBytes / 1e6).toFixed(2)} MB of JSON`);
  const server = new Server();
  await server.initialize(dir, false);
  const first = server.diagnostics(pathToFileURL(join(dir, 'HANDOFF.md')).toString());
  await server.open(join(dir, 'HANDOFF.md'));
  const ms = await first;
  const sym = ms === null ? null : await server.request(join(dir, 'HANDOFF.md'));
  const r: Run = { ms: ms ?? CAP_MS, peakMB: server.guard.peak(), stopped: server.stopped, code: null, stdoutBytes: 0 };
  server.end();
  record('4', 'server: first diagnostics', r, sym === null ? '' : `next request ${s(sym)}`);
  rmSync(dir, { recursive: true, force: true });
}

const TITLE = '# Session Handoff\n\n';
const SHAPES: Array<[string, () => string]> = [
  ['160 KB of "- [ ] x" lines', () => TITLE + '- [ ] x\n'.repeat(20_000)],
  ['400 KB of "- [ ] x" lines', () => TITLE + '- [ ] x\n'.repeat(50_000)],
  ['600 KB two-column table', () => TITLE + '| a | b |\n| - | - |\n' + '| x | y |\n'.repeat(60_000)],
  ['1.6 MB of fence lines', () => TITLE + '```\n'.repeat(400_000)],
  ['100,000 headings', () => TITLE + '# h\n'.repeat(100_000)],
];

/** Item 5: the dense shapes in the CLI, and a small note's wait while a 50 MB one is linted. */
async function shapes(): Promise<void> {
  for (const [label, make] of SHAPES) {
    const dir = workspace({ 'HANDOFF.md': make() });
    record('5', `CLI lint, ${label}`, await cli(['lint', 'HANDOFF.md'], dir));
    rmSync(dir, { recursive: true, force: true });
  }
  for (const [label, make] of [
    ['a 50 MB note', () => {
      const line = (i: number) => `- Item ${i}: checked \`src/file-${i % 50}.ts\` and moved on.\n`;
      const parts: string[] = [TITLE];
      let n = TITLE.length;
      for (let i = 0; n < 50_000_000; i++) n += (parts[parts.length] = line(i)).length;
      return parts.join('');
    }],
    ['100,000 headings', SHAPES[4][1]],
  ] as const) {
    const dir = workspace({ 'BIG-HANDOFF.md': make(), 'HANDOFF.md': BROKEN });
    const server = new Server();
    await server.initialize(dir, false);
    const small = server.diagnostics(pathToFileURL(join(dir, 'HANDOFF.md')).toString());
    await server.open(join(dir, 'BIG-HANDOFF.md'));
    const t = performance.now();
    await server.open(join(dir, 'HANDOFF.md'));
    const ms = await small;
    const run: Run = { ms: ms === null ? CAP_MS : performance.now() - t, peakMB: server.guard.peak(), stopped: server.stopped, code: null, stdoutBytes: 0 };
    const sym = ms === null ? null : await server.request(join(dir, 'HANDOFF.md'));
    server.end();
    record('5', `server: a small note opened after ${label}, its diagnostics`, run, sym === null ? '' : `its symbols ${s(sym)}`);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Item 19: spawn → first diagnostics of a note, cold; a second note in the running server; trusted, in a git repository. */
async function firstDiagnostics(): Promise<void> {
  const dir = workspace({ 'HANDOFF.md': BROKEN, 'docs/HANDOFF.md': BROKEN, 'README.md': '# x\n' });
  const git = spawn('sh', ['-c', 'git init -q && git add -A && git -c user.name=b -c user.email=b@example.com commit -qm init'], { cwd: dir, stdio: 'ignore' });
  await new Promise((r) => git.on('close', r));
  for (const trusted of [false, true]) {
    const t0 = performance.now();
    const server = new Server();
    await server.initialize(dir, trusted);
    const initMs = performance.now() - t0;
    const first = server.diagnostics(pathToFileURL(join(dir, 'HANDOFF.md')).toString());
    await server.open(join(dir, 'HANDOFF.md'));
    const ms = await first;
    const second = server.diagnostics(pathToFileURL(join(dir, 'docs/HANDOFF.md')).toString());
    await server.open(join(dir, 'docs/HANDOFF.md'));
    const warm = await second;
    const run: Run = { ms: ms === null ? CAP_MS : performance.now() - t0 - (warm ?? 0), peakMB: server.guard.peak(), stopped: server.stopped, code: null, stdoutBytes: 0 };
    server.end();
    record('19', `${trusted ? 'trusted' : 'untrusted'} server: spawn → first diagnostics`, run, `initialize ${s(initMs)}; open → diagnostics ${s(ms)}; a second note ${s(warm)}`);
  }
  rmSync(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const head = spawn('git', ['-C', BUILD, 'log', '-1', '--format=%h %s'], { stdio: ['ignore', 'pipe', 'ignore'] });
  let commit = '';
  head.stdout!.on('data', (d) => (commit += String(d)));
  await new Promise((r) => head.on('close', r));
  console.log(`build: ${BUILD} (${commit.trim().slice(0, 72)})\ncaps: ${CAP_MS / 1000} s, ${CAP_MB} MB per run\n`);
  if (ONLY.has('1')) await devZero();
  if (ONLY.has('3')) await globs();
  if (ONLY.has('4')) await invisible();
  if (ONLY.has('5')) await shapes();
  if (ONLY.has('19')) await firstDiagnostics();
  console.log(table(['item', 'what', 'time', 'peak RSS', ''], rows));
  mkdirSync(join(OUT, '..'), { recursive: true });
  writeFileSync(OUT, JSON.stringify({ date: new Date().toISOString(), build: BUILD, commit: commit.trim(), machine: machine(), load: load(), capMs: CAP_MS, capMB: CAP_MB, results }, null, 2) + '\n');
  console.log(`\nwritten: ${OUT}`);
}

void main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
