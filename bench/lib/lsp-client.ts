// A minimal LSP client over stdio for the benches: spawn the built server, initialize, and
// wait for publishDiagnostics of a given document version.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { ROOT } from './engine';

export const SERVER = join(ROOT, 'out/server/server.js');
/** USER_HZ: the unit of /proc's CPU times (100 on Linux x64). */
const CLOCK_TICKS = 100;

export interface Published {
  uri: string;
  version: number | undefined;
  count: number;
  at: number;
}

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  private waiters: Array<{ uri: string; version: number | null; resolve: (p: Published) => void; reject: (e: Error) => void }> = [];
  /** Rejects when the server process exits before we shut it down. */
  readonly exited: Promise<never>;
  private closing = false;
  /** Every publishDiagnostics seen, by uri, last one. */
  readonly last = new Map<string, Published>();
  stderr = '';

  constructor(serverPath = SERVER) {
    this.proc = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS ? process.env.BENCH_SERVER_NODE_ARGS.split(' ') : []), serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.exited = new Promise<never>((_, reject) => {
      this.proc.on('exit', (code, signal) => {
        if (this.closing) return;
        const e = new Error(`server exited (${code ?? signal}): ${this.stderr.trim().split('\n').slice(0, 6).join(' | ')}`);
        for (const w of this.waiters) w.reject(e);
        this.waiters = [];
        reject(e);
      });
    });
    this.exited.catch(() => undefined);
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
      const pub: Published = { uri: p.uri, version: p.version, count: p.diagnostics.length, at: performance.now() };
      this.last.set(p.uri, pub);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== p.uri || (w.version !== null && w.version !== p.version)) return true;
        w.resolve(pub);
        return false;
      });
    });
    this.conn.onNotification('handoff/noteStatus', (p: { uri: string; version: number; settled: boolean }) => {
      if (!p.settled) return;
      const at = performance.now();
      this.settledWaiters = this.settledWaiters.filter((w) => {
        if (w.uri !== p.uri || w.version !== p.version) return true;
        w.resolve(at);
        return false;
      });
    });
    // Requests a server may send; answer them so it never waits on us.
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.listen();
  }

  /** `editor`: the workspace capabilities VS Code announces (configuration, folders), as a window does. */
  async initialize(rootDir: string, trusted = false, editor = false): Promise<unknown> {
    const rootUri = pathToFileURL(rootDir).toString();
    const res = await this.race(this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { didSave: true } },
        ...(editor ? { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } } : {}),
      },
      initializationOptions: { trusted },
    }));
    await this.conn.sendNotification('initialized', {});
    return res;
  }

  /** Resolves on the next publishDiagnostics for uri (and version, when given). */
  diagnostics(uri: string, version: number | null, timeoutMs = 60_000): Promise<Published> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ uri, version, resolve: (p) => (clearTimeout(timer), resolve(p)), reject: (e) => (clearTimeout(timer), reject(e)) });
    });
  }

  private settledWaiters: Array<{ uri: string; version: number; resolve: (at: number) => void }> = [];

  /**
   * Resolves (with the time) when the server says a version's lint settled (handoff/noteStatus):
   * its whole lint published, after any early publication of its text findings. Ask before the
   * version is sent.
   */
  settled(uri: string, version: number, timeoutMs = 120_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${uri} v${version} did not settle within ${timeoutMs} ms`)), timeoutMs);
      this.settledWaiters.push({ uri, version, resolve: (at) => (clearTimeout(timer), resolve(at)) });
    });
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  insert(uri: string, version: number, line: number, character: number, text: string): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text }],
    });
  }

  close(uri: string): Promise<void> {
    return this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.race(this.conn.sendRequest(method, params) as Promise<T>);
  }

  private race<T>(p: Promise<T>): Promise<T> {
    return Promise.race([p, this.exited]);
  }

  /** Resident set size of the server process, from /proc (Linux), in MB. */
  rssMB(): number | null {
    try {
      const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const m = /VmRSS:\s+(\d+) kB/.exec(status);
      return m ? Number(m[1]) / 1024 : null;
    } catch {
      return null;
    }
  }

  /** Peak resident set size of the server process so far (VmHWM), in MB. */
  peakRssMB(): number | null {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : null;
    } catch {
      return null;
    }
  }

  /** CPU time of the server process so far, every thread (user + system, /proc/PID/stat), in ms. */
  cpuMs(): number | null {
    try {
      const stat = readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8');
      // Fields after the command's closing parenthesis: state is field 3, utime 14, stime 15.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS;
    } catch {
      return null;
    }
  }

  async shutdown(): Promise<void> {
    this.closing = true;
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 200));
    if (this.proc.exitCode === null) this.proc.kill();
    this.conn.dispose();
  }
}

/**
 * The server's debounce as written in its source (the protocol does not expose it): a fixed
 * `debounceMs = N`, or the adaptive policy `min(maxDebounceMs, round(cost × F))` with a first
 * wait of W ms (`cost === undefined ? W : Math.min(this.maxDebounceMs, Math.round(cost * F))`).
 */
export interface Debounce {
  fixedMs: number | null;
  adaptive: { maxMs: number; factor: number; firstMs: number } | null;
  describe: string;
}

export function debounceFromSource(): Debounce | null {
  const file = join(ROOT, 'server/src/lsp/linting.ts');
  if (!existsSync(file)) return null;
  const src = readFileSync(file, 'utf8');
  const fixed = /debounceMs\s*=\s*(\d+)/.exec(src);
  if (fixed) return { fixedMs: Number(fixed[1]), adaptive: null, describe: `${fixed[1]} ms fixed` };
  const max = /maxDebounceMs\s*=\s*(\d+)/.exec(src);
  const factor = /Math\.min\(this\.maxDebounceMs, Math\.round\(cost \* ([\d.]+)\)\)/.exec(src);
  const first = /cost === undefined\s*\)?\s*(?:\?|return)\s*(\d+)/.exec(src);
  const leading = /quiet/.test(src) && /return 0;/.test(src);
  if (max && factor) {
    const a = { maxMs: Number(max[1]), factor: Number(factor[1]), firstMs: first ? Number(first[1]) : 0 };
    return {
      fixedMs: null,
      adaptive: a,
      describe: `adaptive: min(${a.maxMs}, ${a.factor} × last lint cost) ms, ${a.firstMs} ms before the first measured lint${leading ? ', 0 ms for a keystroke after a quiet spell (not the case here: each edit follows the previous diagnostics at once)' : ''}`,
    };
  }
  return null;
}

/**
 * The part of one observed latency t (change → diagnostics) that was the debounce. For the
 * adaptive policy t = d + c with d = min(max, F·c), c the lint's cost, so d = F·t/(1+F) while
 * that stays under the cap, else the cap. (The cost is that of the previous lint, close to this
 * one's when typing in one place.)
 */
export function debounceWithin(d: Debounce | null, latencyMs: number): number | null {
  if (!d) return null;
  if (d.fixedMs !== null) return d.fixedMs;
  if (!d.adaptive) return null;
  const { maxMs, factor } = d.adaptive;
  return Math.min(maxMs, (factor * latencyMs) / (1 + factor));
}

/** The wait the server applies after a change, given what its lints cost. */
export function debounceFor(d: Debounce | null, lintCostMs: number): number | null {
  if (!d) return null;
  if (d.fixedMs !== null) return d.fixedMs;
  return d.adaptive ? Math.min(d.adaptive.maxMs, Math.round(lintCostMs * d.adaptive.factor)) : null;
}

export async function waitForFile(file: string, totalMs: number, everyMs = 15_000, label = file): Promise<boolean> {
  const end = Date.now() + totalMs;
  while (!existsSync(file)) {
    if (Date.now() > end) return false;
    process.stderr.write(`  waiting for ${label}…\n`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return true;
}
