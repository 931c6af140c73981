// HTML elements that span several blocks of a note: "<details>" in one HTML block, Markdown
// (headings included) after it, "</details>" in a later HTML block. Moving or inserting a
// section must not cut such an element: the tags are read from mdast's root HTML nodes, with
// CommonMark's grammar for open and closing tags (an HTML parser library would add about
// 130 KB of entity tables to the bundle for tag names alone).
import type { Html } from 'mdast';
import type { Note } from './note';
import { oncePerNote } from './once';
import { endOf, startOf } from '../parse/parse';

export interface HtmlElement {
  name: string;
  /** From the start of the HTML block that opens it to the end of the block that closes it (or the end of the text). */
  start: number;
  end: number;
  /** Start of the HTML block holding the closing tag; null when the element never closes. */
  closeStart: number | null;
}

/** Comments, processing instructions, declarations, CDATA and raw-text elements: no tags to count inside. */
const OPAQUE = /<!--[\s\S]*?(?:-->|$)|<\?[\s\S]*?(?:\?>|$)|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<(script|pre|style|textarea)(?=[\s>])[\s\S]*?(?:<\/\1\s*>|$)/gi;
const ATTRIBUTE = String.raw`\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?`;
const TAG = new RegExp(String.raw`<([A-Za-z][A-Za-z0-9-]*)(?:${ATTRIBUTE})*\s*(\/?)>|<\/([A-Za-z][A-Za-z0-9-]*)\s*>`, 'g');
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const cache = new WeakMap<Note, HtmlElement[]>();

/** Elements whose opening and closing tags sit in different root HTML blocks, or that never close. */
export function htmlElements(note: Note): HtmlElement[] {
  return oncePerNote(cache, note, findElements);
}

function findElements(note: Note): HtmlElement[] {
  const found: HtmlElement[] = [];
  const open: Array<{ name: string; start: number }> = [];
  for (const node of note.root.children) {
    if (node.type !== 'html') continue;
    const start = startOf(node);
    const here: Array<{ name: string; start: number }> = [];
    for (const m of (node as Html).value.replace(OPAQUE, '').matchAll(TAG)) {
      const opening = m[1]?.toLowerCase();
      if (opening) {
        if (!m[2] && !VOID.has(opening)) here.push({ name: opening, start });
        continue;
      }
      const closing = m[3].toLowerCase();
      const inNode = here.map((o) => o.name).lastIndexOf(closing);
      if (inNode >= 0) { here.splice(inNode); continue; }
      const before = open.map((o) => o.name).lastIndexOf(closing);
      if (before < 0) continue; // a stray closing tag
      for (const o of open.splice(before)) found.push({ name: o.name, start: o.start, end: endOf(node), closeStart: start });
    }
    open.push(...here);
  }
  for (const o of open) found.push({ name: o.name, start: o.start, end: note.text.length, closeStart: null });
  return found;
}

/** Elements `at` lies strictly inside (the end of the text is inside one that never closes), outermost first. */
export function elementsAround(note: Note, at: number): HtmlElement[] {
  return htmlElements(note).filter((e) => e.start < at && (at < e.end || e.closeStart === null)).sort((a, b) => a.start - b.start);
}
