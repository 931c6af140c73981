// What one keystroke costs the engine in process, the way the server lints on type: the note
// is rebuilt with an IncrementalParser kept per document (engine `noteOf({ parser })`), then
// every rule runs. Broken down per keystroke: parse + model (noteOf with the parser), each
// rule, the secret scan (made once per note; the rules read it), and the whole lint.
//
//   node --import tsx bench/typing.ts [--sizes 4k,40k,400k,4m] [--keys N] [--out FILE]
//
// Typing: one character at a time at the end of a bullet in the middle of a generated note.
// Medians over the keystrokes, wall and CPU time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateNote, SIZES } from './lib/gen';
import { loadEngine, ROOT, ENGINE_DIR } from './lib/engine';
import { summarize, machine, load, fmt, table, type Stats } from './lib/stats';

const argv = process.argv.slice(2);
const value = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const wanted = (value('--sizes') ?? '4k,40k,400k,4m').toLowerCase().split(',');
const sizes = SIZES.filter((s) => wanted.includes(s.label.toLowerCase().replace(' ', '').replace('kb', 'k').replace('mb', 'm')));
const OUT = value('--out') ?? join(ROOT, 'bench/results/typing.json');

async function main(): Promise<void> {
  const engine = await loadEngine();
  const mod = await import(join(ENGINE_DIR, 'index')).catch(() => null);
  const Parser = mod?.IncrementalParser;
  const parseMarkdown = engine.parts.parseMarkdown;
  if (!Parser) {
    console.log('The engine has no IncrementalParser: nothing to measure.');
    process.exit(2);
  }
  const rows: Array<Array<string | number>> = [];
  const out: Record<string, unknown> = {};
  for (const s of sizes) {
    let text = generateNote({ seed: 1, bytes: s.bytes });
    const config = { ...engine.defaultConfig(), maxLintBytes: Number.MAX_SAFE_INTEGER };
    const parser = new Parser(parseMarkdown);
    const lines = text.split('\n');
    let ln = Math.floor(lines.length / 2);
    while (!/^- \S/.test(lines[ln]) && ln < lines.length - 1) ln++;
    let at = lines.slice(0, ln + 1).join('\n').length;
    const keys = Number(value('--keys') ?? (s.bytes > 2_000_000 ? 20 : 100));
    const wall: Record<string, number[]> = { note: [], rules: [], total: [] };
    const cpu: Record<string, number[]> = { note: [], rules: [], total: [] };
    const perRule = new Map<string, number[]>();
    const cpuNow = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    for (let k = -5; k < keys; k++) {
      text = text.slice(0, at) + 'x' + text.slice(at);
      at++;
      const input = { text, path: 'HANDOFF.md', today: '2026-02-06', config };
      const c0 = cpuNow();
      const t0 = performance.now();
      const note = engine.noteOf({ ...input, parser });
      const t1 = performance.now();
      const c1 = cpuNow();
      engine.lintWith({ ...input, note, rules: engine.rules });
      const t2 = performance.now();
      const c2 = cpuNow();
      if (k < 0) continue; // warm-up keystrokes
      wall.note.push(t1 - t0);
      wall.rules.push(t2 - t1);
      wall.total.push(t2 - t0);
      cpu.note.push(c1 - c0);
      cpu.rules.push(c2 - c1);
      cpu.total.push(c2 - c0);
      if (k % 5 === 0) {
        // The note keeps its secret scan from the lint above: each rule alone reads it, so the scan is timed on its own,
        // as a keystroke makes it: piece by piece on a version not scanned before (a different character typed), so
        // the piece typed in is scanned and the others are reused; the whole-text scan as its own row.
        const other = text.slice(0, at - 1) + 'y' + text.slice(at);
        const t = performance.now();
        (engine.parts.scanSecrets ?? engine.parts.findSecrets)(other);
        if (!perRule.has('(secret scan)')) perRule.set('(secret scan)', []);
        perRule.get('(secret scan)')!.push(performance.now() - t);
        const tw = performance.now();
        engine.parts.findSecrets(text);
        if (!perRule.has('(whole-text secret scan)')) perRule.set('(whole-text secret scan)', []);
        perRule.get('(whole-text secret scan)')!.push(performance.now() - tw);
        for (const r of engine.rules) {
          const t = performance.now();
          engine.lintWith({ ...input, note, rules: [r] });
          const d = performance.now() - t;
          if (!perRule.has(r.meta.id)) perRule.set(r.meta.id, []);
          perRule.get(r.meta.id)!.push(d);
        }
      }
    }
    const st = (xs: number[]): Stats => summarize(xs);
    const top = [...perRule.entries()].map(([id, xs]) => [id, st(xs).median] as const).sort((a, b) => b[1] - a[1]).slice(0, 4);
    out[s.label] = { keys, wall: Object.fromEntries(Object.entries(wall).map(([k, v]) => [k, st(v)])), cpu: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, st(v)])), rules: Object.fromEntries([...perRule.entries()].map(([k, v]) => [k, st(v)])), stats: parser.last };
    rows.push([s.label, keys, fmt(st(wall.note).median), fmt(st(wall.rules).median), fmt(st(wall.total).median), fmt(st(wall.total).p95), fmt(st(cpu.total).median), top.map(([id, ms]) => `${id} ${fmt(ms)}`).join(', ')]);
    process.stderr.write(`  ${s.label} done\n`);
  }
  const report = [
    '## One keystroke in process (incremental parser kept per document, all rules)\n',
    table(['size', 'keys', 'noteOf ms', 'rules ms', 'total ms', 'total p95', 'total CPU ms', 'costliest rules (ms)'], rows),
    '',
  ].join('\n');
  console.log('\n' + report);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify({ date: new Date().toISOString(), machine: machine(), load: load(), results: out, report }, null, 2) + '\n');
  console.log(`Wrote ${OUT}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
