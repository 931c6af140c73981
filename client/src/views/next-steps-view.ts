// The Next Steps view: the next steps of each handoff in recommended order (grouped by note when
// there are several), each with a checkbox that ticks it in the file.
import * as vscode from 'vscode';
import type { FileOutline, OutlineStep } from '../../../server/src/protocol';
import type { OutlineStore } from './outline-store';
import { labelOf, node, revealCommand, type Node } from './tree';

export function stepNode(f: FileOutline, s: OutlineStep, showGroup: boolean): Node {
  const item = new vscode.TreeItem(s.text || '(empty)', vscode.TreeItemCollapsibleState.None);
  item.id = `${f.uri}#step${s.order}`;
  if (s.checkbox || s.taskInsert) {
    item.checkboxState = {
      state: s.done ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
      tooltip: s.checkbox ? 'Tick this step in the note' : 'Tick this step (the list item becomes a task item)',
    };
  } else item.iconPath = new vscode.ThemeIcon(s.done ? 'pass-filled' : 'circle-large-outline');
  item.description = showGroup ? s.group : undefined;
  item.tooltip = new vscode.MarkdownString().appendText(s.text).appendMarkdown(`\n\n\`${f.path}\`, line ${s.range.start.line + 1} · ${s.group}`);
  item.command = revealCommand(f.uri, { start: s.textRange.start, end: s.textRange.end });
  item.contextValue = 'handoffStep';
  return node(item, [], { file: f, step: s, text: s.text });
}

export function nextStepNodes(store: OutlineStore): Node[] {
  const notes = store.handoffs().filter((f) => f.nextSteps.length);
  const forNote = (f: FileOutline) => {
    const groups = new Set(f.nextSteps.map((s) => s.group));
    return [...f.nextSteps].sort((a, b) => a.order - b.order).map((s) => stepNode(f, s, groups.size > 1));
  };
  if (notes.length === 1) return forNote(notes[0]);
  return notes.map((f) => {
    const open = f.nextSteps.filter((s) => !s.done).length;
    const item = new vscode.TreeItem(labelOf(f), vscode.TreeItemCollapsibleState.Expanded);
    item.id = `${f.uri}#steps`;
    item.description = `${open} open · ${f.path}`;
    item.iconPath = new vscode.ThemeIcon('note');
    item.contextValue = 'handoffNote';
    return node(item, forNote(f), { file: f, text: f.path });
  });
}

export function openSteps(store: OutlineStore): number {
  return store.handoffs().reduce((n, f) => n + f.nextSteps.filter((s) => !s.done).length, 0);
}
