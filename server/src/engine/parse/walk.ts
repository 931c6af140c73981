// Depth-first walk over mdast nodes. A tiny local walker keeps the engine's dependency list short.
import type { Node, Parent } from 'mdast';

export function visit(node: Node, fn: (node: Node, parent: Parent | null) => void | 'skip', parent: Parent | null = null): void {
  if (fn(node, parent) === 'skip') return;
  const children = (node as Parent).children;
  if (children) for (const child of children) visit(child, fn, node as Parent);
}

/** Plain text of a node: text, inline code and the like, concatenated. */
export function plainText(node: Node): string {
  const n = node as Node & { value?: string; children?: Node[] };
  if (n.type === 'text' || n.type === 'inlineCode') return n.value ?? '';
  if (n.type === 'break') return ' ';
  if (!n.children) return '';
  if (n.children.length === 1) return plainText(n.children[0]);
  let out = '';
  for (const child of n.children) out += plainText(child);
  return out;
}

/** The length of `plainText(node)`, without building the string. */
export function plainTextLength(node: Node): number {
  const n = node as Node & { value?: string; children?: Node[] };
  if (n.type === 'text' || n.type === 'inlineCode') return n.value?.length ?? 0;
  if (n.type === 'break') return 1;
  let length = 0;
  if (n.children) for (const child of n.children) length += plainTextLength(child);
  return length;
}
