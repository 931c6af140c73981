// Engine findings (UTF-16 offsets) to LSP diagnostics and edits (UTF-16 line/character).
import { DiagnosticSeverity, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { Finding, LineIndex, TextEdit } from '../engine';
import { ruleDocUrl } from '../engine';

/** What a diagnostic carries so that code actions need no server state. */
export interface DiagnosticData {
  rule: string;
  version: number;
  fix?: { title: string; edits: LspTextEdit[] };
  /** Quick fixes offered one by one, never part of a fix-all. */
  suggestions?: Array<{ title: string; edits: LspTextEdit[] }>;
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toRange(lines: LineIndex, start: number, end: number) {
  return { start: lines.position(start), end: lines.position(end) };
}

export function toLspEdit(lines: LineIndex, e: TextEdit): LspTextEdit {
  return { range: toRange(lines, e.start, e.end), newText: e.text };
}

export function toDiagnostic(lines: LineIndex, f: Finding, version: number): Diagnostic {
  const data: DiagnosticData = { rule: f.ruleId, version };
  if (f.fix) data.fix = { title: f.fix.title, edits: f.fix.edits.map((e) => toLspEdit(lines, e)) };
  if (f.suggestions) data.suggestions = f.suggestions.map((s) => ({ title: s.title, edits: s.edits.map((e) => toLspEdit(lines, e)) }));
  return {
    range: toRange(lines, f.start, f.end),
    severity: SEVERITY[f.severity],
    source: 'handoff',
    code: f.ruleId,
    codeDescription: { href: ruleDocUrl(f.ruleId) },
    message: f.message,
    data,
  };
}
