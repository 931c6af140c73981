// Pathological inputs through the engine's whole `lint`, in process: the rows of the timing table
// in docs/reliability.md and the dense shapes of bench/hostile.ts (item 5), each linted once cold
// (its first call: the JIT for that shape included) and then warm, in CPU ms of this process
// (GC threads included), per MB, with what parsed it: the line scanner, remark, or nothing (the
// complexity guard refused it; the note then gets only the text rules).
//
//   node --import tsx bench/pathological.ts [--only SUBSTRING] [--runs N] [--out FILE]
//
// Default configuration (structure modelled up to `maxLintBytes`, 2 MB; the text rules read all).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadEngine, ROOT } from './lib/engine';
import { summarize, machine, load, fmt, table, cpuMs } from './lib/stats';

const argv = process.argv.slice(2);
const value = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const RUNS = Number(value('--runs') ?? 3);
const ONLY = value('--only');
const OUT = value('--out') ?? join(ROOT, 'bench/results/pathological.json');

const TITLE = '# Session Handoff\n\n';
const INPUTS: Array<[string, () => string]> = [
  ['`a\\n` × 200,000 (one paragraph)', () => TITLE + 'a\n'.repeat(200_000)],
  ['`a` × 1 MB, one line', () => TITLE + 'a'.repeat(1_000_000)],
  ['100,000 list items (a bullet with inline code and bold)', () => TITLE + '- a `b` **c** d\n'.repeat(100_000)],
  ['`- [a](b)` × 2,500 list items', () => TITLE + '- [a](b)\n'.repeat(2_500)],
  ['`*a_ ` × 20,000', () => TITLE + '*a_ '.repeat(20_000) + '\n'],
  ['`[a](b` × 10,000 in one paragraph', () => TITLE + '[a](b'.repeat(10_000)],
  ['lists 400 deep', () => TITLE + Array.from({ length: 400 }, (_, i) => ' '.repeat(2 * i) + '* a').join('\n')],
  ['100,000 backticks', () => TITLE + '`'.repeat(100_000)],
  ['160 KB of `- [ ] x` lines', () => TITLE + '- [ ] x\n'.repeat(20_000)],
  ['400 KB of `- [ ] x` lines', () => TITLE + '- [ ] x\n'.repeat(50_000)],
  ['600 KB two-column table', () => TITLE + '| a | b |\n| - | - |\n' + '| x | y |\n'.repeat(60_000)],
  ['1.6 MB of fence lines', () => TITLE + '```\n'.repeat(400_000)],
  ['100,000 headings', () => TITLE + '# h\n'.repeat(100_000)],
  ['100,000 invisible characters (`x\\u200b`)', () => TITLE + 'x\u200b'.repeat(100_000) + '\n'],
  ['a 50 MB note (list items with code spans)', () => {
    const parts: string[] = [TITLE];
    let n = TITLE.length;
    for (let i = 0; n < 50_000_000; i++) n += (parts[parts.length] = `- Item ${i}: checked \`src/file-${i % 50}.ts\` and moved on.\n`).length;
    return parts.join('');
  }],
];

async function main(): Promise<void> {
  const engine = await loadEngine();
  const config = engine.defaultConfig();
  const today = new Date().toISOString().slice(0, 10);
  const rows: Array<Record<string, unknown>> = [];
  console.log(`Pathological inputs through lint, in process; load ${JSON.stringify(load())}`);
  for (const [label, make] of INPUTS) {
    if (ONLY && !label.includes(ONLY)) continue;
    const text = make();
    const mb = Buffer.byteLength(text) / 1e6;
    const lint = () => engine.lintWith({ text, path: 'HANDOFF.md', config, today, rules: engine.rules });
    let result: ReturnType<typeof lint> | null = null;
    const loadBefore = load();
    const wall0 = performance.now();
    const first = cpuMs(() => (result = lint()));
    const firstWall = performance.now() - wall0;
    const warm: number[] = [];
    const runs = mb > 10 ? 1 : RUNS;
    for (let i = 0; i < runs; i++) warm.push(cpuMs(lint));
    const note = result!.note as { unparsed?: string; text: string };
    // What parsed it: the scanner when it takes the modelled text, else remark unless the guard refused.
    const parsedBy = note.unparsed ? `not parsed (${note.unparsed})` : engine.parts.fastParse(note.text) ? 'scanner' : 'remark';
    const w = summarize(warm).median;
    const row = { label, mb, firstCpuMs: first, firstWallMs: firstWall, warmCpuMs: w, msPerMbFirst: first / mb, msPerMbWarm: w / mb, parsedBy, findings: result!.findings.length, load: loadBefore };
    rows.push(row);
    process.stderr.write(`  ${label}: ${mb.toFixed(2)} MB, first ${fmt(first)} ms CPU (${fmt(first / mb)}/MB), warm ${fmt(w)} ms (${fmt(w / mb)}/MB), ${parsedBy}\n`);
  }
  const report = table(
    ['input', 'MB', 'first CPU ms', 'first ms/MB', 'warm CPU ms', 'warm ms/MB', 'parsed by'],
    rows.map((r) => [r.label as string, (r.mb as number).toFixed(2), fmt(r.firstCpuMs as number), fmt(r.msPerMbFirst as number), fmt(r.warmCpuMs as number), fmt(r.msPerMbWarm as number), r.parsedBy as string]),
  );
  console.log('\n' + report);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify({ date: new Date().toISOString(), machine: machine(), rows, report }, null, 2) + '\n');
  console.log(`Wrote ${OUT}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
