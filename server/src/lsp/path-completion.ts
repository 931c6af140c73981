// Completion of workspace paths inside backticks.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../engine';
import type { GitFactsSource } from './git-facts';
import { filePathOf } from './linting';
import type { CompletionSource } from './start';

export function pathCompletion(git: GitFactsSource): CompletionSource {
  return (doc, result, position) => pathCompletions(doc, result, position, (file) => git.workspaceFor(file));
}

/** Inside backticks: workspace files starting with what was typed. */
function pathCompletions(doc: TextDocument, result: LintResult, position: { line: number; character: number }, workspaceFor: GitFactsSource['workspaceFor']): CompletionItem[] {
  const file = filePathOf(doc.uri);
  if (!file) return [];
  const line = result.lines.lineText(position.line).slice(0, position.character);
  const m = /`([\w@./+-]*)$/.exec(line);
  if (!m || (line.slice(0, m.index).split('`').length - 1) % 2 === 1) return [];
  const typed = m[1];
  const workspace = workspaceFor(file);
  return workspace.filesStartingWith(typed).map((p) => ({
    label: p,
    kind: CompletionItemKind.File,
    textEdit: { range: { start: { line: position.line, character: position.character - typed.length }, end: position }, newText: p },
  }));
}
