// Completion: the next missing section heading in schema order (on a line that starts a
// heading), and snapshot values (today, and from git the branch and HEAD) after a field label.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver/node';
import type { LintResult, GitFacts } from '../engine';
import { fillSkeleton } from '../engine';

export function completions(result: LintResult, position: Position, today: string, git: GitFacts | null): CompletionItem[] {
  const note = result.note;
  const lines = note.lines;
  const lineText = lines.lineText(position.line).slice(0, position.character);
  if (/^\s{0,3}#{0,6}\s*$/.test(lineText) && note.kind === 'handoff') return nextHeadings(result, position, lineText, today, git);
  const field = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([^:]{2,40}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*`?$/.exec(lineText);
  if (field) return fieldValues(field[1], today, git);
  return [];
}

function nextHeadings(result: LintResult, position: Position, typed: string, today: string, git: GitFacts | null): CompletionItem[] {
  const note = result.note;
  const offset = note.lines.offset(position);
  const specs = note.dialect.sections;
  const present = new Set(note.allSections.filter((s) => s.spec >= 0).map((s) => s.spec));
  const before = note.sections.filter((s) => s.start < offset && s.spec >= 0).map((s) => s.spec);
  const after = Math.max(-1, ...before);
  const missing = specs
    .map((spec, i) => ({ spec, i }))
    .filter(({ i }) => !present.has(i) && (note.dialect.lenient || i > after));
  const level = note.dialect.lenient ? note.sections[0]?.heading.depth ?? 2 : note.dialect.sectionLevel;
  const replaceFrom = typed.length - typed.trimStart().length;
  const values = { date: today, branch: git?.branch ?? '', head: git?.head?.slice(0, 7) ?? 'HEAD' };
  return missing.map(({ spec, i }, rank) => {
    const body = fillSkeleton(spec.skeleton, values).replace(/\$/g, '\\$').replace(/\n$/, '');
    return {
      label: `${'#'.repeat(level)} ${spec.heading}`,
      kind: CompletionItemKind.Snippet,
      detail: `${spec.required ? 'Required' : 'Optional'} section of ${note.dialect.id}`,
      sortText: String(rank).padStart(3, '0') + String(i),
      preselect: rank === 0,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: {
        range: { start: { line: position.line, character: replaceFrom }, end: position },
        newText: `${'#'.repeat(level)} ${spec.heading}\n\n${body}$0`,
      },
      filterText: `${'#'.repeat(level)} ${spec.heading}`,
    };
  });
}

function fieldValues(label: string, today: string, git: GitFacts | null): CompletionItem[] {
  const l = label.toLowerCase();
  const out: CompletionItem[] = [];
  if (/date|updated/.test(l)) out.push({ label: today, kind: CompletionItemKind.Value, detail: 'Today' });
  if (git && /branch/.test(l) && git.branch) out.push({ label: git.branch, kind: CompletionItemKind.Value, detail: 'Current branch' });
  if (git?.head && /head|commit|sha/.test(l)) out.push({ label: git.head.slice(0, 7), kind: CompletionItemKind.Value, detail: 'HEAD' });
  if (git && /worktree|working tree/.test(l)) out.push({ label: git.dirty ? 'dirty' : 'clean', kind: CompletionItemKind.Value, detail: 'git status' });
  return out;
}
