// Markdown to mdast with positions, through remark (GFM tables, task items and strikethrough,
// YAML front matter).
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import type { Root, Node } from 'mdast';
import { visit } from './walk';
import { LineIndex } from './lines';
import { fastParse } from './fast/blocks';

/**
 * The parts of GFM that notes use. Autolink literals and footnotes are left out: no rule reads
 * them, and the autolink scan alone costs about a third of the parse.
 */
function gfmForNotes(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown());
}

const processor = unified().use(remarkParse).use(gfmForNotes).use(remarkFrontmatter, ['yaml']).freeze();

/**
 * Parses a note: the line scanner when it handles every construct of the text exactly (linear
 * time), else remark. Both give the same tree (test/engine/fast-parse.test.ts).
 */
export function parseMarkdown(text: string): Root {
  return fastParse(text) ?? parseWithRemark(text);
}

/**
 * Parses a note with remark, the reference. micromark drops a leading BOM and counts offsets
 * without it; we shift every position back so that offsets index the text exactly as the
 * editor holds it. micromark would drop the BOM left after we drop one, so every leading BOM is
 * dropped here.
 */
export function parseWithRemark(text: string): Root {
  let bom = 0;
  while (text.charCodeAt(bom) === 0xfeff) bom++;
  const root = processor.parse(bom ? text.slice(bom) : text) as Root;
  if (bom) {
    visit(root, (node: Node) => {
      const p = node.position;
      if (!p) return;
      if (p.start.offset !== undefined) p.start.offset += bom;
      if (p.end.offset !== undefined) p.end.offset += bom;
      if (p.start.line === 1) p.start.column += bom;
      if (p.end.line === 1) p.end.column += bom;
    });
  }
  fillPositions(root, text);
  mendPositions(root, text);
  return root;
}

/**
 * Positions whose line and column agree with their offset, never between the CR and LF of a
 * CRLF. micromark starts the paragraph of a task item whose checkbox ends its line ("- [ ] ")
 * on the next line but numbers it as the checkbox's line (column 8 of line 1 for offset 7), and
 * with CRLF line endings at the LF itself; both go to the start of the next line, where they are.
 */
function mendPositions(root: Root, text: string): void {
  let lines: LineIndex | null = null;
  const point = (offset: number) => {
    lines ??= new LineIndex(text);
    const p = lines.position(offset);
    return { line: p.line + 1, column: p.character + 1, offset };
  };
  const splits = (o: number | undefined) => o !== undefined && o > 0 && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10;
  // An offset just after a line break is column 1 of its line.
  const misnumbered = (q: { column: number; offset?: number }) => q.offset !== undefined && q.offset > 0 && q.column !== 1 && (text.charCodeAt(q.offset - 1) === 10 || (text.charCodeAt(q.offset - 1) === 13 && text.charCodeAt(q.offset) !== 10));
  visit(root, (node: Node) => {
    const p = node.position;
    if (!p) return;
    if (misnumbered(p.start)) p.start = point(p.start.offset!);
    if (misnumbered(p.end)) p.end = point(p.end.offset!);
    if (splits(p.start.offset)) {
      p.start = point(p.start.offset! + 1);
      // Its value began with that LF too; it now starts where the node does.
      const n = node as Node & { value?: unknown };
      if (typeof n.value === 'string' && n.value.startsWith('\n')) n.value = n.value.slice(1);
    }
    if (splits(p.end.offset)) p.end = point(Math.max(p.start.offset ?? 0, p.end.offset! - 1));
    if ((p.end.offset ?? 0) < (p.start.offset ?? 0)) p.end = p.start;
  });
}

type Positioned = Node & { children?: Positioned[]; value?: unknown };

/**
 * Gives every node a position. remark-gfm's autolink literals split a text node into pieces
 * (`:5432/`, a mailto link, the rest) and only the first pieces keep their position; rules
 * read offsets from every node, so a missing one would read as offset 0. A piece starts where
 * its previous sibling ends and, when its value is the source text there, ends after it.
 */
function fillPositions(root: Root, text: string): void {
  let lines: LineIndex | null = null;
  const point = (offset: number) => {
    lines ??= new LineIndex(text);
    const p = lines.position(offset);
    return { line: p.line + 1, column: p.character + 1, offset };
  };
  const has = (n: Positioned) => n.position?.start.offset !== undefined && n.position.end.offset !== undefined;
  const walk = (node: Positioned) => {
    const kids = node.children;
    if (!kids) return;
    let previousEnd = node.position?.start.offset ?? 0;
    const parentEnd = node.position?.end.offset ?? text.length;
    kids.forEach((kid, i) => {
      if (!has(kid)) {
        const start = previousEnd;
        let end = parentEnd;
        for (let j = i + 1; j < kids.length; j++) {
          if (has(kids[j])) {
            end = kids[j].position!.start.offset!;
            break;
          }
        }
        if (typeof kid.value === 'string' && text.startsWith(kid.value, start)) end = start + kid.value.length;
        kid.position = { start: point(start), end: point(Math.max(start, end)) };
        walk(kid);
        const last = kid.children?.[kid.children.length - 1];
        if (last && has(last)) kid.position.end = point(Math.max(start, last.position!.end.offset!));
      } else walk(kid);
      previousEnd = kid.position!.end.offset!;
    });
  };
  walk(root as Positioned);
}

export function startOf(node: Node): number {
  return node.position?.start.offset ?? 0;
}

export function endOf(node: Node): number {
  return node.position?.end.offset ?? 0;
}
