// Snapshot fields in every form real notes use: "- Key: value", "**Key:** value", bare
// "Key: value" lines, several fields on one line ("**Date:** x | **Branch:** y"), two-column
// tables ("| Branch | `main` |"), and YAML front matter. Only lines of paragraphs, list items
// and table rows (from mdast) are read, never code; code spans are the ones mdast found.
import type { Blockquote, InlineCode, List, Node, Paragraph, RootContent, Table, TableCell, Yaml } from 'mdast';
import { parseDocument, isMap, isScalar } from 'yaml';
import type { FieldKey } from '../types';
import { startOf, endOf } from '../parse/parse';
import { visit } from '../parse/walk';
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
  /** The code span the value is the content of, backticks included. */
  code?: Span;
  /** For a table row: the value cell between its pipes, padding included, and whether the table pads its columns to one width. */
  cell?: Span & { aligned: boolean };
  /** Where the field came from; a table field spans its whole row. */
  source: 'line' | 'bullet' | 'table' | 'frontmatter';
}

export interface Span {
  start: number;
  end: number;
}

/** A code span of the text: its outer range, the range of its content, and its value. */
interface CodeSpan extends Span {
  innerStart: number;
  innerEnd: number;
  value: string;
}

/** Where a value token sits in a field's raw text (local offsets), and its value when that differs from the slice. */
interface Token {
  start: number;
  end: number;
  value?: string;
  code?: Span;
}

const LABEL = /^(\s*(?:[*_]{2})?\s*)([^:\n`*_][^:\n]{0,60}?)\s*(?:[*_]{2})?\s*[:：]\s*(?:[*_]{2})?[ \t]*/u;
const SEPARATOR = /\s+(?:\||·|•|—|–)\s+|;\s+/g;
const HEX = /(?<![\w/.-])[0-9a-f]{7,40}(?![\w/-])/g;
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
    else if (node.type === 'table') fieldsInTable(text, node as Table, out);
  };
  for (const node of nodes) visitBlock(node, 0, false);
  void source;
  return out;
}

function fieldsInParagraph(text: string, p: Paragraph, bullet: boolean, out: Field[], firstLineOnly = false): void {
  const start = startOf(p);
  const body = text.slice(start, endOf(p));
  // Every field has a label ending in a colon: without one, no line of the paragraph holds any.
  if (!hasColon(body)) return;
  const spans = codeSpansIn(text, p);
  let offset = 0;
  for (const line of body.split(/(?<=\r\n|\r|\n)/)) {
    const content = line.replace(/\r?\n$|\r$/, '');
    fieldsInLine(content, start + offset, bullet, out, spans);
    offset += line.length;
    if (firstLineOnly) break;
  }
}

/** The code spans mdast found in a node, with the range of their content. */
function codeSpansIn(text: string, node: Node): CodeSpan[] {
  const out: CodeSpan[] = [];
  visit(node, (n) => {
    if (n.type !== 'inlineCode') return;
    const start = startOf(n);
    const end = endOf(n);
    const src = text.slice(start, end);
    const fence = /^`+/.exec(src)?.[0].length ?? 1;
    let innerStart = start + fence;
    let innerEnd = end - fence;
    const inner = text.slice(innerStart, innerEnd);
    if (inner.length >= 2 && /^[ \r\n]/.test(inner) && /[ \r\n]$/.test(inner) && /[^ \r\n]/.test(inner)) { innerStart++; innerEnd--; }
    out.push({ start, end, innerStart, innerEnd, value: (n as InlineCode).value });
  });
  return out;
}

/** Fields on one line: one "Label: value" or several separated by " | ", " · " or "; " (outside code spans). */
export function fieldsInLine(line: string, base: number, bullet: boolean, out: Field[], spans: CodeSpan[] = []): void {
  if (!hasColon(line)) return;
  const segments: Array<[number, number]> = [];
  let last = 0;
  for (const m of line.matchAll(SEPARATOR)) {
    if (spans.some((c) => base + m.index < c.end && base + m.index + m[0].length > c.start)) continue;
    segments.push([last, m.index]);
    last = m.index + m[0].length;
  }
  segments.push([last, line.length]);
  const labelled = segments.filter(([a, b]) => labelOf(line.slice(a, b)));
  const parts = labelled.length > 1 ? labelled : [[0, line.length] as [number, number]];
  for (const [a, b] of parts) fieldsInSegment(line.slice(a, b), base + a, bullet, out, spans);
}

const hasColon = (s: string): boolean => s.includes(':') || s.includes('：');

function labelOf(segment: string): { keys: FieldKey[]; label: string; length: number } | null {
  const m = LABEL.exec(segment);
  if (!m) return null;
  const keys = fieldKeysOf(m[2]);
  return keys.length ? { keys, label: m[2].trim(), length: m[0].length } : null;
}

function fieldsInSegment(segment: string, base: number, bullet: boolean, out: Field[], spans: CodeSpan[]): void {
  const found = labelOf(segment);
  if (!found) return;
  const rawEndLocal = segment.replace(/\s+$/, '').length;
  const upstreamName = upstreamNameIn(segment.slice(0, found.length)) ?? undefined;
  const at = { start: base, end: base + rawEndLocal, rawStart: base + found.length, rawEnd: base + rawEndLocal };
  valueFields(segment.slice(found.length, rawEndLocal), found.keys, found.label, at, spans, bullet ? 'bullet' : 'line', upstreamName, out);
}

/**
 * Fields of a two-column table, one per row whose first cell is a snapshot label. The header row
 * is a field too ("| Branch | `main` |" over "| Date | … |") when a body row is one: a header
 * such as "| Field | Value |" is none, and "| Date | Event |" over a log of dates is no snapshot.
 */
function fieldsInTable(text: string, table: Table, out: Field[]): void {
  if (table.children[0]?.children.length !== 2) return;
  const aligned = isAligned(text, table);
  const found: Field[] = [];
  for (const row of table.children) {
    if (row.children.length !== 2) continue;
    const [labelCell, valueCell] = row.children;
    const labelRange = cellContent(text, labelCell);
    const label = text.slice(labelRange.start, labelRange.end).replace(/\\\|/g, '|');
    const keys = fieldKeysOf(label);
    if (!keys.length) continue;
    const content = cellContent(text, valueCell);
    const at = { start: startOf(row), end: endOf(row), rawStart: content.start, rawEnd: content.end, cell: { ...cellInside(text, valueCell), aligned } };
    const raw = text.slice(content.start, content.end);
    valueFields(raw, keys, label.replace(/[*_]/g, '').trim(), at, codeSpansIn(text, valueCell), 'table', upstreamNameIn(label) ?? undefined, found);
  }
  const header = startOf(table.children[0]);
  if (found.some((f) => f.start !== header)) out.push(...found);
}

/** Whether a table pads its columns: its delimiter row ("|:---|---|") is as wide as its header row, in code points. */
function isAligned(text: string, table: Table): boolean {
  const header = table.children[0];
  const rest = text.slice(endOf(header), endOf(table));
  const delimiter = /^(?:\r\n|\r|\n)([^\r\n]*)/.exec(rest)?.[1] ?? '';
  const width = (s: string) => [...s.trim()].length;
  return width(delimiter) === width(text.slice(startOf(header), endOf(header)));
}

/** A cell's content: from its first to its last child, or an empty range after its padding. */
export function cellContent(text: string, cell: TableCell): Span {
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  if (first && last) return { start: startOf(first), end: endOf(last) };
  const inside = cellInside(text, cell);
  const lead = /^[ \t]*/.exec(text.slice(inside.start, inside.end))![0].length;
  return { start: inside.start + lead, end: inside.start + lead };
}

/** A cell between its pipes (mdast gives a cell its opening pipe and, for the last one, its closing pipe). */
export function cellInside(text: string, cell: TableCell): Span {
  let start = startOf(cell);
  let end = endOf(cell);
  if (text[start] === '|') start++;
  if (end > start && text[end - 1] === '|' && text[end - 2] !== '\\') end--;
  return { start, end };
}

type Where = { start: number; end: number; rawStart: number; rawEnd: number; cell?: Field['cell'] };

/** One field per key a label names, each with its value token in `raw`. */
function valueFields(raw: string, keys: FieldKey[], label: string, at: Where, spans: CodeSpan[], source: Field['source'], upstreamName: string | undefined, out: Field[]): void {
  const local = spans
    .filter((c) => c.start >= at.rawStart && c.end <= at.rawEnd)
    .map((c) => ({ ...c, start: c.start - at.rawStart, end: c.end - at.rawStart, innerStart: c.innerStart - at.rawStart, innerEnd: c.innerEnd - at.rawStart }));
  const used: Span[] = [];
  let commitToken: Token | null = null;
  for (const key of keys) {
    let token = tokenFor(key, raw, local, used);
    // "Data:" or "Stand:" name a date only in some languages; without a date they are something else.
    if (key === 'date' && !token && AMBIGUOUS_DATE_LABEL.test(label)) continue;
    if (key === 'upstream' && !token && commitToken) token = commitToken;
    if (key === 'commit' && token) commitToken = token;
    const t = token ?? { start: 0, end: raw.length };
    if (token) used.push(token);
    const slice = raw.slice(t.start, t.end);
    out.push({
      key,
      label,
      start: at.start,
      end: at.end,
      value: t.value ?? (source === 'table' ? slice.replace(/\\\|/g, '|') : slice),
      valueStart: at.rawStart + t.start,
      valueEnd: at.rawStart + t.end,
      rawStart: at.rawStart,
      rawEnd: at.rawEnd,
      upstreamName: key === 'upstream' || key === 'commit' ? upstreamName : undefined,
      code: t.code ? { start: at.rawStart + t.code.start, end: at.rawStart + t.code.end } : undefined,
      cell: at.cell,
      source,
    });
  }
}

/** The token in `raw` that holds a key's value, outside the tokens other keys of the label took. */
function tokenFor(key: FieldKey, raw: string, spans: CodeSpan[], used: Span[]): Token | null {
  const free = (s: number, e: number) => !used.some((u) => s < u.end && e > u.start);
  switch (key) {
    case 'date': {
      const d = findDate(raw);
      return d ? { start: d.start, end: d.end } : null;
    }
    case 'commit':
    case 'upstream': {
      for (const m of raw.matchAll(HEX)) if (free(m.index, m.index + m[0].length) && /\d/.test(m[0])) return { start: m.index, end: m.index + m[0].length };
      if (key === 'commit') {
        const head = /\bHEAD\b/.exec(raw);
        if (head && free(head.index, head.index + 4)) return { start: head.index, end: head.index + 4 };
      }
      return null;
    }
    case 'branch': {
      for (const c of spans) {
        if (free(c.start, c.end) && !/^[0-9a-f]{7,40}$/.test(c.value)) return { start: c.innerStart, end: c.innerEnd, value: c.value, code: c };
      }
      const w = /[^\s`()[\],;]+/.exec(raw);
      return w ? { start: w.index, end: w.index + w[0].length } : null;
    }
    case 'worktree': {
      const w = /\b(dirty|clean)\b/i.exec(raw);
      return w ? { start: w.index, end: w.index + w[1].length } : null;
    }
    case 'goal':
      return raw.length ? { start: 0, end: raw.length } : null;
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
