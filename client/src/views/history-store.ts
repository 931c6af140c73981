// The client's copy of notes' histories (the server reads git; see `handoff/history`): asked per
// note when the Timeline view follows it or the Next Steps view shows its steps, and again when
// the server says a history changed. One request per note at a time; a change that arrives
// meanwhile asks once more after it, so an older answer never overwrites a newer one.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { HistoryChangedNotification, HistoryRequest, type HistoryResult } from '../../../server/src/protocol';

interface Entry {
  result?: HistoryResult;
  running?: Promise<HistoryResult>;
  again: boolean;
  /** What the last request was asked for (the note's open steps), to skip asking twice. */
  key?: string;
}

export class HistoryStore implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = new vscode.EventEmitter<string>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  /** Fires with the note's uri when its history (or the steps' ages) arrived. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly client: LanguageClient) {}

  listen(): void {
    this.disposables.push(
      this.client.onNotification(HistoryChangedNotification, ({ uri }) => {
        if (this.entries.has(uri)) void this.request(uri);
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refreshAll()),
    );
  }

  get(uri: string): HistoryResult | undefined {
    return this.entries.get(uri)?.result;
  }

  /** Asks for a note's history unless it was asked for the same `key` already. */
  ensure(uri: string, key: string): void {
    const e = this.entries.get(uri);
    if (e && e.key === key) return;
    void this.request(uri, key);
  }

  /** Asks the server now (or once more after the request running for this note). */
  request(uri: string, key?: string): Promise<HistoryResult> {
    let e = this.entries.get(uri);
    if (!e) this.entries.set(uri, (e = { again: false }));
    if (key !== undefined) e.key = key;
    if (e.running) {
      e.again = true;
      return e.running;
    }
    const entry = e;
    const run = async (): Promise<HistoryResult> => {
      let result: HistoryResult;
      do {
        entry.again = false;
        try {
          result = await this.client.sendRequest(HistoryRequest, { uri });
        } catch (err) {
          result = { uri, state: 'error', message: `The note's history could not be read: ${err instanceof Error ? err.message : String(err)}`, versions: [], steps: [], staleSteps: entry.result?.staleSteps ?? Number.POSITIVE_INFINITY };
        }
      } while (entry.again);
      entry.result = result;
      entry.running = undefined;
      this.emitter.fire(uri);
      return result;
    };
    entry.running = run();
    return entry.running;
  }

  refreshAll(): void {
    for (const uri of this.entries.keys()) void this.request(uri);
  }

  /** Settles after every request running now (and the ones they ask again). */
  async settled(): Promise<void> {
    for (;;) {
      const running = [...this.entries.values()].map((e) => e.running).filter((p): p is Promise<HistoryResult> => p !== undefined);
      if (!running.length) return;
      await Promise.all(running);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
