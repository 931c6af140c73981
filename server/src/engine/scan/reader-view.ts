// The text as a reader sees it, for the secret scan: a token written `ghp\_…`, `gh&#112;_…`,
// `%3Dghp_…`, `_ghp_…_` or with a zero-width space inside reads as the plain token once rendered, so
// it is scanned in that form too, and every hit is reported on the raw text it came from.
//
// One pass, character level, deliberately more eager than a Markdown renderer (a scan may decode too
// much; it must not decode too little):
//   - invisible format characters (zero-width spaces and joiners, word joiner, BOM, soft hyphen, bidi
//     marks and controls) are dropped;
//   - a backslash before ASCII punctuation is dropped (CommonMark escapes);
//   - character references `&#95;`, `&#x5F;`, `&lowbar;` are decoded (CommonMark's entity list);
//   - `%XX` is decoded when it stands for printable ASCII (URL encoding);
//   - a run of one to three `_` or `*` that opens a word (after a non-word character, before a word
//     character) or closes one (the reverse) is dropped: emphasis and strong delimiters. A `_` between
//     two word characters (`ghp_…`) stays.
// Offsets are UTF-16 code units; a hit [s, e) in the view maps back to the raw range it was read
// from (rawRange).

import { decodeNamedCharacterReference } from 'decode-named-character-reference';

export interface ReaderView {
  text: string;
  /** Pieces of the view in order: `v` view offset, `r`/`rEnd` the raw range, `copy` when the piece is the raw text as is. */
  segments: Segment[];
}

interface Segment {
  v: number;
  r: number;
  rEnd: number;
  copy: boolean;
}

// NUL too: a UTF-16 file read as bytes (and a binary file) holds a NUL between the characters of a token.
export const INVISIBLE = /[\u0000\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const SPECIAL = /[\\&%_*\u0000\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;
const ENTITY = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/;
const PERCENT = /^%([0-9A-Fa-f]{2})/;

function isWord(c: string | undefined): boolean {
  return c !== undefined && WORD.test(c);
}

/** What the reader sees for the special character at `i`: [raw length consumed, text seen], or null to keep it. */
function decodeAt(raw: string, i: number): [number, string] | null {
  const c = raw[i] as string;
  if (INVISIBLE.test(c)) return [1, ''];
  if (c === '\\') return i + 1 < raw.length && ASCII_PUNCTUATION.test(raw[i + 1] as string) ? [2, raw[i + 1] as string] : null;
  if (c === '&') {
    const m = ENTITY.exec(raw.slice(i, i + 40));
    const decoded = m ? decodeReference(m) : null;
    return m && decoded ? [m[0].length, decoded] : null;
  }
  if (c === '%') {
    const m = PERCENT.exec(raw.slice(i, i + 3));
    const code = m ? parseInt(m[1] as string, 16) : 0;
    return code >= 0x20 && code <= 0x7e ? [3, String.fromCharCode(code)] : null;
  }
  // `_` or `*`: a delimiter run that opens or closes a word is emphasis.
  let j = i;
  while (j < raw.length && raw[j] === c) j++;
  const before = raw[i - 1];
  const after = raw[j];
  const opens = !isWord(before) && before !== c && isWord(after);
  const closes = isWord(before) && !isWord(after) && after !== c;
  return j - i <= 3 && (opens || closes) ? [j - i, ''] : null;
}

/** The reader's view of `raw`, or null when it reads exactly as written. Linear in the text. */
export function readerView(raw: string): ReaderView | null {
  const pieces: string[] = [];
  const segments: Segment[] = [];
  let v = 0;
  let copied = 0; // raw text before this offset is in the view already
  const copyTo = (end: number) => {
    if (end <= copied) return;
    const last = segments[segments.length - 1];
    if (last?.copy && last.rEnd === copied) last.rEnd = end;
    else segments.push({ v, r: copied, rEnd: end, copy: true });
    pieces.push(raw.slice(copied, end));
    v += end - copied;
    copied = end;
  };
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(raw); m; m = SPECIAL.exec(raw)) {
    const i = m.index;
    if (i < copied) continue;
    const decoded = decodeAt(raw, i);
    if (!decoded) continue;
    copyTo(i);
    const [length, seen] = decoded;
    if (seen) {
      segments.push({ v, r: i, rEnd: i + length, copy: false });
      pieces.push(seen);
      v += seen.length;
    }
    copied = i + length;
    SPECIAL.lastIndex = copied;
  }
  if (!segments.length && copied === 0) return null;
  copyTo(raw.length);
  return { text: pieces.join(''), segments };
}

function decodeReference(m: RegExpExecArray): string | null {
  if (m[3] !== undefined) {
    const named = decodeNamedCharacterReference(m[3]);
    return named === false ? null : named;
  }
  const code = m[1] !== undefined ? parseInt(m[1], 10) : parseInt(m[2] as string, 16);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  return String.fromCodePoint(code);
}

/** The segment holding view offset `at` (binary search). */
function segmentAt(view: ReaderView, at: number): Segment {
  let lo = 0;
  let hi = view.segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((view.segments[mid] as Segment).v <= at) lo = mid;
    else hi = mid - 1;
  }
  return view.segments[lo] as Segment;
}

/** The raw range of the view range [start, end). */
export function rawRange(view: ReaderView, start: number, end: number): [number, number] {
  const a = segmentAt(view, start);
  const b = segmentAt(view, end - 1);
  return [a.copy ? a.r + (start - a.v) : a.r, b.copy ? b.r + (end - 1 - b.v) + 1 : b.rEnd];
}
