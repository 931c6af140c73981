// Cold start: whole processes, as a user or a hook runs them.
//
//   node --import tsx bench/cold.ts [--runs N] [--wait-cli MS] [--out FILE]
//
//   cli        `node bin/handoff.js lint FILE` on a generated 4 KB note, wall time of the whole
//              process (exit code ignored: findings make it non-zero); `node -e 0` alongside as
//              the floor of any Node process on this machine
//   server     spawn out/server/server.js --stdio → initialize answered → first diagnostics of a
//              4 KB note
//   bundles    sizes of out/**/*.js (and their source maps), as built now
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateNote } from './lib/gen';
import { ROOT } from './lib/engine';
import { LspClient, SERVER, waitForFile } from './lib/lsp-client';
import { summarize, machine, load, fmt, table, type Stats } from './lib/stats';

const argv = process.argv.slice(2);
const value = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const RUNS = Number(value('--runs') ?? 15);
const OUT = value('--out') ?? join(ROOT, 'bench/results/cold.json');
const CLI = join(ROOT, 'out/cli/handoff.js');

function timeProcess(args: string[], cwd: string): { stats: Stats; status: number | null; out: string } {
  const samples: number[] = [];
  let last: ReturnType<typeof spawnSync> | null = null;
  for (let i = 0; i < RUNS + 1; i++) {
    const t = performance.now();
    last = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
    if (i > 0) samples.push(performance.now() - t); // the first run warms the file cache
  }
  return { stats: summarize(samples), status: last!.status, out: String(last!.stdout ?? '') + String(last!.stderr ?? '') };
}

function bundles(): Array<{ file: string; bytes: number; map: number | null }> {
  const out: Array<{ file: string; bytes: number; map: number | null }> = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js')) out.push({ file: relative(ROOT, p), bytes: statSync(p).size, map: existsSync(p + '.map') ? statSync(p + '.map').size : null });
    }
  };
  walk(join(ROOT, 'out'));
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-cold-bench-'));
  const file = join(dir, 'HANDOFF.md');
  writeFileSync(file, generateNote({ seed: 1, bytes: 4 * 1024 }));
  const result: Record<string, unknown> = { date: new Date().toISOString(), machine: machine(), load: load() };
  const rows: Array<Array<string | number>> = [];

  const node = timeProcess(['-e', '0'], dir);
  rows.push(['node -e 0 (any Node process)', fmt(node.stats.median), fmt(node.stats.p95), '']);
  result.node = node.stats;

  if (await waitForFile(CLI, Number(value('--wait-cli') ?? 0), 15_000, 'out/cli/handoff.js')) {
    const cli = timeProcess([join(ROOT, 'bin/handoff.js'), 'lint', file], dir);
    const ok = /HANDOFF\.md|problem|✖|warning|error|info/i.test(cli.out) && !/Cannot find module|Error: /.test(cli.out);
    rows.push([`handoff lint (4 KB note), exit ${cli.status}`, fmt(cli.stats.median), fmt(cli.stats.p95), ok ? '' : `output: ${cli.out.trim().split('\n')[0].slice(0, 80)}`]);
    result.cli = { ...cli.stats, status: cli.status, ok, firstLine: cli.out.trim().split('\n')[0] };
    const rulesCmd = timeProcess([join(ROOT, 'bin/handoff.js'), '--version'], dir);
    rows.push(['handoff --version', fmt(rulesCmd.stats.median), fmt(rulesCmd.stats.p95), '']);
    result.cliVersion = rulesCmd.stats;
  } else {
    rows.push(['handoff lint', 'n/a', 'n/a', 'out/cli/handoff.js not built']);
  }

  if (existsSync(SERVER)) {
    const init: number[] = [];
    const first: number[] = [];
    const uri = pathToFileURL(file).toString();
    for (let i = 0; i < Math.min(RUNS, 10); i++) {
      const t = performance.now();
      const client = new LspClient(SERVER);
      try {
        await client.initialize(dir);
        init.push(performance.now() - t);
        const wait = client.diagnostics(uri, 1, 30_000);
        await client.open(uri, generateNote({ seed: 1, bytes: 4 * 1024 }), 1);
        await wait;
        first.push(performance.now() - t);
      } catch (e) {
        result.serverError = String((e as Error).message).split('\n')[0];
        break;
      } finally {
        await client.shutdown();
      }
    }
    if (init.length) {
      result.server = { initialize: summarize(init), firstDiagnostics: summarize(first) };
      rows.push(['server: spawn → initialize answered', fmt(summarize(init).median), fmt(summarize(init).p95), '']);
      rows.push(['server: spawn → first diagnostics (4 KB)', fmt(summarize(first).median), fmt(summarize(first).p95), '']);
    } else rows.push(['server', 'n/a', 'n/a', String(result.serverError)]);
  }

  const b = bundles();
  result.bundles = b;
  const report = [
    '## Cold start (whole processes)\n',
    table(['what', 'median ms', 'p95 ms', 'note'], rows),
    '',
    '## Bundles (out/, as built now)\n',
    table(['file', 'KB', 'map KB'], b.map((x) => [x.file, (x.bytes / 1024).toFixed(0), x.map === null ? '' : (x.map / 1024).toFixed(0)])),
    '',
  ].join('\n');
  result.report = report;
  console.log('\n' + report);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(result, null, 2) + '\n');
  console.log(`Wrote ${OUT}`);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
