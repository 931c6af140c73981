// The language status item for the active note: how fresh it is (age, commits since its recorded
// commit) and its problem count; a stale note shows as a warning.
import * as vscode from 'vscode';
import type { OutlineStore } from './outline-store';
import { ageText, freshnessOf } from './freshness';

export class FreshnessItem implements vscode.Disposable {
  /** Shown only while the active editor holds a handoff note. */
  private item: vscode.LanguageStatusItem | null = null;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly store: OutlineStore) {
    this.disposables.push(
      store.onDidChange(() => this.render()),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('handoff.staleness') && this.render()),
    );
    this.render();
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const f = doc ? this.store.forDocument(doc) : undefined;
    if (!f || f.kind !== 'handoff') {
      this.item?.dispose();
      this.item = null;
      return;
    }
    if (!this.item) {
      this.item = vscode.languages.createLanguageStatusItem('handoff.freshness', { language: 'markdown' });
      this.item.name = 'Handoff freshness';
      this.item.command = { title: 'Show Handoff Status', command: 'handoff.status.focus' };
    }
    const fresh = freshnessOf(f);
    const p = f.problems;
    const problems = p ? p.errors + p.warnings + p.infos : null;
    const age = fresh.days === null ? 'no date' : fresh.days === 0 ? 'written today' : `${ageText(fresh.days)} old`;
    this.item.text = `${fresh.stale ? '$(warning) stale · ' : '$(history) '}${age}`;
    const parts = [
      fresh.ahead !== null ? `${fresh.ahead} commit${fresh.ahead === 1 ? '' : 's'} since ${f.snapshot.commit?.value ?? 'its commit'}` : null,
      problems !== null ? `${problems} problem${problems === 1 ? '' : 's'}` : null,
      ...fresh.reasons,
    ].filter(Boolean);
    this.item.detail = parts.join(' · ');
    this.item.severity = fresh.stale ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  /** What it shows now (for tests). */
  get shown(): { text: string; detail: string | undefined; severity: vscode.LanguageStatusSeverity } | null {
    return this.item ? { text: this.item.text, detail: this.item.detail, severity: this.item.severity } : null;
  }

  dispose(): void {
    this.item?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
