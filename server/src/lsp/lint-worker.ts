// A worker thread for large open documents: linting 50 MB (or a note the parser finds hard)
// takes seconds, and in the server's own thread every other document's diagnostics and every
// request would wait for it. The worker runs the server bundle itself (see server.ts), started
// on the first large document; jobs run one at a time, a newer version of a document replaces
// its queued job, and without a worker (it fails to start) jobs run in this thread. Whichever
// thread runs them keeps each document's incremental parser until the document closes.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { workerStart } from '../worker-start';
import { IncrementalParser, parseMarkdown } from '../engine';
import { lintJobParsers, runLintJob, type LintJob, type LintJobResult } from './lint-job';
import type { Feature } from './start';
import type { Diagnostic } from 'vscode-languageserver/node';

const MARK = 'handoffLintWorker';

/** In a worker thread started by LintWorker: serve jobs. Returns false otherwise. */
export function serveLintJobs(): boolean {
  if (isMainThread || !(workerData as Record<string, unknown> | null)?.[MARK] || !parentPort) return false;
  const port = parentPort;
  const parsers = lintJobParsers();
  port.on('message', (m: { id: number; key: string; job: LintJob } | { forget: string }) => {
    if ('forget' in m) return void parsers.delete(m.forget);
    let result: LintJobResult | { error: string };
    try {
      result = runLintJob(m.job, parserFor(parsers, m.key), (diagnostics) => port.postMessage({ id: m.id, early: diagnostics }));
    } catch (e) {
      result = { error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage({ id: m.id, result });
  });
  return true;
}

function parserFor(parsers: ReturnType<typeof lintJobParsers>, key: string): IncrementalParser {
  let parser = parsers.get(key);
  if (!parser) parsers.set(key, (parser = new IncrementalParser(parseMarkdown)));
  return parser;
}

interface Pending {
  key: string;
  job: LintJob;
  resolve: (r: LintJobResult | undefined) => void;
  reject: (e: Error) => void;
  /** Told the job's text findings before its result, when the job sends them (lint-job.ts). */
  early?: (diagnostics: Diagnostic[]) => void;
}

export class LintWorker {
  private worker: Worker | null = null;
  private failed = false;
  private busy: (Pending & { id: number }) | null = null;
  private readonly queue: Pending[] = [];
  private nextId = 0;
  /** Parsers for the jobs run in this thread, when the worker could not start. */
  private readonly parsers = lintJobParsers();

  constructor(
    private readonly script: string = __filename,
    private readonly onError: (e: unknown) => void = () => {},
  ) {}

  /** Lints in the worker; resolves undefined when a newer job for the same key replaced it. */
  run(key: string, job: LintJob, early?: (diagnostics: Diagnostic[]) => void): Promise<LintJobResult | undefined> {
    return new Promise((resolve, reject) => {
      for (const [i, p] of this.queue.entries())
        if (p.key === key) {
          this.queue.splice(i, 1);
          p.resolve(undefined);
          break;
        }
      this.queue.push({ key, job, resolve, reject, early });
      this.pump();
    });
  }

  /** The document closed: its parser goes. */
  forget(key: string): void {
    this.parsers.delete(key);
    this.worker?.postMessage({ forget: key });
  }

  private start(): Worker | null {
    if (this.worker || this.failed) return this.worker;
    try {
      const worker = new Worker(...workerStart(this.script, { [MARK]: true }));
      worker.unref();
      worker.on('message', (m: { id: number; result: LintJobResult | { error: string } } | { id: number; early: Diagnostic[] }) => {
        const p = this.busy;
        if (!p || p.id !== m.id) return;
        if ('early' in m) return void p.early?.(m.early);
        this.busy = null;
        if (m.result && 'error' in m.result) p.reject(new Error(m.result.error));
        else p.resolve(m.result);
        this.pump();
      });
      const lost = (e: unknown) => {
        this.onError(e);
        this.worker = null;
        this.failed = true;
        if (this.busy) this.queue.unshift(this.busy);
        this.busy = null;
        this.pump();
      };
      worker.on('error', lost);
      worker.on('exit', (code) => {
        if (this.worker === worker) lost(new Error(`The lint worker exited (${code})`));
      });
      this.worker = worker;
    } catch (e) {
      this.onError(e);
      this.failed = true;
    }
    return this.worker;
  }

  private pump(): void {
    if (this.busy || !this.queue.length) return;
    const worker = this.start();
    const p = this.queue.shift()!;
    if (!worker) {
      // No worker: in this thread, in a later turn so the caller's turn ends first.
      setImmediate(() => {
        try {
          p.resolve(runLintJob(p.job, parserFor(this.parsers, p.key), p.early));
        } catch (e) {
          p.reject(e instanceof Error ? e : new Error(String(e)));
        }
        this.pump();
      });
      return;
    }
    this.busy = { ...p, id: this.nextId++ };
    worker.postMessage({ id: this.busy.id, key: p.key, job: p.job });
  }

  dispose(): void {
    const w = this.worker;
    this.worker = null;
    this.failed = true;
    void w?.terminate();
  }
}

/** Large open documents are linted in a LintWorker. */
export const largeDocumentsFeature: Feature = (state) => {
  state.linter.lintWorker = new LintWorker(undefined, (e) => state.log.error('The lint worker failed; large documents are linted in the server thread', e));
};
