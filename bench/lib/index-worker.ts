// Child process of bench/workspace.ts, bundled with esbuild and run with plain node so that its
// RSS is that of an indexing process (no tsx, no bench data). Reads a job file, indexes every
// note, prints one JSON line.
//   mode "notes":   keep the whole Note of every file (what a server that reuses Notes keeps)
//   mode "outline": build the Note, keep only an outline (kind, title, headings with roles)
//   mode "scan":    the prototype line scanner (bench/prototype/outline-scan.ts), no mdast
//   mode "job":     the server's own index job (server/src/lsp/index-job.ts: read, noteOf, lint for
//                   the problem counts, outline), keeping what the server keeps of it
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { defaultConfig, noteOf } from '../../server/src/engine';
import { indexJobCaches, runIndexJob } from '../../server/src/lsp/index-job';
import { scanOutline } from '../prototype/outline-scan';

setFlagsFromString('--expose-gc');
const gc: () => void = runInNewContext('gc');

interface Job {
  dir: string;
  files: string[];
  mode: 'notes' | 'outline' | 'scan' | 'job';
  reindex: string[];
  largest: string;
  warmPasses: number;
}

const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Job;
const mb = (n: number) => n / 2 ** 20;

const config = defaultConfig();
const caches = indexJobCaches();
const today = new Date().toISOString().slice(0, 10);

function entry(rel: string, text: string): unknown {
  if (job.mode === 'scan') return scanOutline(text);
  if (job.mode === 'job') {
    const r = runIndexJob({ file: join(job.dir, rel), path: rel, config, templateFile: null, roadmap: null, text, today }, caches);
    return r.type === 'note' ? { data: r.data, problems: r.problems } : r;
  }
  const note = noteOf({ text, path: rel });
  if (job.mode === 'notes') return note;
  return { kind: note.kind, title: note.title?.text ?? null, sections: note.allSections.map((s) => [s.heading.text, s.heading.depth, s.heading.start, s.role]) };
}

gc();
const rssStart = mb(process.memoryUsage().rss);
const index = new Map<string, unknown>();
const pass = () => {
  for (const rel of job.files) index.set(rel, entry(rel, readFileSync(join(job.dir, rel), 'utf8')));
};
let t = performance.now();
const cpu0 = process.cpuUsage();
pass();
const firstMs = performance.now() - t;
const cpu1 = process.cpuUsage(cpu0);
const firstCpuMs = (cpu1.user + cpu1.system) / 1000;
gc();
const rssIndexed = mb(process.memoryUsage().rss);
const heapIndexed = mb(process.memoryUsage().heapUsed);
const warm: number[] = [];
for (let i = 0; i < job.warmPasses; i++) {
  t = performance.now();
  pass();
  warm.push(performance.now() - t);
}
const reindex: number[] = [];
for (const rel of job.reindex) {
  const file = join(job.dir, rel);
  const text = readFileSync(file, 'utf8');
  const mid = text.indexOf('\n', text.length >> 1);
  writeFileSync(file, text.slice(0, mid) + 'x' + text.slice(mid));
  t = performance.now();
  index.set(rel, entry(rel, readFileSync(file, 'utf8')));
  reindex.push(performance.now() - t);
}
const largest: number[] = [];
for (let i = 0; i < 5; i++) {
  t = performance.now();
  index.set(job.largest, entry(job.largest, readFileSync(join(job.dir, job.largest), 'utf8')));
  largest.push(performance.now() - t);
}
gc();
process.stdout.write(JSON.stringify({ mode: job.mode, rssStartMB: rssStart, firstMs, firstCpuMs, rssIndexedMB: rssIndexed, heapIndexedMB: heapIndexed, rssEndMB: mb(process.memoryUsage().rss), warm, reindex, largest, entries: index.size }) + '\n');
