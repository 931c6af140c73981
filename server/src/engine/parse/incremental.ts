// Incremental parsing for the editor: a note is cut into chunks at "safe" lines, an ATX
// heading at column 0 after a blank line that is not inside fenced code, front matter or an
// HTML block running to a closing marker. At such a line every open block has ended, so each
// chunk parsed alone gives the same nodes as the whole text, shifted by the chunk's offset and
// line. After an edit, chunks whose text did not change are reused (moved in place) and only
// new chunk texts are parsed; the edited text is cut from the last cut, around the change
// (recut). Link reference and footnote definitions are global ("[x]" is a reference only when
// "[x]: …" exists anywhere), so a text with any definition is parsed whole.
// The line scan need not be exact: a chunk whose own parse leaves a fence or an HTML block open
// is merged with the next, so a wrong guess costs time, never correctness (test/engine/
// incremental.test.ts checks equality with a full parse on random edits).
import type { Root, RootContent, Node } from 'mdast';
import { tooComplexInPieces, type Complexity } from './complexity';
import { nodesByType } from './nodes';

export interface Chunk {
  text: string;
  start: number;
  line: number;
  children: RootContent[];
  end: { line: number; column: number; offset: number };
  /** Start of the root as parsed (column 2, offset 1 after a BOM); kept for the first chunk. */
  rootStart: { line: number; column: number; offset: number };
  /** Its isolated parse closed every block before the trailing blank line. */
  clean: boolean;
  /** The position points of its nodes, which a shift moves in place. */
  points: Point[];
  /** Its nodes by type (parse/nodes.ts), made on first use: kept with the nodes, which a shift moves in place. */
  byType?: Map<string, Node[]>;
}

/** Whether no node of an isolated chunk parse reaches into the chunk's trailing blank lines. */
function cleanEnd(text: string, root: Root): boolean {
  const last = root.children[root.children.length - 1];
  if (!last?.position) return true;
  let k = text.length - 1;
  while (k >= 0 && /\s/.test(text[k])) k--;
  // The trailing blank lines start after the line break that ends the last content line.
  const br = /\r\n|\r|\n/g;
  br.lastIndex = k + 1;
  const m = br.exec(text);
  const blankStart = m ? m.index + m[0].length : text.length;
  return (last.position.end.offset ?? 0) < blankStart || blankStart >= text.length;
}

/** What the last parse did, for tests and benchmarks. */
export interface UpdateStats {
  chunks: number;
  parsed: number;
  parsedBytes: number;
  shiftedChunks: number;
  fallback: boolean;
  /** Chunks merged with the next because their parse left a block open. */
  merged: number;
}

// Anywhere, not only at a line start: definitions also live inside list items and quotes.
const DEFINITION = /\[(?:[^\]\\\n]|\\.)+\]:/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HTML_TO_MARKER: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<(?:pre|script|style|textarea)(?:[\s>]|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** Front matter at the top: no chunk boundary until it closes (chunkStarts), and no cut reused across an edit. */
const hasFrontMatter = (text: string) => text.startsWith('---\n') || text.startsWith('---\r\n') || text.startsWith('\ufeff---');

/** Start offsets and start lines (0-based) of the chunks of a text. */
export function chunkStarts(text: string): { starts: number[]; lines: number[] } {
  const starts = [0];
  const lines = [0];
  let pos = 0;
  let line = 0;
  if (hasFrontMatter(text)) {
    // Front matter: no chunk boundary until it closes.
    const close = text.search(/\n---[ \t]*(?:\r?\n|$)/);
    if (close > 0) {
      const upTo = text.indexOf('\n', close + 1);
      line += (text.slice(0, upTo < 0 ? text.length : upTo).match(/\r\n|\r|\n/g) ?? []).length;
      pos = upTo < 0 ? text.length : upTo + 1;
      if (upTo >= 0) line++;
    }
  }
  scanStarts(text, pos, line, false, starts, lines, () => false);
  return { starts, lines };
}

/**
 * The line scan of chunkStarts from a line start `pos` (line `line`), pushing each chunk start
 * found onto `starts` and `lines`, until the text ends or `stop` says the rest is known.
 * `prevBlank`: the line before `pos` was blank (and no fence or HTML block is open there, as at a
 * chunk start).
 */
function scanStarts(text: string, pos: number, line: number, prevBlank: boolean, starts: number[], lines: number[], stop: (start: number, line: number) => boolean): void {
  let fence: { char: string; len: number } | null = null;
  let html: RegExp | null = null;
  const BREAK = /\r\n|\r|\n/g;
  while (pos < text.length) {
    // Lines end at \r\n, \r or \n, as micromark counts them.
    BREAK.lastIndex = pos;
    const m = BREAK.exec(text);
    const end = m ? m.index : text.length;
    const l = text.slice(pos, end);
    if (fence) {
      const f = FENCE.exec(l);
      if (f && f[1][0] === fence.char && f[1].length >= fence.len && !f[2].trim()) fence = null;
      prevBlank = false;
    } else if (html) {
      if (html.test(l)) html = null;
      prevBlank = false;
    } else if (!l.trim()) {
      prevBlank = true;
    } else {
      if (prevBlank && l.charCodeAt(0) === 35 /* # */ && /^#{1,6}(?:[ \t]|$)/.test(l) && pos > 0) {
        if (stop(pos, line)) return;
        starts.push(pos);
        lines.push(line);
      }
      const f = FENCE.exec(l);
      if (f && !(f[1][0] === '`' && f[2].includes('`'))) fence = { char: f[1][0], len: f[1].length };
      else {
        const h = HTML_TO_MARKER.find(([open]) => open.test(l));
        if (h && !h[1].test(l.replace(/^ {0,3}/, '').slice(2))) html = h[1];
      }
      prevBlank = false;
    }
    if (!m) break;
    pos = end + m[0].length;
    line++;
  }
}

/** The cut of a text into chunks: starts, start lines, and each chunk's text. */
export interface Cut {
  text: string;
  starts: number[];
  lines: number[];
  texts: string[];
  /** Cut nowhere because the text holds a definition (not merely because it has no heading to cut at). */
  whole: boolean;
}

/** The cut of a text from scratch. */
export function cutOf(text: string): Cut {
  const whole = DEFINITION.test(text);
  const { starts, lines } = whole ? { starts: [0], lines: [0] } : chunkStarts(text);
  return { text, starts, lines, texts: starts.map((s, k) => text.slice(s, starts[k + 1] ?? text.length)), whole };
}

/** The index of `value` in the sorted `list` from `lo` on, or -1. */
function indexOf(list: number[], value: number, lo: number): number {
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] === value) return mid;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The cut of `text` from the cut of an earlier text, the same as cutOf(text): the chunks before
 * the first one the edit changed and after the last are found by comparing their texts in place
 * (and keep their strings, so that lookups by chunk text compare by identity); the line scan
 * starts again at the chunk start before the change, where its state is known (nothing open,
 * after a blank line), and stops at the first start past the change that was a start before,
 * where the two scans are in the same state on the same text. A definition, which turns the
 * whole text into one chunk, can only appear on the lines around the change.
 */
export function recut(prev: Cut, text: string): Cut {
  if (prev.whole || hasFrontMatter(prev.text) || hasFrontMatter(text)) return cutOf(text);
  const n = prev.starts.length;
  const delta = text.length - prev.text.length;
  // Chunks [0, a) are unchanged in place; chunks [b, n) are unchanged shifted by delta.
  let a = 0;
  // Compared as slices: V8 compares two flat strings natively, several times faster than startsWith at a position.
  const at = (k: number, from: number) => text.slice(from, from + prev.texts[k].length) === prev.texts[k];
  while (a < n && at(a, prev.starts[a])) a++;
  if (a === n && delta === 0) return { ...prev, text };
  let b = n;
  while (b > a && prev.starts[b - 1] + delta >= prev.starts[a] && at(b - 1, prev.starts[b - 1] + delta)) b--;
  const changeEnd = b < n ? prev.starts[b] + delta : text.length; // the text from here on is the old text's from prev.starts[b]
  const changeStart = a < n ? prev.starts[a] : prev.text.length;
  const lineStart = changeStart > 0 ? text.lastIndexOf('\n', changeStart - 1) + 1 : 0;
  const lineEnd = text.indexOf('\n', changeEnd);
  if (DEFINITION.test(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd))) return cutOf(text);
  // Restart at the chunk start before the first changed chunk: its line and the blank one before
  // are unchanged, so the scan finds that start again (or it starts the text).
  const from = Math.max(0, a - 1);
  const starts = from > 0 ? prev.starts.slice(0, from) : [0];
  const lines = from > 0 ? prev.lines.slice(0, from) : [0];
  let resume = -1; // the old chunk start the scan fell in step with
  let resumeLine = 0;
  scanStarts(text, prev.starts[from], prev.lines[from], from > 0, starts, lines, (start, line) => {
    if (start < changeEnd) return false;
    resume = indexOf(prev.starts, start - delta, b);
    resumeLine = line;
    return resume >= 0;
  });
  const scanned = starts.length;
  if (resume >= 0) {
    for (let k = resume; k < n; k++) {
      starts.push(prev.starts[k] + delta);
      lines.push(prev.lines[k] + resumeLine - prev.lines[resume]);
    }
  }
  const texts = prev.texts.slice(0, from);
  for (let k = from; k < scanned; k++) texts.push(text.slice(starts[k], starts[k + 1] ?? text.length));
  if (resume >= 0) for (let k = resume; k < n; k++) texts.push(prev.texts[k]);
  return { text, starts, lines, texts, whole: false };
}

type Point = { line: number; offset?: number };

/**
 * The distinct position points of a chunk's nodes (the scanner shares one point between nodes),
 * collected once when the chunk is parsed: shifting a chunk is then a pass over this list, not a
 * walk of its tree.
 */
function pointsOf(nodes: Node[]): Point[] {
  const seen = new Set<Point>();
  const walk = (n: Node) => {
    if (n.position) {
      seen.add(n.position.start);
      seen.add(n.position.end);
    }
    const children = (n as { children?: Node[] }).children;
    if (children) for (const c of children) walk(c);
  };
  for (const n of nodes) walk(n);
  return [...seen];
}

function shift(points: Point[], dOffset: number, dLine: number): void {
  if (!dOffset && !dLine) return;
  for (const p of points) {
    p.line += dLine;
    if (p.offset !== undefined) p.offset += dOffset;
  }
}

export class IncrementalParser {
  private chunks: Chunk[] = [];
  last: UpdateStats = { chunks: 0, parsed: 0, parsedBytes: 0, shiftedChunks: 0, fallback: false, merged: 0 };

  /** The complexity guard's pass over each chunk of the last text guarded. */
  private guarded = new Map<string, Complexity>();
  /** The chunk starts of the last text cut: the guard and the parse of one version cut it once. */
  private cut: Cut | null = null;
  private lastRoot: Root | null = null;

  constructor(private readonly parseText: (text: string) => Root) {}

  /**
   * The chunks' starts and texts, recut from the last text's where an edit left them; one string
   * per chunk text, kept across versions for unchanged chunks, so that the guard's and the parse's
   * lookups by chunk text hash and compare it once.
   */
  private chunkStartsOf(text: string): Cut {
    if (this.cut?.text !== text) this.cut = this.cut ? recut(this.cut, text) : cutOf(text);
    return this.cut;
  }

  /** tooComplex(text) (parse/complexity.ts), reusing the guard's pass over the chunks of the previous call. */
  tooComplex(text: string): string | null {
    const { why, pieces } = tooComplexInPieces(text, this.chunkStartsOf(text).texts, this.guarded);
    this.guarded = pieces;
    return why;
  }

  /**
   * nodesByType(root) (parse/nodes.ts) for the root this parser returned last, from each chunk's
   * own lists: a chunk's nodes are a run of the tree's walk, so its lists end to end are the note's.
   */
  nodesByType(root: Root): Map<string, Node[]> {
    if (root !== this.lastRoot) return nodesByType(root);
    const index = new Map<string, Node[]>([['root', [root]]]);
    for (const c of this.chunks) {
      if (!c.byType) {
        c.byType = nodesByType({ type: 'root', children: c.children } as Root);
        c.byType.delete('root');
      }
      for (const [type, nodes] of c.byType) {
        const list = index.get(type);
        if (list) for (const n of nodes) list.push(n);
        else index.set(type, nodes.slice());
      }
    }
    return index;
  }

  /** Parses text, reusing the chunks of the previous call whose text did not change. */
  parse(text: string): Root {
    const stats: UpdateStats = { chunks: 0, parsed: 0, parsedBytes: 0, shiftedChunks: 0, fallback: false, merged: 0 };
    const { starts, lines, texts } = this.chunkStartsOf(text);
    stats.fallback = starts.length === 1;
    const pool = new Map<string, Chunk[]>();
    for (const c of this.chunks) {
      const list = pool.get(c.text);
      if (list) list.push(c);
      else pool.set(c.text, [c]);
    }
    const next: Chunk[] = [];
    const take = (chunkText: string, start: number, line: number, first: boolean): Chunk => {
      // Chunk 0 may hold front matter or a BOM, so it is only ever reused as chunk 0.
      const list = pool.get(chunkText);
      const reuse = list && (first ? list.find((c) => c.start === 0) : list.find((c) => c.start !== 0));
      if (reuse) {
        list!.splice(list!.indexOf(reuse), 1);
        const dOffset = start - reuse.start;
        const dLine = line - reuse.line;
        if (dOffset || dLine) {
          shift(reuse.points, dOffset, dLine);
          reuse.end = { ...reuse.end, line: reuse.end.line + dLine, offset: reuse.end.offset + dOffset };
          reuse.start = start;
          reuse.line = line;
          stats.shiftedChunks++;
        }
        return reuse;
      }
      const root = this.parseText(chunkText);
      const e = root.position!.end;
      const s0 = root.position!.start;
      const chunk: Chunk = { text: chunkText, start, line, children: root.children, points: pointsOf(root.children), end: { line: e.line + line, column: e.column, offset: (e.offset ?? 0) + start }, rootStart: { line: s0.line, column: s0.column, offset: s0.offset ?? 0 }, clean: cleanEnd(chunkText, root) };
      shift(chunk.points, start, line);
      stats.parsed++;
      stats.parsedBytes += chunkText.length;
      return chunk;
    };
    let i = 0;
    while (i < starts.length) {
      // A chunk whose isolated parse leaves a fence or an HTML block open (its last node runs
      // into the blank line before the next heading) is merged with the next one: the line
      // scanner may be wrong about such blocks, the parse is not.
      let j = i + 1;
      for (;;) {
        const chunkText = j === i + 1 ? (texts[i] as string) : text.slice(starts[i], j < starts.length ? starts[j] : text.length);
        const chunk = take(chunkText, starts[i], lines[i], i === 0);
        if (chunk.clean || j >= starts.length) {
          next.push(chunk);
          break;
        }
        stats.merged++;
        j++;
      }
      i = j;
    }
    this.chunks = next;
    stats.chunks = next.length;
    this.last = stats;
    const last = next[next.length - 1];
    this.lastRoot = {
      type: 'root',
      children: next.flatMap((c) => c.children),
      position: { start: next[0] ? { ...next[0].rootStart } : { line: 1, column: 1, offset: 0 }, end: last ? { ...last.end } : { line: 1, column: 1, offset: 0 } },
    };
    return this.lastRoot;
  }
}
