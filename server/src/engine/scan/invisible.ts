// Invisible and bidirectional control characters (Trojan Source, RELIABILITY row 48). The fix removes
// the character.
//
// Flagged:
// - bidi embeddings, overrides and isolates: U+202A–U+202E, U+2066–U+2069;
// - bidi marks U+200E LRM, U+200F RLM, U+061C ALM, unless next to a right-to-left letter (Hebrew, Arabic,
//   …), where they are ordinary punctuation of RTL text;
// - zero-width characters U+200B ZWSP, U+200C ZWNJ, U+200D ZWJ, U+2060 WJ, U+180E, U+2061–U+2064
//   (invisible math operators), and U+FEFF anywhere but offset 0 (a leading BOM is fine);
// - U+00AD SOFT HYPHEN: invisible when rendered, and breaks copy-pasted commands and search;
// - Unicode tag characters U+E0000–U+E007F ("ASCII smuggling": invisible text that a model still reads),
//   except inside an emoji tag sequence (🏴 U+1F3F4 + tags + U+E007F, the subdivision flags);
// - C0 controls other than tab, line feed and carriage return, DEL, and C1 controls U+0080–U+009F:
//   ESC (U+001B) and CSI (U+009B) start terminal escape sequences, which a note printed or `cat` in a
//   terminal would run (clear the screen, set the window title, hide text).
// Not flagged: ZWJ between two emoji (👩‍💻, with optional VS16 / skin tone before the joiner), and ZWJ or
// ZWNJ after a letter or mark of a script that uses them in its spelling (Arabic, Persian, Indic scripts,
// Sinhala, Myanmar, Khmer, Mongolian; Malayalam chillus put the ZWJ at the end of a word).

import type { InvisibleHit } from './types';

export type { InvisibleHit } from './types';

const NAMES: Record<number, string> = {
  0x0000: 'NULL',
  0x0007: 'BELL',
  0x0008: 'BACKSPACE',
  0x000b: 'LINE TABULATION',
  0x000c: 'FORM FEED',
  0x001b: 'ESCAPE',
  0x007f: 'DELETE',
  0x0085: 'NEXT LINE',
  0x009b: 'CONTROL SEQUENCE INTRODUCER',
  0x009d: 'OPERATING SYSTEM COMMAND',
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** A C0 control other than tab, LF and CR, DEL, or a C1 control. */
const isControl = (c: number): boolean => (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);

/** UTF-16 length of a candidate at `i`: the BMP characters above (1), a tag character U+E0000–U+E007F (2), else 0. */
function candidateAt(text: string, i: number): 0 | 1 | 2 {
  const c = text.charCodeAt(i);
  if (c < 0xad) return isControl(c) ? 1 : 0;
  if (c === 0xad || c === 0x61c || c === 0x180e || c === 0xfeff) return 1;
  if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069)) return 1;
  return c === 0xdb40 && isTag(text, i) ? 2 : 0;
}

const EMOJI = /^\p{Extended_Pictographic}$/u;
/** Extended_Pictographic lies in U+00A9, U+00AE, U+203C–U+3299 and U+1F000 on; test the property only there. */
const isEmoji = (cp: number): boolean =>
  (cp === 0xa9 || cp === 0xae || (cp >= 0x203c && cp <= 0x3299) || cp >= 0x1f000) && EMOJI.test(String.fromCodePoint(cp));
const isEmojiModifier = (cp: number): boolean => cp === 0xfe0f || (cp >= 0x1f3fb && cp <= 0x1f3ff);
const isRtlLetter = (cp: number): boolean =>
  (cp >= 0x590 && cp <= 0x8ff) || (cp >= 0xfb1d && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefc) || (cp >= 0x10800 && cp <= 0x10fff) || (cp >= 0x1e800 && cp <= 0x1efff);
/** Letters and marks of scripts whose spelling uses ZWJ/ZWNJ: Arabic, Indic, Sinhala, Myanmar, Khmer, Mongolian. */
const isJoiningScript = (cp: number): boolean =>
  (cp >= 0x600 && cp <= 0xdff) || (cp >= 0x1000 && cp <= 0x109f) || (cp >= 0x1780 && cp <= 0x18af) || (cp >= 0xa8e0 && cp <= 0xa8ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefc);

/** Code point ending just before `i` (a surrogate pair counts as one), or -1 at the start. */
function before(text: string, i: number): number {
  if (i <= 0) return -1;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  return c;
}

/** Code point starting at `i`, or -1 at the end. */
const at = (text: string, i: number): number => text.codePointAt(i) ?? -1;

/** An emoji ends before `i`, optionally followed by one VS16 or skin-tone modifier. */
function emojiBefore(text: string, i: number): boolean {
  let p = before(text, i);
  if (isEmojiModifier(p)) p = before(text, i - (p > 0xffff ? 2 : 1));
  return isEmoji(p);
}

const isTag = (text: string, i: number): boolean =>
  text.charCodeAt(i) === 0xdb40 && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdc7f;

/**
 * The run of tag characters starting at `i`: its end, and whether it is an emoji tag sequence
 * (🏴 before it, CANCEL TAG U+E007F last). Each run is measured once, so long runs stay linear.
 */
function tagRun(text: string, i: number): [end: number, allowed: boolean] {
  let e = i;
  while (isTag(text, e)) e += 2;
  return [e, before(text, i) === 0x1f3f4 && text.charCodeAt(e - 1) === 0xdc7f];
}

function isAllowed(text: string, i: number, cp: number): boolean {
  if (cp === 0xfeff) return i === 0;
  if (cp === 0x200d && emojiBefore(text, i) && isEmoji(at(text, i + 1))) return true;
  if ((cp === 0x200c || cp === 0x200d) && isJoiningScript(before(text, i))) return true;
  if (cp === 0x200e || cp === 0x200f || cp === 0x061c) return isRtlLetter(before(text, i)) || isRtlLetter(at(text, i + 1));
  return false;
}

/**
 * Every UTF-16 unit `candidateAt` may take (a superset: a lone U+DB40 is no tag): the regex skips
 * the ordinary text between candidates natively, rather than a call per character.
 */
const CANDIDATE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\udb40]/g;

/** Invisible and bidi control characters in `text`, in order. Pure, synchronous, linear. */
export function findInvisible(text: string): InvisibleHit[] {
  const out: InvisibleHit[] = [];
  let runEnd = -1;
  let runAllowed = false;
  for (let i = 0; i < text.length; i++) {
    CANDIDATE.lastIndex = i;
    if (!CANDIDATE.test(text)) break;
    i = CANDIDATE.lastIndex - 1;
    const len = candidateAt(text, i);
    if (len === 0) continue;
    const cp = text.codePointAt(i) as number;
    if (len === 2) {
      if (i >= runEnd) [runEnd, runAllowed] = tagRun(text, i);
      if (runAllowed) {
        i++;
        continue;
      }
    } else if (isAllowed(text, i, cp)) continue;
    const name = NAMES[cp] ?? (isControl(cp) ? 'CONTROL CHARACTER' : cp === 0xe0001 ? 'LANGUAGE TAG' : cp === 0xe007f ? 'CANCEL TAG' : 'TAG CHARACTER');
    out.push({ start: i, end: i + len, char: text.slice(i, i + len), name });
    i += len - 1;
  }
  return out;
}
