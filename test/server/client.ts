// A minimal LSP client over stdio for tests: spawns the bundled server and collects
// published diagnostics so tests can wait on them (events, not sleeps).
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { EventEmitter } from 'node:events';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  ShutdownRequest,
  ExitNotification,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';

export const SERVER = resolve(__dirname, '../../out/server/server.js');

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  protected readonly events = new EventEmitter();
  /** The last version sent for each document, and how many notifications had arrived then. */
  readonly sentVersions = new Map<string, { version: number; after: number }>();
  stderr = '';

  /** `entry`: the script that starts the server (out/server/cached-start.js as VS Code starts it). */
  constructor(env: NodeJS.ProcessEnv = process.env, entry: string = SERVER) {
    this.process = spawn(process.execPath, [entry, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.process.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      this.events.emit('diagnostics', p);
    });
    // The star handler sees every notification (typed loosely on ProtocolConnection).
    (this.connection.onNotification as unknown as (h: (method: string, params: unknown) => void) => void)((method, params) => {
      this.notifications.push({ method, params });
      this.events.emit('notification', { method, params });
    });
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  async initialize(rootPath: string, options: Record<string, unknown> = { trusted: false }): Promise<InitializeResult> {
    const rootUri = 'file://' + rootPath;
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'ws' }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: options,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    this.sentVersions.set(uri, { version, after: this.notifications.length });
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri: string, version: number, changes: Array<{ range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }>): Promise<void> {
    this.sentVersions.set(uri, { version, after: this.notifications.length });
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes as never });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Resolves with the first publication for `uri` that satisfies `test` (already received ones count). */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    const hit = [...this.published].reverse().find((p) => p.uri === uri && test(p));
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off('diagnostics', on);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`));
      }, timeoutMs);
      const on = (p: PublishDiagnosticsParams) => {
        if (p.uri === uri && test(p)) {
          clearTimeout(timer);
          this.events.off('diagnostics', on);
          resolve(p);
        }
      };
      this.events.on('diagnostics', on);
    });
  }
  /** The first notification `method` (already received or to come) whose params pass `test`. */
  notification<T>(method: string, test: (params: T) => boolean = () => true, timeoutMs = 10000): Promise<T> {
    const hit = this.notifications.find((n) => n.method === method && test(n.params as T));
    if (hit) return Promise.resolve(hit.params as T);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off('notification', on);
        reject(new Error(`no matching ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      const on = (n: { method: string; params: unknown }) => {
        if (n.method === method && test(n.params as T)) {
          clearTimeout(timer);
          this.events.off('notification', on);
          resolve(n.params as T);
        }
      };
      this.events.on('notification', on);
    });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      /* already gone */
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}
