// Handoff's engine against its peers, then a per-rule profile with a linearity check.
//
//   node --import tsx bench/run.ts [--sizes 4k,40k,400k,4m] [--quick] [--no-whole] [--no-profile] [--no-peers] [--no-corpus] [--out FILE]
//
// Everything runs in this one process, after a warm-up, on the same generated notes (seeded, so
// the same on every machine) and on the corpus of real notes. Results are printed as tables and
// written to bench/results/latest.json (or --out).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { execSync } from 'node:child_process';
import { generateNote, SIZES } from './lib/gen';
import { loadEngine, ROOT, type Engine } from './lib/engine';
import { loadCorpus } from './lib/corpus';
import { peers, TODAY } from './lib/peers';
import { resolvedVersion } from './lib/versions';
import { measureWhole, wholeTools, type WholeStats } from './lib/whole';
import { measureMany, machine, load, fmt, growth, table, type Stats, type Timed, type MeasureOptions } from './lib/stats';

setFlagsFromString('--expose-gc');
const gc: () => void = runInNewContext('gc');

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const value = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const QUICK = flag('--quick');
const wantedSizes = (value('--sizes') ?? '4k,40k,400k,4m').toLowerCase().split(',');
const sizes = SIZES.filter((s) => wantedSizes.includes(s.label.toLowerCase().replace(' ', '').replace('kb', 'k').replace('mb', 'm')));
const OUT = value('--out') ?? join(ROOT, 'bench/results/latest.json');
const PATH = 'HANDOFF.md';

function optionsFor(bytes: number): MeasureOptions {
  if (bytes >= 2_000_000) return { minRuns: QUICK ? 1 : 3, maxRuns: QUICK ? 1 : 5, budgetMs: 0, warmRuns: 1, warmMs: 0 };
  if (bytes >= 200_000) return { minRuns: QUICK ? 3 : 7, maxRuns: 15, budgetMs: QUICK ? 500 : 20_000, warmRuns: 2, warmMs: 0 };
  return { minRuns: QUICK ? 5 : 15, maxRuns: 300, budgetMs: QUICK ? 300 : 10_000, warmRuns: 3, warmMs: QUICK ? 100 : 500 };
}


const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

async function main(): Promise<void> {
  const engine = await loadEngine();
  const list = peers(engine);
  const started = new Date();
  console.log(`Handoff bench — ${started.toISOString()} — Node ${process.version}`);
  console.log(engine.complete ? `Engine: all ${engine.rules.length} rules loaded` : `Engine: ${engine.rules.length} rules loaded; missing: ${engine.missing.map((m) => `${m.file} (${m.error})`).join('; ')}`);

  const notes = sizes.map((s) => {
    const text = generateNote({ seed: 1, bytes: s.bytes });
    return { ...s, text, actualBytes: Buffer.byteLength(text), chars: text.length };
  });

  // Warm every peer on a mid-size note so that no one pays the others' JIT.
  const warm = generateNote({ seed: 2, bytes: 40 * 1024 });
  for (let i = 0; i < (QUICK ? 3 : 10); i++) for (const p of list) p.run(warm, PATH);

  const result: Record<string, unknown> = {
    date: started.toISOString(),
    machine: machine(),
    loadAtStart: load(),
    commit: safe(() => execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim()),
    micromark: {
      root: resolvedVersion('micromark', join(ROOT, 'package.json')),
      fromMdastUtilFromMarkdown: resolvedVersion('micromark', require.resolve('mdast-util-from-markdown')),
      fromMarkdownlint: resolvedVersion('micromark', require.resolve('markdownlint/sync')),
    },
    engine: { complete: engine.complete, rules: engine.rules.map((r) => r.meta.id), missing: engine.missing },
    sizes: notes.map(({ label, actualBytes, chars }) => ({ label, bytes: actualBytes, chars })),
    notes: [
      'Times in ms per call (median, p25/p75, min/max over the samples). MB/s is 10^6 UTF-8 bytes per second.',
      `Handoff runs with the default configuration: notes over maxLintBytes (${engine.defaultConfig().maxLintBytes} chars) are modelled only up to it; the profile runs uncapped.`,
    ],
  };

  // ---- whole processes (handoff CLI from out/, markdownlint-cli2, rumdl) ----
  const whole: Record<string, Record<string, WholeStats>> = {};
  const tools = wholeTools();
  if (!flag('--no-whole')) {
    for (const n of notes) {
      const rounds = n.actualBytes >= 2_000_000 ? 1 : n.actualBytes >= 200_000 ? 3 : 5;
      whole[n.label] = measureWhole(n.text, QUICK ? 1 : rounds, tools);
      process.stderr.write(`  whole ${n.label.padEnd(6)} ${tools.map((t) => `${t.id} ${fmt(whole[n.label][t.id].wall.median)}`).join(', ')} ms\n`);
    }
    result.whole = whole;
  }

  // ---- peers ----
  const peerStats: Record<string, Record<string, Stats>> = {};
  const peerTimed: Record<string, Record<string, Timed>> = {};
  if (!flag('--no-peers')) {
    for (const n of notes) {
      gc();
      const t = measureMany(list.map((p) => ({ id: p.id, fn: () => p.run(n.text, PATH) })), optionsFor(n.actualBytes));
      peerTimed[n.label] = t;
      peerStats[n.label] = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.wall]));
      process.stderr.write(`  ${n.label.padEnd(6)} ${list.map((p) => `${p.id} ${fmt(t[p.id].wall.median)}`).join(', ')} ms\n`);
    }
    result.peers = peerTimed;
  }

  // ---- corpus ----
  const corpus = loadCorpus();
  let corpusStats: Record<string, Stats> | null = null;
  let corpusBytes = 0;
  if (!flag('--no-corpus') && corpus.notes.length) {
    corpusBytes = corpus.notes.reduce((a, n) => a + n.bytes, 0);
    gc();
    const t = measureMany(list.map((p) => ({ id: p.id, fn: () => { for (const n of corpus.notes) p.run(n.text, n.path); } })), { minRuns: QUICK ? 3 : 10, maxRuns: 40, budgetMs: QUICK ? 500 : 8000, warmRuns: 2, warmMs: 0 });
    corpusStats = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.wall]));
    process.stderr.write(`  corpus ${list.map((p) => `${p.id} ${fmt(t[p.id].wall.median)}`).join(', ')} ms\n`);
    result.corpus = { dir: corpus.dir, notes: corpus.notes.length, bytes: corpusBytes, stats: t };
  }

  // ---- per-rule profile (uncapped) ----
  let profile: Profile | null = null;
  if (!flag('--no-profile')) {
    profile = runProfile(engine, notes);
    result.profile = profile;
  }

  // ---- report ----
  const out: string[] = [];
  if (Object.keys(whole).length) {
    out.push('## Whole process, one note file (interleaved rounds; CPU = user + sys; RSS = peak)\n');
    const rows: Array<Array<string | number>> = [];
    for (const n of notes) {
      const w = whole[n.label];
      tools.forEach((t, i) => rows.push([i ? '' : n.label, t.label, fmt(w[t.id].wall.median), fmt(w[t.id].cpu.median), w[t.id].rssMb.median.toFixed(0), w[t.id].wall.n, w[t.id].codes.join(',')]));
    }
    out.push(table(['size', 'tool', 'wall ms', 'CPU ms', 'RSS MB', 'n', 'exit'], rows));
    out.push('');
    const ratio = (n: string, a: string, b: string, k: 'wall' | 'cpu') => (whole[n][a] && whole[n][b] ? (whole[n][a][k].median / whole[n][b][k].median).toFixed(2) : 'n/a');
    out.push(table(['size', 'handoff / markdownlint-cli2 (wall)', '(CPU)', 'handoff / rumdl (wall)', '(CPU)'], notes.map((n) => [n.label, ratio(n.label, 'handoff', 'cli2', 'wall'), ratio(n.label, 'handoff', 'cli2', 'cpu'), ratio(n.label, 'handoff', 'rumdl', 'wall'), ratio(n.label, 'handoff', 'rumdl', 'cpu')])));
    out.push('');
  }
  if (Object.keys(peerStats).length) {
    const rows: Array<Array<string | number>> = [];
    for (const n of notes) {
      const ps = peerStats[n.label];
      for (const p of list) {
        const s = ps[p.id];
        rows.push([p.id === list[0].id ? n.label : '', p.label, fmt(s.median), `${fmt(s.p25)}–${fmt(s.p75)}`, `${fmt(s.min)}–${fmt(s.max)}`, s.n, fmt(peerTimed[n.label][p.id].cpu.median), mbps(n.actualBytes, s.median).toFixed(1), (s.median / ps.floor.median).toFixed(2)]);
      }
    }
    out.push('## Peers (same process, after warm-up)\n');
    out.push(table(['size', 'tool', 'median ms', 'p25–p75', 'min–max', 'n', 'CPU ms', 'MB/s', '× floor'], rows));
    out.push('');
    out.push(table(
      ['size', 'Handoff ms', '× parse floor', '× floor+GFM', '× markdownlint', '× remark-lint', 'CPU: × floor', 'CPU: × markdownlint'],
      notes.map((n) => {
        const ps = peerStats[n.label];
        const pc = peerTimed[n.label];
        const h = ps.handoff.median;
        const hc = pc.handoff.cpu.median;
        return [n.label, fmt(h), (h / ps.floor.median).toFixed(2), (h / ps.floorGfm.median).toFixed(2), (h / ps.markdownlint.median).toFixed(2), (h / ps.remarkLint.median).toFixed(2), (hc / pc.floor.cpu.median).toFixed(2), (hc / pc.markdownlint.cpu.median).toFixed(2)];
      }),
    ));
    out.push('');
  }
  if (corpusStats) {
    out.push(`## Corpus (${corpus.notes.length} real notes, ${(corpusBytes / 1024).toFixed(0)} KB, all of them per sample)\n`);
    out.push(table(['tool', 'median ms', 'p25–p75', 'MB/s', '× floor'], list.map((p) => {
      const s = corpusStats![p.id];
      return [p.label, fmt(s.median), `${fmt(s.p25)}–${fmt(s.p75)}`, mbps(corpusBytes, s.median).toFixed(1), (s.median / corpusStats!.floor.median).toFixed(2)];
    })));
    out.push('');
  }
  if (profile) out.push(printProfile(profile, notes));

  const goals = checkGoals(notes, peerTimed, profile);
  result.goals = goals;
  out.push('## Goals (engine)\n');
  out.push(table(['goal', 'met', 'figures'], goals.map((g) => [g.goal, g.met === null ? 'n/a' : g.met ? 'met' : 'MISSED', g.figures])));
  out.push('');

  result.loadAtEnd = load();
  out.push(`Load on the machine (shared): at start ${JSON.stringify(result.loadAtStart)}, at end ${JSON.stringify(result.loadAtEnd)}.`);
  const text = out.join('\n');
  console.log('\n' + text);
  result.report = text;
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(result, null, 2) + '\n');
  console.log(`Wrote ${OUT}`);
}

// ---------------------------------------------------------------------------------------------

interface Profile {
  /** Per size: ms medians of note building and its parts, each rule (note prebuilt), the lint loop. */
  sizes: Record<string, { build: Stats; parts: Record<string, Stats>; rules: Record<string, Stats>; loopOnly: Stats; total: Stats; cpu: Record<string, Stats>; findings: number; kind: string; dialect: string }>;
  /** Exponent k (t ∝ size^k) per item between consecutive sizes and overall. */
  growth: Record<string, Record<string, number>>;
  nonLinear: string[];
}

function runProfile(engine: Engine, notes: Array<{ label: string; text: string; actualBytes: number }>): Profile {
  const config = { ...engine.defaultConfig(), maxLintBytes: Number.MAX_SAFE_INTEGER };
  const sizesOut: Profile['sizes'] = {};
  const { parseMarkdown, LineIndex, buildSections, nodesByType, Suppressions, findSecrets } = engine.parts;
  for (const n of notes) {
    const o = optionsFor(n.actualBytes);
    const base = { text: n.text, path: PATH, today: TODAY, config };
    const note = engine.noteOf(base);
    const root = parseMarkdown(n.text);
    const lines = new LineIndex(n.text);
    const html = nodesByType(root).get('html') ?? [];
    const partFns: Record<string, () => unknown> = {
      parse: () => parseMarkdown(n.text),
      lineIndex: () => new LineIndex(n.text),
      sections: () => buildSections(n.text, root),
      nodesByType: () => nodesByType(root),
      suppressions: () => new Suppressions(html, lines),
      // Kept with the note after its first lint: the secret rules timed alone on it read the kept scan.
      secretScan: () => findSecrets(n.text),
    };
    gc();
    const t = measureMany([
      { id: 'build', fn: () => engine.noteOf(base) },
      ...Object.entries(partFns).map(([k, fn]) => ({ id: `part:${k}`, fn })),
      ...engine.rules.map((r) => ({ id: `rule:${r.meta.id}`, fn: () => engine.lintWith({ ...base, note, rules: [r] }) })),
      { id: 'loop', fn: () => engine.lintWith({ ...base, note, rules: [] }) },
      { id: 'total', fn: () => engine.lintWith({ ...base, rules: engine.rules }) },
    ], o);
    const build = t.build.wall;
    const parts: Record<string, Stats> = Object.fromEntries(Object.keys(partFns).map((k) => [k, t[`part:${k}`].wall]));
    const rules: Record<string, Stats> = Object.fromEntries(engine.rules.map((r) => [r.meta.id, t[`rule:${r.meta.id}`].wall]));
    const loopOnly = t.loop.wall;
    const total = t.total.wall;
    const findings = engine.lintWith({ ...base, note, rules: engine.rules }).findings.length;
    const cpu: Record<string, Stats> = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.cpu]));
    sizesOut[n.label] = { build, parts, rules, loopOnly, total, cpu, findings, kind: note.kind, dialect: note.dialect?.id ?? '?' };
    process.stderr.write(`  profile ${n.label} done (build ${fmt(build.median)} ms, total ${fmt(total.median)} ms)\n`);
  }
  // Growth exponents.
  const items = ['build', ...Object.keys(sizesOut[notes[0].label]?.parts ?? {}).map((p) => `part:${p}`), ...engine.rules.map((r) => r.meta.id as string), 'total'];
  // Growth is judged on CPU time: on a shared machine wall time also counts the waits for a CPU.
  const get = (label: string, item: string) => {
    const s = sizesOut[label];
    if (item === 'build' || item === 'total' || item.startsWith('part:')) return s.cpu[item].median;
    return s.cpu[`rule:${item}`].median;
  };
  const g: Profile['growth'] = {};
  const nonLinear: string[] = [];
  for (const item of items) {
    g[item] = {};
    for (let i = 1; i < notes.length; i++) {
      const a = notes[i - 1];
      const b = notes[i];
      g[item][`${a.label}→${b.label}`] = growth(get(a.label, item), a.actualBytes, get(b.label, item), b.actualBytes);
    }
    if (notes.length > 1) {
      const a = notes[0];
      const b = notes[notes.length - 1];
      g[item][`${a.label}→${b.label}`] = growth(get(a.label, item), a.actualBytes, get(b.label, item), b.actualBytes);
      // Judged on the top decade, where fixed costs no longer hide the slope; items that stay
      // under a millisecond at the largest size are not judged.
      const last = get(b.label, item);
      const prev = notes[notes.length - 2];
      const k = growth(get(prev.label, item), prev.actualBytes, last, b.actualBytes);
      if (last >= 1 && k > 1.15) nonLinear.push(`${item} (k=${k.toFixed(2)} ${prev.label}→${b.label}, ${fmt(last)} CPU ms at ${b.label})`);
    }
  }
  return { sizes: sizesOut, growth: g, nonLinear };
}

function printProfile(p: Profile, notes: Array<{ label: string; actualBytes: number }>): string {
  const labels = notes.map((n) => n.label).filter((l) => p.sizes[l]);
  const first = p.sizes[labels[0]];
  const rows: Array<Array<string | number>> = [];
  const span = labels.length > 1 ? `${labels[0]}→${labels[labels.length - 1]}` : null;
  const top = labels.length > 1 ? `${labels[labels.length - 2]}→${labels[labels.length - 1]}` : null;
  const add = (name: string, key: string, get: (l: string) => Stats) => {
    rows.push([
      name,
      ...labels.flatMap((l) => [fmt(get(l).median), `${((get(l).median / p.sizes[l].total.median) * 100).toFixed(1)}%`]),
      span ? p.growth[key][span].toFixed(2) : '',
      top ? p.growth[key][top].toFixed(2) : '',
    ]);
  };
  add('note building (noteOf)', 'build', (l) => p.sizes[l].build);
  for (const part of Object.keys(first.parts)) add(`  ${part}`, `part:${part}`, (l) => p.sizes[l].parts[part]);
  for (const id of Object.keys(first.rules)) add(`rule ${id}`, id, (l) => p.sizes[l].rules[id]);
  add('lint, all rules (total)', 'total', (l) => p.sizes[l].total);
  const head = ['item', ...labels.flatMap((l) => [`${l} ms`, 'share']), span ? `k ${span}` : '', top ? `k ${top}` : ''];
  const lines = [
    '## Per-rule profile (uncapped; each rule timed alone on a prebuilt note; wall ms, share = of the total lint; k from CPU time)\n',
    table(head, rows),
    '',
    `Lint loop with no rules (suppressions, sorting): ${labels.map((l) => `${l} ${fmt(p.sizes[l].loopOnly.median)} ms`).join(', ')}.`,
    `Findings: ${labels.map((l) => `${l} ${p.sizes[l].findings}`).join(', ')}; kind/dialect: ${labels.map((l) => `${p.sizes[l].kind}/${p.sizes[l].dialect}`).join(', ')}.`,
    p.nonLinear.length ? `Not linear (k > 1.15 on the top decade, ≥ 1 ms): ${p.nonLinear.join('; ')}` : 'Every item grows linearly on the top decade (k ≤ 1.15, or under 1 ms).',
    '',
  ];
  return lines.join('\n');
}

interface Goal {
  goal: string;
  met: boolean | null;
  figures: string;
}

function checkGoals(notes: Array<{ label: string }>, pt: Record<string, Record<string, Timed>>, profile: Profile | null): Goal[] {
  // Judged on CPU time (robust to other processes on a shared machine); wall ratios alongside.
  const goals: Goal[] = [];
  const labels = notes.map((n) => n.label).filter((l) => pt[l]);
  if (labels.length) {
    const ratio = (l: string, peer: string, k: 'cpu' | 'wall') => pt[l].handoff[k].median / pt[l][peer][k].median;
    const fig = (peer: string) => labels.map((l) => `${l} ${ratio(l, peer, 'cpu').toFixed(2)}× (wall ${ratio(l, peer, 'wall').toFixed(2)}×)`).join(', ');
    goals.push({ goal: 'all text rules ≤ 1.3× parse floor, every size', met: labels.every((l) => ratio(l, 'floor', 'cpu') <= 1.3), figures: fig('floor') });
    goals.push({ goal: 'all text rules ≤ 0.5× markdownlint, every size', met: labels.every((l) => ratio(l, 'markdownlint', 'cpu') <= 0.5), figures: fig('markdownlint') });
    goals.push({ goal: 'all text rules ≤ 1.3× Handoff’s own parse, every size', met: labels.every((l) => ratio(l, 'handoffParse', 'cpu') <= 1.3), figures: fig('handoffParse') });
    const at400 = labels.find((l) => l.startsWith('400'));
    if (at400) goals.push({ goal: 'all text rules ≤ 0.2× markdownlint at 400 KB', met: ratio(at400, 'markdownlint', 'cpu') <= 0.2, figures: `${ratio(at400, 'markdownlint', 'cpu').toFixed(2)}× (wall ${ratio(at400, 'markdownlint', 'wall').toFixed(2)}×)` });
  }
  if (profile) goals.push({ goal: 'linear growth 4 KB → 4 MB (rules, note building)', met: profile.nonLinear.length === 0, figures: profile.nonLinear.length ? profile.nonLinear.join('; ') : 'all k ≤ 1.15 on the top decade' });
  return goals;
}

function safe<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
