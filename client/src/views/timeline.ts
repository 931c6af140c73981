// The Timeline view in the Handoff container: the past versions of the handoff note in the
// active editor (it keeps the last one while another kind of editor is active, and starts with
// the workspace's only handoff note), refreshed when the server says the history changed.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { HistoryStore } from './history-store';
import { parseVersionUri } from './note-version';
import type { OutlineStore } from './outline-store';
import { emptyMessage, versionNodes } from './timeline-view';
import { NodeTree, type Node } from './tree';

export class TimelineView implements vscode.Disposable {
  /** The followed note (protocol URI string). */
  note: string | undefined;
  readonly tree = new NodeTree(() => this.build());
  readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly client: LanguageClient,
    private readonly outlines: OutlineStore,
    private readonly history: HistoryStore,
  ) {
    this.view = vscode.window.createTreeView('handoff.timeline', { treeDataProvider: this.tree, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.tree,
      vscode.window.onDidChangeActiveTextEditor((e) => this.follow(e?.document)),
      history.onDidChange((uri) => uri === this.note && this.render()),
      outlines.onDidChange(() => {
        if (!this.note) this.follow(vscode.window.activeTextEditor?.document);
      }),
    );
    this.follow(vscode.window.activeTextEditor?.document);
  }

  /** Follows a Markdown file in the editor; a past version keeps its note; anything else keeps the last. */
  private follow(doc: vscode.TextDocument | undefined): void {
    let next = this.note;
    const past = doc && parseVersionUri(doc.uri);
    if (past) next = past.uri;
    else if (doc && doc.uri.scheme === 'file' && doc.languageId === 'markdown') next = this.client.code2ProtocolConverter.asUri(doc.uri);
    else if (!next) {
      const handoffs = this.outlines.handoffs();
      if (handoffs.length === 1) next = handoffs[0].uri;
    }
    if (next === this.note) return;
    this.note = next;
    if (next) void this.history.request(next);
    this.render();
  }

  refresh(): Promise<unknown> {
    return this.note ? this.history.request(this.note) : Promise.resolve();
  }

  private name(): string | undefined {
    return this.note ? path.posix.basename(this.client.protocol2CodeConverter.asUri(this.note).path) : undefined;
  }

  private build(): Node[] {
    const h = this.note ? this.history.get(this.note) : undefined;
    return h && h.state === 'ok' ? versionNodes(h) : [];
  }

  render(): void {
    this.tree.refresh();
    const h = this.note ? this.history.get(this.note) : undefined;
    this.view.message = emptyMessage(h, this.name());
    this.view.description = this.name();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
