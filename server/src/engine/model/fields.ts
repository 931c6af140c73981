// Snapshot fields in every form real notes use: "- Key: value", "**Key:** value", bare
// "Key: value" lines, several fields on one line ("**Date:** x | **Branch:** y"), and YAML
// front matter. Only lines of paragraphs and list items (from mdast) are read, never code.
import type { Blockquote, List, Paragraph, RootContent, Yaml } from 'mdast';
import { parseDocument, isMap, isScalar } from 'yaml';
import type { FieldKey } from '../types';
import { startOf, endOf } from '../parse/parse';
import { findDate } from './dates';
import { fieldKeysOf, upstreamNameIn } from './field-labels';

export interface Field {
  key: FieldKey;
  /** The label as written ("Branch / commit"). */
  label: string;
  /** Start and end of the whole "Label: value" segment. */
  start: number;
  end: number;
  /** The value token the field is about (the date, the branch name, the hash…). */
  value: string;
  valueStart: number;
  valueEnd: number;
  /** Everything after the label. */
  rawStart: number;
  rawEnd: number;
  /** Upstream ref named in the label ("HEAD / upstream (`origin/main`)"). */
  upstreamName?: string;
  /** Where the field came from. */
  source: 'line' | 'bullet' | 'frontmatter';
}

const LABEL = /^(\s*(?:[*_]{2})?\s*)([^:\n`*_][^:\n]{0,60}?)\s*(?:[*_]{2})?\s*[:：]\s*(?:[*_]{2})?[ \t]*/u;
const SEPARATOR = /\s+(?:\||·|•|—|–)\s+|;\s+/g;
const HEX = /(?<![\w/.-])[0-9a-f]{7,40}(?![\w/-])/g;
const CODE = /`([^`\n]+)`/g;
const AMBIGUOUS_DATE_LABEL = /^(?:data|datum|stand|generated|updated)$/i;

/** Fields in a run of block nodes (paragraphs, lists, block quotes). */
export function fieldsInNodes(text: string, nodes: RootContent[], source: 'preamble' | 'section'): Field[] {
  const out: Field[] = [];
  const visitBlock = (node: RootContent, depth: number, bullet: boolean) => {
    if (node.type === 'paragraph') fieldsInParagraph(text, node, bullet, out);
    else if (node.type === 'list' && depth < 3) {
      for (const item of (node as List).children) {
        const first = item.children[0];
        if (first?.type === 'paragraph') fieldsInParagraph(text, first, true, out, true);
        for (const child of item.children.slice(1)) if (child.type === 'list') visitBlock(child, depth + 1, true);
      }
    } else if (node.type === 'blockquote') for (const child of (node as Blockquote).children) visitBlock(child, depth + 1, bullet);
  };
  for (const node of nodes) visitBlock(node, 0, false);
  void source;
  return out;
}

function fieldsInParagraph(text: string, p: Paragraph, bullet: boolean, out: Field[], firstLineOnly = false): void {
  const start = startOf(p);
  const body = text.slice(start, endOf(p));
  let offset = 0;
  for (const line of body.split(/(?<=\r\n|\r|\n)/)) {
    const content = line.replace(/\r?\n$|\r$/, '');
    fieldsInLine(content, start + offset, bullet, out);
    offset += line.length;
    if (firstLineOnly) break;
  }
}

/** Fields on one line: one "Label: value" or several separated by " | ", " · " or "; ". */
export function fieldsInLine(line: string, base: number, bullet: boolean, out: Field[]): void {
  const segments: Array<[number, number]> = [];
  let last = 0;
  for (const m of line.matchAll(SEPARATOR)) {
    segments.push([last, m.index]);
    last = m.index + m[0].length;
  }
  segments.push([last, line.length]);
  const labelled = segments.filter(([a, b]) => labelOf(line.slice(a, b)));
  const parts = labelled.length > 1 ? labelled : [[0, line.length] as [number, number]];
  for (const [a, b] of parts) fieldsInSegment(line.slice(a, b), base + a, bullet, out);
}

function labelOf(segment: string): { keys: FieldKey[]; label: string; length: number } | null {
  const m = LABEL.exec(segment);
  if (!m) return null;
  const keys = fieldKeysOf(m[2]);
  return keys.length ? { keys, label: m[2].trim(), length: m[0].length } : null;
}

function fieldsInSegment(segment: string, base: number, bullet: boolean, out: Field[]): void {
  const found = labelOf(segment);
  if (!found) return;
  const rawEndLocal = segment.replace(/\s+$/, '').length;
  const raw = segment.slice(found.length, rawEndLocal);
  const rawStart = base + found.length;
  const used = new Set<number>();
  const upstreamName = upstreamNameIn(segment.slice(0, found.length)) ?? undefined;
  let commitToken: [number, number] | null = null;
  for (const key of found.keys) {
    let token = tokenFor(key, raw, used);
    // "Data:" or "Stand:" name a date only in some languages; without a date they are something else.
    if (key === 'date' && !token && AMBIGUOUS_DATE_LABEL.test(found.label)) continue;
    if (key === 'upstream' && !token && commitToken) token = commitToken;
    if (key === 'commit' && token) commitToken = token;
    const [s, e] = token ?? [0, raw.length];
    if (token) used.add(s);
    out.push({
      key,
      label: found.label,
      start: base,
      end: base + rawEndLocal,
      value: raw.slice(s, e),
      valueStart: rawStart + s,
      valueEnd: rawStart + e,
      rawStart,
      rawEnd: rawStart + raw.length,
      upstreamName: key === 'upstream' || key === 'commit' ? upstreamName : undefined,
      source: bullet ? 'bullet' : 'line',
    });
  }
}

/** Local [start, end) of the token that holds a key's value. */
function tokenFor(key: FieldKey, raw: string, used: Set<number>): [number, number] | null {
  switch (key) {
    case 'date': {
      const d = findDate(raw);
      return d ? [d.start, d.end] : null;
    }
    case 'commit':
    case 'upstream': {
      for (const m of raw.matchAll(HEX)) if (!used.has(m.index) && /\d/.test(m[0])) return [m.index, m.index + m[0].length];
      if (key === 'commit') {
        const head = /\bHEAD\b/.exec(raw);
        if (head && !used.has(head.index)) return [head.index, head.index + 4];
      }
      return null;
    }
    case 'branch': {
      for (const m of raw.matchAll(CODE)) {
        const inner = m.index + 1;
        if (!used.has(inner) && !/^[0-9a-f]{7,40}$/.test(m[1])) return [inner, inner + m[1].length];
      }
      const w = /[^\s`()[\],;]+/.exec(raw);
      return w ? [w.index, w.index + w[0].length] : null;
    }
    case 'worktree': {
      const w = /\b(dirty|clean)\b/i.exec(raw);
      return w ? [w.index, w.index + w[1].length] : null;
    }
    case 'goal':
      return raw.length ? [0, raw.length] : null;
  }
}

/** Fields from YAML front matter (keys named like snapshot labels). */
export function fieldsInFrontmatter(text: string, node: Yaml): Field[] {
  const start = startOf(node);
  const contentStart = text.indexOf(node.value, start);
  if (contentStart < 0) return [];
  const doc = parseDocument(node.value, { keepSourceTokens: false });
  if (doc.errors.length || !isMap(doc.contents)) return [];
  const out: Field[] = [];
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value) || !pair.key.range || !pair.value.range) continue;
    const keys = fieldKeysOf(String(pair.key.value));
    if (keys.length !== 1) continue;
    let [vs, ve] = pair.value.range;
    const src = node.value.slice(vs, ve);
    if (/^["']/.test(src) && src.length >= 2) { vs++; ve--; }
    out.push({
      key: keys[0],
      label: String(pair.key.value),
      start: contentStart + pair.key.range[0],
      end: contentStart + pair.value.range[1],
      value: node.value.slice(vs, ve),
      valueStart: contentStart + vs,
      valueEnd: contentStart + ve,
      rawStart: contentStart + vs,
      rawEnd: contentStart + ve,
      source: 'frontmatter',
    });
  }
  return out;
}
