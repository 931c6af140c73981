// The note's history in VS Code's own Timeline panel (Explorer), beside the Handoff container's
// Timeline view. The Timeline API is proposed: it works only where VS Code lets this extension
// use it (see vscode-next.d.ts), so it is feature-detected at run time and skipped, with one line
// in the output channel, everywhere else; the Handoff Timeline view does not depend on it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Timeline, TimelineChangeEvent, TimelineItem, TimelineProvider, WorkspaceNext } from '../vscode-next';
import type { HistoryStore } from './history-store';
import { OPEN_DIFF_COMMAND, changeSummary, shortCommit } from './timeline-view';

export const TIMELINE_SOURCE = 'handoff.history';

export function historyTimeline(client: LanguageClient, history: HistoryStore): TimelineProvider & vscode.Disposable {
  const changed = new vscode.EventEmitter<TimelineChangeEvent | undefined>();
  const sub = history.onDidChange((uri) => changed.fire({ uri: client.protocol2CodeConverter.asUri(uri) }));
  return {
    id: TIMELINE_SOURCE,
    label: 'Handoff',
    onDidChange: changed.event,
    async provideTimeline(uri: vscode.Uri): Promise<Timeline> {
      // Every file the user focuses is asked about: only Markdown files can be notes.
      if (uri.scheme !== 'file' || !/\.(md|markdown)$/i.test(uri.path)) return { items: [] };
      const note = client.code2ProtocolConverter.asUri(uri);
      const h = history.get(note) ?? (await history.request(note));
      if (h.state !== 'ok') return { items: [] };
      const items: TimelineItem[] = h.versions.map((v) => ({
        id: v.commit,
        label: v.subject || '(no subject)',
        timestamp: Date.parse(v.date),
        description: `${v.author} · ${shortCommit(v.commit)}`,
        iconPath: new vscode.ThemeIcon('note'),
        tooltip: new vscode.MarkdownString().appendText(`${v.subject}\n\n${changeSummary(v)}`),
        command: { command: OPEN_DIFF_COMMAND, title: 'Open Changes', arguments: [note, v.commit] },
        contextValue: 'handoffVersion',
      }));
      return { items };
    },
    dispose() {
      sub.dispose();
      changed.dispose();
    },
  };
}

/** Registers the provider where the running VS Code lets this extension; says why not otherwise. */
export function registerTimelineProvider(context: vscode.ExtensionContext, client: LanguageClient, history: HistoryStore, output: vscode.OutputChannel): TimelineProvider | undefined {
  const workspace = vscode.workspace as unknown as WorkspaceNext;
  if (typeof workspace.registerTimelineProvider !== 'function') {
    output.appendLine(`Timeline panel: skipped, VS Code ${vscode.version} has no workspace.registerTimelineProvider.`);
    return undefined;
  }
  const provider = historyTimeline(client, history);
  try {
    // The workbench matches the scheme of its own URI: in a remote window (code-server, SSH) that is
    // vscode-remote, which reaches the provider as a file URI.
    context.subscriptions.push(workspace.registerTimelineProvider.call(vscode.workspace, ['file', 'vscode-remote'], provider), provider);
    return provider;
  } catch (e) {
    // VS Code refuses a proposed API the extension may not use here: the Handoff Timeline view remains.
    output.appendLine(`Timeline panel: skipped (the proposed Timeline API is not enabled for this extension: ${e instanceof Error ? e.message : String(e)}).`);
    provider.dispose();
    return undefined;
  }
}
