// Typing latency through the language server over stdio.
//
//   node --import tsx bench/lsp.ts [--sizes 4k,40k,400k] [--edits N] [--wait-server MS] [--server FILE | --bundle] [--out FILE]
//
// Spawns out/server/server.js --stdio (build it first: node scripts/build.mjs; --server runs
// another build, --bundle builds a bench-only bundle from source, see lib/bundle.ts), opens a generated
// note as …/HANDOFF.md, then types one character at a time in the middle of the note (at the end
// of a bullet near the middle), each as an incremental didChange, waiting for the
// publishDiagnostics of that version before typing the next. The open is timed to the first
// publishDiagnostics (a large note's text findings, published before its structure is modelled)
// and to the version's whole lint (the server's handoff/noteStatus with `settled`). Two passes per size:
//
//   typing      change sent → diagnostics for that version received: what a user sees, debounce
//               included. Also given with the server's debounce subtracted: the protocol does
//               not expose it, so its policy is read from server/src/lsp/linting.ts; for the
//               adaptive policy (wait = F × the last lint's cost, capped) each observed
//               latency t = wait + cost is split as wait = F·t/(1+F) (or the cap), so that
//               column is an estimate.
//   on request  change sent, then at once a textDocument/documentSymbol request, which makes the
//               server lint the new version synchronously (no debounce): change → response.
//               The debounced diagnostics of that version are awaited before the next edit, so
//               the two never overlap.
//
// --paths exist: the folder holds an empty file at every path the note names (as a project the
// note describes would), so `path-exists` reports nothing; by default the folder is empty and
// every named path is a finding (about 4,000 at 400 KB), each built, masked and sent per keystroke.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateNote, SIZES } from './lib/gen';
import { ROOT } from './lib/engine';
import { noteOf, pathRefs } from '../server/src/engine';
import { LspClient, SERVER, debounceFromSource, debounceWithin, waitForFile } from './lib/lsp-client';
import { benchBundle } from './lib/bundle';
import { summarize, machine, fmt, table, type Stats } from './lib/stats';

const argv = process.argv.slice(2);
const value = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const wanted = (value('--sizes') ?? '4k,40k,400k').toLowerCase().split(',');
const sizes = SIZES.filter((s) => wanted.includes(s.label.toLowerCase().replace(' ', '').replace('kb', 'k').replace('mb', 'm')));
const EDITS = value('--edits') ? Number(value('--edits')) : null;
const WAIT = Number(value('--wait-server') ?? 0);
const OUT = value('--out') ?? join(ROOT, 'bench/results/lsp.json');
const PATHS_EXIST = value('--paths') === 'exist';
const TYPED = 'the quick brown fox jumps over the lazy dog and keeps typing into the handoff note ';

interface SizeResult {
  label: string;
  bytes: number;
  edits: number;
  openMs: number;
  /** didOpen to the version's whole lint (its text findings may be published before it). */
  openSettledMs: number;
  /** Server CPU (every thread) from didOpen to the whole lint. */
  openSettledCpuMs: number | null;
  /** Server CPU (every thread) from didOpen to the first diagnostics. */
  openCpuMs: number | null;
  /** Peak RSS of the server (VmHWM) after the first diagnostics, and at the end. */
  openPeakRssMB: number | null;
  peakRssMB: number | null;
  /** Server CPU (every thread) per edit, over the typing pass and over the on-request pass. */
  typingCpuMsPerEdit: number | null;
  onRequestCpuMsPerEdit: number | null;
  typing: Stats;
  /** The debounce subtracted, median (per edit from the policy when it is adaptive). */
  debounceMs: number | null;
  samples: { typing: number[]; onRequest: number[] };
  typingMinusDebounce: Stats | null;
  onRequest: Stats;
  serverRssMB: number | null;
  diagnostics: number;
}

/** Line and character at the end of a bullet line near the middle of the text. */
function middleBullet(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  const mid = Math.floor(lines.length / 2);
  for (let d = 0; d < lines.length; d++) {
    for (const i of [mid + d, mid - d]) {
      if (i >= 0 && i < lines.length && /^\s*- \S/.test(lines[i]) && lines[i].length > 20) return { line: i, character: lines[i].length };
    }
  }
  return { line: mid, character: 0 };
}

/** An empty file at every relative path inside `dir` the note names; how many were created. */
function createNamedPaths(dir: string, text: string): number {
  const note = noteOf({ text, path: 'HANDOFF.md' });
  let made = 0;
  for (const path of new Set(pathRefs(note).map((r: { path: string }) => r.path))) {
    const target = resolve(dir, path);
    if (!target.startsWith(dir + sep) || path.endsWith('/')) continue;
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, '');
      made++;
    } catch {
      // A path whose parent is one of the files made (`a.ts/b`): it stays missing.
    }
  }
  return made;
}

async function main(): Promise<void> {
  let server = value('--server') ?? SERVER;
  if (argv.includes('--bundle')) server = await benchBundle('server');
  else if (!(await waitForFile(server, WAIT, 15_000, server))) {
    console.log(`No server at ${server}: run \`node scripts/build.mjs\` first (or pass --wait-server MS to poll, or --bundle).`);
    process.exit(2);
  }
  const debounce = debounceFromSource();
  const built = statSync(server).mtime.toISOString();
  console.log(`LSP typing bench — server ${server} (built ${built}), debounce ${debounce?.describe ?? 'unknown'} (from source)`);
  const results: SizeResult[] = [];
  for (const s of sizes) {
    const edits = EDITS ?? (s.bytes > 2_000_000 ? 30 : s.bytes > 200_000 ? 100 : 200);
    const dir = mkdtempSync(join(tmpdir(), 'handoff-lsp-bench-'));
    const file = join(dir, 'HANDOFF.md');
    const text = generateNote({ seed: 1, bytes: s.bytes });
    writeFileSync(file, text);
    if (PATHS_EXIST) console.log(`  ${s.label}: ${createNamedPaths(dir, text)} named paths created`);
    const uri = pathToFileURL(file).toString();
    const client = new LspClient(server);
    try {
      await client.initialize(dir);
      let version = 1;
      const cpu0 = client.cpuMs();
      const t0 = performance.now();
      const first = client.diagnostics(uri, version);
      const settled = client.settled(uri, version);
      await client.open(uri, text, version);
      const opened = await first;
      const openMs = opened.at - t0;
      const cpu1 = client.cpuMs();
      const openCpuMs = cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null;
      const openPeakRssMB = client.peakRssMB();
      // A large note publishes its text findings first; its whole lint settles the version.
      const openSettledMs = (await settled) - t0;
      const cpu2 = client.cpuMs();
      const openSettledCpuMs = cpu0 !== null && cpu2 !== null ? cpu2 - cpu0 : null;
      const at = middleBullet(text);
      let typed = 0;
      const typeOne = async (): Promise<{ sent: number; wait: Promise<{ at: number; count: number }> }> => {
        version++;
        const ch = TYPED[typed % TYPED.length];
        const wait = client.diagnostics(uri, version);
        const sent = performance.now();
        await client.insert(uri, version, at.line, at.character + typed, ch);
        typed++;
        return { sent, wait };
      };
      // Warm-up: a few edits, not counted.
      for (let i = 0; i < 5; i++) await (await typeOne()).wait;
      const typing: number[] = [];
      let lastCount = 0;
      const cpuTyping0 = client.cpuMs();
      for (let i = 0; i < edits; i++) {
        const { sent, wait } = await typeOne();
        const p = await wait;
        typing.push(p.at - sent);
        lastCount = p.count;
      }
      const cpuTyping1 = client.cpuMs();
      const onRequest: number[] = [];
      for (let i = 0; i < edits; i++) {
        const { sent, wait } = await typeOne();
        await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        onRequest.push(performance.now() - sent);
        await wait;
      }
      const cpuOnRequest1 = client.cpuMs();
      const perEdit = (a: number | null, b: number | null) => (a === null || b === null ? null : (b - a) / edits);
      const onReq = summarize(onRequest);
      const waits = typing.map((t) => debounceWithin(debounce, t));
      const wait = waits.every((w) => w !== null) ? summarize(waits as number[]).median : null;
      const r: SizeResult = {
        label: s.label,
        bytes: Buffer.byteLength(text),
        edits,
        openMs,
        openSettledMs,
        openSettledCpuMs,
        openCpuMs,
        openPeakRssMB,
        peakRssMB: client.peakRssMB(),
        typingCpuMsPerEdit: perEdit(cpuTyping0, cpuTyping1),
        onRequestCpuMsPerEdit: perEdit(cpuTyping1, cpuOnRequest1),
        typing: summarize(typing),
        debounceMs: wait,
        typingMinusDebounce: wait === null ? null : summarize(typing.map((t, i) => t - (waits[i] as number))),
        samples: { typing, onRequest },
        onRequest: onReq,
        serverRssMB: client.rssMB(),
        diagnostics: lastCount,
      };
      results.push(r);
      process.stderr.write(`  ${s.label}: typing median ${fmt(r.typing.median)} ms, on request ${fmt(r.onRequest.median)} ms\n`);
    } finally {
      await client.shutdown();
      if (client.stderr.trim()) process.stderr.write(`  server stderr: ${client.stderr.trim().slice(0, 500)}\n`);
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const rows = results.map((r) => [
    r.label,
    r.edits,
    fmt(r.openMs),
    fmt(r.openSettledMs),
    r.openSettledCpuMs === null ? 'n/a' : fmt(r.openSettledCpuMs),
    r.openCpuMs === null ? 'n/a' : fmt(r.openCpuMs),
    r.openPeakRssMB === null ? 'n/a' : r.openPeakRssMB.toFixed(0),
    fmt(r.typing.median),
    fmt(r.typing.p95),
    r.debounceMs === null ? 'n/a' : fmt(r.debounceMs),
    r.typingMinusDebounce ? fmt(r.typingMinusDebounce.median) : 'n/a',
    r.typingMinusDebounce ? fmt(r.typingMinusDebounce.p95) : 'n/a',
    fmt(r.onRequest.median),
    fmt(r.onRequest.p95),
    r.typingCpuMsPerEdit === null ? 'n/a' : fmt(r.typingCpuMsPerEdit),
    r.onRequestCpuMsPerEdit === null ? 'n/a' : fmt(r.onRequestCpuMsPerEdit),
    r.serverRssMB === null ? 'n/a' : r.serverRssMB.toFixed(0),
    r.peakRssMB === null ? 'n/a' : r.peakRssMB.toFixed(0),
  ]);
  const report = [
    `## Typing through the language server (stdio; debounce ${debounce?.describe ?? 'unknown'})\n`,
    table(['size', 'edits', 'open → diags ms', 'open → whole lint ms', 'whole lint server CPU ms', 'open server CPU ms', 'peak RSS at first diags MB', 'typing median', 'typing p95', 'debounce ms', '− debounce median', '− debounce p95', 'on request median', 'on request p95', 'server CPU ms per edit, typing', 'on request', 'server RSS MB', 'peak RSS MB'], rows),
    '',
  ];
  const goal = (label: string, limit: number) => {
    const r = results.find((x) => x.label === label);
    if (!r) return null;
    const m = r.typingMinusDebounce?.median ?? r.typing.median;
    return { goal: `typing in ${label}: diagnostics within ${limit} ms median (debounce subtracted)`, met: m <= limit, figures: `${fmt(m)} ms after the debounce of ${r.debounceMs === null ? '?' : fmt(r.debounceMs)} ms (${fmt(r.typing.median)} ms as seen; ${fmt(r.onRequest.median)} ms on request, no debounce; server CPU ${r.typingCpuMsPerEdit === null ? '?' : fmt(r.typingCpuMsPerEdit)} ms per edit)` };
  };
  const big = results.find((x) => x.label === '4 MB');
  const open4m = big && {
    goal: '4 MB: first diagnostics over stdio within 1.5 s, peak server RSS ≤ 250 MB',
    met: big.openMs <= 1500 && (big.openPeakRssMB ?? Infinity) <= 250,
    figures: `${fmt(big.openMs)} ms wall (server CPU ${big.openCpuMs === null ? '?' : fmt(big.openCpuMs)} ms), peak RSS ${big.openPeakRssMB?.toFixed(0) ?? '?'} MB at the first diagnostics, the whole lint at ${fmt(big.openSettledMs)} ms (server CPU ${big.openSettledCpuMs === null ? '?' : fmt(big.openSettledCpuMs)} ms), ${big.peakRssMB?.toFixed(0) ?? '?'} MB after typing`,
  };
  const goals = [goal('40 KB', 5), goal('400 KB', 20), open4m].filter(Boolean) as Array<{ goal: string; met: boolean; figures: string }>;
  if (goals.length) report.push(table(['goal', 'met', 'figures'], goals.map((g) => [g.goal, g.met ? 'met' : 'MISSED', g.figures])), '');
  console.log('\n' + report.join('\n'));
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify({ date: new Date().toISOString(), machine: machine(), paths: PATHS_EXIST ? 'exist' : 'missing', server: { path: server, bundle: argv.includes('--bundle'), built, debounce }, results, goals, report: report.join('\n') }, null, 2) + '\n');
  console.log(`Wrote ${OUT}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
