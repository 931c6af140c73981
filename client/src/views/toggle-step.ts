// Ticking a next step from the sidebar: "- [ ]" ↔ "- [x]" in the note, or, for a plain list item,
// "- x" → "- [x] x" (it becomes a task item once). One WorkspaceEdit, so one undo restores it.
// The text at the step's place is checked first: a note that changed since the outline was
// built is left alone. A note that had no unsaved changes is saved after the edit.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { FileOutline, OutlineStep } from '../../../server/src/protocol';

export type ToggleOutcome = 'applied' | 'unchanged' | 'stale' | 'not-a-list-item' | 'failed';

export async function toggleStep(client: LanguageClient, file: FileOutline, step: OutlineStep, checked: boolean): Promise<ToggleOutcome> {
  const uri = client.protocol2CodeConverter.asUri(file.uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  const metadata = { label: checked ? 'Tick next step' : 'Untick next step', needsConfirmation: false };
  if (step.checkbox) {
    const range = client.protocol2CodeConverter.asRange(step.checkbox);
    const current = doc.getText(range);
    if (!/^\[[ xX]\]$/.test(current)) return 'stale';
    if ((current !== '[ ]') === checked) return 'unchanged';
    edit.replace(uri, range, checked ? '[x]' : '[ ]', metadata);
  } else if (step.taskInsert) {
    const at = client.protocol2CodeConverter.asPosition(step.taskInsert);
    if (at.line >= doc.lineCount) return 'stale';
    const line = doc.lineAt(at.line).text;
    if (!/^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])[ \t]+$/.test(line.slice(0, at.character))) return 'stale';
    if (!line.slice(at.character).startsWith(step.text.slice(0, 1))) return 'stale';
    edit.insert(uri, at, checked ? '[x] ' : '[ ] ', metadata);
  } else return 'not-a-list-item';
  const wasDirty = doc.isDirty;
  if (!(await vscode.workspace.applyEdit(edit))) return 'failed';
  if (!wasDirty) await doc.save();
  return 'applied';
}
