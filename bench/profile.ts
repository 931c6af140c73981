// Where the engine's time goes: a V8 CPU profile of `lint` (all rules, uncapped) on a generated
// note, summarised by package (self time) and by function.
//
//   node --import tsx bench/profile.ts [--size 400k] [--runs 5] [--typing] [--out FILE]
//
// --typing profiles keystrokes instead: one character typed in the middle per run, the note
// rebuilt with the engine's IncrementalParser as the server does (default 200 runs).
//
// The profiler (node:inspector) runs only around the measured runs, after three warm-up runs,
// so start-up (module loading, tsx) stays out of it. The profile is also written to a temp
// folder for Chrome DevTools or VS Code.
import { Session } from 'node:inspector';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateNote, SIZES } from './lib/gen';
import { loadEngine, ROOT, ENGINE_DIR } from './lib/engine';
import { table } from './lib/stats';

const argv = process.argv.slice(2);
const value = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SIZE = (value('--size') ?? '400k').toLowerCase();
const TYPING = argv.includes('--typing');
const RUNS = Number(value('--runs') ?? (TYPING ? 200 : 5));
const OUT = value('--out') ?? join(ROOT, 'bench/results/profile.json');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

async function profileLint(): Promise<{ nodes: ProfileNode[] }> {
  const engine = await loadEngine();
  const s = SIZES.find((x) => x.label.toLowerCase().replace(' ', '').replace('kb', 'k').replace('mb', 'm') === SIZE)!;
  const text = generateNote({ seed: 1, bytes: s.bytes });
  const config = { ...engine.defaultConfig(), maxLintBytes: Number.MAX_SAFE_INTEGER };
  let run = () => engine.lintWith({ text, path: 'HANDOFF.md', today: '2026-02-06', config, rules: engine.rules });
  if (TYPING) {
    // One keystroke at a time in the middle, with an incremental parser kept across them.
    const { IncrementalParser } = await import(join(ENGINE_DIR, 'index'));
    const parser = new IncrementalParser(engine.parts.parseMarkdown);
    let current = text;
    let at = current.indexOf('\n- ', current.length >> 1) + 10;
    run = () => {
      current = current.slice(0, at) + 'x' + current.slice(at);
      at++;
      const input = { text: current, path: 'HANDOFF.md', today: '2026-02-06', config };
      return engine.lintWith({ ...input, note: engine.noteOf({ ...input, parser }), rules: engine.rules });
    };
  }
  for (let i = 0; i < 3; i++) run();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  for (let i = 0; i < RUNS; i++) run();
  const { profile } = (await post('Profiler.stop')) as { profile: { nodes: ProfileNode[] } };
  session.disconnect();
  return profile;
}

function where(url: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.includes('/server/src/engine/')) return 'handoff engine: ' + url.split('/server/src/engine/')[1].split('/')[0].replace(/\.ts$/, '');
  if (url.includes('/bench/')) return 'bench';
  if (!url) return '(native / GC / idle)';
  return url.startsWith('node:') ? 'node internals' : url;
}

async function main(): Promise<void> {
  const prof = await profileLint();
  const dir = mkdtempSync(join(tmpdir(), 'handoff-cpuprof-'));
  const file = 'lint.cpuprofile';
  writeFileSync(join(dir, file), JSON.stringify(prof));
  const total = prof.nodes.reduce((a, n) => a + n.hitCount, 0);
  const byPkg = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const n of prof.nodes) {
    const fn = n.callFrame.functionName || '(anonymous)';
    if (['(idle)', '(program)', '(root)'].includes(fn)) continue;
    const pkg = fn === '(garbage collector)' ? '(garbage collector)' : where(n.callFrame.url);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + n.hitCount);
    const key = `${fn} — ${pkg}${n.callFrame.url ? ':' + (n.callFrame.lineNumber + 1) : ''}`;
    byFn.set(key, (byFn.get(key) ?? 0) + n.hitCount);
  }
  const pct = (x: number) => ((x / total) * 100).toFixed(1) + '%';
  const top = <T>(m: Map<T, number>, k: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k);
  const report = [
    `## CPU profile: ${TYPING ? 'keystrokes (incremental parse + all rules) in' : 'lint of'} a generated ${SIZE} note, ${RUNS} runs (self time, ${total} samples)\n`,
    table(['package / module', 'self time'], top(byPkg, 20).map(([k, v]) => [k, pct(v)])),
    '',
    table(['function', 'self time'], top(byFn, 25).map(([k, v]) => [k.length > 110 ? k.slice(0, 107) + '…' : k, pct(v)])),
    '',
    `Profile: ${join(dir, file)} (open in Chrome DevTools → Performance, or VS Code).`,
  ].join('\n');
  console.log('\n' + report);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify({ date: new Date().toISOString(), size: SIZE, runs: RUNS, samples: total, byPackage: Object.fromEntries(top(byPkg, 40)), byFunction: Object.fromEntries(top(byFn, 60)), report }, null, 2) + '\n');
  console.log(`Wrote ${OUT}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
