// Worker threads for the workspace index: parsing is the costly part of indexing (about 10 ms
// for a 10 KB note), so notes read from disk are indexed in workers while the server's own
// thread keeps answering. Workers run the server bundle itself (see server.ts); without them
// (a worker fails to start), jobs run in this thread, one per turn of the event loop.
// A worker holds a second copy of the bundle and its own heap (about half the server's memory
// after a scan), so workers are retired once the work runs out and started again for the next
// burst; a small job that comes while none runs is done in this thread, which costs less than
// starting one, unless jobs pile up there (a checkout that changes many notes). The last jobs
// of a burst run in this thread too, beside the workers, so that its copy of the job's code is
// compiled and hot when the changes after the burst come here (a cold first job took 0.5 s).
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { indexJobCaches, runIndexJob, type IndexJob, type IndexJobResult } from './index-job';
import { yieldToLoop } from '../project/scan';

const MARK = 'handoffIndexWorker';

/** In a worker thread started by IndexWorkers: serve jobs. Returns false in the main thread. */
export function serveIndexJobs(): boolean {
  if (isMainThread || !(workerData as Record<string, unknown> | null)?.[MARK] || !parentPort) return false;
  const port = parentPort;
  const caches = indexJobCaches();
  port.on('message', (m: { id: number; job: IndexJob }) => {
    let result: IndexJobResult | { type: 'error'; message: string };
    try {
      result = runIndexJob(m.job, caches);
    } catch (e) {
      result = { type: 'error', message: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage({ id: m.id, result });
  });
  return true;
}

/** Workers with nothing to do for this long are retired. */
const IDLE_MS = 2000;
/** Small jobs waiting in this thread beyond this many make a burst: the workers start. */
const LOCAL_QUEUE = 4;
/** When this many jobs or fewer wait for the workers, this thread takes small ones from the end. */
const TAIL = 12;
/**
 * A note up to this size is indexed in the server's thread: a few ms for most notes, about
 * 100 ms at this size, where a worker's start costs several hundred.
 */
export const SMALL_NOTE_BYTES = 256 * 1024;

/** Whether a job is small enough for the server's thread (its text, or its file's size). */
function smallJob(job: IndexJob): boolean {
  if (job.text !== undefined) return job.text.length <= SMALL_NOTE_BYTES;
  try {
    return statSync(job.file).size <= SMALL_NOTE_BYTES;
  } catch {
    return true; // gone: the job says so at once
  }
}

interface Pending {
  job: IndexJob;
  resolve: (r: IndexJobResult) => void;
  reject: (e: Error) => void;
}

export class IndexWorkers {
  private readonly workers: Array<{ worker: Worker; busy: Pending | null; id: number }> = [];
  private readonly queue: Pending[] = [];
  /** Jobs for this thread, one per turn of the event loop. */
  private readonly local: Pending[] = [];
  private idleTimer: NodeJS.Timeout | undefined;
  private nextId = 0;
  private inProcess: Promise<void> | null = null;
  /** Templates and roadmaps kept for jobs run in this thread. */
  private readonly caches = indexJobCaches();

  private started = false;
  /** Jobs of a burst this thread took beside the workers (the tests read it). */
  tailJobs = 0;

  /**
   * `wanted` workers running `script` (the server bundle); 0 runs every job in this thread. One
   * core is left to the server's own thread, which lints what the user sees. The workers start
   * with the first job, so a server that has not scanned yet pays nothing for them.
   */
  constructor(
    private readonly wanted = Math.min(4, Math.max(1, availableParallelism() - 1)),
    private readonly script: string = __filename,
    private readonly onError: (e: unknown) => void = () => {},
  ) {}

  private start(): void {
    this.started = true;
    for (let i = 0; i < this.wanted; i++) {
      try {
        const worker = new Worker(this.script, { workerData: { [MARK]: true } });
        worker.unref();
        const slot = { worker, busy: null as Pending | null, id: -1 };
        worker.on('message', (m: { id: number; result: IndexJobResult | { type: 'error'; message: string } }) => {
          const p = slot.busy;
          slot.busy = null;
          if (p && m.result.type === 'error') p.reject(new Error(m.result.message));
          else if (p) p.resolve(m.result as IndexJobResult);
          this.pump();
        });
        worker.on('error', (e) => {
          this.onError(e);
          this.drop(slot);
        });
        worker.on('exit', () => this.drop(slot));
        this.workers.push(slot);
      } catch (e) {
        this.onError(e);
      }
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Runs a job in a worker, started if none runs; `small`: in this thread when no worker runs
   * (one changed note of a few KB takes milliseconds, a worker's start far longer).
   */
  run(job: IndexJob, small = false): Promise<IndexJobResult> {
    return new Promise((resolve, reject) => {
      if (small && !this.workers.length && this.local.length < LOCAL_QUEUE) {
        this.local.push({ job, resolve, reject });
        this.inProcess ??= this.drainInProcess();
        return;
      }
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    clearTimeout(this.idleTimer);
    if (!this.started) this.start();
    if (!this.workers.length) {
      this.local.push(...this.queue.splice(0));
      this.inProcess ??= this.drainInProcess();
      return;
    }
    for (const slot of this.workers) {
      if (slot.busy || !this.queue.length) continue;
      const p = this.queue.shift()!;
      slot.busy = p;
      slot.id = this.nextId++;
      slot.worker.postMessage({ id: slot.id, job: p.job });
    }
    if (this.queue.length && this.queue.length <= TAIL) this.inProcess ??= this.drainInProcess();
    if (!this.queue.length && this.workers.every((s) => !s.busy)) {
      this.idleTimer = setTimeout(() => void this.retire(), IDLE_MS);
      this.idleTimer.unref();
    }
  }

  /** Ends the workers when none has a job (the next job starts them again). */
  async retire(): Promise<void> {
    if (this.queue.length || this.workers.some((s) => s.busy)) return;
    clearTimeout(this.idleTimer);
    this.started = false;
    await Promise.all(this.workers.splice(0).map((s) => s.worker.terminate()));
  }

  /** The next job for this thread: its own, else a small one from the end of a burst's tail. */
  private nextHere(): Pending | undefined {
    if (this.local.length) return this.local.shift();
    if (!this.workers.length || !this.queue.length || this.queue.length > TAIL) return undefined;
    const last = this.queue.length - 1;
    if (!smallJob(this.queue[last].job)) return undefined;
    this.tailJobs++;
    return this.queue.splice(last, 1)[0];
  }

  private async drainInProcess(): Promise<void> {
    for (let p = this.nextHere(); p; p = this.nextHere()) {
      try {
        p.resolve(runIndexJob(p.job, this.caches));
      } catch (e) {
        p.reject(e instanceof Error ? e : new Error(String(e)));
      }
      await yieldToLoop();
    }
    this.inProcess = null;
  }

  private drop(slot: { worker: Worker; busy: Pending | null }): void {
    const i = this.workers.indexOf(slot as (typeof this.workers)[number]);
    if (i < 0) return;
    this.workers.splice(i, 1);
    if (slot.busy) this.queue.unshift(slot.busy);
    slot.busy = null;
    this.pump();
  }

  dispose(): void {
    clearTimeout(this.idleTimer);
    for (const s of this.workers.splice(0)) void s.worker.terminate();
  }
}
