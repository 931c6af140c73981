// Markdown to mdast with positions, through remark (GFM tables and task items, YAML front matter).
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, Node } from 'mdast';
import { visit } from './walk';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();

/**
 * Parses a note. micromark drops a leading BOM and counts offsets without it; we shift every
 * position back so that offsets index the text exactly as the editor holds it.
 */
export function parseMarkdown(text: string): Root {
  const bom = text.charCodeAt(0) === 0xfeff;
  const root = processor.parse(bom ? text.slice(1) : text) as Root;
  if (bom) {
    visit(root, (node: Node) => {
      const p = node.position;
      if (!p) return;
      if (p.start.offset !== undefined) p.start.offset += 1;
      if (p.end.offset !== undefined) p.end.offset += 1;
      if (p.start.line === 1) p.start.column += 1;
      if (p.end.line === 1) p.end.column += 1;
    });
  }
  return root;
}

export function startOf(node: Node): number {
  return node.position?.start.offset ?? 0;
}

export function endOf(node: Node): number {
  return node.position?.end.offset ?? 0;
}
