// The three routes to a linear Markdown front end, on the bench's generated notes, CPU ms per
// parse (this process, GC included; the machine is shared, so CPU time, not wall time):
//   remark      the engine's remark parse (GFM table, tasks, strikethrough, front matter)
//   micromark-  the same with the constructs no rule reads turned off (autolinks, escapes,
//               references, inline HTML, images, hard breaks, setext headings, indented code)
//   markdown-it markdown-it 15 parse to tokens only: block maps, no inline positions yet (a floor
//               for that route: recovering positions with a cursor costs more on top)
//   scanner     the engine's line scanner (parse/fast), mdast with positions
//   node --import tsx bench/prototype/frontends.ts [--sizes 40k,400k,4m]
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { generateNote, SIZES } from '../lib/gen';
import { loadEngine } from '../lib/engine';
import { cpuMs, load } from '../lib/stats';

const argv = process.argv.slice(2);
const wanted = (argv[argv.indexOf('--sizes') + 1] && argv.includes('--sizes') ? argv[argv.indexOf('--sizes') + 1] : '40k,400k,4m').split(',');
const sizes = SIZES.filter((s) => wanted.includes(s.label.toLowerCase().replace(' ', '').replace('kb', 'k').replace('mb', 'm')));

const off = { disable: { null: ['autolink', 'characterEscape', 'characterReference', 'htmlText', 'labelStartImage', 'hardBreakEscape', 'setextUnderline', 'codeIndented', 'definition'] } };
const trimmed = {
  extensions: [off, gfmTable(), gfmTaskListItem(), gfmStrikethrough(), frontmatter(['yaml'])],
  mdastExtensions: [gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
};
// markdown-it ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new () => { parse: (src: string, env: object) => unknown[] };
const md = new MarkdownIt();

async function main(): Promise<void> {
  const engine = await loadEngine();
  const routes: Array<[string, (t: string) => unknown]> = [
    ['remark', (t) => engine.parts.parseWithRemark(t)],
    ['micromark-', (t) => fromMarkdown(t, trimmed)],
    ['markdown-it', (t) => md.parse(t, {})],
    ['scanner', (t) => engine.parts.fastParse(t)],
  ];
  console.log(`load ${JSON.stringify(load())}`);
  console.log('| size | route | CPU ms (median) | MB/s | accepted |');
  console.log('| --- | --- | ---: | ---: | --- |');
  const warm = generateNote({ seed: 2, bytes: 40_000 });
  for (const [, fn] of routes) for (let i = 0; i < 3; i++) fn(warm);
  for (const s of sizes) {
    const text = generateNote({ seed: 1, bytes: s.bytes });
    const runs = s.bytes >= 2_000_000 ? 1 : 3;
    for (const [name, fn] of routes) {
      const samples = Array.from({ length: runs }, () => cpuMs(() => fn(text))).sort((a, b) => a - b);
      const median = samples[Math.floor(samples.length / 2)];
      const extra = name === 'scanner' ? (engine.parts.fastParse(text) ? 'yes' : 'declined') : '';
      console.log(`| ${s.label} | ${name} | ${median.toFixed(0)} | ${(s.bytes / 1e6 / (median / 1000)).toFixed(1)} | ${extra} |`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
