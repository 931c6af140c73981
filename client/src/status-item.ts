// The language status item: the active note's dialect and problem counts, or why a check is off.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NoteStatusNotification, type NoteStatusParams } from '../../server/src/protocol';

export class NoteStatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly byUri = new Map<string, NoteStatusParams>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.item = vscode.languages.createLanguageStatusItem('handoff.status', { language: 'markdown' });
    this.item.name = 'Handoff';
    this.item.text = 'Handoff';
    this.item.command = { title: 'Show Output', command: 'handoff.showOutput' };
    this.disposables.push(this.item, vscode.window.onDidChangeActiveTextEditor(() => this.render()));
  }

  listen(): void {
    this.disposables.push(
      this.client.onNotification(NoteStatusNotification, (params) => {
        this.byUri.set(params.uri, params);
        this.render();
      }),
    );
    this.render();
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const s = doc ? this.byUri.get(this.client.code2ProtocolConverter.asUri(doc.uri)) : undefined;
    if (!s || s.kind === 'other') {
      this.item.text = 'Handoff';
      this.item.detail = 'not a handoff or roadmap note';
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const problems = s.errors + s.warnings + s.infos;
    const what = s.kind === 'roadmap' ? 'roadmap' : s.hygieneOnly ? 'hygiene checks only' : s.dialect ?? 'handoff';
    this.item.text = `Handoff: ${what}`;
    this.item.detail = (problems ? `${problems} problem${problems === 1 ? '' : 's'}` : 'no problems') + (s.gitNote ? ` · ${s.gitNote}` : '');
    this.item.severity = s.errors ? vscode.LanguageStatusSeverity.Error : s.warnings ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
