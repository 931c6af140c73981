// Positions as mdast gives them: 1-based line and column (UTF-16 units) and a 0-based offset,
// from a table of line starts (LF, CRLF and lone CR end lines, as micromark counts them).
import type { Position } from 'unist';

/** The fast front end does not handle the note exactly; remark parses it. */
export class Decline extends Error {}

type Point = { line: number; column: number; offset: number };

/** Points kept for reuse, by offset modulo this size (a power of two). */
const RECENT = 64;

export class Points {
  /** The line of the last point: the next one is mostly on it or the line after. */
  private last = 0;
  /**
   * Recent points by offset: where one node ends the next mostly starts, and a block starts
   * where its first text does, so nodes share the point object (a tree of a million nodes
   * otherwise allocates, and collects, two points each). Nothing changes a point in place but
   * the incremental parser's shift, which moves each object once.
   */
  private readonly recent: Array<Point | undefined> = new Array(RECENT);

  constructor(readonly starts: number[]) {}

  point(offset: number): Point {
    const slot = offset & (RECENT - 1);
    const known = this.recent[slot];
    if (known !== undefined && known.offset === offset) return known;
    const s = this.starts;
    let lo = this.last;
    if (s[lo] <= offset && !(s[lo + 1] <= offset)) {
      // On the last point's line.
    } else if (s[lo + 1] <= offset && !(s[lo + 2] <= offset)) lo++;
    else {
      lo = 0;
      let hi = s.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (s[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
    }
    this.last = lo;
    return (this.recent[slot] = { line: lo + 1, column: offset - s[lo] + 1, offset });
  }

  span(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }
}
