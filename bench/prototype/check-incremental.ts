// Proves the engine's incremental parser (server/src/engine/parse/incremental.ts) right and measures its gain.
//
//   node --import tsx bench/prototype/check-incremental.ts [--edits N] [--no-4m]
//
// Correctness: on the corpus and on generated notes, random edits (characters that matter to
// Markdown: "#", "`", "*", "-", "|", ">", "<", new lines, fence openers, new headings,
// deletions, and now and then a link reference definition, which forces a whole parse); after
// each, the incremental tree must equal a full parse, positions included (JSON-equal).
// Speed: typing one character at a time in the middle of generated notes, the incremental parse
// against the full parse (the engine's parseMarkdown), medians.
import { isDeepStrictEqual } from 'node:util';
import { parseMarkdown } from '../../server/src/engine/parse/parse';
import { loadCorpus } from '../lib/corpus';
import { generateNote, mulberry32 } from '../lib/gen';
import { summarize, fmt, table } from '../lib/stats';
import { IncrementalParser } from '../../server/src/engine/parse/incremental';

const argv = process.argv.slice(2);
const EDITS = Number(argv[argv.indexOf('--edits') + 1] || 0) || 40;

const strip = (root: unknown) => JSON.parse(JSON.stringify(root));

function randomEdit(text: string, r: () => number): string {
  const at = Math.floor(r() * (text.length + 1));
  const x = r();
  const ins = (s: string) => text.slice(0, at) + s + text.slice(at);
  if (x < 0.45) return ins('abc#`*-|><\n '[Math.floor(r() * 12)]);
  if (x < 0.55) return ins('\n```\n');
  if (x < 0.65) return ins('\n\n## New heading\n\n');
  if (x < 0.7) return ins('\n<!--\n');
  if (x < 0.73) return ins('\n\n[ref]: https://example.invalid\n\n');
  if (x < 0.78) return ins('\n---\n');
  const len = 1 + Math.floor(r() * 20);
  return text.slice(0, at) + text.slice(at + len);
}

function main(): void {
  // ---- correctness ----
  const inputs = [
    ...loadCorpus().notes.map((n) => ({ name: n.file, text: n.text })),
    { name: 'generated 40 KB', text: generateNote({ seed: 3, bytes: 40 * 1024 }) },
    { name: 'generated 400 KB', text: generateNote({ seed: 4, bytes: 400 * 1024 }) },
  ];
  const r = mulberry32(11);
  let checked = 0;
  let fallbacks = 0;
  const failures: string[] = [];
  for (const input of inputs) {
    const ip = new IncrementalParser(parseMarkdown);
    let text = input.text;
    const first = ip.parse(text);
    if (!isDeepStrictEqual(strip(first), strip(parseMarkdown(text)))) failures.push(`${input.name}: first parse differs`);
    const edits = input.text.length > 200_000 ? Math.ceil(EDITS / 4) : EDITS;
    for (let i = 0; i < edits; i++) {
      text = randomEdit(text, r);
      const inc = strip(ip.parse(text));
      if (ip.last.fallback) fallbacks++;
      checked++;
      if (!isDeepStrictEqual(inc, strip(parseMarkdown(text)))) {
        failures.push(`${input.name}: edit ${i} differs`);
        break;
      }
    }
  }
  console.log(`Correctness: ${checked} random edits over ${inputs.length} notes, ${failures.length} mismatches with a full parse (${fallbacks} parsed whole: definitions or no safe boundary).`);
  for (const f of failures.slice(0, 10)) console.log('  ' + f);

  // ---- speed: typing in the middle ----
  const rows: Array<Array<string | number>> = [];
  const sizes = [4, 40, 400, ...(argv.includes('--no-4m') ? [] : [4096])];
  for (const kb of sizes) {
    let text = generateNote({ seed: 1, bytes: kb * 1024 });
    const lines = text.split('\n');
    let lineNo = Math.floor(lines.length / 2);
    while (!/^- \S/.test(lines[lineNo]) && lineNo < lines.length - 1) lineNo++;
    let at = lines.slice(0, lineNo + 1).join('\n').length; // end of that bullet line
    const ip = new IncrementalParser(parseMarkdown);
    for (let w = 0; w < 5; w++) ip.parse(text); // warm
    const inc: number[] = [];
    const parsedBytes: number[] = [];
    const typing = kb >= 4096 ? 40 : 200;
    for (let i = 0; i < typing; i++) {
      text = text.slice(0, at) + 'x' + text.slice(at);
      at++;
      const t = performance.now();
      ip.parse(text);
      inc.push(performance.now() - t);
      parsedBytes.push(ip.last.parsedBytes);
    }
    const full: number[] = [];
    for (let i = 0; i < (kb >= 4096 ? 2 : kb >= 400 ? 5 : 30); i++) {
      const t = performance.now();
      parseMarkdown(text);
      full.push(performance.now() - t);
    }
    const a = summarize(full);
    const b = summarize(inc);
    rows.push([`${kb >= 1024 ? kb / 1024 + ' MB' : kb + ' KB'}`, ip.last.chunks, fmt(a.median), fmt(b.median), fmt(b.p95), (a.median / b.median).toFixed(0) + '×', (summarize(parsedBytes).median / 1024).toFixed(1)]);
  }
  console.log('\nTyping one character at a time in the middle of a generated note (engine parseMarkdown vs prototype):\n');
  console.log(table(['size', 'chunks', 'full parse ms', 'incremental ms (median)', 'incremental p95', 'gain', 'KB re-parsed per edit'], rows));
}

main();
