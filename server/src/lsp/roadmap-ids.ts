// Roadmap ids in a handoff: hover shows the item's text, status and place in the roadmap;
// completion offers the roadmap's ids once an id is being typed ("ST-", "EPIC", "#1").
import { CompletionItemKind, MarkupKind, type CompletionItem, type Hover, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult, Note } from '../engine';
import { ID_PATTERN } from '../engine';
import { roadmapIds } from '../engine';
import type { CompletionSource, HoverSource } from './start';

type RoadmapOf = (uri: string) => Note | null;

function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}

function describe(roadmap: Note, id: string): string | null {
  const ids = roadmapIds(roadmap);
  const where = roadmap.path ?? 'the roadmap';
  const item = ids.items.get(id);
  if (item) {
    const phase = roadmap.roadmap?.phases[item.phase];
    const line = roadmap.lines.position(item.start).line + 1;
    return [
      `**${id}** · ${item.status ?? 'no status'}`,
      '',
      item.text.replace(id, '').replace(/^[\s:—–-]+/, '') || item.text,
      '',
      `${where}, line ${line}${phase?.title ? ` · ${phase.title}` : ''}`,
    ].join('\n');
  }
  const phase = ids.phases.get(id);
  if (phase) {
    const done = phase.items.filter((i) => i.status === 'done').length;
    const total = phase.items.filter((i) => i.status !== 'dropped').length;
    return [`**${phase.title}** · ${phase.status ?? 'no status'}${total ? ` · ${done}/${total} done` : ''}`, '', `${where}, line ${roadmap.lines.position(phase.headingStart).line + 1}`].join('\n');
  }
  return null;
}

export function roadmapIdHover(roadmapOf: RoadmapOf): HoverSource {
  return (doc: TextDocument, result: LintResult, position: Position): Hover | null => {
    if (result.note.kind !== 'handoff') return null;
    const text = lineText(doc, position.line);
    ID_PATTERN.lastIndex = 0;
    const hit = [...text.matchAll(ID_PATTERN)].find((m) => m.index <= position.character && position.character <= m.index + m[0].length);
    ID_PATTERN.lastIndex = 0;
    if (!hit) return null;
    const roadmap = roadmapOf(doc.uri);
    const value = roadmap ? describe(roadmap, hit[0]) : null;
    if (!value) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value },
      range: { start: { line: position.line, character: hit.index }, end: { line: position.line, character: hit.index + hit[0].length } },
    };
  };
}

export function roadmapIdCompletion(roadmapOf: RoadmapOf): CompletionSource {
  return (doc: TextDocument, result: LintResult, position: Position): CompletionItem[] => {
    if (result.note.kind !== 'handoff') return [];
    const before = lineText(doc, position.line).slice(0, position.character);
    const typed = /(?<![\w-])([A-Z][A-Z0-9]{0,9}(?:-[\d.-]*)?|#\d*)$/.exec(before)?.[1];
    if (!typed) return [];
    const roadmap = roadmapOf(doc.uri);
    if (!roadmap) return [];
    const ids = roadmapIds(roadmap);
    const out: CompletionItem[] = [];
    const start = { line: position.line, character: position.character - typed.length };
    let rank = 0;
    for (const [id, item] of ids.items) {
      if (!id.startsWith(typed)) continue;
      out.push({
        label: id,
        kind: CompletionItemKind.Reference,
        detail: `${item.status ?? 'no status'} · ${roadmap.path ?? 'roadmap'}`,
        documentation: item.text,
        sortText: String(rank++).padStart(5, '0'),
        textEdit: { range: { start, end: position }, newText: id },
      });
    }
    for (const [id, phase] of ids.phases) {
      if (!id.startsWith(typed) || ids.items.has(id)) continue;
      out.push({ label: id, kind: CompletionItemKind.Folder, detail: `phase · ${roadmap.path ?? 'roadmap'}`, documentation: phase.title, sortText: String(rank++).padStart(5, '0'), textEdit: { range: { start, end: position }, newText: id } });
    }
    return out;
  };
}
