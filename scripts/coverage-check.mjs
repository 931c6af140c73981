#!/usr/bin/env node
// Coverage floor for the engine (server/src/engine), read from c8's coverage-final.json
// (`npm run coverage` writes it to coverage/). Tests load TypeScript through tsx, whose esbuild
// output starts with module helpers (__defProp, __export, __toESM…) that the source map puts on
// line 1, column 0: their branches and functions are not the engine's and are left out, but only
// in files whose line 1 is a comment (every engine file starts with one), so no real code is
// dropped. Prints lines, branches and functions per folder and in total; exits 1 below a floor.
//
//   node scripts/coverage-check.mjs [--lines=90] [--branches=90] [--functions=0] [--file=coverage/coverage-final.json]
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const floors = { lines: Number(args.lines ?? 90), branches: Number(args.branches ?? 90), functions: Number(args.functions ?? 0) };
const root = resolve(new URL('..', import.meta.url).pathname);
const data = JSON.parse(readFileSync(resolve(root, args.file ?? 'coverage/coverage-final.json'), 'utf8'));

const helper = (loc, file) => loc.start.line === 1 && loc.start.column === 0 && /^\s*\/\//.test(file.firstLine);
const totals = new Map();
const add = (key, kind, hit, all) => {
  const t = totals.get(key) ?? { lines: [0, 0], branches: [0, 0], functions: [0, 0] };
  t[kind][0] += hit;
  t[kind][1] += all;
  totals.set(key, t);
};
for (const [path, cov] of Object.entries(data)) {
  const rel = relative(root, path);
  if (!rel.startsWith('server/src/engine/')) continue;
  const file = { firstLine: readFileSync(path, 'utf8').split('\n')[0] };
  const folder = rel.slice(0, rel.lastIndexOf('/'));
  // Lines: a line is covered when every statement starting on it ran (as istanbul counts them).
  const lines = new Map();
  for (const [id, loc] of Object.entries(cov.statementMap)) {
    if (helper(loc, file)) continue;
    const l = loc.start.line;
    lines.set(l, (lines.get(l) ?? true) && cov.s[id] > 0);
  }
  const lineHits = [...lines.values()].filter(Boolean).length;
  let branchHits = 0;
  let branchAll = 0;
  for (const [id, b] of Object.entries(cov.branchMap)) {
    if (helper(b.loc ?? b.locations[0], file)) continue;
    for (const n of cov.b[id]) {
      branchAll++;
      if (n > 0) branchHits++;
    }
  }
  let fnHits = 0;
  let fnAll = 0;
  for (const [id, f] of Object.entries(cov.fnMap)) {
    if (helper(f.loc ?? f.decl, file)) continue;
    fnAll++;
    if (cov.f[id] > 0) fnHits++;
  }
  for (const key of [folder, 'all']) {
    add(key, 'lines', lineHits, lines.size);
    add(key, 'branches', branchHits, branchAll);
    add(key, 'functions', fnHits, fnAll);
  }
}
const pct = ([hit, all]) => (all ? (100 * hit) / all : 100);
console.log('coverage of server/src/engine (esbuild helpers on line 1 left out)');
console.log('folder'.padEnd(30), 'lines'.padStart(8), 'branches'.padStart(9), 'functions'.padStart(10));
for (const [key, t] of [...totals].sort(([a], [b]) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)))) {
  console.log(key.padEnd(30), pct(t.lines).toFixed(2).padStart(8), pct(t.branches).toFixed(2).padStart(9), pct(t.functions).toFixed(2).padStart(10));
}
const all = totals.get('all');
if (!all) {
  console.error('coverage-check: no engine file in the report');
  process.exit(1);
}
const low = Object.entries(floors).filter(([kind, floor]) => pct(all[kind]) < floor);
for (const [kind, floor] of low) console.error(`coverage-check: ${kind} ${pct(all[kind]).toFixed(2)} % is below the floor of ${floor} %`);
process.exit(low.length ? 1 : 0);
