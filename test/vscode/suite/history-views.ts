// What the Handoff views show, read through `handoff.sidebar.describe`, for the history specs.
import * as vscode from 'vscode';

export interface NodeJson {
  label: string;
  description?: string;
  tooltip?: string;
  command?: { command: string; arguments: unknown[] };
  contextValue?: string;
  children?: NodeJson[];
}

export interface Described {
  nextSteps: NodeJson[];
  timeline: { note: string | null; items: NodeJson[]; message: string | null; panel: boolean };
  descriptions: Record<string, string | undefined>;
  messages: { nextSteps: string | null };
}

export const describeViews = () => vscode.commands.executeCommand<Described>('handoff.sidebar.describe');

/** Re-reads the views until `accept` holds (they change on server notifications). */
export async function viewsWhere(accept: (d: Described) => boolean, what: string, timeoutMs = 45000): Promise<Described> {
  let last: Described | undefined;
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    last = await describeViews();
    if (accept(last)) return last;
    // Wait for the next thing that can change them: an editor change or a short tick.
    await new Promise<void>((r) => {
      const sub = vscode.window.onDidChangeActiveTextEditor(() => {
        sub.dispose();
        r();
      });
      setTimeout(() => {
        sub.dispose();
        r();
      }, 100);
    });
  }
  const show = (nodes: NodeJson[] = []) => nodes.map((n) => `${n.label} (${n.description ?? ''})`).join(' | ');
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; timeline: ${last?.timeline.message ?? show(last?.timeline.items)}; next steps: ${show(last?.nextSteps.flatMap((n) => [n, ...(n.children ?? [])]))}`);
}
