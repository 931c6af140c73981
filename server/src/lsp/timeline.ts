// The server's start and each opened note's first lint, timed where they happen: the
// handoff/timings request answers it (the benches and the VS Code suite print the breakdown) and
// each step is traced ($/logTrace, shown when handoff.trace.server is on). Times are ms since
// the process started, so a client can line them up with its own clock through `origin`.
import { basename } from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import type { OpenTimings, ServerTimings } from '../protocol';

/** Opened notes kept: the first ones are those a window's start decides. */
const OPENS_KEPT = 20;

export class Timeline {
  private readonly timings: ServerTimings;
  private readonly pending = new Map<string, OpenTimings>();
  private connection: Connection | null = null;

  /** `loaded`: when the server's first line of code ran. */
  constructor(loaded: number) {
    this.timings = {
      origin: performance.timeOrigin,
      bootstrapped: Math.round(performance.nodeTiming.bootstrapComplete),
      loaded: Math.round(loaded),
      initialize: null,
      initializeAnswered: null,
      initialized: null,
      scanStarted: null,
      scanDone: null,
      opens: [],
    };
  }

  listen(connection: Connection): void {
    this.connection = connection;
  }

  now(): number {
    return Math.round(performance.now());
  }

  mark(step: 'initialize' | 'initializeAnswered' | 'initialized' | 'scanStarted' | 'scanDone'): void {
    this.timings[step] = this.now();
    this.trace(`${step} at ${this.timings[step]} ms`);
    if (step === 'initialize') this.trace(`server bundle: node ready at ${this.timings.bootstrapped} ms, bundle loaded at ${this.timings.loaded} ms`);
  }

  /** A note was opened: its first lint is timed. */
  opened(uri: string): void {
    if (this.timings.opens.length >= OPENS_KEPT) return;
    const open: OpenTimings = { uri, opened: this.now(), configMs: null, linting: null, lintMs: null, published: null, settled: null };
    this.timings.opens.push(open);
    this.pending.set(uri, open);
  }

  /** Time spent reading a note's configuration and template on its way to the first lint. */
  config(uri: string, ms: number): void {
    const open = this.pending.get(uri);
    if (open && open.linting === null) open.configMs = Math.round((open.configMs ?? 0) + ms);
  }

  linted(uri: string, started: number, ms: number): void {
    const open = this.pending.get(uri);
    if (!open || open.linting !== null) return;
    open.linting = Math.round(started);
    open.lintMs = Math.round(ms);
  }

  published(uri: string): void {
    const open = this.pending.get(uri);
    if (!open || open.published !== null) return;
    open.published = this.now();
    this.trace(`${basename(uri)}: opened at ${open.opened} ms, text findings published after ${open.published - open.opened} ms (configuration ${open.configMs ?? 0} ms, waited for the thread ${(open.linting ?? open.opened) - open.opened - (open.configMs ?? 0)} ms, lint ${open.lintMs} ms)`);
  }

  settled(uri: string): void {
    const open = this.pending.get(uri);
    if (!open) return;
    this.pending.delete(uri);
    open.settled = this.now();
    this.trace(`${basename(uri)}: settled (git facts in) after ${open.settled - open.opened} ms`);
  }

  /** The note closed before its first lint settled. */
  closed(uri: string): void {
    this.pending.delete(uri);
  }

  snapshot(): ServerTimings {
    return { ...this.timings, opens: this.timings.opens.map((o) => ({ ...o })) };
  }

  private trace(message: string): void {
    this.connection?.tracer.log(`timing: ${message}`);
  }
}
