// Inline content of a paragraph, heading or table cell: text, code spans, inline links,
// emphasis and strong, as mdast-util-from-markdown builds them. Anything else that would be
// markup (escapes, entities, autolinks, inline HTML, images, strikethrough, nested brackets,
// delimiter runs that can both open and close) throws Decline, and the note goes to remark.
import type { PhrasingContent, Text } from 'mdast';
import { Decline, type Points } from './points';

/**
 * The inline content as one string with a source offset per character: lines are joined with
 * their own line endings, without the indentation and trailing whitespace the block strips.
 */
export interface Inline {
  v: string;
  /** Source offset of each character of v. */
  at: ArrayLike<number>;
  /** Hard breaks: index in v (a line ending stands there) → offset where the break ends. */
  breaks?: Map<number, number>;
}

interface Delim {
  char: number;
  /** Index in v of the first delimiter character still unused. */
  from: number;
  count: number;
  open: boolean;
  close: boolean;
}

type Item = { kind: 'text'; from: number; to: number } | { kind: 'node'; node: PhrasingContent; from: number; to: number } | { kind: 'delim'; d: Delim; from: number; to: number };

const isAsciiPunct = (c: number) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
// As micromark classifies the UTF-16 unit next to a delimiter run (a lone surrogate is neither).
const isSpace = (c: number) => Number.isNaN(c) || c === 32 || c === 9 || c === 10 || c === 13 || (c > 127 && /\s/.test(String.fromCharCode(c)));
const isPunct = (c: number) => (c < 128 ? isAsciiPunct(c) : /\p{P}|\p{S}/u.test(String.fromCharCode(c)));

export function parseInline(src: Inline, points: Points): PhrasingContent[] {
  const { v } = src;
  const runs = codeRuns(v);
  return phrasing(src, points, 0, v.length, runs);
}

/** Backtick runs and, per run, the index of the run that closes it (or -1). */
function codeRuns(v: string): Map<number, number> {
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let i = v.indexOf('`'); i >= 0 && i < v.length; i = v.indexOf('`', i)) {
    let j = i;
    while (v.charCodeAt(j) === 96) j++;
    starts.push(i);
    lengths.push(j - i);
    i = j;
  }
  // Pair left to right: a run opens, the next run of the same length closes it.
  const closeOf = new Map<number, number>();
  const next = new Map<number, number[]>();
  lengths.forEach((len, k) => {
    const list = next.get(len);
    if (list) list.push(k);
    else next.set(len, [k]);
  });
  const cursor = new Map<number, number>();
  let k = 0;
  while (k < starts.length) {
    const len = lengths[k];
    const list = next.get(len)!;
    let c = cursor.get(len) ?? 0;
    while (c < list.length && list[c] <= k) c++;
    cursor.set(len, c);
    if (c < list.length) {
      const close = list[c];
      closeOf.set(starts[k], starts[close]);
      k = close + 1;
    } else {
      closeOf.set(starts[k], -1);
      k++;
    }
  }
  return closeOf;
}

function phrasing(src: Inline, points: Points, from: number, to: number, runs: Map<number, number>): PhrasingContent[] {
  const { v } = src;
  const items: Item[] = [];
  let textFrom = from;
  const flush = (upTo: number) => {
    if (upTo > textFrom) items.push({ kind: 'text', from: textFrom, to: upTo });
  };
  let i = from;
  while (i < to) {
    const c = v.charCodeAt(i);
    const brk = c === 10 ? src.breaks?.get(i) : undefined;
    if (brk !== undefined) {
      flush(i);
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
        flush(i);
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
        flush(i);
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
        flush(i);
        items.push({ kind: 'delim', d, from: i, to: j });
        textFrom = j;
      }
      i = j;
      continue;
    }
    if (c === 126) {
      let j = i;
      while (j < to && v.charCodeAt(j) === 126) j++;
      const d = delimiter(v, i, j, c);
      if (d.open || d.close) throw new Decline('strikethrough');
      i = j;
      continue;
    }
    if (c === 92) {
      const n = v.charCodeAt(i + 1);
      if (isAsciiPunct(n) || n === 10 || n === 13 || i + 1 >= v.length) throw new Decline('escape or hard break');
    } else if (c === 38) {
      if (/^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/.test(v.slice(i, i + 40))) throw new Decline('character reference');
    } else if (c === 60) {
      const n = v.charCodeAt(i + 1);
      if ((n >= 65 && n <= 90) || (n >= 97 && n <= 122) || n === 47 || n === 33 || n === 63) throw new Decline('autolink or inline HTML');
    } else if (c === 33 && v.charCodeAt(i + 1) === 91) throw new Decline('image');
    else if (c === 93 && i + 1 < to && v.charCodeAt(i + 1) === 40) {
      // `](` without a `[` before it in this run of content still reads as text; keep simple.
    }
    i++;
  }
  flush(to);
  return resolve(src, points, items);
}

/** Flanking per CommonMark; runs that both open and close, or longer than two, decline. */
function delimiter(v: string, i: number, j: number, c: number): Delim {
  const before = i > 0 ? v.charCodeAt(i - 1) : NaN;
  const after = j < v.length ? v.charCodeAt(j) : NaN;
  const afterSpace = isSpace(after);
  const beforeSpace = isSpace(before);
  const afterPunct = !afterSpace && isPunct(after);
  const beforePunct = !beforeSpace && isPunct(before);
  const left = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
  const right = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
  let open = left;
  let close = right;
  if (c === 95) {
    open = left && (!right || beforePunct);
    close = right && (!left || afterPunct);
  }
  if (c === 126) return { char: c, from: i, count: j - i, open, close };
  if (open && close) throw new Decline('delimiter run that both opens and closes');
  if ((open || close) && j - i > 2) throw new Decline('delimiter run longer than two');
  return { char: c, from: i, count: j - i, open, close };
}

function codeSpan(src: Inline, points: Points, openFrom: number, openTo: number, closeFrom: number, closeTo: number): PhrasingContent {
  // mdast keeps line endings in the value; one space (or line ending) of padding goes.
  let value = src.v.slice(openTo, closeFrom);
  const pad = (c: number) => c === 32 || c === 10 || c === 13;
  if (value.length > 2 && pad(value.charCodeAt(0)) && pad(value.charCodeAt(value.length - 1)) && /[^ \r\n]/.test(value)) {
    if (value.charCodeAt(0) !== 32 || value.charCodeAt(value.length - 1) !== 32) throw new Decline('code span padded with a line ending');
    value = value.slice(1, -1);
  }
  return { type: 'inlineCode', value, position: points.span(src.at[openFrom], src.at[closeTo - 1] + 1) };
}

const DESTINATION = /^\(([^\s()<>\\`]*)(?:[ \t]+(?:"([^"\\&\n\r]*)"|'([^'\\&\n\r]*)'))?[ \t]*\)/;

/** An inline link `[text](url "title")` starting at `[`, or null when it is text. */
function tryLink(src: Inline, points: Points, open: number, to: number, runs: Map<number, number>): { node: PhrasingContent; end: number } | null {
  const { v } = src;
  if (open > 0 && v.charCodeAt(open - 1) === 33) throw new Decline('image');
  // Find the `]` that closes the text, skipping code spans; a nested `[` declines.
  let k = open + 1;
  while (k < to) {
    const c = v.charCodeAt(k);
    if (c === 96) {
      let j = k;
      while (j < to && v.charCodeAt(j) === 96) j++;
      const close = runs.get(k);
      k = close !== undefined && close >= 0 && close < to ? close + (j - k) : j;
      continue;
    }
    if (c === 91) throw new Decline('nested brackets');
    if (c === 93) break;
    if (c === 92) throw new Decline('escape in link text');
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

/** Pairs emphasis delimiters (CommonMark's process-emphasis over a linked list) and merges text. */
function resolve(src: Inline, points: Points, items: Item[]): PhrasingContent[] {
  type Cell = { item: Item; prev: Cell | null; next: Cell | null; children?: Cell[] };
  const head: Cell = { item: { kind: 'text', from: 0, to: 0 }, prev: null, next: null };
  let tail = head;
  const delims: Cell[] = [];
  for (const item of items) {
    const cell: Cell = { item, prev: tail, next: null };
    tail.next = cell;
    tail = cell;
    if (item.kind === 'delim') delims.push(cell);
  }
  if (delims.length) {
    // Openers by char, newest last; an opener is dropped once a closer passes it unmatched.
    const openers = new Map<number, Cell[]>([
      [42, []],
      [95, []],
    ]);
    for (const cell of delims) {
      const d = (cell.item as { d: Delim }).d;
      if (d.close) {
        const stack = openers.get(d.char)!;
        while (d.count > 0 && stack.length) {
          const o = stack[stack.length - 1];
          const od = (o.item as { d: Delim }).d;
          // Openers of the other char between o and cell are no longer openers.
          const others = openers.get(d.char === 42 ? 95 : 42)!;
          while (others.length && others[others.length - 1].item.from > o.item.from) others.pop();
          const use = d.count >= 2 && od.count >= 2 ? 2 : 1;
          const innerFrom = od.from + od.count; // end of the opener run's used part
          od.count -= use;
          const closeStart = d.from;
          d.from += use;
          d.count -= use;
          // Wrap everything between o and cell into one node.
          const kids: Cell[] = [];
          for (let c = o.next; c && c !== cell; c = c.next) kids.push(c);
          const startV = innerFrom - use;
          const node: Cell = { item: { kind: 'node', node: null as unknown as PhrasingContent, from: startV, to: closeStart + use }, prev: o, next: cell, children: kids };
          const type = use === 2 ? 'strong' : 'emphasis';
          (node.item as { node: PhrasingContent }).node = { type, children: [], position: points.span(src.at[startV], src.at[closeStart + use - 1] + 1) } as unknown as PhrasingContent;
          o.next = node;
          cell.prev = node;
          (o.item as { to: number }).to = od.from + od.count;
          if (od.count === 0) {
            stack.pop();
            unlink(o);
          }
        }
        if (d.count === 0) unlink(cell);
      } else if (d.open) stack_push(openers, d.char, cell);
    }
  }
  return build(src, points, head.next, 0);

  function unlink(c: Cell): void {
    if (c.prev) c.prev.next = c.next;
    if (c.next) c.next.prev = c.prev;
  }
  function stack_push(map: Map<number, Cell[]>, ch: number, c: Cell): void {
    map.get(ch)!.push(c);
  }
  function build(s: Inline, p: Points, first: Cell | null, depth: number): PhrasingContent[] {
    // Emphasis nested this deep is no note's; remark (and its guard) decide.
    if (depth > 64) throw new Decline('emphasis nested too deep');
    const out: PhrasingContent[] = [];
    let text: Text | null = null;
    let textFrom = 0;
    let textTo = 0;
    const close = () => {
      if (text) {
        text.value = s.v.slice(textFrom, textTo);
        text.position = p.span(s.at[textFrom], s.at[textTo - 1] + 1);
        out.push(text);
        text = null;
      }
    };
    for (let c = first; c; c = c.next) {
      const it = c.item;
      let from = it.from;
      let to = it.to;
      if (it.kind === 'delim') {
        from = it.d.from;
        to = it.d.from + it.d.count;
        if (to <= from) continue;
      }
      if (it.kind === 'text' || it.kind === 'delim') {
        if (to <= from) continue;
        if (text && textTo === from) textTo = to;
        else {
          close();
          text = { type: 'text', value: '' };
          textFrom = from;
          textTo = to;
        }
        continue;
      }
      close();
      if (c.children) (it.node as { children: PhrasingContent[] }).children = build(s, p, linkKids(c.children), depth + 1);
      out.push(it.node);
    }
    close();
    return out;
  }
  function linkKids(kids: Cell[]): Cell | null {
    // The wrapped cells are still chained; cut the chain at the last one.
    if (!kids.length) return null;
    const copy = kids.map((k) => ({ ...k }));
    copy.forEach((k, i) => {
      k.next = copy[i + 1] ?? null;
    });
    return copy[0];
  }
}
