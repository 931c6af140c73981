// What each micromark extension adds to the parse the engine runs (remark-parse + remark-gfm
// + remark-frontmatter), measured by adding one extension at a time to mdast-util-from-markdown.
//
//   node --import tsx bench/extensions.ts [--sizes 40k,400k] [--out FILE]
//
// Interleaved rounds (lib/stats.ts measureMany), on generated notes and the corpus; the cost of
// an extension is judged on CPU time (wall time on a shared machine also counts waits).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { generateNote, SIZES } from './lib/gen';
import { ROOT } from './lib/engine';
import { loadCorpus } from './lib/corpus';
import { measureMany, machine, load, fmt, table } from './lib/stats';

const argv = process.argv.slice(2);
const value = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const wanted = (value('--sizes') ?? '40k,400k').toLowerCase().split(',');
const OUT = value('--out') ?? join(ROOT, 'bench/results/extensions.json');

const fm = { micromark: frontmatter(['yaml']), mdast: frontmatterFromMarkdown(['yaml']) };
const configs: Array<{ id: string; label: string; options: Options }> = [
  { id: 'plain', label: 'CommonMark only (floor)', options: {} },
  { id: 'frontmatter', label: '+ front matter', options: { extensions: [fm.micromark], mdastExtensions: [fm.mdast] } },
  { id: 'table', label: '+ GFM table', options: { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] } },
  { id: 'task', label: '+ GFM task list item', options: { extensions: [gfmTaskListItem()], mdastExtensions: [gfmTaskListItemFromMarkdown()] } },
  { id: 'strike', label: '+ GFM strikethrough', options: { extensions: [gfmStrikethrough()], mdastExtensions: [gfmStrikethroughFromMarkdown()] } },
  { id: 'autolink', label: '+ GFM autolink literal', options: { extensions: [gfmAutolinkLiteral()], mdastExtensions: [gfmAutolinkLiteralFromMarkdown()] } },
  { id: 'footnote', label: '+ GFM footnote', options: { extensions: [gfmFootnote()], mdastExtensions: [gfmFootnoteFromMarkdown()] } },
  { id: 'needed', label: 'table + task + strikethrough + front matter', options: { extensions: [gfmTable(), gfmTaskListItem(), gfmStrikethrough(), fm.micromark], mdastExtensions: [gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown(), fm.mdast] } },
  { id: 'engine', label: 'all of GFM + front matter (the engine today)', options: { extensions: [gfm(), fm.micromark], mdastExtensions: [gfmFromMarkdown(), fm.mdast] } },
];

function main(): void {
  const inputs: Array<{ label: string; texts: string[]; bytes: number }> = [];
  for (const s of SIZES.filter((x) => wanted.includes(x.label.toLowerCase().replace(' ', '').replace('kb', 'k').replace('mb', 'm')))) {
    const t = generateNote({ seed: 1, bytes: s.bytes });
    inputs.push({ label: s.label, texts: [t], bytes: Buffer.byteLength(t) });
  }
  const corpus = loadCorpus().notes;
  if (corpus.length) inputs.push({ label: `corpus (${corpus.length})`, texts: corpus.map((n) => n.text), bytes: corpus.reduce((a, n) => a + n.bytes, 0) });
  const results: Record<string, Record<string, unknown>> = {};
  const rows: Array<Array<string | number>> = [];
  for (const input of inputs) {
    const big = input.bytes > 200_000;
    const t = measureMany(configs.map((c) => ({ id: c.id, fn: () => { for (const x of input.texts) fromMarkdown(x, c.options); } })), { minRuns: big ? 5 : 10, maxRuns: 40, budgetMs: big ? 30_000 : 15_000, warmRuns: 2, warmMs: 0 });
    results[input.label] = t;
    const floor = t.plain.cpu.median;
    for (const c of configs) {
      const m = t[c.id].wall.median;
      const cpu = t[c.id].cpu.median;
      rows.push([c.id === 'plain' ? input.label : '', c.label, fmt(m), `${fmt(t[c.id].wall.p25)}–${fmt(t[c.id].wall.p75)}`, fmt(cpu), c.id === 'plain' ? '' : `${cpu >= floor ? '+' : ''}${(((cpu - floor) / floor) * 100).toFixed(0)}%`]);
    }
    process.stderr.write(`  ${input.label} done\n`);
  }
  const report = ['## Parse cost of each extension (mdast-util-from-markdown, interleaved)\n', table(['input', 'extensions', 'wall median ms', 'wall p25–p75', 'CPU ms', 'CPU vs floor'], rows), ''].join('\n');
  console.log('\n' + report);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify({ date: new Date().toISOString(), machine: machine(), load: load(), results, report }, null, 2) + '\n');
  console.log(`Wrote ${OUT}`);
}

main();
