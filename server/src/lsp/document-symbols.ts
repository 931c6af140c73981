// Document symbols (the outline) and folding, by section.
import { SymbolKind, FoldingRangeKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver/node';
import type { Note } from '../engine';
import type { Section } from '../engine';

export function documentSymbols(note: Note): DocumentSymbol[] {
  const lines = note.lines;
  const range = (start: number, end: number) => ({ start: lines.position(start), end: lines.position(trimEnd(note.text, start, end)) });
  const symbol = (s: Section): DocumentSymbol => ({
    name: s.heading.text || '(untitled)',
    detail: s.role ?? undefined,
    kind: s.role === 'next' ? SymbolKind.Event : SymbolKind.String,
    range: range(s.start, s.end),
    selectionRange: range(s.heading.start, s.heading.end),
    children: s.children.map(symbol),
  });
  const sections = note.sections.map(symbol);
  if (!note.title) return sections;
  return [{ name: note.title.text || '(untitled)', detail: note.dialect.id, kind: SymbolKind.File, range: range(note.title.start, note.text.length), selectionRange: range(note.title.start, note.title.end), children: sections }];
}

export function foldingRanges(note: Note): FoldingRange[] {
  return note.allSections
    .map((s) => ({ startLine: note.lines.position(s.start).line, endLine: note.lines.position(trimEnd(note.text, s.start, s.end)).line, kind: FoldingRangeKind.Region }))
    .filter((r) => r.endLine > r.startLine);
}

/** The section's end without its trailing blank lines. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}
