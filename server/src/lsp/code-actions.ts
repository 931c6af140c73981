// Code actions: the fix of a diagnostic (preferred when it is the only one), its suggestions
// (choices such as "move to Backlog" or "mark dropped", never part of a fix-all), fix all of this
// rule, fix all (`source.fixAll.handoff`, so fix-on-save works), and disable the rule for the
// line or the file. Fixes travel in the diagnostic's data, so actions need no server state.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Code } from 'mdast';
import { fixEdits, type LintResult } from '../engine';
import { visit } from '../engine';
import { toLspEdit, type DiagnosticData } from './convert';

export const FIX_ALL_KIND = CodeActionKind.SourceFixAll + '.handoff';

function edit(doc: TextDocument, edits: LspTextEdit[]) {
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
}

/** Edits of every compatible fix in the result (optionally of one rule). */
export function fixAllEdits(result: LintResult, rule?: string): LspTextEdit[] {
  const findings = result.findings.filter((f) => f.fix && (!rule || f.ruleId === rule));
  return fixEdits(findings).map((e) => toLspEdit(result.lines, e));
}

export function codeActions(doc: TextDocument, params: CodeActionParams, result: LintResult | null): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const out: CodeAction[] = [];
  if (result && wants(FIX_ALL_KIND) && (only?.length ?? 0) > 0) {
    const edits = fixAllEdits(result);
    if (edits.length) out.push({ title: 'Fix all Handoff problems', kind: FIX_ALL_KIND, edit: edit(doc, edits) });
    return out;
  }
  const ours = params.context.diagnostics.filter((d) => d.source === 'handoff' && (d.data as DiagnosticData | undefined)?.rule);
  if (wants(CodeActionKind.QuickFix)) {
    const fixable = ours.filter((d) => (d.data as DiagnosticData).fix && (d.data as DiagnosticData).version === doc.version);
    for (const d of fixable) {
      const data = d.data as DiagnosticData;
      out.push({ title: data.fix!.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fixable.length === 1, edit: edit(doc, data.fix!.edits) });
    }
    for (const d of ours) {
      const data = d.data as DiagnosticData;
      if (data.version !== doc.version) continue;
      for (const s of data.suggestions ?? []) out.push({ title: s.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit(doc, s.edits) });
    }
    if (result) {
      for (const rule of new Set(fixable.map((d) => (d.data as DiagnosticData).rule))) {
        const count = result.findings.filter((f) => f.ruleId === rule && f.fix).length;
        if (count > 1) out.push({ title: `Fix all "${rule}" problems in this file`, kind: CodeActionKind.QuickFix, edit: edit(doc, fixAllEdits(result, rule)) });
      }
    }
    for (const rule of new Set(ours.map((d) => (d.data as DiagnosticData).rule))) {
      const d = ours.find((x) => (x.data as DiagnosticData).rule === rule)!;
      out.push({ title: `Disable "${rule}" for this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit(doc, disableLineEdits(doc, d, rule, result)) });
      out.push({ title: `Disable "${rule}" for this file`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit(doc, [disableFileEdit(doc, rule, result)]) });
    }
  }
  if (result && wants(FIX_ALL_KIND) && !only) {
    const edits = fixAllEdits(result);
    if (edits.length) out.push({ title: 'Fix all Handoff problems', kind: FIX_ALL_KIND, edit: edit(doc, edits) });
  }
  return out;
}

/**
 * A trailing `<!-- handoff-disable-line RULE -->` keeps lists and headings intact. Inside a
 * fenced code block a comment would be code, so the block is wrapped in disable/enable instead.
 */
function disableLineEdits(doc: TextDocument, d: Diagnostic, rule: string, result: LintResult | null): LspTextEdit[] {
  const line = d.range.start.line;
  const offset = doc.offsetAt(d.range.start);
  let block: Code | null = null;
  if (result) {
    visit(result.note.root, (n) => {
      const p = n.position;
      if (n.type === 'code' && p && (p.start.offset ?? 0) <= offset && offset < (p.end.offset ?? 0)) block = n as Code;
    });
  }
  const eol = result?.note.lines.eol ?? '\n';
  if (block) {
    const p = (block as Code).position!;
    const indent = ' '.repeat(p.start.column - 1);
    return [
      { range: { start: { line: p.start.line - 1, character: 0 }, end: { line: p.start.line - 1, character: 0 } }, newText: `${indent}<!-- handoff-disable ${rule} -->${eol}` },
      { range: { start: { line: p.end.line - 1, character: p.end.column - 1 }, end: { line: p.end.line - 1, character: p.end.column - 1 } }, newText: `${eol}${indent}<!-- handoff-enable ${rule} -->` },
    ];
  }
  const end = result ? result.lines.lineEnd(line) - result.lines.lineStart(line) : doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '').length;
  return [{ range: { start: { line, character: end }, end: { line, character: end } }, newText: ` <!-- handoff-disable-line ${rule} -->` }];
}

/** After the title (or at the top, after front matter). */
function disableFileEdit(doc: TextDocument, rule: string, result: LintResult | null): LspTextEdit {
  const eol = result?.note.lines.eol ?? '\n';
  const comment = `<!-- handoff-disable-file ${rule} -->`;
  const note = result?.note;
  if (note?.title) {
    const pos = doc.positionAt(note.lines.lineEnd(note.lines.position(note.title.end).line));
    return { range: { start: pos, end: pos }, newText: `${eol}${eol}${comment}` };
  }
  if (note?.frontmatter) {
    const pos = doc.positionAt(note.frontmatter.end);
    return { range: { start: pos, end: pos }, newText: `${eol}${comment}` };
  }
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${comment}${eol}${eol}` };
}
