// micromark 4.0.2 (pinned in package.json overrides) against 4.0.3, side by side.
//
//   node --import tsx bench/micromark.ts [--setup] [--sizes 4k,40k,400k,4m] [--runs N] [--out FILE]
//
// Each version lives in its own temp folder outside the repository (/tmp/handoff-micromark-4.0.x,
// a package.json with "overrides": {"micromark": "4.0.x"} and mdast-util-from-markdown, unified,
// remark-parse, remark-gfm, remark-frontmatter at the repository's versions); --setup creates
// them with `npm install` (the only thing any bench installs, and never into the repository).
// The same generated notes are parsed by a child process in each folder, three ways:
//   events    micromark alone: preprocess → parse → postprocess (the event list)
//   mdast     mdast-util-from-markdown (the parse floor of bench/run.ts)
//   engine    unified + remark-parse + remark-gfm + remark-frontmatter (what the engine runs)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateNote, SIZES } from './lib/gen';
import { ROOT } from './lib/engine';
import { resolvedVersion } from './lib/versions';
import { fmt, growth, machine, load, table } from './lib/stats';

const argv = process.argv.slice(2);
const value = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const VERSIONS = ['4.0.2', '4.0.3'];
const wanted = (value('--sizes') ?? '4k,40k,400k,4m').toLowerCase().split(',');
const sizes = SIZES.filter((s) => wanted.includes(s.label.toLowerCase().replace(' ', '').replace('kb', 'k').replace('mb', 'm')));
const RUNS = Number(value('--runs') ?? 5);
const OUT = value('--out') ?? join(ROOT, 'bench/results/micromark.json');
const folder = (v: string) => join(tmpdir(), `handoff-micromark-${v}`);

const CHILD = `
import { readFileSync } from 'node:fs';
import { parse, postprocess, preprocess } from 'micromark';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
const [, , file, runsArg, bigArg] = process.argv;
const text = readFileSync(file, 'utf8');
const engine = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();
const ways = {
  events: () => postprocess(parse().document().write(preprocess()(text, undefined, true))),
  mdast: () => fromMarkdown(text),
  engine: () => engine.parse(text),
};
// Big inputs (4 MB: minutes with 4.0.3) get no warm-up and a single run.
const runs = Number(runsArg);
const out = {};
for (const [name, fn] of Object.entries(ways)) {
  const samples = [];
  const warm = bigArg === 'big' ? 0 : text.length > 200000 ? 2 : 15;
  for (let i = 0; i < warm; i++) fn();
  for (let i = 0; i < runs; i++) { const t = performance.now(); fn(); samples.push(performance.now() - t); }
  samples.sort((a, b) => a - b);
  out[name] = { median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples[samples.length - 1], n: samples.length };
}
process.stdout.write(JSON.stringify(out));
`;

function setup(v: string): void {
  const dir = folder(v);
  mkdirSync(dir, { recursive: true });
  const repo = (name: string) => resolvedVersion(name, join(ROOT, 'package.json'));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: `handoff-micromark-${v.replace(/\./g, '')}`,
      private: true,
      type: 'module',
      dependencies: { micromark: v, 'mdast-util-from-markdown': repo('mdast-util-from-markdown'), unified: repo('unified'), 'remark-parse': repo('remark-parse'), 'remark-gfm': repo('remark-gfm'), 'remark-frontmatter': repo('remark-frontmatter') },
      overrides: { micromark: v },
    }, null, 2),
  );
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
}

function main(): void {
  for (const v of VERSIONS) {
    if (argv.includes('--setup')) setup(v);
    if (!existsSync(join(folder(v), 'node_modules/micromark'))) {
      console.log(`Missing ${folder(v)}: run with --setup once (npm install into that temp folder).`);
      process.exit(2);
    }
    writeFileSync(join(folder(v), 'bench-parse.mjs'), CHILD);
  }
  const repoVersion = resolvedVersion('micromark', require.resolve('mdast-util-from-markdown'));
  console.log(`micromark in the repository (as mdast-util-from-markdown resolves it): ${repoVersion}`);
  const work = mkdtempSync(join(tmpdir(), 'handoff-micromark-notes-'));
  const results: Record<string, Record<string, Record<string, { median: number; min: number; max: number; n: number }>>> = {};
  for (const s of sizes) {
    const file = join(work, `${s.label.replace(' ', '')}.md`);
    writeFileSync(file, generateNote({ seed: 1, bytes: s.bytes }));
    results[s.label] = {};
    for (const v of VERSIONS) {
      const big = s.bytes > 1_000_000;
      const runs = big ? 1 : s.bytes > 200_000 ? Math.min(RUNS, 3) : RUNS;
      const installed = resolvedVersion('micromark', join(folder(v), 'node_modules/mdast-util-from-markdown/index.js'));
      const out = execFileSync(process.execPath, ['--max-old-space-size=8192', join(folder(v), 'bench-parse.mjs'), file, String(runs), big ? 'big' : ''], { cwd: folder(v), encoding: 'utf8', maxBuffer: 1 << 24, timeout: 30 * 60_000 });
      results[s.label][installed ?? v] = JSON.parse(out);
      process.stderr.write(`  ${s.label} micromark ${installed}: ${Object.entries(JSON.parse(out)).map(([k, x]) => `${k} ${fmt((x as { median: number }).median)}`).join(', ')} ms\n`);
    }
  }
  rmSync(work, { recursive: true, force: true });
  const rows: Array<Array<string | number>> = [];
  for (const s of sizes) {
    for (const way of ['events', 'mdast', 'engine']) {
      const a = results[s.label]['4.0.2']?.[way];
      const b = results[s.label]['4.0.3']?.[way];
      if (!a || !b) continue;
      rows.push([way === 'events' ? s.label : '', way, fmt(a.median), fmt(b.median), (b.median / a.median).toFixed(2) + '×', a.n + '/' + b.n]);
    }
  }
  const k = (v: string, way: string) => {
    const first = sizes.find((s) => s.bytes >= 40_000) ?? sizes[0];
    const last = sizes[sizes.length - 1];
    const a = results[first.label]?.[v]?.[way];
    const b = results[last.label]?.[v]?.[way];
    return a && b && first !== last ? `${growth(a.median, first.bytes, b.median, last.bytes).toFixed(2)} (${first.label}→${last.label})` : 'n/a';
  };
  const report = [
    '## micromark 4.0.2 vs 4.0.3 (same notes, separate processes)\n',
    table(['size', 'what', '4.0.2 ms', '4.0.3 ms', '4.0.3 / 4.0.2', 'runs'], rows),
    '',
    `Growth exponent k (t ∝ size^k): events 4.0.2 ${k('4.0.2', 'events')}, 4.0.3 ${k('4.0.3', 'events')}; engine parse 4.0.2 ${k('4.0.2', 'engine')}, 4.0.3 ${k('4.0.3', 'engine')}.`,
    `Repository resolves micromark ${repoVersion} (package.json overrides pin 4.0.2).`,
    '',
  ].join('\n');
  console.log('\n' + report);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify({ date: new Date().toISOString(), machine: machine(), load: load(), repoVersion, results, report }, null, 2) + '\n');
  console.log(`Wrote ${OUT}`);
}

main();
