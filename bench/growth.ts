// Growth of the whole lint with the note's size: `lint` with every rule, uncapped (maxLintBytes
// out of the way), on generated notes of 4 KB to 4 MB, CPU ms of this process after a warm-up,
// with the growth exponent k (time ∝ size^k) per decade and over the whole span. Also noteOf
// alone, so the parse and model can be told from the rules and text scans.
//
//   node --import tsx bench/growth.ts [--sizes 4k,40k,400k,4m] [--runs N] [--out FILE]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateNote, SIZES } from './lib/gen';
import { loadEngine, ROOT } from './lib/engine';
import { summarize, machine, load, fmt, growth, table, cpuMs } from './lib/stats';

const argv = process.argv.slice(2);
const value = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const wanted = (value('--sizes') ?? '4k,40k,400k,4m').toLowerCase().split(',');
const sizes = SIZES.filter((s) => wanted.includes(s.label.toLowerCase().replace(' ', '').replace('kb', 'k').replace('mb', 'm')));
const RUNS = Number(value('--runs') ?? 3);
const OUT = value('--out') ?? join(ROOT, 'bench/results/growth.json');

async function main(): Promise<void> {
  const engine = await loadEngine();
  const config = { ...engine.defaultConfig(), maxLintBytes: Number.MAX_SAFE_INTEGER };
  const rows: Array<{ label: string; bytes: number; noteOf: number; lint: number }> = [];
  const loadBefore = load();
  for (const s of sizes) {
    const text = generateNote({ seed: 1, bytes: s.bytes });
    const input = { text, path: 'HANDOFF.md', config, today: '2026-02-06' };
    const runs = s.bytes > 2_000_000 ? Math.min(RUNS, 2) : RUNS;
    engine.lintWith({ ...input, rules: engine.rules }); // warm-up
    const noteOf: number[] = [];
    const whole: number[] = [];
    for (let i = 0; i < runs; i++) {
      noteOf.push(cpuMs(() => engine.noteOf(input)));
      whole.push(cpuMs(() => engine.lintWith({ ...input, rules: engine.rules })));
    }
    rows.push({ label: s.label, bytes: Buffer.byteLength(text), noteOf: summarize(noteOf).median, lint: summarize(whole).median });
    process.stderr.write(`  ${s.label}: noteOf ${fmt(summarize(noteOf).median)} ms CPU, lint ${fmt(summarize(whole).median)} ms CPU\n`);
  }
  const k = (a: (typeof rows)[number], b: (typeof rows)[number], key: 'noteOf' | 'lint') => growth(a[key], a.bytes, b[key], b.bytes);
  const lines = rows.map((r, i) => [r.label, fmt(r.noteOf), fmt(r.lint), fmt(r.lint / (r.bytes / 1e6)), i ? k(rows[i - 1], r, 'noteOf').toFixed(2) : '', i ? k(rows[i - 1], r, 'lint').toFixed(2) : '']);
  const first = rows[0];
  const last = rows[rows.length - 1];
  const overall = rows.length > 1 ? { noteOf: k(first, last, 'noteOf'), lint: k(first, last, 'lint') } : null;
  const report = [
    table(['size', 'noteOf CPU ms', 'lint CPU ms', 'lint ms per MB', 'k noteOf (from the size before)', 'k lint'], lines),
    overall ? `\nOver ${first.label} → ${last.label}: k = ${overall.lint.toFixed(2)} for the whole lint, ${overall.noteOf.toFixed(2)} for noteOf.` : '',
  ].join('\n');
  console.log('\n' + report);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify({ date: new Date().toISOString(), machine: machine(), load: loadBefore, rows, overall, report }, null, 2) + '\n');
  console.log(`Wrote ${OUT}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
