// Timing: warm up, then take samples until a time budget or a sample count is reached. Very
// fast functions are run in batches so that one sample lasts at least ~1 ms (the batch time is
// divided back). Results are in milliseconds per call.
import { execSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';

export interface Stats {
  n: number;
  median: number;
  p25: number;
  p75: number;
  p95: number;
  min: number;
  max: number;
}

export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function summarize(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, median: quantile(s, 0.5), p25: quantile(s, 0.25), p75: quantile(s, 0.75), p95: quantile(s, 0.95), min: s[0], max: s[s.length - 1] };
}

export interface MeasureOptions {
  /** Samples at least (default 5) and at most (default 60). */
  minRuns?: number;
  maxRuns?: number;
  /** Stop sampling after this many ms once minRuns are in (default 2000). */
  budgetMs?: number;
  /** Warm-up: at least this many calls (default 2) and until this many ms (default 300). */
  warmRuns?: number;
  warmMs?: number;
}

export function measure(fn: () => unknown, o: MeasureOptions = {}): Stats {
  const minRuns = o.minRuns ?? 5;
  const maxRuns = o.maxRuns ?? 60;
  const budget = o.budgetMs ?? 2000;
  const warmRuns = o.warmRuns ?? 2;
  const warmMs = o.warmMs ?? 300;
  let sink: unknown;
  // Warm-up, and find a batch size that makes a sample last ≥ 1 ms.
  const w0 = performance.now();
  let one = Infinity;
  for (let i = 0; i < warmRuns || performance.now() - w0 < warmMs; i++) {
    const t = performance.now();
    sink = fn();
    one = Math.min(one, performance.now() - t);
    if (i >= warmRuns - 1 && one > warmMs) break;
  }
  const batch = one >= 1 ? 1 : Math.min(10_000, Math.ceil(1 / Math.max(one, 0.001)));
  const samples: number[] = [];
  const s0 = performance.now();
  while (samples.length < minRuns || (samples.length < maxRuns && performance.now() - s0 < budget)) {
    const t = performance.now();
    for (let i = 0; i < batch; i++) sink = fn();
    samples.push((performance.now() - t) / batch);
  }
  void sink;
  return summarize(samples);
}

export interface Timed {
  /** Wall-clock ms per call. */
  wall: Stats;
  /** CPU ms per call of this process (all its threads: GC helpers included). */
  cpu: Stats;
}

/**
 * Measures several functions in interleaved rounds (each round runs every function once, in
 * turn), so that load from other processes on a shared machine hits them all alike and their
 * ratios stay fair. Each function is warmed up first and batched to ≥ 1 ms per sample.
 */
export function measureMany(items: Array<{ id: string; fn: () => unknown }>, o: MeasureOptions = {}): Record<string, Timed> {
  const minRuns = o.minRuns ?? 5;
  const maxRuns = o.maxRuns ?? 60;
  const budget = o.budgetMs ?? 2000;
  const warmRuns = o.warmRuns ?? 2;
  const warmMs = o.warmMs ?? 300;
  let sink: unknown;
  const batch = new Map<string, number>();
  for (const { id, fn } of items) {
    const w0 = performance.now();
    let one = Infinity;
    for (let i = 0; i < warmRuns || performance.now() - w0 < warmMs; i++) {
      const t = performance.now();
      sink = fn();
      one = Math.min(one, performance.now() - t);
      if (i >= warmRuns - 1 && one > warmMs) break;
    }
    batch.set(id, one >= 1 ? 1 : Math.min(10_000, Math.ceil(1 / Math.max(one, 0.001))));
  }
  const wall = new Map<string, number[]>(items.map((i) => [i.id, []]));
  const cpu = new Map<string, number[]>(items.map((i) => [i.id, []]));
  const s0 = performance.now();
  for (let round = 0; round < minRuns || (round < maxRuns && performance.now() - s0 < budget); round++) {
    for (const { id, fn } of items) {
      const b = batch.get(id)!;
      const c = process.cpuUsage();
      const t = performance.now();
      for (let i = 0; i < b; i++) sink = fn();
      const dt = performance.now() - t;
      const dc = process.cpuUsage(c);
      wall.get(id)!.push(dt / b);
      cpu.get(id)!.push((dc.user + dc.system) / 1000 / b);
    }
  }
  void sink;
  return Object.fromEntries(items.map(({ id }) => [id, { wall: summarize(wall.get(id)!), cpu: summarize(cpu.get(id)!) }]));
}

/** Load on the machine now: load averages and, where the kernel has it, CPU pressure. */
export function load(): Record<string, unknown> {
  let pressure: string | null = null;
  try {
    pressure = readFileSync('/proc/pressure/cpu', 'utf8').split('\n')[0];
  } catch {
    // not Linux, or no PSI
  }
  return { loadavg: loadavg().map((x) => Number(x.toFixed(2))), cpuPressure: pressure };
}

export function machine(): Record<string, unknown> {
  const sh = (c: string) => {
    try {
      return execSync(c, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  return {
    nproc: Number(sh('nproc')) || cpus().length,
    cpu: cpus()[0]?.model ?? null,
    memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));

/** Exponent k of t ∝ size^k between two points. 1 is linear, 2 quadratic. */
export function growth(t1: number, s1: number, t2: number, s2: number): number {
  return Math.log(t2 / t1) / Math.log(s2 / s1);
}

export function table(head: string[], rows: Array<Array<string | number>>): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  // At least two wide: an empty column still gets its "-:" alignment mark.
  const widths = head.map((_, i) => Math.max(2, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  return [line(cells[0]), '| ' + widths.map((w, i) => (i === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ') + ' |', ...cells.slice(1).map(line)].join('\n');
}

/** CPU milliseconds (user + system) this process spent running `f`. */
export function cpuMs(f: () => unknown): number {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}
