// Activation: start the bundled language server, register the commands, show the language
// status item. Kept small; features live beside it.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { TrustChangedNotification, type InitializationOptions } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { registerLanguageModelTools } from './lm-tools';
import { registerMcpProvider } from './mcp-provider';
import type { McpStdioServerDefinition, TimelineItem } from './vscode-next';
import { NoteStatusItem } from './status-item';
import { registerViews } from './views';

let client: LanguageClient | undefined;

/** What the extension exports to other extensions (and its tests). */
export interface HandoffApi {
  /** The `handoff mcp` servers offered to VS Code now; empty in Restricted Mode or before 1.101. */
  mcpServerDefinitions(): McpStdioServerDefinition[];
  /** What Handoff gives VS Code's Timeline panel for a file; null where the proposed API is not enabled. */
  timelineItems(uri: vscode.Uri): Promise<TimelineItem[] | null>;
}

export async function activate(context: vscode.ExtensionContext): Promise<HandoffApi> {
  const output = vscode.window.createOutputChannel('Handoff');
  const module = context.asAbsolutePath('out/server/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
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
  };
  client = new LanguageClient('handoff', 'Handoff', serverOptions, clientOptions);
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
  await client.start();
  status.listen();
  const views = registerViews(context, client, output);
  return {
    mcpServerDefinitions: () => mcp?.definitions() ?? [],
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
  client = undefined;
}
