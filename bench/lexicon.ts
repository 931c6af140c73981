// The role lexicon in steady state: every predicate (each role, pending work, awaiting, current,
// imperative) on every heading and lead label of the notes in test/fixtures, warm. CPU per pass
// and per label, median of 15 passes after one. `node --import tsx bench/lexicon.ts [root]` reads
// the lexicon of another checkout at `root` (a build before a change) with the same labels.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './lib/engine';
import { summarize } from './lib/stats';

const ROLES = ['next', 'wip', 'risks', 'changes', 'verify', 'decisions', 'status'];

function notes(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return notes(path);
    return e.name.endsWith('.md') ? [path] : [];
  });
}

async function main(): Promise<void> {
  const root = resolve(process.argv[2] ?? ROOT);
  const lex = await import(join(root, 'server/src/engine/model/lexicon'));
  const { normalizeLabel } = await import(join(root, 'server/src/engine/model/labels'));
  const labels = new Set<string>();
  for (const file of notes(join(ROOT, 'test/fixtures'))) {
    for (const line of readFileSync(file, 'utf8').split(/\r\n|\r|\n/)) {
      // A heading, or a short line that reads as a lead label ("Next steps:", "**Risks**").
      if (!/^#{1,6}\s/.test(line) && !(line.length <= 80 && /:\s*$|^\s*\*\*/.test(line))) continue;
      labels.add(lex.fold(normalizeLabel(line.replace(/^[\s#>*_\-+\d.)]*/, '').replace(/[\s*_:：]*$/, ''))));
    }
  }
  const list = [...labels];
  const pass = () => {
    let hits = 0;
    for (const s of list) {
      for (const role of ROLES) if (lex.namesRole(s, role)) hits++;
      if (lex.namesPendingWork(s)) hits++;
      if (lex.namesAwaiting(s)) hits++;
      if (lex.namesCurrent(s)) hits++;
      if (lex.opensWithImperative(s)) hits++;
    }
    return hits;
  };
  const cpu = (f: () => void) => {
    const start = process.cpuUsage();
    f();
    const d = process.cpuUsage(start);
    return (d.user + d.system) / 1000;
  };
  let hits = 0;
  const first = cpu(() => (hits = pass()));
  const warm = summarize(Array.from({ length: 15 }, () => cpu(pass)));
  console.log(`${root}: ${list.length} labels, ${hits} answers true; first pass ${first.toFixed(1)} ms CPU, warm ${warm.median.toFixed(1)} ms per pass (p25 ${warm.p25.toFixed(1)}, p75 ${warm.p75.toFixed(1)}), ${((warm.median * 1000) / list.length).toFixed(2)} µs per label`);
}

void main();
