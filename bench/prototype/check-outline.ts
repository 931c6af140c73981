// How often the prototype outline scanner agrees with the engine on root headings (depth,
// offset, text), over the corpus and generated notes; and how much faster it is.
import { loadEngine } from '../lib/engine';
import { loadCorpus } from '../lib/corpus';
import { generateNote } from '../lib/gen';
import { scanOutline } from './outline-scan';
import { measure, fmt } from '../lib/stats';

async function main(): Promise<void> {
  const engine = await loadEngine();
  const { plainText } = await import('../../server/src/engine/parse/walk');
  const notes = [...loadCorpus().notes, ...[4, 40, 400].map((k, i) => ({ file: `generated-${k}k`, path: 'HANDOFF.md', text: generateNote({ seed: 5 + i, bytes: k * 1024 }), bytes: 0 }))];
  let same = 0;
  let total = 0;
  let exactNotes = 0;
  const diffs: string[] = [];
  for (const n of notes) {
    const root = engine.parts.parseMarkdown(n.text);
    const want = root.children.filter((c: { type: string }) => c.type === 'heading').map((h: { depth: number; position: { start: { offset: number } } }) => `${h.depth}@${h.position.start.offset} ${plainText(h as never).trim()}`);
    const got = scanOutline(n.text).headings.map((h) => `${h.depth}@${h.start} ${h.text}`);
    const g = new Set(got);
    const w = new Set(want);
    same += want.filter((x: string) => g.has(x)).length;
    total += Math.max(want.length, got.length);
    if (want.length === got.length && want.every((x: string, i: number) => x === got[i])) exactNotes++;
    else {
      const missing = want.filter((x: string) => !g.has(x)).slice(0, 2);
      const extra = got.filter((x) => !w.has(x)).slice(0, 2);
      diffs.push(`${n.file}: ${want.length} vs ${got.length}; missing ${JSON.stringify(missing)} extra ${JSON.stringify(extra)}`);
    }
  }
  const all = notes.map((n) => n.text);
  const parse = measure(() => { for (const t of all) engine.parts.parseMarkdown(t); }, { minRuns: 3, budgetMs: 3000, warmRuns: 1 });
  const scan = measure(() => { for (const t of all) scanOutline(t); }, { minRuns: 5, budgetMs: 2000 });
  console.log(`Agreement: ${same}/${total} headings (${((same / total) * 100).toFixed(1)}%), ${exactNotes}/${notes.length} notes exactly.`);
  console.log(`Time over ${notes.length} notes: engine parse ${fmt(parse.median)} ms, scanner ${fmt(scan.median)} ms (${(parse.median / scan.median).toFixed(0)}× faster).`);
  for (const d of diffs) console.log('  ' + d);
}
main();
