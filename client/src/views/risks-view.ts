// The Risks view: the risks each handoff lists (known issues, gotchas, "Remaining risks / TODO:"
// blocks inside other sections), grouped by note when there are several; a click reveals one.
import * as vscode from 'vscode';
import type { FileOutline } from '../../../server/src/protocol';
import type { OutlineStore } from './outline-store';
import { labelOf, node, revealCommand, type Node } from './tree';

export function riskNodes(store: OutlineStore): Node[] {
  const notes = store.handoffs().filter((f) => f.risks.length);
  const forNote = (f: FileOutline) => {
    const groups = new Set(f.risks.map((r) => r.group));
    return f.risks.map((r, i) => {
      const item = new vscode.TreeItem(r.text || '(empty)', vscode.TreeItemCollapsibleState.None);
      item.id = `${f.uri}#risk${i}`;
      item.iconPath = new vscode.ThemeIcon('warning');
      item.description = groups.size > 1 ? r.group : undefined;
      item.tooltip = new vscode.MarkdownString().appendText(r.text).appendMarkdown(`\n\n\`${f.path}\`, line ${r.range.start.line + 1} · ${r.group}`);
      item.command = revealCommand(f.uri, r.textRange);
      item.contextValue = 'handoffRisk';
      return node(item, [], { file: f, risk: r, text: r.text });
    });
  };
  if (notes.length === 1) return forNote(notes[0]);
  return notes.map((f) => {
    const item = new vscode.TreeItem(labelOf(f), vscode.TreeItemCollapsibleState.Expanded);
    item.id = `${f.uri}#risks`;
    item.description = `${f.risks.length} · ${f.path}`;
    item.iconPath = new vscode.ThemeIcon('note');
    item.contextValue = 'handoffNote';
    return node(item, forNote(f), { file: f, text: f.path });
  });
}

export function riskCount(store: OutlineStore): number {
  return store.handoffs().reduce((n, f) => n + f.risks.length, 0);
}
