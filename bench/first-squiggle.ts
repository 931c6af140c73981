// The time to the first squiggle: the real server over stdio, driven the way a VS Code window
// drives it (initialize with the workspace folder and trust, initialized, didOpen of the note
// the window shows), in a git repository of 60 notes with a roadmap and a template.
//
//   node --import tsx bench/first-squiggle.ts [--runs N] [--before DIR] [--empty-cache] [--out FILE]
//
//   cold      spawn (this build: out/server/cached-start.js with a code-cache folder, as VS Code
//             starts it) → initialize answered → didOpen (sent at once, as VS Code does for the
//             open editor) → first publishDiagnostics (the text findings) → settled (the
//             handoff/noteStatus that says git's facts are in)
//   active    with that server running and settled, a second note opened → its first
//             publishDiagnostics
//   breakdown from the server's own handoff/timings (this build's): Node's start, bundle load,
//             initialize, configuration and template reading, the wait for the thread, the lint,
//             git facts, the workspace scan
//
// --before DIR benches another build (a checkout of an older commit, built) in interleaved rounds
// with this one, so both see the same machine load: its out/server/cached-start.js with a
// code-cache folder of its own when it has one, else its out/server/server.js. The load average
// is printed with the figures: the machine is shared.
//
// --empty-cache starts every run with an empty code-cache folder: the first start after an
// install or an update, when the bundle is compiled from its text.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateNote } from './lib/gen';
import { ROOT } from './lib/engine';
import { LspClient, SERVER } from './lib/lsp-client';
import { fmt, load, machine, summarize, table } from './lib/stats';
import type { ServerTimings } from '../server/src/protocol';

const argv = process.argv.slice(2);
const value = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const RUNS = Number(value('--runs') ?? 7);
const BEFORE = value('--before');
const EMPTY_CACHE = argv.includes('--empty-cache');
const OUT = value('--out') ?? join(ROOT, 'bench/results/first-squiggle.json');

/** A repository like a real one: a handoff, its roadmap, a template, 60 notes, a few commits. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-squiggle-bench-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@example.com' } });
  git('init', '-q', '-b', 'main');
  writeFileSync(join(dir, 'ROADMAP.md'), '# Roadmap\n\n## Now\n\n- [ ] R1 Ship the parser\n- [ ] R2 Faster start\n\n## Later\n\n- [ ] R3 More rules\n');
  mkdirSync(join(dir, 'docs/handoffs'), { recursive: true });
  for (let i = 0; i < 60; i++) writeFileSync(join(dir, `docs/handoffs/2026-01-${String(i + 1).padStart(2, '0')}-handoff.md`), generateNote({ seed: 100 + i, bytes: 6 * 1024 }));
  writeFileSync(join(dir, 'HANDOFF.md'), generateNote({ seed: 1, bytes: 4 * 1024 }));
  writeFileSync(join(dir, 'NEXT-handoff.md'), generateNote({ seed: 2, bytes: 4 * 1024 }));
  git('add', '-A');
  git('commit', '-q', '-m', 'notes');
  for (let i = 0; i < 5; i++) {
    writeFileSync(join(dir, `src-${i}.ts`), `export const x${i} = ${i};\n`);
    git('add', '-A');
    git('commit', '-q', '-m', `change ${i}`);
  }
  return dir;
}

interface Sample {
  initialize: number;
  firstDiagnostics: number;
  settled: number;
  activeOpen: number;
  timings: ServerTimings | null;
}

async function once(server: string, dir: string): Promise<Sample> {
  const handoff = pathToFileURL(join(dir, 'HANDOFF.md')).toString();
  const second = pathToFileURL(join(dir, 'NEXT-handoff.md')).toString();
  const t0 = performance.now();
  const client = new LspClient(server);
  const settled = new Map<string, () => void>();
  client.conn.onNotification('handoff/noteStatus', (p: { uri: string; settled: boolean }) => {
    if (p.settled) settled.get(p.uri)?.();
  });
  const settledOf = (uri: string) => new Promise<void>((resolve) => settled.set(uri, resolve));
  let scanned!: () => void;
  const scanDone = new Promise<void>((resolve) => (scanned = resolve));
  client.conn.onNotification('handoff/outlineChanged', (p: { indexing: boolean }) => {
    if (!p.indexing) scanned();
  });
  try {
    await client.initialize(dir, true, true);
    const initialize = performance.now() - t0;
    const first = client.diagnostics(handoff, 1, 60_000);
    const done = settledOf(handoff);
    await client.open(handoff, generateNote({ seed: 1, bytes: 4 * 1024 }), 1);
    const firstDiagnostics = (await first).at - t0;
    await done;
    const settledAt = performance.now() - t0;
    const t1 = performance.now();
    const next = client.diagnostics(second, 1, 60_000);
    await client.open(second, generateNote({ seed: 2, bytes: 4 * 1024 }), 1);
    const activeOpen = (await next).at - t1;
    // The scan's figure: wait for it (a build that never says so gives up after 30 s).
    await Promise.race([scanDone, new Promise((r) => setTimeout(r, 30_000).unref())]);
    let timings: ServerTimings | null = null;
    try {
      timings = await client.request<ServerTimings>('handoff/timings', undefined);
    } catch {
      timings = null; // a build without the request
    }
    return { initialize, firstDiagnostics, settled: settledAt, activeOpen, timings };
  } finally {
    await client.shutdown();
  }
}

/** The server's own steps, ms, from one run's timings. */
function breakdown(t: ServerTimings): Record<string, number | null> {
  const open = t.opens[0];
  const since = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null ? null : a - b);
  return {
    'node start (process → bundle starts loading)': t.bootstrapped,
    'server bundle load and evaluation': t.loaded - t.bootstrapped,
    'bundle loaded → initialize arrived': since(t.initialize, t.loaded),
    'initialize handled': since(t.initializeAnswered, t.initialize),
    'didOpen → lint starts: configuration and template': open?.configMs ?? null,
    'didOpen → lint starts: other work on the thread': open && open.linting !== null ? open.linting - open.opened - (open.configMs ?? 0) : null,
    'first lint of the note': open?.lintMs ?? null,
    'didOpen → text findings published': since(open?.published, open?.opened),
    'text findings → git facts in (settled)': since(open?.settled, open?.published),
    'workspace scan (runs beside the above)': since(t.scanDone, t.scanStarted),
    'second note: didOpen → published': since(t.opens[1]?.published, t.opens[1]?.opened),
  };
}

async function main(): Promise<void> {
  const dir = workspace();
  // This build starts as VS Code starts it: through cached-start.js with a code-cache folder
  // (its first run, a warm-up, writes the cache).
  const cache = mkdtempSync(join(tmpdir(), 'handoff-squiggle-cache-'));
  const beforeStart = BEFORE && existsSync(join(BEFORE, 'out/server/cached-start.js')) ? join(BEFORE, 'out/server/cached-start.js') : null;
  const beforeCache = beforeStart ? mkdtempSync(join(tmpdir(), 'handoff-squiggle-cache-before-')) : undefined;
  const builds = [
    { id: 'this build', server: join(dirname(SERVER), 'cached-start.js'), cache },
    ...(BEFORE ? [{ id: 'before', server: beforeStart ?? join(BEFORE, 'out/server/server.js'), cache: beforeCache }] : []),
  ];
  const samples = new Map<string, Sample[]>(builds.map((b) => [b.id, []]));
  const loads: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    for (const b of i % 2 ? builds : [...builds].reverse()) {
      if (b.cache && EMPTY_CACHE) for (const f of readdirSync(b.cache)) rmSync(join(b.cache, f), { force: true });
      if (b.cache) process.env.HANDOFF_COMPILE_CACHE = b.cache;
      else delete process.env.HANDOFF_COMPILE_CACHE;
      const s = await once(b.server, dir);
      if (i > 0) samples.get(b.id)!.push(s); // the first round warms the file cache
    }
    loads.push(Number((load().loadavg as number[])[0]));
  }
  const cached = readdirSync(cache).map((f) => `${f} (${Math.round(statSync(join(cache, f)).size / 1024)} KB)`);
  const result: Record<string, unknown> = { codeCache: EMPTY_CACHE ? 'emptied before every run' : cached, date: new Date().toISOString(), machine: machine(), load: load(), loadDuring: loads, runs: RUNS };
  const rows: Array<Array<string | number>> = [];
  for (const b of builds) {
    const s = samples.get(b.id)!;
    const med = (f: (x: Sample) => number) => summarize(s.map(f)).median;
    const stats = { initialize: summarize(s.map((x) => x.initialize)), firstDiagnostics: summarize(s.map((x) => x.firstDiagnostics)), settled: summarize(s.map((x) => x.settled)), activeOpen: summarize(s.map((x) => x.activeOpen)) };
    result[b.id] = stats;
    rows.push([`${b.id}: spawn → initialize answered`, fmt(med((x) => x.initialize)), fmt(stats.initialize.p95)]);
    rows.push([`${b.id}: spawn → first diagnostics (cold)`, fmt(med((x) => x.firstDiagnostics)), fmt(stats.firstDiagnostics.p95)]);
    rows.push([`${b.id}: spawn → settled (git facts in)`, fmt(med((x) => x.settled)), fmt(stats.settled.p95)]);
    rows.push([`${b.id}: running server: open → first diagnostics`, fmt(med((x) => x.activeOpen)), fmt(stats.activeOpen.p95)]);
  }
  const ours = samples.get('this build')!.filter((x) => x.timings);
  const steps: Array<Array<string | number>> = [];
  if (ours.length) {
    const parts = ours.map((x) => breakdown(x.timings!));
    for (const key of Object.keys(parts[0])) {
      const xs = parts.map((p) => p[key]).filter((v): v is number => v !== null);
      steps.push([key, xs.length ? fmt(summarize(xs).median) : 'n/a']);
    }
    result.breakdown = Object.fromEntries(steps);
  }
  const report = [
    `## First squiggle (median of ${RUNS} runs, load average ${loads.map((l) => l.toFixed(1)).join(' ')}; code cache: ${EMPTY_CACHE ? 'emptied before every run' : cached.join(', ') || 'none written'})\n`,
    table(['what', 'median ms', 'p95 ms'], rows),
    '',
    ...(steps.length ? ['## Where the time goes (this build, the server\'s handoff/timings, median)\n', table(['step', 'ms'], steps), ''] : []),
  ].join('\n');
  result.report = report;
  console.log('\n' + report);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(result, null, 2) + '\n');
  console.log(`Wrote ${OUT}`);
  rmSync(dir, { recursive: true, force: true });
  for (const c of [cache, beforeCache]) if (c) rmSync(c, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
