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
// Offsets are UTF-16 code units; `from[k]`/`to[k]` give the raw range of view character k, so a hit
// [s, e) in the view is the raw range [from[s], to[e - 1]).

import { decodeNamedCharacterReference } from 'decode-named-character-reference';

export interface ReaderView {
  text: string;
  from: number[];
  to: number[];
}

// NUL too: a UTF-16 file read as bytes (and a binary file) holds a NUL between the characters of a token.
const INVISIBLE = /[\u0000\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;
const ENTITY = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/;
const PERCENT = /^%([0-9A-Fa-f]{2})/;

function isWord(c: string | undefined): boolean {
  return c !== undefined && WORD.test(c);
}

/** The reader's view of `raw`, or null when it reads exactly as written. */
export function readerView(raw: string): ReaderView | null {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let changed = false;
  const emit = (s: string, start: number, end: number) => {
    text += s;
    for (let k = 0; k < s.length; k++) {
      from.push(start);
      to.push(end);
    }
  };
  let i = 0;
  while (i < raw.length) {
    const c = raw[i] as string;
    if (INVISIBLE.test(c)) {
      changed = true;
      i++;
      continue;
    }
    if (c === '\\' && i + 1 < raw.length && ASCII_PUNCTUATION.test(raw[i + 1] as string)) {
      changed = true;
      emit(raw[i + 1] as string, i, i + 2);
      i += 2;
      continue;
    }
    if (c === '&') {
      const m = ENTITY.exec(raw.slice(i, i + 40));
      const decoded = m ? decodeReference(m) : null;
      if (m && decoded) {
        changed = true;
        emit(decoded, i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    if (c === '%') {
      const m = PERCENT.exec(raw.slice(i, i + 3));
      const code = m ? parseInt(m[1] as string, 16) : 0;
      if (code >= 0x20 && code <= 0x7e) {
        changed = true;
        emit(String.fromCharCode(code), i, i + 3);
        i += 3;
        continue;
      }
    }
    if (c === '_' || c === '*') {
      let j = i;
      while (j < raw.length && raw[j] === c) j++;
      const before = raw[i - 1];
      const after = raw[j];
      const opens = !isWord(before) && before !== c && isWord(after);
      const closes = isWord(before) && !isWord(after) && after !== c;
      if (j - i <= 3 && (opens || closes)) {
        changed = true;
        i = j;
        continue;
      }
      for (let k = i; k < j; k++) emit(c, k, k + 1);
      i = j;
      continue;
    }
    // A surrogate pair is two code units; each maps to itself.
    emit(c, i, i + 1);
    i++;
  }
  return changed ? { text, from, to } : null;
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

/** The raw range of the view range [start, end). */
export function rawRange(view: ReaderView, start: number, end: number): [number, number] {
  return [view.from[start] as number, view.to[end - 1] as number];
}
