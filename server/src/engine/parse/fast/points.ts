// Positions as mdast gives them: 1-based line and column (UTF-16 units) and a 0-based offset,
// from a table of line starts (LF, CRLF and lone CR end lines, as micromark counts them).
import type { Position } from 'unist';

/** The fast front end does not handle the note exactly; remark parses it. */
export class Decline extends Error {}

export class Points {
  /** The line of the last point: the next one is mostly on it or the line after. */
  private last = 0;

  constructor(readonly starts: number[]) {}

  point(offset: number): { line: number; column: number; offset: number } {
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
    return { line: lo + 1, column: offset - s[lo] + 1, offset };
  }

  span(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }
}
