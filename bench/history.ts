// What the note's own history costs: a generated repository whose HANDOFF.md has 500 versions
// (steps added, carried, reworded, ticked and dropped from version to version), read the way the
// language server reads it in the background (project/history.ts: `log --follow` and two
// `cat-file --batch` processes, each version parsed once), cold and again after HEAD moved (the
// parsed versions cached), with the configuration's default bounds (50 versions) and with all
// 500; then one keystroke's lint with the history facts in (stale-next-steps and verify-stale
// run) against the same lint without them.
//
//   node --import tsx bench/history.ts [--versions 500] [--keys 100] [--out FILE] [--keep]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defaultConfig, IncrementalParser, lintWith, noteOf, parseMarkdown, RULES, type GitFacts, type Note } from '../server/src/engine';
import { GitFactsProvider } from '../server/src/git';
import { NoteHistories } from '../server/src/project/history';
import { ROOT } from './lib/engine';
import { mulberry32 } from './lib/gen';
import { fmt, load, machine, summarize, table, type Stats } from './lib/stats';

const argv = process.argv.slice(2);
const value = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const VERSIONS = Number(value('--versions') ?? 500);
const KEYS = Number(value('--keys') ?? 100);
const ONLY_REPO = argv.includes('--repo-only');
const OUT = value('--out') ?? join(ROOT, 'bench/results/history.json');
const WORDS = 'import export adapter contract payload limit batch stream offset column table report metric parser writer reader schema cache index runner'.split(' ');

/** The note of version `v`: a pool of steps that drift (added, ticked, dropped, reworded). */
function noteText(v: number, random: () => number, pool: string[]): string {
  if (random() < 0.3) pool.push(`${WORDS[Math.floor(random() * WORDS.length)]} the ${WORDS[Math.floor(random() * WORDS.length)]} ${v}`);
  if (pool.length > 12 || random() < 0.1) pool.splice(Math.floor(random() * pool.length), 1);
  if (random() < 0.1 && pool.length) pool[0] = pool[0] + ' again';
  const steps = pool.map((s, i) => `${i + 1}. ${random() < 0.05 ? `~~${s}~~` : s}`);
  return ['# Session Handoff', '', '## Snapshot', '', `- Date: 2026-01-01`, '', '## Status', '', `Session ${v} of the importer.`, '', '## Next steps', '', ...steps, '', '## Risks', '', `- Risk ${v % 7}`, '', '## How to run / verify', '', `- \`npm test\` — ${600 + v} passing`, ''].join('\n');
}

/** A repository with VERSIONS commits of HANDOFF.md (and a source file), through fast-import. */
function generateRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-bench-history-'));
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  const random = mulberry32(13);
  const pool = ['Ship the importer', 'Write the docs', 'Port to Windows'];
  const start = Math.floor(Date.now() / 1000) - VERSIONS * 3600 * 6;
  let stream = '';
  for (let v = 1; v <= VERSIONS; v++) {
    const text = noteText(v, random, pool);
    const source = `export const version = ${v};\n`;
    const when = start + v * 3600 * 6;
    stream += `commit refs/heads/main\nmark :${v}\nauthor Dev <dev@example.com> ${when} +0000\ncommitter Dev <dev@example.com> ${when} +0000\n`;
    const message = `Session ${v}`;
    stream += `data ${Buffer.byteLength(message)}\n${message}\n`;
    if (v > 1) stream += `from :${v - 1}\n`;
    stream += `M 100644 inline HANDOFF.md\ndata ${Buffer.byteLength(text)}\n${text}\n`;
    stream += `M 100644 inline src/version.ts\ndata ${Buffer.byteLength(source)}\n${source}\n`;
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: stream });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir });
  return dir;
}

async function timeRead(dir: string, maxVersions: number, maxDays: number, runs: number): Promise<{ cold: Stats; warm: Stats; versions: number; history: GitFacts['history'] }> {
  const file = join(dir, 'HANDOFF.md');
  const parse = (text: string) => noteOf({ text, path: 'HANDOFF.md' });
  const limits = { maxVersions, maxDays, staleSteps: 4 };
  const cold: number[] = [];
  const warm: number[] = [];
  let last: GitFacts['history'] = null;
  for (let r = 0; r < runs; r++) {
    // A new provider and a new cache: nothing read before (what opening a note costs).
    const provider = new GitFactsProvider({ trusted: true });
    const histories = new NoteHistories(() => provider);
    let t = performance.now();
    const read = await histories.read(file, parse, limits, 'bench');
    cold.push(performance.now() - t);
    if ('kind' in read) throw new Error(read.message);
    // HEAD moved: the version list is read again, the parsed versions come from the cache.
    provider.invalidate();
    t = performance.now();
    await histories.read(file, parse, limits, 'bench');
    warm.push(performance.now() - t);
    last = read.facts;
    provider.dispose();
  }
  return { cold: summarize(cold), warm: summarize(warm), versions: last?.versions.length ?? 0, history: last };
}

function typing(text: string, git: GitFacts | null): Stats & { samples: number[] } {
  const parser = new IncrementalParser(parseMarkdown);
  const config = defaultConfig();
  let at = text.indexOf('## Risks') - 2;
  const samples: number[] = [];
  for (let k = -5; k < KEYS; k++) {
    text = text.slice(0, at) + 'x' + text.slice(at);
    at++;
    const input = { text, path: 'HANDOFF.md', today: '2026-12-06', config, git };
    const t = performance.now();
    const note: Note = noteOf({ ...input, parser });
    lintWith({ ...input, note, rules: RULES });
    if (k >= 0) samples.push(performance.now() - t);
  }
  return { ...summarize(samples), samples };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const dir = generateRepository();
  const made = performance.now() - t0;
  if (ONLY_REPO) return console.log(dir);
  try {
    const all = await timeRead(dir, VERSIONS, 3650, 3);
    const bounded = await timeRead(dir, 50, 3650, 5);
    const text = execFileSync('git', ['show', 'HEAD:HANDOFF.md'], { cwd: dir, encoding: 'utf8' });
    const base: GitFacts = { root: dir, branch: 'main', detached: false, unborn: false, head: null, upstream: null, dirty: false, status: [], shallow: false, commits: {}, paths: {}, noteLastCommitDate: null, changedSince: null };
    // Three rounds, alternating, so a change in the machine's load hits each alike; the medians of all rounds.
    const rounds = [0, 1, 2].map(() => [typing(text, base), typing(text, { ...base, history: bounded.history }), typing(text, { ...base, history: all.history })]);
    const pick = (i: number) => summarize(rounds.flatMap((r) => r[i].samples));
    const [off, on50, on500] = [pick(0), pick(1), pick(2)];
    const rows = [
      [`read ${all.versions} versions, cold`, fmt(all.cold.median), fmt(all.cold.max)],
      [`read ${all.versions} versions, after HEAD moved`, fmt(all.warm.median), fmt(all.warm.max)],
      [`read ${bounded.versions} versions (default bound), cold`, fmt(bounded.cold.median), fmt(bounded.cold.max)],
      [`read ${bounded.versions} versions, after HEAD moved`, fmt(bounded.warm.median), fmt(bounded.warm.max)],
      ['keystroke, history off', fmt(off.median), fmt(off.p95)],
      [`keystroke, history on (${bounded.versions} versions)`, fmt(on50.median), fmt(on50.p95)],
      [`keystroke, history on (${all.versions} versions)`, fmt(on500.median), fmt(on500.p95)],
    ];
    console.log(`Repository of ${VERSIONS} versions generated in ${fmt(made)} ms\n`);
    console.log(table(['ms', 'median', 'max / p95'], rows));
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, JSON.stringify({ machine: machine(), load: load(), versions: VERSIONS, read: { all: { cold: all.cold, warm: all.warm }, bounded: { cold: bounded.cold, warm: bounded.warm } }, typing: { off, on50, on500 } }, null, 2) + '\n');
  } finally {
    if (argv.includes('--keep')) console.log(`Kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

void main();
