// A line scanner for the blocks notes are made of: ATX and setext headings, paragraphs, bullet
// and ordered lists with task items, block quotes, fenced and indented code, GFM tables,
// thematic breaks, HTML blocks and YAML front matter. It builds the mdast that remark builds for them,
// positions included, in one pass over the lines (each nesting level copies only its own
// lines). Anything else (definitions, raw HTML blocks, tabs in indentation, unclosed fences…) throws Decline and the note goes to remark.
import type { Root, RootContent, BlockContent, Blockquote, List, ListItem, Paragraph, Table, TableRow, TableCell, Code, Html, Heading, ThematicBreak, Yaml } from 'mdast';
import { Decline, Points } from './points';
import { inline, parseInline, type Inline } from './inline';

type Block = RootContent;

class Scanner {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly points: Points;
  /**
   * First and last line of the block marked last: every block builder marks its node last, so
   * `blocks` reads them right after it and hands them to the containers that ask (blank lines
   * between siblings).
   */
  markedFirst = 0;
  markedLast = 0;
  /** Lines taken as lazy continuation lines, and the lines paragraphs continued on. */
  readonly lazyLines = new Set<number>();
  readonly continued = new Set<number>();
  /**
   * The source offsets of the inline content being parsed (`inlineOf`, `slice`): one buffer for
   * every paragraph, heading and cell, since each is parsed before the next one's is made.
   */
  offsets: Int32Array = new Int32Array(1024);

  mark<T extends RootContent>(node: T, first: number, last: number): T {
    this.markedFirst = first;
    this.markedLast = last;
    return node;
  }

  /** Adds a block just built (and marked) to `out`, and its lines to `ranges` when asked. */
  put(out: Block[], node: Block, ranges: number[] | null): void {
    out.push(node);
    if (ranges) ranges.push(this.markedFirst, this.markedLast);
  }

  constructor(readonly text: string) {
    const starts = this.starts;
    const ends = this.ends;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        ends.push(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        starts.push(s);
        s = i + 1;
      } else if (c === 0) throw new Decline('NUL');
    }
    starts.push(s);
    ends.push(text.length);
    this.points = new Points(starts);
  }

  /** Whether the character code occurs in [from, to). */
  has(code: number, from: number, to: number): boolean {
    for (let q = from; q < to; q++) if (this.text.charCodeAt(q) === code) return true;
    return false;
  }

  /** The line break that ends line i ('' for the last line). */
  eol(i: number): string {
    return this.text.slice(this.ends[i], this.starts[i + 1] ?? this.ends[i]);
  }

  /** Spaces from offset `c` on its line; a tab declines. */
  indent(i: number, c: number): number {
    let p = c;
    const end = this.ends[i];
    while (p < end) {
      const ch = this.text.charCodeAt(p);
      if (ch === 32) p++;
      else if (ch === 9) throw new Decline('tab in indentation');
      else break;
    }
    return p - c;
  }

  blank(i: number, c: number): boolean {
    const end = this.ends[i];
    for (let p = c; p < end; p++) {
      const ch = this.text.charCodeAt(p);
      if (ch !== 32) {
        if (ch === 9) throw new Decline('tab in a blank line');
        return false;
      }
    }
    return true;
  }

  /** End of the line's content without trailing spaces (tabs decline). */
  trimEnd(i: number, from: number): number {
    let e = this.ends[i];
    while (e > from && this.text.charCodeAt(e - 1) === 32) e--;
    if (e > from && this.text.charCodeAt(e - 1) === 9) throw new Decline('trailing tab');
    return e;
  }

  /** The blocks of a container, given its lines and where each line's content starts. */
  /** The blocks of a container; after a task item's checkbox its first line is a paragraph's. */
  blocks(lines: number[], cs: number[], depth: number, task = false, ranges: number[] | null = null): Block[] {
    if (depth > 32) throw new Decline('deep nesting');
    const out: Block[] = [];
    const text = this.text;
    let k = 0;
    if (task) {
      if (lines.length > 1 && this.delimiterRow(lines[1], cs[1])) throw new Decline('table after a checkbox');
      const { node, used } = this.paragraph(lines, cs, 0, cs[0]);
      this.put(out, node, ranges);
      k = used;
    }
    while (k < lines.length) {
      const i = lines[k];
      if (this.blank(i, cs[k])) {
        k++;
        continue;
      }
      const ind = this.indent(i, cs[k]);
      if (ind >= 4) {
        const prev = out[out.length - 1]?.type;
        const { node, used } = this.indented(lines, cs, k, prev === 'list' || prev === 'blockquote');
        this.put(out, node, ranges);
        k += used;
        continue;
      }
      const p = cs[k] + ind;
      const ch = text.charCodeAt(p);
      const end = this.ends[i];
      if (ch === 62) {
        const { node, used } = this.quote(lines, cs, k, depth);
        this.put(out, node, ranges);
        k += used;
        continue;
      }
      if (ch === 35) {
        const h = this.heading(i, p);
        if (h) {
          this.put(out, h, ranges);
          k++;
          continue;
        }
      }
      const fence = this.fenceOpen(i, p);
      if (fence) {
        const { node, used } = this.code(lines, cs, k, p, ind, fence);
        this.put(out, node, ranges);
        k += used;
        continue;
      }
      if (this.thematic(i, p)) {
        this.put(out, this.mark({ type: 'thematicBreak', position: this.points.span(p, this.ends[i]) }, i, i), ranges);
        k++;
        continue;
      }
      const marker = this.listMarker(i, p);
      if (marker) {
        const { node, used } = this.list(lines, cs, k, depth);
        this.put(out, node, ranges);
        k += used;
        continue;
      }
      if (ch === 60) {
        if (text.startsWith('<!--', p)) {
          const { node, used } = this.html(lines, cs, k, p);
          this.put(out, node, ranges);
          k += used;
          continue;
        }
        if (/^<[A-Za-z/!?]/.test(text.slice(p, p + 2))) {
          const { node, used } = this.htmlBlock(lines, cs, k, p);
          this.put(out, node, ranges);
          k += used;
          continue;
        }
      }
      if (ch === 91 && this.mayDefine(p, end)) throw new Decline('definition');
      if (k + 1 < lines.length && this.delimiterRow(lines[k + 1], cs[k + 1])) {
        const { node, used } = this.table(lines, cs, k, p);
        this.put(out, node, ranges);
        k += used;
        continue;
      }
      const { node, used } = this.paragraph(lines, cs, k, p);
      this.put(out, node, ranges);
      k += used;
    }
    return out;
  }

  /**
   * Whether a paragraph starting with `[` at p may be a definition. Definitions make "[x]" a
   * link anywhere in the note, so the scanner declines every note that may hold one (a
   * definition only starts a paragraph); with none, references are text. `[label]: word more`
   * is no definition: after a destination only a title or the line's end may come.
   */
  mayDefine(p: number, end: number): boolean {
    const m = /^\[(?:[^\]\\[]|\\.)*(\]:)?/.exec(this.text.slice(p, Math.min(end, p + 1000)));
    if (!m || m[0].length >= 999) return true;
    if (!m[1]) return !this.text.slice(p, end).includes(']') && this.text.includes(']:', p);
    const rest = /^[ \t]*(\S*)([ \t]*)(.?)/.exec(this.text.slice(p + m[0].length, end))!;
    if (!rest[1] || /[()<]/.test(rest[1]) || !rest[3]) return true;
    if (!rest[2].length || (rest[3] !== '"' && rest[3] !== "'" && rest[3] !== '(')) return false;
    // A title that closes on its line must end the line.
    const after = p + m[0].length + rest[0].length;
    const close = this.text.indexOf(rest[3] === '(' ? ')' : rest[3], after);
    return close < 0 || close >= end || /^[ \t]*$/.test(this.text.slice(close + 1, end)) || this.text.slice(after, close).includes('\\');
  }

  heading(i: number, p: number): Block | null {
    const text = this.text;
    const end = this.ends[i];
    let q = p;
    while (q < end && text.charCodeAt(q) === 35) q++;
    const depth = q - p;
    if (depth > 6) return null;
    if (q < end && text.charCodeAt(q) !== 32) {
      if (text.charCodeAt(q) === 9) throw new Decline('tab after #');
      return null;
    }
    let e = this.trimEnd(i, q);
    let s = q;
    while (s < e && text.charCodeAt(s) === 32) s++;
    // A closing sequence of #s after a space is not content.
    let c = e;
    while (c > s && text.charCodeAt(c - 1) === 35) c--;
    if (c < e && (c === s || text.charCodeAt(c - 1) === 32)) {
      if (c === s) throw new Decline('heading of #s');
      e = c;
      while (e > s && text.charCodeAt(e - 1) === 32) e--;
    }
    const node = { type: 'heading', depth, children: s < e ? parseInline(this.slice(s, e), this.points) : [], position: this.points.span(p, this.ends[i]) } as Heading;
    return this.mark(node, i, i);
  }

  /** The inline content of one line's [s, e). Its offsets live in the scanner's buffer (see `offsets`). */
  slice(s: number, e: number, cell = false): Inline {
    if (e - s > this.offsets.length) this.offsets = grown(this.offsets, e - s);
    const at = this.offsets;
    for (let k = 0; k < e - s; k++) at[k] = s + k;
    return inline(this.text.slice(s, e), at, null, null, cell);
  }

  fenceOpen(i: number, p: number): { char: number; len: number; info: string } | null {
    const text = this.text;
    const ch = text.charCodeAt(p);
    if (ch !== 96 && ch !== 126) return null;
    let q = p;
    while (text.charCodeAt(q) === ch) q++;
    if (q - p < 3) return null;
    const info = text.slice(q, this.ends[i]);
    if (ch === 96 && info.includes('`')) throw new Decline('backticks in a fence info string');
    if (/[\\&\t]/.test(info)) throw new Decline('fence info with escapes, references or tabs');
    return { char: ch, len: q - p, info: info.trim() };
  }

  code(lines: number[], cs: number[], k: number, p: number, ind: number, fence: { char: number; len: number; info: string }): { node: Block; used: number } {
    const text = this.text;
    const values: string[] = [];
    let j = k + 1;
    let closed = false;
    for (; j < lines.length; j++) {
      const i = lines[j];
      const c = cs[j];
      const lead = ind > 0 || this.text.charCodeAt(c) === 32 ? this.indent(i, c) : 0;
      const q = c + lead;
      if (lead < 4 && text.charCodeAt(q) === fence.char) {
        let r = q;
        while (text.charCodeAt(r) === fence.char) r++;
        if (r - q >= fence.len && this.blank(i, r)) {
          closed = true;
          break;
        }
      }
      values.push(text.slice(c + Math.min(lead, ind), this.ends[i]), this.eol(i));
    }
    if (!closed) throw new Decline('unclosed fence');
    const last = lines[j];
    const [lang, ...rest] = fence.info ? fence.info.split(/ +/) : [];
    const meta = fence.info ? fence.info.slice(lang.length).trim() : '';
    const node = {
      type: 'code',
      lang: lang || null,
      meta: meta || null,
      value: values.slice(0, -1).join(''),
      position: this.points.span(p, this.ends[last]),
    } as Code;
    this.mark(node, lines[k], last);
    void rest;
    return { node, used: j - k + 1 };
  }

  thematic(i: number, p: number): boolean {
    const text = this.text;
    const ch = text.charCodeAt(p);
    if (ch !== 42 && ch !== 45 && ch !== 95) return false;
    let n = 0;
    for (let q = p; q < this.ends[i]; q++) {
      const c = text.charCodeAt(q);
      if (c === ch) n++;
      else if (c === 9) throw new Decline('tab in a thematic break');
      else if (c !== 32) return false;
    }
    return n >= 3;
  }

  /** A list item marker at p: its kind, width and the spaces after it; null if none. */
  listMarker(i: number, p: number): { bullet: number; ordered: boolean; start: number; width: number; spaces: number } | null {
    const text = this.text;
    const end = this.ends[i];
    const ch = text.charCodeAt(p);
    let q = p;
    let ordered = false;
    let start = 0;
    if (ch === 45 || ch === 42 || ch === 43) q = p + 1;
    else if (ch >= 48 && ch <= 57) {
      while (q < end && q - p < 10 && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
      if (q - p > 9) return null;
      const d = text.charCodeAt(q);
      if (d !== 46 && d !== 41) return null;
      start = Number.parseInt(text.slice(p, q), 10);
      ordered = true;
      q++;
    } else return null;
    if (q >= end) throw new Decline('empty list item');
    const after = text.charCodeAt(q);
    if (after === 9) throw new Decline('tab after a list marker');
    if (after !== 32) return null;
    let r = q;
    while (r < end && text.charCodeAt(r) === 32) r++;
    if (r >= end) throw new Decline('empty list item');
    if (text.charCodeAt(r) === 9) throw new Decline('tab after a list marker');
    if (r - q > 4) throw new Decline('indented code in a list item');
    return { bullet: ordered ? text.charCodeAt(q - 1) : ch, ordered, start, width: q - p, spaces: r - q };
  }

  list(lines: number[], cs: number[], k0: number, depth: number): { node: Block; used: number } {
    const text = this.text;
    const items: ListItem[] = [];
    let spread = false;
    let k = k0;
    let first: ReturnType<Scanner['listMarker']> = null;
    let lastOfList = lines[k0];
    let lastUsed = k0;
    for (;;) {
      const i = lines[k];
      const ind = this.indent(i, cs[k]);
      const p = cs[k] + ind;
      const m = this.listMarker(i, p)!;
      first ??= m;
      const w = ind + m.width + m.spaces;
      // The item's lines: blank, indented at least w, or lazy.
      const own: number[] = [i];
      const ocs: number[] = [p + m.width + m.spaces];
      let j = k + 1;
      for (; j < lines.length; j++) {
        const li = lines[j];
        if (this.blank(li, cs[j])) {
          own.push(li);
          ocs.push(Math.min(cs[j] + w, this.ends[li]));
          continue;
        }
        const lind = this.indent(li, cs[j]);
        if (lind < w) {
          if (!this.lazy(own, ocs, li, cs[j] + lind, lind)) break;
          own.push(li);
          ocs.push(cs[j]);
          continue;
        }
        own.push(li);
        ocs.push(cs[j] + w);
      }
      // Trailing blank lines are not the item's.
      let n = own.length;
      while (n > 1 && this.blank(own[n - 1], ocs[n - 1])) n--;
      const lastLine = own[n - 1];
      own.length = n;
      ocs.length = n;
      let checked: boolean | null = null;
      const c0 = ocs[0];
      // An ordered marker other than 1 right after this one is a list for micromark only when
      // the item does not interrupt a paragraph (its interrupt flag holds for the whole line).
      const inner = this.listMarker(i, c0);
      if (inner?.ordered && inner.start !== 1) throw new Decline('ordered list not starting at 1 on the line of another item');
      const box = text.charCodeAt(c0) === 91 && TASK_BOX.test(text.slice(c0, c0 + 3));
      if (box && TASK.test(text.slice(c0, c0 + 5))) {
        checked = text.charCodeAt(c0 + 1) !== 32;
        ocs[0] = c0 + 4;
      } else if (box) {
        const after = text.charCodeAt(c0 + 3);
        if (after === 32 || after === 9 || c0 + 3 >= this.ends[i]) throw new Decline('task item of an unusual shape');
      }
      const ranges: number[] = [];
      const children = this.blocks(own, ocs, depth + 1, checked !== null, ranges);
      if (checked !== null && children[0]?.type !== 'paragraph') throw new Decline('task item without a paragraph');
      // mdast moves the paragraph past the checkbox only when text follows it; before other
      // markup the paragraph starts at the checkbox.
      if (checked !== null && (children[0] as Paragraph).children[0]?.type !== 'text') children[0].position!.start = this.points.point(c0);
      let itemSpread = false;
      for (let c = 1; c < children.length; c++) {
        if (ranges[2 * c] > ranges[2 * c - 1] + 1) itemSpread = true;
      }
      const item = { type: 'listItem', spread: itemSpread, checked, children: children as BlockContent[], position: this.points.span(p, this.ends[lastLine]) } as ListItem;
      items.push(item);
      lastOfList = lastLine;
      lastUsed = k + n - 1;
      // Skip blank lines to the next line of this container.
      let next = k + n;
      while (next < lines.length && this.blank(lines[next], cs[next])) next++;
      if (next >= lines.length) break;
      const ni = lines[next];
      const nind = this.indent(ni, cs[next]);
      const np = cs[next] + nind;
      if (nind >= 4 || this.thematic(ni, np)) break;
      const nm = this.listMarker(ni, np);
      if (!nm || nm.ordered !== first.ordered || nm.bullet !== first.bullet) break;
      if (next > k + n) spread = true;
      k = next;
    }
    const last = items[items.length - 1];
    const node = {
      type: 'list',
      ordered: first!.ordered,
      start: first!.ordered ? first!.start : null,
      spread,
      children: items,
      position: { start: items[0].position!.start, end: last.position!.end },
    } as List;
    this.mark(node, lines[k0], lastOfList);
    return { node, used: lastUsed - k0 + 1 };
  }

  /**
   * Whether line i, which its container's marker or indentation does not hold, may continue a
   * paragraph of the container lazily: the line before is not blank and line i starts no block.
   * The paragraph must then take it (`verifyLazy`), or the scanner declines.
   */
  lazy(own: number[], ocs: number[], i: number, p: number, ind: number): boolean {
    const n = own.length;
    if (!n || this.blank(own[n - 1], ocs[n - 1])) return false;
    // Indented four or more, the line starts no block (indented code interrupts no paragraph).
    if (ind < 4 && (this.listMarker(i, p) || this.interrupts(i, p))) return false;
    if (ind < 4 && this.text.charCodeAt(p) === 60) throw new Decline('lazy line that may be HTML');
    this.lazyLines.add(i);
    return true;
  }

  /**
   * A block quote: its lines are those that start with `>` (one space after it belongs to the
   * marker), up to a line without one. A line after a paragraph that would continue it lazily
   * declines.
   */
  quote(lines: number[], cs: number[], k: number, depth: number): { node: Block; used: number } {
    const text = this.text;
    const own: number[] = [];
    const ocs: number[] = [];
    let j = k;
    for (; j < lines.length; j++) {
      const i = lines[j];
      if (this.blank(i, cs[j])) break;
      const ind = this.indent(i, cs[j]);
      const q = cs[j] + ind;
      if (ind >= 4 || text.charCodeAt(q) !== 62) {
        if (!this.lazy(own, ocs, i, q, ind)) break;
        own.push(i);
        ocs.push(cs[j]);
        continue;
      }
      const after = text.charCodeAt(q + 1);
      if (after === 9) throw new Decline('tab after a block quote marker');
      own.push(i);
      ocs.push(after === 32 ? q + 2 : q + 1);
    }
    const ranges: number[] = [];
    const children = this.blocks(own, ocs, depth + 1, false, ranges);
    const last = own[own.length - 1];
    this.stretchContainers(children, ranges, own, ocs);
    const p = cs[k] + this.indent(lines[k], cs[k]);
    const node = { type: 'blockquote', children: children as BlockContent[], position: this.points.span(p, this.ends[last]) } as Blockquote;
    this.mark(node, lines[k], last);
    return { node, used: j - k };
  }

  /**
   * micromark ends a list in a block quote after the quote's blank lines that follow it, and a
   * block quote in one too when they end the document (a list at the top level or in an item
   * ends with its last item).
   */
  stretchContainers(children: RootContent[], ranges: number[], own: number[], ocs: number[]): void {
    let j = 0;
    for (let c = 0; c < children.length; c++) {
      const child = children[c];
      if (child.type !== 'list' && child.type !== 'blockquote') continue;
      const lastLine = ranges[2 * c + 1];
      while (own[j] <= lastLine) j++;
      let b = j;
      while (b < own.length && this.blank(own[b], ocs[b])) b++;
      if (b === j) {
        if (j < own.length) throw new Decline('block right after a container in a block quote');
        continue;
      }
      for (let q = j; q < b; q++) if (ocs[q] !== this.ends[own[q]]) throw new Decline('blank line with spaces after a list in a block quote');
      const inner = child.type === 'list' ? child.children[child.children.length - 1].children : child.children;
      const lastType = inner[inner.length - 1]?.type;
      if (lastType === 'list' || lastType === 'blockquote') throw new Decline('nested containers before blank lines in a block quote');
      // A block quote stretches so only when those blank lines end the document.
      if (child.type === 'blockquote' && !(b === own.length && own[b - 1] === this.starts.length - 1)) continue;
      child.position!.end = this.points.point(this.ends[own[b - 1]]);
    }
  }

  /** Whether a line starts a block that ends a paragraph before it. */
  interrupts(i: number, p: number): boolean {
    const text = this.text;
    const ch = text.charCodeAt(p);
    if (ch === 35 && this.heading(i, p)) return true;
    if (this.fenceOpen(i, p) || this.thematic(i, p)) return true;
    if (ch === 60 && text.startsWith('<!--', p)) return true;
    if (ch === 62) return true;
    const m = this.listMarker(i, p);
    if (m) {
      if (!m.ordered || m.start === 1) return true;
      throw new Decline('ordered list marker inside a paragraph');
    }
    return false;
  }

  html(lines: number[], cs: number[], k: number, p: number): { node: Block; used: number } {
    const text = this.text;
    if (text.startsWith('<!-->', p) || text.startsWith('<!--->', p)) throw new Decline('empty HTML comment');
    const parts: string[] = [];
    let j = k;
    for (; j < lines.length; j++) {
      const i = lines[j];
      const from = cs[j];
      if (j > k && this.blank(i, cs[j])) throw new Decline('blank line in an HTML comment');
      parts.push(text.slice(from, this.ends[i]), this.eol(i));
      if (text.slice(j === k ? p + 4 : from, this.ends[i]).includes('-->')) break;
    }
    if (j >= lines.length) throw new Decline('unclosed HTML comment');
    const last = lines[j];
    const node = { type: 'html', value: parts.slice(0, -1).join(''), position: this.points.span(cs[k], this.ends[last]) } as Html;
    this.mark(node, lines[k], last);
    return { node, used: j - k + 1 };
  }

  /** Indented code: lines indented four spaces or more, and blank lines between them. */
  indented(lines: number[], cs: number[], k: number, afterContainer: boolean): { node: Block; used: number } {
    const text = this.text;
    let j = k;
    let last = k;
    for (; j < lines.length; j++) {
      const i = lines[j];
      if (this.blank(i, cs[j])) {
        // micromark counts spaces on blank lines around the code into it, in ways of its own.
        if (this.ends[i] > cs[j]) throw new Decline('blank line with spaces by indented code');
        continue;
      }
      const ind = this.indent(i, cs[j]);
      if (ind < 4) {
        // micromark reads an ordered item right after the code as a paragraph interrupting it.
        const m = j === last + 1 ? this.listMarker(i, cs[j] + ind) : null;
        if (m?.ordered && m.start !== 1) throw new Decline('ordered list right after indented code');
        break;
      }
      last = j;
    }
    // After a block with no blank line between, micromark may split the code at each line.
    if (last > k && ((k > 0 && !this.blank(lines[k - 1], cs[k - 1])) || afterContainer)) throw new Decline('indented code right after a block');
    const parts: string[] = [];
    for (let q = k; q <= last; q++) {
      const i = lines[q];
      parts.push(text.slice(Math.min(cs[q] + 4, this.ends[i]), this.ends[i]));
      if (q < last) parts.push(this.eol(i));
    }
    const node = { type: 'code', lang: null, meta: null, value: parts.join(''), position: this.points.span(cs[k], this.ends[lines[last]]) } as Code;
    this.mark(node, lines[k], lines[last]);
    return { node, used: last - k + 1 };
  }

  /**
   * An HTML block that a blank line ends: one that starts with a block-level tag name, or a
   * line holding one whole tag. Raw text, comment-like and processing blocks decline.
   */
  htmlBlock(lines: number[], cs: number[], k: number, p: number): { node: Block; used: number } {
    const text = this.text;
    const first = text.slice(p, this.ends[lines[k]]);
    const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?=[ \t>]|\/>|$)/.exec(first);
    const block = name && BLOCK_TAGS.has(name[1].toLowerCase());
    if (!block) {
      if (!name || /^(?:script|pre|style|textarea)$/i.test(name[1]) || !WHOLE_TAG.test(first)) throw new Decline('HTML block');
    }
    const parts: string[] = [];
    let j = k;
    for (; j < lines.length; j++) {
      const i = lines[j];
      if (this.blank(i, cs[j])) break;
      if (j > k && this.lazyLines.has(i)) throw new Decline('lazy line in an HTML block');
      parts.push(text.slice(cs[j], this.ends[i]), this.eol(i));
    }
    // The block holds its indentation.
    const last = lines[j - 1];
    const node = { type: 'html', value: parts.slice(0, -1).join(''), position: this.points.span(cs[k], this.ends[last]) } as Html;
    this.mark(node, lines[k], last);
    return { node, used: j - k };
  }

  paragraph(lines: number[], cs: number[], k: number, p: number): { node: Block; used: number } {
    const text = this.text;
    let j = k + 1;
    let setext = 0;
    for (; j < lines.length; j++) {
      const i = lines[j];
      if (this.blank(i, cs[j])) break;
      const ind = this.indent(i, cs[j]);
      const q = cs[j] + ind;
      if (ind < 4) {
        const ch = text.charCodeAt(q);
        if ((ch === 61 || ch === 45) && /^(?:=+|-+) *$/.test(text.slice(q, this.ends[i]))) {
          if (this.lazyLines.has(i)) throw new Decline('setext underline on a lazy line');
          setext = ch === 61 ? 1 : 2;
          break;
        }
        if (ch === 62) break;
        if (ch === 60 && /^<[A-Za-z/!?]/.test(text.slice(q, q + 2)) && !text.startsWith('<!--', q)) {
          // Only a line holding a whole tag of another name continues the paragraph.
          const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(text.slice(q, q + 40));
          if (!name || BLOCK_TAGS.has(name[1].toLowerCase()) || /^(?:script|pre|style|textarea)$/i.test(name[1])) throw new Decline('HTML after a paragraph');
        }
        if (this.interrupts(i, q)) break;
        if (this.delimiterRow(i, cs[j])) throw new Decline('table after a paragraph line');
      }
    }
    const used = j - k;
    let lazy = false;
    for (let q = k + 1; q < j; q++) {
      this.continued.add(lines[q]);
      // After a lazy line, micromark ends text at the next block quote prefix.
      if (lazy && this.has(62, this.starts[lines[q]], cs[q])) throw new Decline('block quote line after a lazy line');
      if (this.lazyLines.has(lines[q])) lazy = true;
    }
    const src = this.inlineOf(lines, cs, k, p, used);
    if (setext) {
      const under = lines[j];
      const node = { type: 'heading', depth: setext, children: parseInline(src, this.points), position: this.points.span(p, this.ends[under]) } as Heading;
      this.mark(node, lines[k], under);
      return { node, used: used + 1 };
    }
    const lastLine = lines[k + used - 1];
    const node = { type: 'paragraph', children: parseInline(src, this.points), position: this.points.span(p, this.ends[lastLine]) } as Paragraph;
    this.mark(node, lines[k], lastLine);
    return { node, used };
  }

  /** The inline content of paragraph lines: leading and trailing spaces off, line endings kept. */
  inlineOf(lines: number[], cs: number[], k: number, p: number, used: number): Inline {
    const text = this.text;
    let v = '';
    let at = this.offsets;
    let n = 0;
    let breaks: Map<number, number> | null = null;
    let trimmed: number[] | null = null;
    for (let j = 0; j < used; j++) {
      const i = lines[k + j];
      const s = j === 0 ? p : cs[k + j] + this.indent(i, cs[k + j]);
      const e = this.trimEnd(i, s);

      // Text drops the spaces around a line ending, a code span keeps them: note where.
      if (j > 0 && s > cs[k + j] && (trimmed === null || trimmed[trimmed.length - 1] !== v.length - 1)) (trimmed ??= []).push(v.length - 1);
      if (j < used - 1 && this.ends[i] > e) (trimmed ??= []).push(v.length + e - s);
      if (n + (e - s) + 2 > at.length) at = this.offsets = grown(at, n + (e - s) + 2);
      for (let q = s; q < e; q++) at[n++] = q;
      v += text.slice(s, e);
      if (j < used - 1 && this.ends[i] - e >= 2) {
        // Two or more spaces before the line ending: a hard break, up to the next line's start.
        (breaks ??= new Map()).set(v.length, this.starts[lines[k + j + 1]]);
        at[n++] = e;
        v += '\n';
      } else if (j < used - 1) {
        const eol = this.ends[i];
        const width = text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? 2 : 1;
        for (let q = 0; q < width; q++) at[n++] = eol + q;
        v += text.slice(eol, eol + width);
      }
    }
    return inline(v, at, breaks, trimmed);
  }

  delimiterRow(i: number, c: number): boolean {
    const line = this.text.slice(c, this.ends[i]);
    if (!line.includes('-') || !/^ {0,3}[|:-][ |:-]*$/.test(line)) return false;
    if (!line.includes('|')) return false;
    return /^ {0,3}\|? *:?-+:? *(?:\| *:?-+:? *)*\|? *$/.test(line);
  }

  /** Cells of a row: [start, end, content start, content end]; a cell runs from the pipe before it. */
  cells(i: number, s: number): Array<[number, number, number, number]> {
    const text = this.text;
    const e = this.trimEnd(i, s);
    const out: Array<[number, number, number, number]> = [];
    let from = s;
    if (text.charCodeAt(from) === 124) from++;
    let to = e;
    if (to > from && text.charCodeAt(to - 1) === 124) to--;
    let a = from;
    let cellStart = s;
    for (let q = from; q <= to; q++) {
      // A backslash takes the pipe or backslash after it into the cell.
      if (q < to && text.charCodeAt(q) === 92) {
        const n = text.charCodeAt(q + 1);
        if (n === 124 || n === 92) q++;
        continue;
      }
      if (q === to || text.charCodeAt(q) === 124) {
        out.push([cellStart, q === to ? this.ends[i] : q, a, q]);
        cellStart = q;
        a = q + 1;
      }
    }
    if (!out.length) throw new Decline('empty table row');
    return out;
  }

  table(lines: number[], cs: number[], k: number, p: number): { node: Block; used: number } {
    const text = this.text;
    const head = this.cells(lines[k], p);
    const di = lines[k + 1];
    const dind = this.indent(di, cs[k + 1]);
    const delim = this.cells(di, cs[k + 1] + dind);
    if (delim.length !== head.length) throw new Decline('table header and delimiter row differ');
    const align = delim.map(([, , a, b]) => {
      const d = text.slice(a, b).trim();
      const l = d.startsWith(':');
      const r = d.endsWith(':');
      return l && r ? 'center' : l ? 'left' : r ? 'right' : null;
    });
    const rows: TableRow[] = [this.row(lines[k], p, head)];
    let j = k + 2;
    for (; j < lines.length; j++) {
      const i = lines[j];
      if (this.blank(i, cs[j])) break;
      const ind = this.indent(i, cs[j]);
      const q = cs[j] + ind;
      if (ind >= 4 || this.interrupts(i, q) || text.charCodeAt(q) === 62 || text.charCodeAt(q) === 60) throw new Decline('block after a table');
      const cells = this.cells(i, q);
      if (cells.length > head.length) throw new Decline('table row with extra cells');
      rows.push(this.row(i, q, cells));
    }
    const lastLine = lines[j - 1];
    const node = { type: 'table', align, children: rows, position: this.points.span(p, this.ends[lastLine]) } as Table;
    this.mark(node, lines[k], lastLine);
    return { node, used: j - k };
  }

  row(i: number, s: number, cells: Array<[number, number, number, number]>): TableRow {
    const text = this.text;
    const e = this.ends[i];
    const children: TableCell[] = cells.map(([a, b, c, d]) => {
      let x = c;
      let y = d;
      while (x < y && text.charCodeAt(x) === 32) x++;
      while (y > x && text.charCodeAt(y - 1) === 32) y--;
      return { type: 'tableCell', children: x < y ? parseInline(this.slice(x, y, true), this.points) : [], position: this.points.span(a, b) };
    });
    return { type: 'tableRow', children, position: this.points.span(s, e) };
  }
}


/** A task item's checkbox, and the checkbox followed by a space and text. */
const TASK_BOX = /^\[[ xX]\]/;
const TASK = /^\[[ xX]\] [^ \t]/;

/** A copy of `buffer` with room for at least `size` entries. */
function grown(buffer: Int32Array, size: number): Int32Array {
  const next = new Int32Array(Math.max(size, buffer.length * 2));
  next.set(buffer);
  return next;
}

// CommonMark's block-level tag names (HTML blocks of kind 6).
const BLOCK_TAGS = new Set('address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul'.split(' '));
const ATTRIBUTE = `(?:[ \\t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \\t]*=[ \\t]*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)`;
// A line holding one whole open or closing tag (HTML blocks of kind 7).
const WHOLE_TAG = new RegExp(`^(?:<[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*[ \\t]*/?>|</[A-Za-z][A-Za-z0-9-]*[ \\t]*>)[ \\t]*$`);

/** The mdast of text when the scanner handles all of it exactly, else null. */
export function fastParse(text: string): Root | null {
  try {
    return scan(text);
  } catch (error) {
    if (error instanceof Decline) return null;
    throw error;
  }
}

/** Why the scanner declines text (for tests and the bench), or null when it takes it. */
export function declineReason(text: string): string | null {
  try {
    scan(text);
    return null;
  } catch (error) {
    if (error instanceof Decline) return error.message;
    throw error;
  }
}

function scan(text: string): Root {
  const s = new Scanner(text);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // remark's path drops every leading BOM (micromark would drop a second one too).
  if (bom && text.charCodeAt(1) === 0xfeff) throw new Decline('a second leading BOM');
  const lines: number[] = [];
  const cs: number[] = [];
  const children: RootContent[] = [];
  let from = 0;
  if (text.startsWith('---', bom) && s.ends[0] === bom + 3) {
    let close = 1;
    while (close < s.starts.length && text.slice(s.starts[close], s.ends[close]) !== '---') close++;
    if (close >= s.starts.length) throw new Decline('unclosed front matter');
    const value = close > 1 ? text.slice(s.starts[1], s.ends[close - 1]).replace(/\r\n?/g, '\n') : '';
    if (/\r/.test(text.slice(s.starts[0], s.ends[close]))) throw new Decline('front matter with CR line endings');
    children.push({ type: 'yaml', value, position: s.points.span(bom, s.ends[close]) } as Yaml);
    from = close + 1;
  }
  for (let i = from; i < s.starts.length; i++) {
    lines.push(i);
    cs.push(i === 0 ? bom : s.starts[i]);
  }
  for (const b of s.blocks(lines, cs, 0)) children.push(b);
  for (const i of s.lazyLines) if (!s.continued.has(i)) throw new Decline('lazy line that continues no paragraph');
  return { type: 'root', children, position: { start: s.points.point(bom), end: s.points.point(text.length) } };
}

export type { Heading, ThematicBreak };
