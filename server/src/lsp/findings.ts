// The findings of an open note for the lint language model tool: the same findings the editor
// shows (masked by the lint step), once git's facts are in, so a tool call sees what a person
// sees after the note settles.
import { ruleDocUrl } from '../engine';
import type { FindingsResult } from '../protocol';
import { toRange } from './convert';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentLinter } from './linting';

export async function findingsFor(documents: TextDocuments<TextDocument>, linter: DocumentLinter, uri: string): Promise<FindingsResult> {
  const doc = documents.get(uri);
  if (!doc) return { version: null, kind: 'other', findings: [], gitNote: null };
  const settled = await linter.settledResult(doc);
  if (!settled) {
    const changed = documents.get(uri)?.version !== doc.version;
    return { version: changed ? null : doc.version, kind: 'other', findings: [], gitNote: null };
  }
  const { result, facts } = settled;
  return {
    version: doc.version,
    kind: result.note.kind,
    findings: result.findings.map((f) => ({
      rule: f.ruleId,
      severity: f.severity,
      message: f.message,
      range: toRange(result.lines, f.start, f.end),
      fixable: Boolean(f.fix),
      docs: ruleDocUrl(f.ruleId),
    })),
    gitNote: facts?.gitNote ?? null,
  };
}
