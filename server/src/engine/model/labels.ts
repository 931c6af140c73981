// Normalisation of heading and label text so that "## 3. ✅ **Next Steps** (recommended order):"
// and "next steps" compare equal. Pure string work on one heading's text.

// A replacement character (U+FFFD) is an emoji or symbol lost in transcoding: no part of the label either.
const EMOJI_AND_SYMBOLS = /[\ufffd\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\u20e3\u2190-\u21ff\u2500-\u27bf\u2b00-\u2bff]/gu;
const NUMBERING = /^(?:§\s*)?(?:(?:step|phase|part|section)\s+)?(?:\d+(?:\.\d+)*[.):]?|(?:[ivxlc]+|[a-z])[.):])\s+(?=\S)|^(?:§\s*)\d+(?:\.\d+)*\s*/iu;
// Chinese, Japanese and Korean numbering: "一、", "（二）", "第3章", "1단계".
const CJK_NUMBERING = /^(?:第?[一二三四五六七八九十百]+[、.)）]|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十百\d]+[章节節部步歩]|\d+(?:\.\d+)*[、)）]|\d+\s*단계)\s*/u;

// Every heading is normalised again by each rule and on each keystroke: a bounded memo keeps
// one answer per distinct text of heading length.
const NORMALIZED = new Map<string, string>();
const NORMALIZED_MAX = 10_000;
const MEMO_LENGTH = 256;

/** Lower-case, no emoji, no numbering, no emphasis markers, single spaces, no trailing colon. */
export function normalizeLabel(raw: string): string {
  if (raw.length > MEMO_LENGTH) return normalizeNow(raw);
  const known = NORMALIZED.get(raw);
  if (known !== undefined) return known;
  const label = normalizeNow(raw);
  if (NORMALIZED.size >= NORMALIZED_MAX) NORMALIZED.clear();
  NORMALIZED.set(raw, label);
  return label;
}

function normalizeNow(raw: string): string {
  // NFKC: full-width digits and colons ("１．", "：") read as their ASCII forms.
  let s = raw.normalize('NFKC').replace(EMOJI_AND_SYMBOLS, ' ').replace(/[*_`~]+/g, '').trim();
  s = s.replace(/[:：]\s*$/u, '').trim();
  for (let i = 0; i < 2; i++) s = s.replace(NUMBERING, '').replace(CJK_NUMBERING, '').trim();
  s = s.replace(/^[-–—·|:]+\s*/u, '');
  return s.replace(/\s+/g, ' ').toLowerCase().trim();
}

/** The label without parenthetical or bracketed qualifiers: "next steps (recommended order)" -> "next steps". */
export function stripQualifiers(label: string): string {
  return label
    .replace(/\s*[([（【][^)\]）】]*[)\]）】]\s*/gu, ' ')
    .replace(/\s+[-–—:]\s+.*$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Similarity in [0, 1] from the Levenshtein distance, for "did you mean" heading names. With
 * `atLeast`, a pair that cannot reach it gets some value below it, as soon as a row of the table
 * shows that (the distance never shrinks from one row to the next).
 */
export function similarity(a: string, b: string, atLeast = 0): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const longest = Math.max(a.length, b.length);
  if (Math.abs(a.length - b.length) > longest / 2) return 0;
  // Two rows of the edit-distance table, swapped per row rather than allocated.
  let prev: number[] = [];
  for (let j = 0; j <= b.length; j++) prev.push(j);
  let cur = prev.slice();
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let least = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (c === b.charCodeAt(j - 1) ? 0 : 1));
      if (cur[j] < least) least = cur[j];
    }
    if (1 - least / longest < atLeast) return 1 - least / longest;
    const done = cur;
    cur = prev;
    prev = done;
  }
  return 1 - prev[b.length] / longest;
}
