// Activation: start the bundled language server, register the commands, show the language
// status item. Kept small; features live beside it.
import { loadStarted } from './load-start';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { TimingsRequest, TrustChangedNotification, type InitializationOptions, type ServerTimings } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { registerLanguageModelTools } from './lm-tools';
import { registerMcpProvider } from './mcp-provider';
import { startServerProcess, type ServerProcess } from './server-process';
import type { McpStdioServerDefinition, TimelineItem } from './vscode-next';
import { NoteStatusItem } from './status-item';
import { registerViews } from './views';

let client: LanguageClient | undefined;
let server: ServerProcess | undefined;

/** What the extension exports to other extensions (and its tests). */
export interface HandoffApi {
  /** The `handoff mcp` servers offered to VS Code now; empty in Restricted Mode or before 1.101. */
  mcpServerDefinitions(): McpStdioServerDefinition[];
  /** How long activation and the server's start took (once the server runs); the VS Code suite prints them. */
  timings(): Promise<ClientTimings>;
  /** What Handoff gives VS Code's Timeline panel for a file; null where the proposed API is not enabled. */
  timelineItems(uri: vscode.Uri): Promise<TimelineItem[] | null>;
}

/** Activation timed in the extension host (performance.now(), ms). */
export interface ClientTimings {
  /** The bundle's evaluation started, and ended (its modules ran; this module's code runs). */
  loadStarted: number;
  loaded: number;
  /** activate() was called, and how long it took to return. */
  activated: number;
  activateMs: number;
  /** The language client started (the server answered initialize), ms after activate() was called. */
  clientStarted: number | null;
  /** When the language client was told of each opened document (by uri), to send its didOpen. */
  documentOpened: Record<string, number>;
  /** When the first diagnostics of each opened document reached the extension (by uri). */
  diagnosticsReceived: Record<string, number>;
  /** The server's own timings (null: it is not running). */
  server: ServerTimings | null;
}

/** This module's code runs once its imports are evaluated (the extension host's clock). */
const timings: Omit<ClientTimings, 'server'> = { loadStarted, loaded: performance.now(), activated: 0, activateMs: 0, clientStarted: null, documentOpened: {}, diagnosticsReceived: {} };

export function activate(context: vscode.ExtensionContext): HandoffApi {
  timings.activated = performance.now();
  const output = vscode.window.createOutputChannel('Handoff');
  // The server bundle with V8's code cache (cached-start.ts), kept in the extension's storage;
  // its process starts now, before anything else activation does.
  server = startServerProcess(context.asAbsolutePath('out/server/cached-start.js'), { HANDOFF_COMPILE_CACHE: vscode.Uri.joinPath(context.globalStorageUri, 'v8-cache').fsPath }, output);
  const serverOptions: ServerOptions = server.transports;
  const initializationOptions: InitializationOptions = { trusted: vscode.workspace.isTrusted, storagePath: context.globalStorageUri.fsPath };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: {
      configurationSection: 'handoff',
      // Folders created and deleted too (no change events): files created in a new folder can
      // reach the watcher before it watches that folder, so the server reads a new folder whole.
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/.handoff.{json,jsonc}'), vscode.workspace.createFileSystemWatcher('**/*.md'), vscode.workspace.createFileSystemWatcher('**/*', false, true, false)],
    },
    initializationOptions,
    outputChannel: output,
    middleware: {
      // When the editor handed each opened document to the extension (the first 20), for the timings.
      didOpen: (document, next) => {
        if (Object.keys(timings.documentOpened).length < 20) timings.documentOpened[document.uri.toString()] ??= performance.now();
        return next(document);
      },
      handleDiagnostics: (uri, diagnostics, next) => {
        const key = uri.toString();
        if (key in timings.documentOpened) timings.diagnosticsReceived[key] ??= performance.now();
        next(uri, diagnostics);
      },
    },
  };
  client = new LanguageClient('handoff', 'Handoff', serverOptions, clientOptions);
  // The server starts first and activation does not wait for it: the handlers registered below
  // are in place before its first message, and requests made before it is up wait for it.
  const started = client.start().then(
    () => (timings.clientStarted = performance.now() - timings.activated),
    (e: unknown) => output.appendLine(`The Handoff language server did not start: ${e instanceof Error ? e.message : String(e)}`),
  );
  const status = new NoteStatusItem(client);
  context.subscriptions.push(output, status);
  registerCommands(context, () => client, output);
  registerLanguageModelTools(context, () => client, output);
  const mcp = registerMcpProvider(context, output);
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification(TrustChangedNotification, { trusted: true });
    }),
  );
  status.listen();
  const views = registerViews(context, client, output);
  timings.activateMs = performance.now() - timings.activated;
  return {
    mcpServerDefinitions: () => mcp?.definitions() ?? [],
    async timings() {
      await started;
      const server = client?.isRunning() ? await client.sendRequest(TimingsRequest).catch(() => null) : null;
      return { ...timings, server };
    },
    timelineItems: async (uri) => {
      if (!views.timelinePanel) return null;
      const source = new vscode.CancellationTokenSource();
      try {
        const timeline = await views.timelinePanel.provideTimeline(uri, {}, source.token);
        return timeline ? [...timeline.items] : [];
      } finally {
        source.dispose();
      }
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  await server?.ended();
  client = undefined;
  server = undefined;
}
