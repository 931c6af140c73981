// Workspace scale: 1,000 notes with a git history of a few hundred commits.
//
//   node --import tsx bench/workspace.ts [--notes 1000] [--commits 300] [--keep | --dir DIR] [--no-server | --server-only] [--server FILE | --bundle] [--out FILE]
//
// --dir reuses a workspace a run with --keep left (the same --notes; its notes carry the edits
// of the runs before), --server-only measures the server alone: rounds of two builds then cost
// a minute each, so they can be interleaved on a shared machine.
//
// Generates a workspace in a temp folder (note sizes drawn from the corpus's size distribution,
// so it holds as many bytes as 1,000 real notes would), commits it with `git fast-import`, and
// measures, in a child process running an esbuild bundle of bench/lib/index-worker.ts with
// plain node (so RSS is that of an indexing process, not of tsx and the bench's data):
//   index        read + index every note into a map: the first pass (cold, JIT included: what
//                a server start pays) and warm passes;
//   RSS          after the first index and a GC;
//   re-index     one changed file (a character typed in the middle): index it again, over 60
//                files picked at random, and the largest file;
// in three modes: whole Notes kept (noteOf), only outlines kept (noteOf, then headings), and
// the prototype line scanner (bench/prototype/outline-scan.ts, no mdast at all); then, unless --no-server, through the language server: didOpen of every note and the time
// until every note's diagnostics are in, and the server's RSS (the protocol has no workspace
// index request, so opening every note is the closest thing). And git: the repo facts the
// server's git layer reads (HEAD, branch, status), timed on this repository.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateNote, mulberry32 } from './lib/gen';
import { ROOT } from './lib/engine';
import { loadCorpus } from './lib/corpus';
import { LspClient, SERVER } from './lib/lsp-client';
import { benchBundle } from './lib/bundle';
import { summarize, machine, fmt, table, type Stats } from './lib/stats';


const argv = process.argv.slice(2);
const value = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const NOTES = Number(value('--notes') ?? 1000);
const COMMITS = Number(value('--commits') ?? 300);
const OUT = value('--out') ?? join(ROOT, 'bench/results/workspace.json');
const DIR = value('--dir');
const SERVER_ONLY = argv.includes('--server-only');

interface WsNote {
  rel: string;
  bytes: number;
  seed: number;
}

function plan(): WsNote[] {
  const corpus = loadCorpus().notes.map((n) => n.bytes);
  const sizes = corpus.length ? corpus : [2000, 4000, 6000, 9000, 14000, 20000, 40000];
  const r = mulberry32(42);
  const notes: WsNote[] = [];
  for (let i = 0; i < NOTES; i++) {
    const team = `team-${String(i % 40).padStart(2, '0')}`;
    const kind = i % 25 === 0 ? 'ROADMAP.md' : i % 3 === 0 ? `HANDOFF-${i}.md` : i % 3 === 1 ? `NEXT_SESSION-${i}.md` : `SESSION_HANDOFF-${i}.md`;
    const rel = i % 25 === 0 ? `projects/${team}/p${i}/${kind}` : `projects/${team}/notes/${kind}`;
    notes.push({ rel, bytes: Math.max(1500, sizes[Math.floor(r() * sizes.length)]), seed: 1000 + i });
  }
  return notes;
}

/** Writes the workspace as COMMITS commits through git fast-import, then checks it out. */
function makeRepo(dir: string, notes: WsNote[]): { ms: number; bytes: number } {
  const t0 = performance.now();
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const r = mulberry32(7);
  const chunks: Buffer[] = [];
  const push = (s: string | Buffer) => chunks.push(typeof s === 'string' ? Buffer.from(s) : s);
  const data = (b: Buffer) => {
    push(`data ${b.length}\n`);
    push(b);
    push('\n');
  };
  // First commit: every note. Then COMMITS-1 commits, each editing a few notes (appending a
  // dated entry), the way a real notes history grows.
  const current = notes.map((n) => generateNote({ seed: n.seed, bytes: n.bytes }));
  let when = 1735689600; // 2025-01-01
  for (let c = 0; c < COMMITS; c++) {
    const touched = c === 0 ? notes.map((_, i) => i) : Array.from({ length: 1 + Math.floor(r() * 5) }, () => Math.floor(r() * notes.length));
    if (c > 0) for (const i of touched) current[i] = current[i].replace('## Session log\n\n', `## Session log\n\n### Update ${c}\n\n- Follow-up ${c}: \`npm test\` green on \`${(c * 2654435761 >>> 0).toString(16).padStart(8, '0').slice(0, 7)}\`.\n\n`);
    push(`commit refs/heads/main\nmark :${c + 1}\nauthor Bench <bench@example.invalid> ${when} +0000\ncommitter Bench <bench@example.invalid> ${when} +0000\n`);
    data(Buffer.from(c === 0 ? 'Add notes\n' : `Update ${touched.length} notes (${c})\n`));
    if (c > 0) push(`from :${c}\n`);
    for (const i of new Set(touched)) {
      push(`M 100644 inline ${notes[i].rel}\n`);
      data(Buffer.from(current[i]));
    }
    push('\n');
    when += 3600 * (1 + Math.floor(r() * 20));
  }
  const fi = spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, input: Buffer.concat(chunks), maxBuffer: 1 << 30 });
  if (fi.status !== 0) throw new Error(`git fast-import failed: ${fi.stderr}`);
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir });
  return { ms: performance.now() - t0, bytes: current.reduce((a, t) => a + Buffer.byteLength(t), 0) };
}

interface WorkerRaw {
  mode: string;
  rssStartMB: number;
  firstMs: number;
  firstCpuMs: number;
  rssIndexedMB: number;
  heapIndexedMB: number;
  rssEndMB: number;
  warm: number[];
  reindex: number[];
  largest: number[];
}
type WorkerResult = WorkerRaw & { warmIndex: Stats; reindexOne: Stats; reindexLargest: Stats };

async function main(): Promise<void> {
  const dir = DIR ?? mkdtempSync(join(tmpdir(), 'handoff-ws-bench-'));
  const notes = plan();
  const repo = DIR ? { ms: 0, bytes: notes.reduce((a, n) => a + statSync(join(dir, n.rel)).size, 0) } : makeRepo(dir, notes);
  const commits = Number(execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim());
  console.log(`Workspace: ${notes.length} notes, ${(repo.bytes / 2 ** 20).toFixed(1)} MB, ${commits} commits, made in ${fmt(repo.ms)} ms (${dir})`);
  const result: Record<string, unknown> = { date: new Date().toISOString(), machine: machine(), notes: notes.length, bytes: repo.bytes, commits, makeMs: repo.ms };

  // ---- index, in child processes (bundled engine, plain node: a clean RSS) ----
  const worker = await benchBundle('bench/lib/index-worker.ts');
  const pickR = mulberry32(9);
  const reindexFiles = Array.from({ length: 60 }, () => notes[Math.floor(pickR() * notes.length)].rel);
  const largest = notes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const jobFile = join(dir, '.bench-job.json');
  const modes: Record<string, WorkerResult> = {};
  for (const mode of SERVER_ONLY ? [] : (['job', 'notes', 'outline', 'scan'] as const)) {
    writeFileSync(jobFile, JSON.stringify({ dir, files: notes.map((n) => n.rel), mode, reindex: reindexFiles, largest: largest.rel, warmPasses: mode === 'scan' ? 3 : 1 }));
    const out = execFileSync(process.execPath, [worker, jobFile], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const w = JSON.parse(out.trim().split('\n').pop()!) as WorkerRaw;
    modes[mode] = { ...w, warmIndex: summarize(w.warm), reindexOne: summarize(w.reindex), reindexLargest: summarize(w.largest) };
    process.stderr.write(`  ${mode}: index ${fmt(w.firstMs)} ms (CPU ${fmt(w.firstCpuMs)} ms), RSS ${w.rssIndexedMB.toFixed(0)} MB\n`);
  }
  const reindexBytes = summarize(reindexFiles.map((rel) => notes.find((n) => n.rel === rel)!.bytes)).median;
  result.index = { worker: 'bench/lib/index-worker.ts (esbuild bundle, plain node)', reindexMedianBytes: reindexBytes, largestBytes: largest.bytes, modes };
  const full = modes.notes;

  // ---- git facts (the server's git layer) ----
  let t: number;
  if (!SERVER_ONLY) try {
    const git = await import(join(ROOT, 'server/src/git'));
    const times: number[] = [];
    let facts: unknown = null;
    for (let i = 0; i < 10; i++) {
      t = performance.now();
      facts = await git.readRepoFacts(dir);
      times.push(performance.now() - t);
    }
    const f = facts as { head?: string; statusTotal?: number; reason?: string };
    result.gitFacts = { readRepoFacts: summarize(times), head: f.head ?? null, statusTotal: f.statusTotal ?? null, unavailable: f.reason ?? null };
  } catch (e) {
    result.gitFacts = { error: String((e as Error).message).split('\n')[0] };
  }
  if (!SERVER_ONLY) {
    const logT = performance.now();
    execFileSync('git', ['log', '--name-status', '--format=%H %ct %s', '-n', '300'], { cwd: dir, maxBuffer: 1 << 28 });
    result.gitLogNameStatus300Ms = performance.now() - logT;
  }

  // ---- through the server: its workspace index (handoff/outline), if it has one ----
  let server: Record<string, unknown> | null = null;
  if (!argv.includes('--no-server')) {
    const path = argv.includes('--bundle') ? await benchBundle('server') : value('--server') ?? SERVER;
    const client = new LspClient(path);
    try {
      const changed: Array<{ at: number; uris: string[] | null; indexing: boolean }> = [];
      client.conn.onNotification('handoff/outlineChanged', (p: { uris: string[] | null; indexing: boolean }) => changed.push({ at: performance.now(), uris: p.uris, indexing: p.indexing }));
      const t0 = performance.now();
      await client.initialize(dir, false);
      const rss0 = client.rssMB();
      const cpu0 = client.cpuMs();
      // Indexed when an outlineChanged says the first scan is over (asking for the outline every
      // few ms would itself cost the server CPU); a request then confirms it.
      let peakRss = rss0 ?? 0;
      for (;;) {
        peakRss = Math.max(peakRss, client.rssMB() ?? 0);
        if (changed.some((c) => !c.indexing)) break;
        if (performance.now() - t0 > 600_000) throw new Error('index not done within 10 minutes');
        await new Promise((r) => setTimeout(r, 20));
      }
      const indexMs = performance.now() - t0;
      const cpuAtIndexed = client.cpuMs();
      const indexCpuMs = cpu0 !== null && cpuAtIndexed !== null ? cpuAtIndexed - cpu0 : null;
      const rssIndexed = client.rssMB();
      peakRss = Math.max(peakRss, client.peakRssMB() ?? 0);
      const outline = await client.request<{ files: unknown[]; indexing: boolean }>('handoff/outline', {});
      if (outline.indexing) throw new Error('outlineChanged said the scan was over, handoff/outline says indexing');
      // One file changed on disk: watched-files event → outlineChanged naming it.
      const reindex: number[] = [];
      const r2 = mulberry32(13);
      for (let i = 0; i < 20; i++) {
        const n = notes[Math.floor(r2() * notes.length)];
        const file = join(dir, n.rel);
        const uri = pathToFileURL(file).toString();
        const text = readFileSync(file, 'utf8');
        writeFileSync(file, text.replace('## Session log\n\n', `## Session log\n\n- Edited ${i}.\n\n`));
        // One change after a quiet spell, as a save is: past the notification window of the last one.
        await new Promise((r) => setTimeout(r, 150));
        const seen = changed.length;
        const t = performance.now();
        await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
        for (;;) {
          const hit = changed.slice(seen).find((c) => c.uris === null || c.uris.includes(uri));
          if (hit) {
            reindex.push(hit.at - t);
            break;
          }
          if (performance.now() - t > 30_000) throw new Error('no outlineChanged for a changed file within 30 s');
          await new Promise((r) => setTimeout(r, 2));
        }
      }
      const cpuAfterEdits = client.cpuMs();
      // The first change after the scan pays for whatever of the job's code is cold in the thread that runs it.
      server = { path, files: outline.files.length, indexMs, indexCpuMs, rssIdleMB: rss0, rssIndexedMB: rssIndexed, rssAfterEditsMB: client.rssMB(), peakRssMB: peakRss, reindexFirstMs: reindex[0], reindexOne: summarize(reindex), reindexCpuMsPerFile: cpuAtIndexed !== null && cpuAfterEdits !== null ? (cpuAfterEdits - cpuAtIndexed) / reindex.length : null };
    } catch (e) {
      server = { path, error: String((e as Error).message).split('\n')[0] };
    } finally {
      await client.shutdown();
    }
    result.server = server;
  }

  const mbps = (ms: number) => ((repo.bytes / 1e6) / (ms / 1000)).toFixed(2);
  const rows: Array<[string, string]> = [
    ['workspace', `${notes.length} notes, ${(repo.bytes / 2 ** 20).toFixed(1)} MB, ${commits} commits`],
  ];
  if (!SERVER_ONLY) for (const [mode, label] of [['job', "the server's index job (noteOf, lint, outline)"], ['notes', 'noteOf, whole Notes kept'], ['outline', 'noteOf, outlines kept'], ['scan', 'prototype line scanner, outlines']] as const) {
    const m = modes[mode];
    rows.push([`index: ${label}`, `first ${fmt(m.firstMs)} ms (CPU ${fmt(m.firstCpuMs)} ms, ${mbps(m.firstMs)} MB/s), warm ${fmt(m.warmIndex.median)} ms; RSS ${m.rssIndexedMB.toFixed(0)} MB (heap ${m.heapIndexedMB.toFixed(0)} MB, ${m.rssStartMB.toFixed(0)} MB at start)`]);
    rows.push([`  re-index one file (${label})`, `median ${fmt(m.reindexOne.median)} ms, p95 ${fmt(m.reindexOne.p95)} ms, max ${fmt(m.reindexOne.max)} ms; largest (${(largest.bytes / 1024).toFixed(0)} KB) ${fmt(m.reindexLargest.median)} ms`]);
  }
  if (!SERVER_ONLY) rows.push(['git readRepoFacts', (result.gitFacts as { readRepoFacts?: Stats; error?: string }).readRepoFacts ? `${fmt((result.gitFacts as { readRepoFacts: Stats }).readRepoFacts.median)} ms median` : String((result.gitFacts as { error?: string }).error)]);
  if (!SERVER_ONLY) rows.push(['git log --name-status -n 300', `${fmt(result.gitLogNameStatus300Ms as number)} ms`]);
  if (server) {
    if (server.error) rows.push(['server index (handoff/outline)', String(server.error)]);
    else {
      rows.push(['server index: initialize → outline not indexing', `${fmt(server.indexMs as number)} ms (server CPU ${fmt(server.indexCpuMs as number)} ms, every thread), ${server.files} files; server RSS ${Number(server.rssIndexedMB).toFixed(0)} MB after (peak seen ${Number(server.peakRssMB).toFixed(0)}, idle ${Number(server.rssIdleMB).toFixed(0)})`]);
      rows.push(['server re-index: file changed on disk → outlineChanged', `median ${fmt((server.reindexOne as Stats).median)} ms, p95 ${fmt((server.reindexOne as Stats).p95)} ms, the first after the scan ${fmt(server.reindexFirstMs as number)} ms (each change after a quiet spell of 150 ms); RSS after the changes ${Number(server.rssAfterEditsMB).toFixed(0)} MB`]);
    }
  }
  const scan = modes.scan;
  const sv = server && !server.error ? (server as { indexMs: number; indexCpuMs: number | null; rssIndexedMB: number; reindexOne: Stats }) : null;
  const jobMode = modes.job;
  const goals = SERVER_ONLY ? [] : [
    { goal: '1,000 notes indexed within 2 s of CPU', met: sv ? (sv.indexCpuMs ?? Infinity) <= 2000 : jobMode.firstCpuMs <= 2000, figures: `${sv ? `server ${fmt(sv.indexCpuMs ?? NaN)} ms CPU (${fmt(sv.indexMs)} ms wall); ` : ''}in process, the index job: ${fmt(jobMode.firstCpuMs)} ms CPU (${fmt(jobMode.firstMs)} ms wall); noteOf alone ${fmt(full.firstCpuMs)} ms CPU; line scanner ${fmt(scan.firstCpuMs)} ms CPU` },
    { goal: 'one changed file re-indexed within 30 ms', met: sv ? sv.reindexOne.median <= 30 : jobMode.reindexOne.median <= 30, figures: `${sv ? `server median ${fmt(sv.reindexOne.median)} ms, p95 ${fmt(sv.reindexOne.p95)} ms (each after a quiet spell); ` : ''}index job: median ${fmt(jobMode.reindexOne.median)} ms, p95 ${fmt(jobMode.reindexOne.p95)} ms, largest ${fmt(jobMode.reindexLargest.median)} ms` },
    { goal: 'RSS ≤ 150 MB after indexing', met: sv ? sv.rssIndexedMB <= 150 : jobMode.rssIndexedMB <= 150, figures: `${sv ? `server ${sv.rssIndexedMB.toFixed(0)} MB; ` : ''}in process: ${jobMode.rssIndexedMB.toFixed(0)} MB with the index job's results, ${full.rssIndexedMB.toFixed(0)} MB with Notes kept, ${modes.outline.rssIndexedMB.toFixed(0)} MB with outlines, ${scan.rssIndexedMB.toFixed(0)} MB with the scanner` },
  ];
  result.goals = goals;
  const report = ['## Workspace scale\n', table(['measure', 'figure'], rows), '', table(['goal', 'met', 'figures'], goals.map((g) => [g.goal, g.met ? 'met' : 'MISSED', g.figures])), ''].join('\n');
  result.report = report;
  console.log('\n' + report);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(result, null, 2) + '\n');
  console.log(`Wrote ${OUT}`);
  if (!argv.includes('--keep') && !DIR) rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
