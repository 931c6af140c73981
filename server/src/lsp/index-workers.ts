// Worker threads for the workspace index: parsing is the costly part of indexing (about 10 ms
// for a 10 KB note), so notes read from disk are indexed in workers while the server's own
// thread keeps answering. Workers run the server bundle itself (see server.ts); without them
// (a worker fails to start), jobs run in this thread, one per turn of the event loop.
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

interface Pending {
  job: IndexJob;
  resolve: (r: IndexJobResult) => void;
  reject: (e: Error) => void;
}

export class IndexWorkers {
  private readonly workers: Array<{ worker: Worker; busy: Pending | null; id: number }> = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private inProcess: Promise<void> | null = null;
  /** Templates and roadmaps kept for jobs run in this thread. */
  private readonly caches = indexJobCaches();

  private started = false;

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

  run(job: IndexJob): Promise<IndexJobResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (!this.started) this.start();
    if (!this.workers.length) {
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
  }

  private async drainInProcess(): Promise<void> {
    while (this.queue.length) {
      const p = this.queue.shift()!;
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
    for (const s of this.workers.splice(0)) void s.worker.terminate();
  }
}
