// Notes the Markdown parser cannot take in reasonable time, or at all. micromark resolves
// emphasis, links and inline HTML per run of inline content with work that grows with the square
// of the delimiters in the run (80 KB of `*a_ ` costs minutes; `[ (](` and unclosed `<!--` behave
// alike), and remark-gfm's transforms recurse once per nesting level (a few thousand nested block
// quotes or emphasis overflow the stack), and the parse and the model built on it cost tens of
// microseconds per block node whatever its size (160 KB of `- [ ] x` lines, a 600 KB two-column
// table, 1.6 MB of fence lines or 100,000 headings took 10 to 45 s and 2.5 GB). One linear pass
// over the lines estimates all three; a note over a limit is not parsed, and only the rules that
// read the text itself run on it.

/** Container nesting (block quotes and lists) deeper than this is not parsed. */
export const MAX_NESTING = 100;
/** Delimiters (`* _ [ ] ( ) < >`) in one run of inline content. */
export const MAX_RUN_DELIMITERS = 2000;
/** Sum over the runs of delimiters squared: the parser's quadratic work, bounded for the whole note. */
export const MAX_DELIMITER_COST = 10_000_000;

/**
 * Blocks the parser builds nodes for (list items, headings, fenced code blocks, table cells,
 * paragraphs), allowed per million characters beyond the first MIN_BLOCKS. Notes in the shape of
 * real ones have about 16,000 per MB, the densest real note 46,000 per MB in 1,700 blocks; the
 * shapes above have 125,000 to 300,000.
 */
export const MAX_BLOCKS_PER_MB = 50_000;
/** Blocks any note may have, however short (a few tenths of a second of parsing). */
export const MIN_BLOCKS = 5_000;

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const FENCE = /^(`{3,}|~{3,})/;

/** Why the note is too complex to parse, or null. */
export function tooComplex(text: string): string | null {
  return measure(text, maxBlocksFor(text.length), MAX_DELIMITER_COST).why;
}

const maxBlocksFor = (length: number): number => MIN_BLOCKS + Math.floor((MAX_BLOCKS_PER_MB * length) / 1e6);

/** What the guard counts in a piece of a note: the limits that hold for any piece, and the sums that hold for the note. */
export interface Complexity {
  /** Nesting or one paragraph's delimiters over the limit (or, with limits given, blocks or delimiter cost over them). */
  why: string | null;
  blocks: number;
  cost: number;
  /** The piece ends inside a fenced code block. */
  fenced: boolean;
}

/**
 * The guard's pass over `text` with the given limits on the note-wide sums (blocks, delimiter
 * cost): stops at the first limit passed, as `why`.
 */
export function measure(text: string, maxBlocks: number, maxCost: number): Complexity {
  let run = 0;
  let cost = 0;
  let fence: string | null = null;
  let blocks = 0;
  let blank = true;
  const stop = (why: string): Complexity => ({ why, blocks, cost, fenced: fence !== null });
  const endRun = (): string | null => {
    if (run > MAX_RUN_DELIMITERS) return `a paragraph holds ${run} emphasis, link or HTML delimiters (more than ${MAX_RUN_DELIMITERS})`;
    cost += run * run;
    run = 0;
    return cost > maxCost ? 'too many emphasis, link and HTML delimiters in its paragraphs' : null;
  };
  let start = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const line = text.slice(start, end);
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);

    // Container markers at the start of the line: `>`, list markers, and indentation.
    let i = 0;
    let quotes = 0;
    let items = 0;
    let spaces = 0;
    for (;;) {
      while (i < line.length && (line[i] === ' ' || line[i] === '\t')) {
        spaces += line[i] === '\t' ? 4 : 1;
        i++;
      }
      if (line[i] === '>') {
        quotes++;
        i++;
        continue;
      }
      const marker = i < line.length ? LIST_MARKER.exec(line.slice(i, i + 16)) : null;
      if (marker) {
        items++;
        i += marker[0].length;
        continue;
      }
      break;
    }
    // Nested lists indent by two or more columns a level.
    if (quotes + items > MAX_NESTING || quotes + items + Math.floor(spaces / 2) > MAX_NESTING * 2) return stop(`block quotes or lists nested more than ${MAX_NESTING} deep`);

    const rest = line.slice(i);
    const fenced = FENCE.exec(rest);
    if (fence !== null) {
      if (fenced && fenced[1][0] === fence[0] && fenced[1].length >= fence.length && !rest.slice(fenced[1].length).trim()) fence = null;
      continue;
    }
    // Each list marker is an item, a heading or a fence one block, a line after a blank line
    // starts a paragraph (or another block), and every `|` may delimit a table cell.
    const empty = !rest.trim();
    blocks += items + (rest[0] === '#' || fenced || (blank && !empty) ? 1 : 0);
    for (let k = rest.indexOf('|'); k >= 0; k = rest.indexOf('|', k + 1)) blocks++;
    blank = empty;
    if (blocks > maxBlocks) return stop(`more than ${maxBlocks} blocks (list items, headings, table cells, code blocks or paragraphs; ${MAX_BLOCKS_PER_MB} per MB)`);
    if (fenced) {
      fence = fenced[1];
      const why = endRun();
      if (why) return stop(why);
      continue;
    }
    // A blank line, a heading, a table row or a list item starts a new run of inline content.
    if (empty || rest[0] === '#' || rest[0] === '|' || items > 0) {
      const why = endRun();
      if (why) return stop(why);
    }
    for (let k = 0; k < rest.length; k++) {
      const c = rest.charCodeAt(k);
      // * _ [ ] ( ) < >
      if (c === 42 || c === 95 || c === 91 || c === 93 || c === 40 || c === 41 || c === 60 || c === 62) run++;
    }
    if (run > MAX_RUN_DELIMITERS) return stop(endRun() as string);
    if (end >= text.length) break;
  }
  const why = endRun();
  return why ? stop(why) : { why: null, blocks, cost, fenced: fence !== null };
}

/**
 * tooComplex(text) for a text cut into pieces (`texts`, end to end) at lines where the guard's pass holds no state (after
 * a blank line, outside fenced code: the incremental parser's chunks), each piece's pass kept by
 * its text in `memo`. Exact: each piece's pass starts as the whole pass would there, so the note is
 * over a limit only if a piece is over the limits any piece has, or the sums are over the note's,
 * and then the whole pass says which limit; a piece that ends inside a fence (the parser's line
 * scan and this pass disagree on fences) also sends the text to the whole pass. `pieces`: this
 * call's passes, for the next call as `previous`.
 */
export function tooComplexInPieces(text: string, texts: readonly string[], previous: ReadonlyMap<string, Complexity>): { why: string | null; pieces: Map<string, Complexity> } {
  const pieces = new Map<string, Complexity>();
  if (texts.length < 2) return { why: tooComplex(text), pieces };
  let blocks = 0;
  let cost = 0;
  for (let k = 0; k < texts.length; k++) {
    const piece = texts[k] as string;
    const c = previous.get(piece) ?? pieces.get(piece) ?? measure(piece, Infinity, Infinity);
    pieces.set(piece, c);
    if (c.why || (c.fenced && k < texts.length - 1)) return { why: tooComplex(text), pieces };
    blocks += c.blocks;
    cost += c.cost;
  }
  return { why: blocks > maxBlocksFor(text.length) || cost > MAX_DELIMITER_COST ? tooComplex(text) : null, pieces };
}
