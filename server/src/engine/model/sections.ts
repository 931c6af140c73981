// Sections: each heading at the root of the document with the body that follows it up to the
// next heading of the same or a higher level. Headings inside lists, quotes or code are not
// sections (they are not root children in mdast).
import type { Heading, Root, RootContent } from 'mdast';
import type { Role } from '../types';
import { startOf, endOf } from '../parse/parse';
import { plainText } from '../parse/walk';

export interface HeadingInfo {
  text: string;
  depth: number;
  start: number;
  end: number;
  /** Range of the heading's content (without "## " or a setext underline). */
  textStart: number;
  textEnd: number;
  setext: boolean;
  node: Heading;
}

export interface Section {
  heading: HeadingInfo;
  /** From the heading to the start of the next heading of the same or higher level. */
  start: number;
  end: number;
  /** Body nodes, subsections' nodes included. */
  nodes: RootContent[];
  /** Body nodes before the first subsection. */
  ownNodes: RootContent[];
  children: Section[];
  role: Role | null;
  /** Index of the dialect section this one matches, or -1. */
  spec: number;
  /** How the match was made. */
  match: 'exact' | 'qualified' | 'alias' | 'fuzzy' | 'none';
}

export function headingInfo(text: string, node: Heading): HeadingInfo {
  const start = startOf(node);
  const end = endOf(node);
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  const textStart = first ? startOf(first) : Math.min(end, start + node.depth + 1);
  const textEnd = last ? endOf(last) : textStart;
  const setext = text.charCodeAt(start) !== 35;
  return { text: plainText(node).trim(), depth: node.depth, start, end, textStart, textEnd, setext, node };
}

/** Title, preamble nodes and the section tree of a document. */
export function buildSections(text: string, root: Root): { title: HeadingInfo | null; preamble: RootContent[]; sections: Section[]; level: number } {
  const children = root.children;
  const firstHeading = children.findIndex((n) => n.type === 'heading');
  const title = firstHeading >= 0 && (children[firstHeading] as Heading).depth === 1 ? headingInfo(text, children[firstHeading] as Heading) : null;
  // The sections' level: the lowest depth of the headings but the title (2 without any).
  let level = Infinity;
  for (let i = 0; i < children.length; i++) {
    const n = children[i];
    if (n.type === 'heading' && n.depth < level && !(title && i === firstHeading)) level = n.depth;
  }
  if (level === Infinity) level = 2;
  const bodyStartIndex = title ? firstHeading + 1 : 0;
  const firstSection = children.findIndex((n, i) => i >= bodyStartIndex && n.type === 'heading');
  const preamble = children.slice(bodyStartIndex, firstSection < 0 ? children.length : firstSection).filter((n) => n.type !== 'yaml');
  const sections = buildLevel(text, children, firstSection < 0 ? children.length : firstSection, children.length, level);
  return { title, preamble, sections, level };
}

function buildLevel(text: string, nodes: RootContent[], from: number, to: number, level: number): Section[] {
  const out: Section[] = [];
  let i = from;
  while (i < to) {
    const node = nodes[i];
    if (node.type !== 'heading' || node.depth > level) { i++; continue; }
    let j = i + 1;
    while (j < to && !(nodes[j].type === 'heading' && (nodes[j] as Heading).depth <= node.depth)) j++;
    const body = j > i + 1 ? nodes.slice(i + 1, j) : [];
    let subAt = -1;
    for (let k = 0; k < body.length; k++) {
      if (body[k].type === 'heading') {
        subAt = k;
        break;
      }
    }
    const childLevel = subAt < 0 ? 0 : minDepth(body);
    out.push({
      heading: headingInfo(text, node),
      start: startOf(node),
      end: j < nodes.length ? startOf(nodes[j]) : text.length,
      nodes: body,
      ownNodes: subAt < 0 ? body : body.slice(0, subAt),
      children: subAt < 0 ? [] : buildLevel(text, nodes, i + 1 + subAt, j, childLevel),
      role: null,
      spec: -1,
      match: 'none',
    });
    i = j;
  }
  return out;
}

/** The lowest depth of the headings among `nodes` (a loop: a spread of 100,000 arguments overflows the stack). */
function minDepth(nodes: RootContent[]): number {
  let min = Infinity;
  for (const n of nodes) if (n.type === 'heading' && n.depth < min) min = n.depth;
  return min;
}

/** Every section, depth first, in document order. */
export function flatten(sections: Section[], out: Section[] = []): Section[] {
  for (const s of sections) {
    out.push(s);
    flatten(s.children, out);
  }
  return out;
}
