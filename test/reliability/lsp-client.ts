// The stdio test client (test/server/client.ts) with what the reliability tests also need:
// several workspace folders, client capabilities, settings answered to workspace/configuration,
// every message the server writes captured as text (for the no-leak tests), and small request
// helpers. It still spawns the bundled server (out/server/server.js) over stdio.
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';
import { TestClient } from '../server/client';

export const fileUri = (path: string): string => pathToFileURL(path).toString();

export class ReliabilityClient extends TestClient {
  /** `handoff.*` settings the client reports. */
  settings: Record<string, unknown> | null = null;
  /** Every message from the server, serialized: notifications, requests it makes, responses. */
  readonly wire: string[] = [];
  /** Messages shown to the user (window/showMessage notifications and window/showMessageRequest requests). */
  readonly shown: Array<{ type: number; message: string }> = [];

  constructor(env: NodeJS.ProcessEnv = process.env) {
    super(env);
    this.process.stdout!.on('data', (d) => this.wire.push(String(d)));
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.connection.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
      this.shown.push(p);
      return null;
    });
  }

  async start(roots: string[], options: Record<string, unknown> = { trusted: false }): Promise<InitializeResult> {
    const folders = roots.map((r, i) => ({ uri: fileUri(r), name: `ws${i}` }));
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders.length ? folders : null,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown', 'plaintext'] } },
        window: { showMessage: {} },
      },
      initializationOptions: options,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Every message shown to the user, notifications and requests. */
  messages(): Array<{ type: number; message: string }> {
    return [...this.sent<{ type: number; message: string }>('window/showMessage'), ...this.shown];
  }

  /** Notifications with this method, their params. */
  sent<T = unknown>(method: string): T[] {
    return this.notifications.filter((n) => n.method === method).map((n) => n.params as T);
  }

  /** Everything the server wrote, as one string. */
  everything(): string {
    return this.wire.join('') + this.stderr;
  }

  symbols(uri: string): Promise<DocumentSymbol[]> {
    return this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) as Promise<DocumentSymbol[]>;
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  actions(uri: string, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d], ...(only ? { only } : {}) } }) as Promise<CodeAction[]>;
  }

  update(uri: string, version: number): Promise<{ version: number; edits: unknown[]; summary: string[]; refused: string | null; stale?: boolean }> {
    return this.connection.sendRequest('handoff/update', { uri, version });
  }

  /**
   * Resolves when the server says the findings of the last version sent for `uri` are complete
   * (a `handoff/noteStatus` with `settled`, git's answers included); returns the last publication.
   */
  async settled(uri: string, timeoutMs = 20000) {
    const sent = this.sentVersions.get(uri);
    const from = sent?.after ?? 0;
    const done = () =>
      this.notifications.slice(from).some((n) => {
        const p = n.params as { uri?: string; version?: number; settled?: boolean };
        return n.method === 'handoff/noteStatus' && p.uri === uri && p.settled === true && (!sent || p.version === sent.version);
      });
    if (!done()) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.events.off('notification', on);
          reject(new Error(`diagnostics for ${uri} did not settle within ${timeoutMs} ms`));
        }, timeoutMs);
        const on = () => {
          if (!done()) return;
          clearTimeout(timer);
          this.events.off('notification', on);
          resolve();
        };
        this.events.on('notification', on);
      });
    }
    return [...this.published].reverse().find((p) => p.uri === uri)!;
  }
}
