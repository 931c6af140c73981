// Positions as mdast gives them: 1-based line and column (UTF-16 units) and a 0-based offset,
// from a table of line starts (LF, CRLF and lone CR end lines, as micromark counts them).
import type { Position } from 'unist';

/** The fast front end does not handle the note exactly; remark parses it. */
export class Decline extends Error {}

export class Points {
  constructor(readonly starts: number[]) {}

  point(offset: number): { line: number; column: number; offset: number } {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - s[lo] + 1, offset };
  }

  span(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }
}
