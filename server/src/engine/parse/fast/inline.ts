// Inline content of a paragraph, heading or table cell: text, code spans, inline links,
// emphasis, strong, GFM strikethrough, backslash escapes, autolinks and HTML tags, as
// mdast-util-from-markdown builds them. Anything else that would be markup (entities, email
// autolinks, HTML comments in text, images, nested brackets before a `](`) throws Decline, and
// the note goes to remark.
import type { PhrasingContent, Text } from 'mdast';
import { Decline, type Points } from './points';

/**
 * The inline content as one string with a source offset per character: lines are joined with
 * their own line endings, without the indentation and trailing whitespace the block strips.
 */
export interface Inline {
  v: string;
  /** Source offset of each character of v (a buffer the scanner reuses: entries past v's length mean nothing). */
  at: Int32Array;
  /** Hard breaks: index in v (a line ending stands there) → offset where the break ends. */
  breaks: Map<number, number> | null;
  /** Index of the last `](` in v (-1 for none; undefined until a `[` asks): no inline link starts after it. */
  lastLink: number | undefined;
  /** Indices in v of line endings the block dropped spaces around, in order. */
  trimmed: number[] | null;
  /** In a table cell, where `\\|` is a pipe even in code. */
  cell: boolean;
}

/** An Inline, every field set, so that all of them share one shape. */
export function inline(v: string, at: Int32Array, breaks: Map<number, number> | null = null, trimmed: number[] | null = null, cell = false): Inline {
  return { v, at, breaks, lastLink: undefined, trimmed, cell };
}

interface Delim {
  char: number;
  /** Index in v of the first delimiter character still unused. */
  from: number;
  count: number;
  open: boolean;
  close: boolean;
}

/** Text from v[from, to); an escape drops its backslash, v[drop], from the value. */
type Item = { kind: 'text'; from: number; to: number; drop?: number } | { kind: 'node'; node: PhrasingContent; from: number; to: number } | { kind: 'delim'; d: Delim; from: number; to: number };

const isAsciiPunct = (c: number) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
// As micromark classifies the UTF-16 unit next to a delimiter run (a lone surrogate is neither).
const isSpace = (c: number) => Number.isNaN(c) || c === 32 || c === 9 || c === 10 || c === 13 || (c > 127 && /\s/.test(String.fromCharCode(c)));
const isPunct = (c: number) => (c < 128 ? isAsciiPunct(c) : /\p{P}|\p{S}/u.test(String.fromCharCode(c)));

/** Every character phrasing() may read as markup (`!` and `]` only before or after `[`). */
const MARKUP = /[`[*_~\\&<!]/;

export function parseInline(src: Inline, points: Points): PhrasingContent[] {
  const { v } = src;
  // Most headings, list items and cells hold plain text: one text node, as phrasing() builds it.
  if (!MARKUP.test(v) && !src.breaks?.size) return v.length ? [{ type: 'text', value: v, position: points.span(src.at[0], src.at[v.length - 1] + 1) }] : [];
  const runs = codeRuns(v);
  if (src.trimmed?.length) {
    // A code span over a line ending whose spaces the block dropped would miss them.
    const ends = src.trimmed;
    let t = 0;
    for (const [open, close] of runs) {
      if (close < 0) continue;
      while (t < ends.length && ends[t] < open) t++;
      if (t < ends.length && ends[t] < close) throw new Decline('code span over spaces at a line ending');
    }
  }
  return phrasing(src, points, 0, v.length, runs);
}

const NO_RUNS: ReadonlyMap<number, number> = new Map();

/**
 * Code span openers (by index in v) and the index of the run that closes each (or -1), left to
 * right as micromark reads them: a backslash escapes a backtick outside code spans, while in a
 * span's content backslashes are literal, so closers are whole runs of the opener's length.
 */
function codeRuns(v: string): ReadonlyMap<number, number> {
  if (v.indexOf('`') < 0) return NO_RUNS;
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let i = v.indexOf('`'); i >= 0 && i < v.length; i = v.indexOf('`', i)) {
    let j = i;
    while (v.charCodeAt(j) === 96) j++;
    starts.push(i);
    lengths.push(j - i);
    i = j;
  }
  // Runs by length and a cursor per length, in arrays indexed by the length (runs are short).
  const byLength: number[][] = [];
  for (let k = 0; k < lengths.length; k++) (byLength[lengths[k]] ??= []).push(k);
  const cursor: number[] = [];
  const closeOf = new Map<number, number>();
  let pos = 0;
  let k = 0;
  while (k < starts.length) {
    let s = starts[k];
    let len = lengths[k];
    // Escapes between the last span and this run; one may take the run's first backtick.
    let q = pos;
    while (q < s) q = v.charCodeAt(q) === 92 && isAsciiPunct(v.charCodeAt(q + 1)) ? q + 2 : q + 1;
    if (q > s) {
      s++;
      len--;
      if (!len) {
        pos = s;
        k++;
        continue;
      }
    }
    const list = byLength[len] ?? [];
    let c = cursor[len] ?? 0;
    while (c < list.length && list[c] <= k) c++;
    cursor[len] = c;
    if (c < list.length) {
      const close = list[c];
      closeOf.set(s, starts[close]);
      pos = starts[close] + len;
      k = close + 1;
    } else {
      closeOf.set(s, -1);
      pos = s + len;
      k++;
    }
  }
  return closeOf;
}

function phrasing(src: Inline, points: Points, from: number, to: number, runs: ReadonlyMap<number, number>): PhrasingContent[] {
  const { v } = src;
  const items: Item[] = [];
  let textFrom = from;
  let i = from;
  while (i < to) {
    const c = v.charCodeAt(i);
    const brk = c === 10 ? src.breaks?.get(i) : undefined;
    if (brk !== undefined) {
      textBefore(items, textFrom, i);
      items.push({ kind: 'node', node: { type: 'break', position: points.span(src.at[i], brk) }, from: i, to: i + 1 });
      i++;
      textFrom = i;
      continue;
    }
    if (c === 96) {
      let j = i;
      while (j < to && v.charCodeAt(j) === 96) j++;
      const close = runs.get(i);
      if (close === undefined) throw new Decline('code span');
      if (close >= 0 && close < to) {
        textBefore(items, textFrom, i);
        const len = j - i;
        items.push({ kind: 'node', node: codeSpan(src, points, i, j, close, close + len), from: i, to: close + len });
        i = close + len;
        textFrom = i;
        continue;
      }
      i = j;
      continue;
    }
    if (c === 91) {
      const link = tryLink(src, points, i, to, runs);
      if (link) {
        textBefore(items, textFrom, i);
        items.push({ kind: 'node', node: link.node, from: i, to: link.end });
        i = link.end;
        textFrom = i;
        continue;
      }
      i++;
      continue;
    }
    if (c === 42 || c === 95) {
      let j = i;
      while (j < to && v.charCodeAt(j) === c) j++;
      const d = delimiter(v, i, j, c);
      if (d.open || d.close) {
        textBefore(items, textFrom, i);
        items.push({ kind: 'delim', d, from: i, to: j });
        textFrom = j;
      }
      i = j;
      continue;
    }
    if (c === 126) {
      let j = i;
      while (j < to && v.charCodeAt(j) === 126) j++;
      // Three or more tildes are text (micromark's strikethrough takes one or two).
      const d = j - i <= 2 ? delimiter(v, i, j, c) : null;
      if (d && (d.open || d.close)) {
        textBefore(items, textFrom, i);
        items.push({ kind: 'delim', d, from: i, to: j });
        textFrom = j;
      }
      i = j;
      continue;
    }
    if (c === 92) {
      const n = v.charCodeAt(i + 1);
      if (n === 10 || n === 13) throw new Decline('hard break by a backslash');
      if (isAsciiPunct(n) && i + 1 < to) {
        textBefore(items, textFrom, i);
        items.push({ kind: 'text', from: i, to: i + 2, drop: i });
        i += 2;
        textFrom = i;
        continue;
      }
    } else if (c === 38) {
      if (/^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/.test(v.slice(i, i + 40))) throw new Decline('character reference');
    } else if (c === 60) {
      const n = v.charCodeAt(i + 1);
      if (n === 33 || n === 63) throw new Decline('HTML comment, declaration or instruction in text');
      if ((n >= 65 && n <= 90) || (n >= 97 && n <= 122) || n === 47) {
        const node = angle(src, points, i, to);
        if (node) {
          textBefore(items, textFrom, i);
          items.push({ kind: 'node', node: node.node, from: i, to: node.end });
          i = node.end;
          textFrom = i;
          continue;
        }
      }
    } else if (c === 33 && v.charCodeAt(i + 1) === 91) throw new Decline('image');
    else if (c === 93 && i + 1 < to && v.charCodeAt(i + 1) === 40) {
      // `](` without a `[` before it in this run of content still reads as text; keep simple.
    }
    i++;
  }
  textBefore(items, textFrom, to);
  return resolve(src, points, items);
}

/** The text item from `textFrom` up to `upTo`, when there is any. */
function textBefore(items: Item[], textFrom: number, upTo: number): void {
  if (upTo > textFrom) items.push({ kind: 'text', from: textFrom, to: upTo });
}

/**
 * A delimiter run, classified as micromark classifies it (attention and GFM strikethrough):
 * the characters on either side are whitespace (line edges included), punctuation or other; a
 * `~` next to a `*` or `_` run loosens the rule as micromark's attention markers do.
 */
function delimiter(v: string, i: number, j: number, c: number): Delim {
  const previous = i > 0 ? v.charCodeAt(i - 1) : NaN;
  const code = j < v.length ? v.charCodeAt(j) : NaN;
  const before = group(previous);
  const after = group(code);
  if (c === 126) {
    const open = !after || (after === 2 && before !== 0);
    const close = !before || (before === 2 && after !== 0);
    return { char: c, from: i, count: j - i, open, close };
  }
  const open = !after || (after === 2 && before !== 0) || code === 126;
  const close = !before || (before === 2 && after !== 0) || previous === 126;
  if (c === 42) return { char: c, from: i, count: j - i, open, close };
  return { char: c, from: i, count: j - i, open: open && (before !== 0 || !close), close: close && (after !== 0 || !open) };
}

/** 1 whitespace, 2 punctuation, 0 other (micromark's classifyCharacter). */
function group(c: number): number {
  if (isSpace(c)) return 1;
  return isPunct(c) ? 2 : 0;
}

const ATTRIBUTE = `(?:[ \\t\\r\\n]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \\t\\r\\n]*=[ \\t\\r\\n]*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)`;
const TAG = new RegExp(`^(?:<[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*[ \\t\\r\\n]*/?>|</[A-Za-z][A-Za-z0-9-]*[ \\t\\r\\n]*>)`);
const AUTOLINK = /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20<>]*>/;

/** An autolink `<scheme:…>` or an HTML tag at `<`, null when it is text. */
function angle(src: Inline, points: Points, i: number, to: number): { node: PhrasingContent; end: number } | null {
  const rest = src.v.slice(i, Math.min(to, i + 4096));
  const auto = AUTOLINK.exec(rest);
  if (auto) {
    const end = i + auto[0].length;
    const url = auto[0].slice(1, -1);
    const text = { type: 'text', value: url, position: points.span(src.at[i + 1], src.at[end - 2] + 1) };
    return { node: { type: 'link', title: null, url, children: [text], position: points.span(src.at[i], src.at[end - 1] + 1) } as PhrasingContent, end };
  }
  if (/^<[^>\s]*@/.test(rest)) throw new Decline('email autolink');
  const tag = TAG.exec(rest);
  if (!tag) {
    if (rest.length >= 4096) throw new Decline('long tag');
    return null;
  }
  if (/[\r\n]/.test(tag[0])) throw new Decline('HTML tag across lines');
  const end = i + tag[0].length;
  return { node: { type: 'html', value: tag[0], position: points.span(src.at[i], src.at[end - 1] + 1) } as PhrasingContent, end };
}

const pad = (c: number) => c === 32 || c === 10 || c === 13;

function codeSpan(src: Inline, points: Points, openFrom: number, openTo: number, closeFrom: number, closeTo: number): PhrasingContent {
  // mdast keeps line endings in the value; one space (or line ending) of padding goes.
  let value = src.v.slice(openTo, closeFrom);
  if (value.length > 2 && pad(value.charCodeAt(0)) && pad(value.charCodeAt(value.length - 1)) && /[^ \r\n]/.test(value)) {
    // A CR LF pads as one.
    if (value.charCodeAt(0) === 13 || value.charCodeAt(value.length - 1) === 13 || value.charCodeAt(value.length - 2) === 13) throw new Decline('code span padded with a CR');
    value = value.slice(1, -1);
  }
  if (src.cell && value.includes('\\|')) value = value.replace(/\\\|/g, '|');
  return { type: 'inlineCode', value, position: points.span(src.at[openFrom], src.at[closeTo - 1] + 1) };
}

const DESTINATION = /^\(([^\s()<>\\`]*)(?:[ \t]+(?:"([^"\\&\n\r]*)"|'([^'\\&\n\r]*)'))?[ \t]*\)/;

/** An inline link `[text](url "title")` starting at `[`, or null when it is text. */
function tryLink(src: Inline, points: Points, open: number, to: number, runs: ReadonlyMap<number, number>): { node: PhrasingContent; end: number } | null {
  const { v } = src;
  if (open > 0 && v.charCodeAt(open - 1) === 33) throw new Decline('image');
  // Without a `](` after it (and without definitions, which the scanner declines) a bracket is text.
  src.lastLink ??= v.lastIndexOf('](');
  if (open > src.lastLink) return null;
  // Find the `]` that closes the text, skipping code spans and balanced brackets (text).
  let k = open + 1;
  let depth = 0;
  while (k < to) {
    const c = v.charCodeAt(k);
    if (c === 96) {
      let j = k;
      while (j < to && v.charCodeAt(j) === 96) j++;
      const close = runs.get(k);
      k = close !== undefined && close >= 0 && close < to ? close + (j - k) : j;
      continue;
    }
    if (c === 91) depth++;
    if (c === 93 && depth-- === 0) break;
    // A bracket pair inside that makes a link of its own leaves the outer bracket text.
    if (c === 93 && v.charCodeAt(k + 1) === 40) throw new Decline('link in link text');
    if (c === 92) throw new Decline('escape in link text');
    if (c === 60) throw new Decline('angle bracket in link text');
    k++;
  }
  if (k >= to || v.charCodeAt(k + 1) !== 40) return null;
  const m = DESTINATION.exec(v.slice(k + 1, Math.min(to, k + 1 + 4096)));
  if (!m) {
    // `[text](` that is not a link we read exactly: remark decides.
    throw new Decline('link destination');
    return null;
  }
  if (/&[#A-Za-z0-9]+;/.test(m[1])) throw new Decline('character reference in link');
  const end = k + 1 + m[0].length;
  if (end > to) throw new Decline('link past its content');
  const children = phrasing(src, points, open + 1, k, runs);
  const title = m[2] ?? m[3] ?? null;
  const node = { type: 'link', title, url: m[1], children, position: points.span(src.at[open], src.at[end - 1] + 1) } as PhrasingContent;
  return { node, end };
}

type Cell = { item: Item; prev: Cell | null; next: Cell | null; sub?: Cell | null };

/** Walk-back steps past openers the rule of three skips, per item, before remark decides. */
const SKIP_BUDGET = 8;

/**
 * Pairs delimiter runs as micromark's resolvers do: each closer, in order, takes the nearest
 * opener of its marker (for `*` and `_` the nearest the rule of three allows, two markers when
 * both runs have two; for `~` the nearest of the same length), and whatever lies between
 * becomes the node's content, where unpaired runs are text. micromark pairs `*`/`_` and `~` in
 * separate passes; the two agree with this one pass unless a pair encloses an unpaired opener
 * of the other family, which declines.
 */
function resolve(src: Inline, points: Points, items: Item[]): PhrasingContent[] {
  const head: Cell = { item: { kind: 'text', from: 0, to: 0 }, prev: null, next: null };
  let tail = head;
  const cells: Cell[] = [];
  for (const item of items) {
    const cell: Cell = { item, prev: tail, next: null };
    tail.next = cell;
    tail = cell;
    if (item.kind === 'delim') cells.push(cell);
  }
  if (cells.length) pair(cells, src, points, items.length);
  return build(src, points, head.next, 0);
}

function pair(cells: Cell[], src: Inline, points: Points, budget: number): void {
  // Openers still available, by marker (`~` by length), oldest first.
  const stacks = new Map<number, Cell[]>();
  let skips = budget * SKIP_BUDGET + 64;
  for (const cell of cells) {
    const d = (cell.item as { d: Delim }).d;
    while (d.close && d.count > 0) {
      const st = stackOf(stacks, d);
      let k = st.length - 1;
      if (d.char !== 126) {
        for (; k >= 0; k--) {
          const od = (st[k].item as { d: Delim }).d;
          if (!((od.close || d.open) && d.count % 3 && !((od.count + d.count) % 3))) break;
          if (--skips < 0) throw new Decline('emphasis the rule of three keeps apart, at length');
        }
      }
      if (k < 0) break;
      const o = st[k];
      const od = (o.item as { d: Delim }).d;
      // Openers between the pair are text now.
      for (const [key, other] of stacks) {
        while (other.length && other[other.length - 1].item.from > o.item.from) {
          const gone = other.pop()!;
          if ((key < 0) !== (d.char === 126)) throw new Decline('strikethrough and emphasis interleaved');
          void gone;
        }
      }
      const use = d.char === 126 ? d.count : od.count > 1 && d.count > 1 ? 2 : 1;
      const startV = od.from + od.count - use;
      const endV = d.from + use;
      od.count -= use;
      d.from += use;
      d.count -= use;
      const type = d.char === 126 ? 'delete' : use === 2 ? 'strong' : 'emphasis';
      const node = { type, children: [], position: points.span(src.at[startV], src.at[endV - 1] + 1) } as unknown as PhrasingContent;
      const first = o.next === cell ? null : o.next;
      if (first) {
        first.prev = null;
        cell.prev!.next = null;
      }
      const wrap: Cell = { item: { kind: 'node', node, from: startV, to: endV }, prev: o, next: cell, sub: first };
      o.next = wrap;
      cell.prev = wrap;
      if (od.count === 0) st.pop();
    }
    if (d.open && d.count > 0) stackOf(stacks, d).push(cell);
  }
}

function stackOf(stacks: Map<number, Cell[]>, d: Delim): Cell[] {
  const key = d.char === 126 ? -d.count : d.char;
  let st = stacks.get(key);
  if (!st) stacks.set(key, (st = []));
  return st;
}

function build(s: Inline, p: Points, first: Cell | null, depth: number): PhrasingContent[] {
  // Emphasis nested this deep is no note's; remark (and its guard) decide.
  if (depth > 64) throw new Decline('emphasis nested too deep');
  const out: PhrasingContent[] = [];
  // The text node being gathered: v[textFrom, textTo) (-1: none). Its pieces are contiguous, so
  // its value is that slice of v unless an escape dropped a backslash: then `value` holds it.
  let textFrom = -1;
  let textTo = 0;
  let value: string | null = null;
  for (let c = first; c; c = c.next) {
    const it = c.item;
    if (it.kind === 'node') {
      if (textFrom >= 0) out.push(textNode(s, p, value, textFrom, textTo));
      textFrom = -1;
      if (c.sub !== undefined) (it.node as { children: PhrasingContent[] }).children = build(s, p, c.sub, depth + 1);
      out.push(it.node);
      continue;
    }
    const from = it.kind === 'delim' ? it.d.from : it.from;
    const to = it.kind === 'delim' ? it.d.from + it.d.count : it.to;
    if (to <= from) continue;
    const drop = it.kind === 'text' && it.drop !== undefined ? it.drop : -1;
    if (textFrom >= 0 && textTo === from) {
      if (drop >= 0 || value !== null) value = (value ?? s.v.slice(textFrom, textTo)) + piece(s.v, from, to, drop);
      textTo = to;
    } else {
      if (textFrom >= 0) out.push(textNode(s, p, value, textFrom, textTo));
      textFrom = from;
      textTo = to;
      value = drop >= 0 ? piece(s.v, from, to, drop) : null;
    }
  }
  if (textFrom >= 0) out.push(textNode(s, p, value, textFrom, textTo));
  return out;
}

/** v[from, to) without the backslash at `drop` (-1: none). */
function piece(v: string, from: number, to: number, drop: number): string {
  return drop >= 0 ? v.slice(from, drop) + v.slice(drop + 1, to) : v.slice(from, to);
}

function textNode(s: Inline, p: Points, value: string | null, from: number, to: number): Text {
  return { type: 'text', value: value ?? s.v.slice(from, to), position: p.span(s.at[from], s.at[to - 1] + 1) };
}
