// Mojibake: UTF-8 bytes that were decoded as Windows-1252 / ISO-8859-1 (`â€”` for `—`, `Ã©` for `é`),
// possibly twice. A run is repaired by mapping its characters back to cp1252 bytes and decoding them as
// UTF-8; it is reported only when that is valid UTF-8 AND the result is a plausible character.
//
// Why plausibility: legitimate Latin text can put an accented capital before a cp1252 punctuation mark
// (`«CAFÉ»` is the bytes C9 BB, valid UTF-8 for U+027B). We accept a decoded character only in the
// ranges mojibake really comes from: Latin-1 and Latin Extended-A letters and symbols, Romanian ș/ț,
// Vietnamese, general punctuation, currency, arrows, math, technical, box drawing, shapes, dingbats,
// CJK, kana, Hangul, Thai, fullwidth forms, variation selectors, BOM, emoji. Greek, Cyrillic, Hebrew and
// Arabic decode from 2-byte pairs that are also plausible Latin text, so they need a run of two or more
// letters, or a run of the same script on the same line (`Ð¸` alone is `и` only next to other Russian).
// C1 controls are accepted only as the middle layer of double encoding.
// Real French, Portuguese, Spanish, German, Italian, Korean, Japanese, Chinese, Thai and Russian text is
// never touched: its letters either are not cp1252 lead bytes followed by continuation bytes, or are
// not cp1252 at all.
//
// Special case: `â€` not followed by a continuation character is `”` (E2 80 9D) whose last byte, 0x9D,
// is undefined in cp1252 and was lost. A decoded U+FEFF (`ï»¿`, a BOM read as text) is repaired to ''.
// Linear: one left-to-right pass; each run is re-decoded at most three times (double encoding).

import { cp1252Byte } from './cp1252';
import type { MojibakeHit } from './types';

export type { MojibakeHit } from './types';

interface Sequence {
  start: number;
  end: number;
  cp: number;
}

/**
 * `strong`: accepted alone. `greek` / `cyrillic` / `hebrew` / `arabic`: accepted in a run of two or more, or
 * next to such a run of the same script on the same line. `inner`: a C1 control, only valid as the
 * middle layer of double encoding (the final repair must not contain one). `no`: not mojibake.
 */
type Plausibility = 'strong' | 'greek' | 'cyrillic' | 'hebrew' | 'arabic' | 'inner' | 'no';

function plausibility(cp: number): Plausibility {
  if (cp >= 0x80 && cp <= 0x9f) return 'inner';
  if (cp >= 0xa0 && cp <= 0x17f) return 'strong';
  if (cp >= 0x218 && cp <= 0x21b) return 'strong';
  if (cp >= 0x370 && cp <= 0x3ff) return 'greek';
  if (cp >= 0x400 && cp <= 0x4ff) return 'cyrillic';
  if (cp >= 0x5d0 && cp <= 0x5ea) return 'hebrew';
  if (cp >= 0x600 && cp <= 0x6ff) return 'arabic';
  if (cp < 0x800) return 'no';
  const strong =
    (cp >= 0xe00 && cp <= 0xe7f) ||
    (cp >= 0x1e00 && cp <= 0x1eff) ||
    (cp >= 0x2000 && cp <= 0x2bff) ||
    (cp >= 0x3000 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x1f000 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3ffff);
  return strong ? 'strong' : 'no';
}

const isContinuation = (b: number): boolean => b >= 0x80 && b <= 0xbf;

/** A valid UTF-8 sequence whose bytes are the cp1252 bytes of text[i…]; null if there is none. */
function sequenceAt(text: string, i: number): Sequence | null {
  const lead = cp1252Byte(text.charCodeAt(i));
  if (lead < 0xc2 || lead > 0xf4) return null;
  const n = lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3;
  let cp = lead & (n === 1 ? 0x1f : n === 2 ? 0x0f : 0x07);
  for (let k = 1; k <= n; k++) {
    const b = cp1252Byte(text.charCodeAt(i + k));
    if (!isContinuation(b)) {
      // `â€` + a lost 0x9D is `”`.
      if (lead === 0xe2 && k === 2 && cp1252Byte(text.charCodeAt(i + 1)) === 0x80) return { start: i, end: i + 2, cp: 0x201d };
      return null;
    }
    cp = (cp << 6) | (b & 0x3f);
  }
  const min = n === 1 ? 0x80 : n === 2 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  return { start: i, end: i + 1 + n, cp };
}

/** Decode a whole string as mojibake if it is one: every character part of a valid sequence. */
function decodeWhole(s: string): string | null {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const seq = sequenceAt(s, i);
    if (!seq || plausibility(seq.cp) === 'no') return null;
    out += String.fromCodePoint(seq.cp);
    i = seq.end;
  }
  return out;
}

function repair(seqs: Sequence[]): string {
  let s = seqs.map((q) => String.fromCodePoint(q.cp)).join('');
  for (let level = 0; level < 2; level++) {
    const again = decodeWhole(s);
    if (again === null || again === s) break;
    s = again;
  }
  return s.replace(/\uFEFF/g, '');
}

interface Run {
  /** Index range into the sequence list. */
  from: number;
  to: number;
  strong: boolean;
  /** The one script of its letters, or null (none, or mixed). */
  script: Plausibility | null;
  accepted: boolean;
}

/** Mojibake runs in `text`, in order, each with its repair. Pure, synchronous, linear. */
export function findMojibake(text: string): MojibakeHit[] {
  const seqs: Sequence[] = [];
  const runs: Run[] = [];
  let run: Run | null = null;
  let script: Plausibility | null | undefined;
  const close = (): void => {
    if (!run) return;
    run.script = script ?? null;
    run.accepted = run.strong || (run.to - run.from >= 2 && run.script !== null);
    runs.push(run);
    run = null;
  };
  for (let i = 0; i < text.length; ) {
    // Only U+00C2–U+00F4 (the cp1252 reading of UTF-8 lead bytes) can start a sequence.
    const c = text.charCodeAt(i);
    const seq = c < 0xc2 || c > 0xf4 ? null : sequenceAt(text, i);
    const p = seq ? plausibility(seq.cp) : 'no';
    if (!seq || p === 'no') {
      i++;
      continue;
    }
    if (run && (seqs[run.to - 1] as Sequence).end !== seq.start) close();
    if (!run) {
      run = { from: seqs.length, to: seqs.length, strong: false, script: null, accepted: false };
      script = undefined;
    }
    seqs.push(seq);
    run.to = seqs.length;
    if (p === 'strong') run.strong = true;
    else if (p !== 'inner') script = script === undefined || script === p ? p : null;
    i = seq.end;
  }
  close();

  // A run is strong when it holds a strong character or two letters of one script; a single letter of
  // a script (`Ð¸` = `и`) is accepted when a strong run of the same script shares its line. Runs are in
  // order; each step takes the runs up to the next line break: linear.
  const lineBreak = /\r\n?|\n/g;
  for (let k = 0; k < runs.length; ) {
    lineBreak.lastIndex = (seqs[(runs[k] as Run).from] as Sequence).start;
    const m = lineBreak.exec(text);
    const lineEnd = m ? m.index : text.length;
    let j = k;
    while (j < runs.length && (seqs[(runs[j] as Run).from] as Sequence).start < lineEnd) j++;
    const line = runs.slice(k, j);
    const strongScripts = new Set(line.filter((r) => r.accepted && r.script).map((r) => r.script));
    if (strongScripts.size > 0) for (const r of line) if (!r.accepted && r.script) r.accepted = strongScripts.has(r.script);
    k = j;
  }
  const out: MojibakeHit[] = [];
  for (const r of runs) {
    if (!r.accepted) continue;
    const repaired = repair(seqs.slice(r.from, r.to));
    if (/[\u0080-\u009f]/.test(repaired)) continue;
    out.push({ start: (seqs[r.from] as Sequence).start, end: (seqs[r.to - 1] as Sequence).end, repaired });
  }
  return out;
}
