// The MCP server definition provider (VS Code 1.101+): offers the bundled `handoff mcp` for each
// workspace folder, so agents in VS Code get Handoff's tools with no configuration. It runs the
// `handoff` entry shipped in the extension with the Node that runs the extension host (in desktop
// VS Code that is Electron, run as Node). Nothing is offered in Restricted Mode (the server runs
// git); granting trust fires the change event so VS Code asks again. Skipped, with one line in
// the output channel, where the API is missing.
import * as vscode from 'vscode';
import type { McpServerDefinitionProvider, McpStdioServerDefinition, VscodeNext } from './vscode-next';

export const MCP_PROVIDER_ID = 'handoff.mcp';

/** What the extension exports: the definitions it offers now (also when the API is missing). */
export interface McpOffer {
  definitions(): McpStdioServerDefinition[];
}

export function registerMcpProvider(context: vscode.ExtensionContext, output: vscode.OutputChannel): McpOffer | undefined {
  const api = vscode as unknown as VscodeNext;
  const register = api.lm?.registerMcpServerDefinitionProvider;
  const Definition = api.McpStdioServerDefinition;
  // 1.100 has a proposed API of the same name that wants another manifest entry: the version decides.
  if (!register || !Definition || !atLeast(vscode.version, 1, 101)) {
    output.appendLine(`MCP server definition provider skipped: VS Code ${vscode.version} has no vscode.lm.registerMcpServerDefinitionProvider (1.101+).`);
    return undefined;
  }
  // bin/handoff.js routes `mcp` to the MCP server's bundle (out/mcp/), both shipped in the .vsix.
  const cli = context.asAbsolutePath('bin/handoff.js');
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '');
  const definitions = (): McpStdioServerDefinition[] => {
    if (!vscode.workspace.isTrusted) return [];
    return (vscode.workspace.workspaceFolders ?? [])
      .filter((f) => f.uri.scheme === 'file')
      .map((f) => {
        const d = new Definition(`Handoff (${f.name})`, process.execPath, [cli, 'mcp', '--root', f.uri.fsPath], { ELECTRON_RUN_AS_NODE: '1' }, version);
        d.cwd = f.uri;
        return d;
      });
  };
  const changed = new vscode.EventEmitter<void>();
  const provider: McpServerDefinitionProvider = {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions: () => definitions(),
  };
  try {
    context.subscriptions.push(register.call(api.lm, MCP_PROVIDER_ID, provider));
  } catch (e) {
    // The rest of the extension works without it.
    output.appendLine(`MCP server definition provider skipped: ${e instanceof Error ? e.message : String(e)}`);
    changed.dispose();
    return undefined;
  }
  context.subscriptions.push(
    changed,
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
  );
  return { definitions };
}

/** Whether a VS Code version ("1.101.2", "1.102.0-insider") is at least major.minor. */
export function atLeast(version: string, major: number, minor: number): boolean {
  const [a = 0, b = 0] = version.split('.').map((n) => Number.parseInt(n, 10));
  return a > major || (a === major && b >= minor);
}
