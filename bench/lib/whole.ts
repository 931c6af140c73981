// Whole processes on one note file, as a user or a hook runs them: `handoff lint --format json`
// (out/, build first), markdownlint-cli2 (default rules) and rumdl (native binary from the npm
// package; not a devDependency, because the registry here serves only its linux-x64 build and
// `npm ci` then refuses the lock: `npm install --no-save rumdl@0.2.75` before `npm run bench`). Interleaved rounds: each round runs every tool once in turn, so that load from other
// processes hits them alike. Each run goes through /usr/bin/time for its CPU time (user + sys,
// children included) and peak RSS; wall time is measured here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './engine';
import { summarize, type Stats } from './stats';

export interface WholeTool {
  id: string;
  label: string;
  argv: (file: string) => string[];
}

export interface WholeStats {
  wall: Stats;
  cpu: Stats;
  rssMb: Stats;
  /** Exit codes seen (a linter exits 1 when it finds something). */
  codes: number[];
}

const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);

export function wholeTools(): WholeTool[] {
  const tools: WholeTool[] = [
    { id: 'handoff', label: 'handoff lint --format json', argv: (f) => [process.execPath, join(ROOT, 'bin/handoff.js'), 'lint', '--format', 'json', f] },
    { id: 'cli2', label: 'markdownlint-cli2 (default rules)', argv: (f) => [bin('markdownlint-cli2'), f] },
    { id: 'rumdl', label: 'rumdl check', argv: (f) => [bin('rumdl'), 'check', '--no-config', f] },
  ];
  return tools.filter((t) => existsSync(t.argv('x')[t.id === 'handoff' ? 1 : 0]));
}

function once(argv: string[], cwd: string): { wall: number; cpu: number; rssMb: number; code: number } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', ...argv], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const wall = performance.now() - t0;
  const last = (r.stderr ?? '').trim().split('\n').pop() ?? '';
  const [user, sys, rssKb] = last.split(' ').map(Number);
  return { wall, cpu: (user + sys) * 1000, rssMb: rssKb / 1024, code: r.status ?? -1 };
}

/** Runs every tool on the text, `rounds` interleaved rounds after one warm-up round. */
export function measureWhole(text: string, rounds: number, tools = wholeTools()): Record<string, WholeStats> {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-whole-'));
  try {
    // A handoff by name, in a folder that is no git repository (git rules step aside for all).
    const file = join(dir, 'HANDOFF.md');
    writeFileSync(file, text);
    const samples = new Map(tools.map((t) => [t.id, { wall: [] as number[], cpu: [] as number[], rss: [] as number[], codes: new Set<number>() }]));
    for (let r = 0; r <= rounds; r++) {
      for (const t of tools) {
        const s = once(t.argv(file), dir);
        if (r === 0) continue;
        const acc = samples.get(t.id)!;
        acc.wall.push(s.wall);
        acc.cpu.push(s.cpu);
        acc.rss.push(s.rssMb);
        acc.codes.add(s.code);
      }
    }
    return Object.fromEntries(tools.map((t) => {
      const acc = samples.get(t.id)!;
      return [t.id, { wall: summarize(acc.wall), cpu: summarize(acc.cpu), rssMb: summarize(acc.rss), codes: [...acc.codes] }];
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
