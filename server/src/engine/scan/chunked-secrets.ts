// The secret scan of a note piece by piece, each piece's hits kept by its text, so that a
// keystroke rescans the piece it changed, not the whole note. The result is findSecrets(text)
// exactly (test/engine/scan/chunked-scan.test.ts checks it against the whole-text scan).
//
// Pieces are cut at the start of a line that follows one or more blank lines (spaces and tabs
// only), whatever the Markdown around them: the detectors read text, not Markdown. Why such a cut
// is exact, detector by detector (the same holds in the reader's view, which decodes nothing
// across a line break, so the view of the text is the views of its pieces end to end):
//   - token shapes (secretlint's, vendor.ts, shapes.ts' prefixed tokens), URL credentials, `curl -u`,
//     `key = value` and `Bearer` values: no match holds a line break, or (a curl command's
//     backslash-continued lines, a quoted value) none runs past a blank line;
//   - split tokens (split.ts): the continuation must be on the next line, which a blank line is not;
//   - secretlint's `_authToken=` takes the line break after `=` and the rest of the next line only;
//   - two shapes run whitespace, quotes and line breaks around their operator: secretlint's AWS secret
//     access key (`\s*` on both sides of `=`, `:`, `=>`) and shapes.ts' keyword assignments (three
//     such characters before the operator, five after). So a cut is made only where the next line
//     does not open with an operator once those characters are skipped, and the last line before
//     the blank lines does not end with one (or with an escape, entity or `%XX` that reads as one);
//   - private key blocks (secretlint's, and pem.ts' header, armor headers and blank lines before the
//     body) run across blank lines: any piece holding `PRIVATE KEY`, as written or as read, sends
//     the whole text to findSecrets. Both rules need those words, which no cut can split.
// No match crosses a cut and each piece keeps its matches' order, so merging overlapping hits per
// piece equals merging them over the whole text.
// For the same reason a text mostly not seen before is scanned whole (cheaper than piece by
// piece: each piece's scan has a fixed cost) and its hits are split among its pieces.
import { LRUCache } from 'lru-cache';
import { INVISIBLE, type ReaderView } from './reader-view';
import { announceScan, scanText, scanWithView } from './secrets';
import type { SecretHit } from './types';

interface Piece {
  hits: readonly SecretHit[];
  /** Holds `PRIVATE KEY`, as written or in the reader's view. */
  privateKey: boolean;
}

/** Hits by piece text, bounded by the characters kept: a note at the lint's cap (2 MB) twice over. */
const pieces = new LRUCache<string, Piece>({ maxSize: 4_000_000, sizeCalculation: (_piece, text) => text.length + 64 });

/** What the two shapes may skip around an operator, and what the reader's view may drop, when cut. */
const SKIPPABLE = /[\s'"`*_]/;
/** Characters an operator starts with, or that the reader's view decodes into one (`\=`, `&#61;`, `%3D`). */
const OPERATOR_START = /[=>:|?,\\&%]/;
/** Characters an operator ends with, or that end an escape or entity read as one (`&gt;`). */
const OPERATOR_END = /[=>|:,;\\]/;
const HEX = /[0-9A-Fa-f]/;

const skippable = (c: string): boolean => SKIPPABLE.test(c) || INVISIBLE.test(c);

/** Characters a piece holds at least: a piece's scan has a fixed cost (13 secretlint rules, the shape keywords). */
const MIN_PIECE = 2048;

const isBreak = (c: number): boolean => c === 10 || c === 13;

/** Whether the line starting at `s` may start a piece: it does not open with an operator. */
function opensSafely(text: string, s: number): boolean {
  let i = s;
  while (i < text.length && !isBreak(text.charCodeAt(i)) && skippable(text[i] as string)) i++;
  return i < text.length && !isBreak(text.charCodeAt(i)) && !OPERATOR_START.test(text[i] as string);
}

/** Whether the line ending at `e` may end a piece: it does not end with an operator (nor `%XX`). */
function closesSafely(text: string, e: number): boolean {
  let i = e;
  while (i > 0 && !isBreak(text.charCodeAt(i - 1)) && skippable(text[i - 1] as string)) i--;
  if (i === 0 || isBreak(text.charCodeAt(i - 1)) || OPERATOR_END.test(text[i - 1] as string)) return false;
  return !(i >= 3 && text[i - 3] === '%' && HEX.test(text[i - 2] as string) && HEX.test(text[i - 1] as string));
}

/** A line break followed by blank lines: the line after them may start a piece. `\r\n` is one break, never `\r` then `\n`. */
const BLANK_LINES = /(?:\r\n|\r(?!\n)|\n)(?:[ \t]*(?:\r\n|\r(?!\n)|\n))+/g;

/**
 * Offsets where pieces start, after the first (which starts at 0): a safe line after blank lines,
 * once the piece holds `min` characters. A piece's end depends on its own text only, so an edit
 * moves the cuts of the piece it falls in and seldom the next one's. Exported for tests.
 */
export function secretCuts(text: string, min = MIN_PIECE): number[] {
  const cuts: number[] = [];
  let from = 0;
  BLANK_LINES.lastIndex = 0;
  for (let m = BLANK_LINES.exec(text); m; m = BLANK_LINES.exec(text)) {
    const p = m.index + m[0].length;
    if (p - from >= min && closesSafely(text, m.index) && opensSafely(text, p)) {
      cuts.push(p);
      from = p;
    }
  }
  return cuts;
}

/** A copy of `text` that does not keep the string it was sliced from (the whole note) alive. */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

const privateKeyIn = (text: string, view: ReaderView | null): boolean => text.includes('PRIVATE KEY') || !!view?.text.includes('PRIVATE KEY');

function scanPiece(text: string): Piece {
  const { hits, view } = scanWithView(text);
  const privateKey = privateKeyIn(text, view);
  return { hits: privateKey ? [] : hits, privateKey };
}

/**
 * findSecrets(text), reusing the hits of the pieces scanned before. A text mostly new (a note
 * opened, a file read) is scanned whole, which costs less than a scan per piece, and its hits,
 * which no cut crosses, are kept as its pieces' (`wholeWhenNew` false: each piece scanned alone,
 * for tests). `min`: see secretCuts.
 */
export function scanSecrets(text: string, min = MIN_PIECE, wholeWhenNew = true): SecretHit[] {
  announceScan(text);
  const cuts = secretCuts(text, min);
  if (!cuts.length) return scanText(text);
  const bounds = [0, ...cuts, text.length];
  const texts: string[] = [];
  const kept: Array<Piece | undefined> = [];
  let missing = 0;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const piece = text.slice(bounds[k], bounds[k + 1]);
    const found = pieces.get(piece);
    if (found?.privateKey) return scanText(text);
    if (!found) missing += piece.length;
    texts.push(piece);
    kept.push(found);
  }
  if (wholeWhenNew && missing * 4 > text.length) return scanWhole(text, bounds, texts, kept);
  const out: SecretHit[] = [];
  for (let k = 0; k < texts.length; k++) {
    let piece = kept[k];
    if (!piece) pieces.set(detached(texts[k] as string), (piece = scanPiece(texts[k] as string)));
    if (piece.privateKey) return scanText(text);
    const start = bounds[k] as number;
    for (const h of piece.hits) out.push(start ? { ...h, start: h.start + start, end: h.end + start } : h);
  }
  return out;
}

/** The whole text's scan, its hits kept as the pieces' that were not kept yet. */
function scanWhole(text: string, bounds: number[], texts: string[], kept: Array<Piece | undefined>): SecretHit[] {
  const { hits, view } = scanWithView(text);
  if (privateKeyIn(text, view)) return hits;
  let h = 0;
  for (let k = 0; k < texts.length; k++) {
    const start = bounds[k] as number;
    const own: SecretHit[] = [];
    for (; h < hits.length && (hits[h] as SecretHit).start < (bounds[k + 1] as number); h++) {
      const hit = hits[h] as SecretHit;
      own.push(start ? { ...hit, start: hit.start - start, end: hit.end - start } : hit);
    }
    // Not detached: the pieces of one text keep that text alive together, as its copies would.
    if (!kept[k]) pieces.set(texts[k] as string, { hits: own, privateKey: false });
  }
  return hits;
}

/** Forgets every piece's hits: for tests that scan pieces afresh. */
export function forgetSecretPieces(): void {
  pieces.clear();
}
