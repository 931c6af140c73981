// The client's copy of the workspace outline: fetched at start, then per note whenever the
// server says outlines changed. The views and the freshness item read it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { OutlineChangedNotification, OutlineRequest, type FileOutline, type SkippedFile } from '../../../server/src/protocol';

export class OutlineStore implements vscode.Disposable {
  private readonly files = new Map<string, FileOutline>();
  private skippedFiles: SkippedFile[] = [];
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private chain: Promise<void> = Promise.resolve();
  /** The server's first scan is still running. */
  indexing = true;
  /** At least one answer arrived. */
  ready = false;
  readonly onDidChange = this.emitter.event;

  constructor(private readonly client: LanguageClient) {}

  listen(): void {
    this.disposables.push(
      this.client.onNotification(OutlineChangedNotification, ({ uris, removed, indexing }) => {
        for (const r of removed) this.files.delete(r);
        this.enqueue(uris === null ? undefined : uris, removed.length > 0, indexing);
      }),
    );
    this.enqueue(undefined, true);
  }

  /** Requests run one after the other, so an older answer never overwrites a newer one. */
  private enqueue(uris: string[] | undefined, changed: boolean, indexing?: boolean): void {
    this.chain = this.chain.then(() => this.fetch(uris, changed, indexing)).catch(() => undefined);
  }

  refresh(): Promise<void> {
    this.enqueue(undefined, true);
    return this.chain;
  }

  /** Settles after every request queued so far. */
  settled(): Promise<void> {
    return this.chain;
  }

  /**
   * `indexing` is what the notification said, applied in order after the requests before it (a
   * scan that ends with nothing to report, as in a workspace with no note, still ends for the
   * views).
   */
  private async fetch(uris: string[] | undefined, changed: boolean, indexing?: boolean): Promise<void> {
    if (uris && !uris.length) {
      const ended = indexing !== undefined && indexing !== this.indexing;
      if (indexing !== undefined) this.indexing = indexing;
      if (changed || ended) this.emitter.fire();
      return;
    }
    const result = await this.client.sendRequest(OutlineRequest, uris ? { uris } : {});
    if (!uris) {
      this.files.clear();
      this.skippedFiles = result.skipped;
    }
    for (const f of result.files) this.files.set(f.uri, f);
    if (uris) for (const u of uris) if (!result.files.some((f) => f.uri === u)) this.files.delete(u);
    this.indexing = result.indexing;
    this.ready = true;
    this.emitter.fire();
  }

  all(): FileOutline[] {
    return [...this.files.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  handoffs(): FileOutline[] {
    return this.all().filter((f) => f.kind === 'handoff');
  }

  roadmaps(): FileOutline[] {
    return this.all().filter((f) => f.kind === 'roadmap');
  }

  get(uri: string): FileOutline | undefined {
    return this.files.get(uri);
  }

  /** The outline of a document open in the editor. */
  forDocument(doc: vscode.TextDocument): FileOutline | undefined {
    return this.files.get(this.client.code2ProtocolConverter.asUri(doc.uri));
  }

  skipped(): SkippedFile[] {
    return this.skippedFiles;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
