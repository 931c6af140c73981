// When two next steps written in different versions of a note are the same step: their text
// with list markers, checkboxes, Markdown markup, case and spacing taken away, compared by
// character bigrams (Dice), so small edits ("Release 1.2" → "Release v1.2.") keep the step
// and a rewrite beyond the threshold makes a new one.

/** Similarity at or above which two normalised steps are the same step. */
export const SAME_STEP = 0.8;

/** A step's text reduced to what says what it is. */
export function normalizeStep(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/u, '')
    .replace(/^\[[ xX~-]\]\s*/u, '')
    .replace(/[`*_~>#]+/gu, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/[\s\u00a0]+/gu, ' ')
    .replace(/[\s.,;:!?…]+$/u, '')
    .trim();
}

function bigrams(s: string): Map<string, number> {
  const grams = new Map<string, number>();
  const chars = [...s];
  for (let i = 0; i < chars.length - 1; i++) {
    const g = chars[i] + chars[i + 1];
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient of the character bigrams of two normalised texts (1 for equal texts). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if ([...a].length < 2 || [...b].length < 2) return 0;
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of x) {
    shared += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return (2 * shared) / total;
}

/**
 * Normalised candidates prepared once (their bigrams, an exact-text index), for matching many
 * steps against the same version: what a keystroke's lint does against every version read.
 */
export class StepIndex {
  private readonly exact = new Map<string, number>();
  private readonly grams: Array<{ grams: Map<string, number>; total: number }>;

  constructor(readonly candidates: readonly string[]) {
    candidates.forEach((c, i) => this.exact.has(c) || this.exact.set(c, i));
    this.grams = candidates.map((c) => {
      const grams = bigrams(c);
      let total = 0;
      for (const n of grams.values()) total += n;
      return { grams, total };
    });
  }

  /** As bestMatch. */
  match(step: string): number {
    const same = this.exact.get(step);
    if (same !== undefined) return same;
    if ([...step].length < 2) return -1;
    const x = bigrams(step);
    let xTotal = 0;
    for (const n of x.values()) xTotal += n;
    let best = -1;
    let score = SAME_STEP;
    this.grams.forEach(({ grams, total }, i) => {
      // Dice reaches SAME_STEP only when the smaller count is at least 2/3 of the larger.
      if (total === 0 || 3 * Math.min(total, xTotal) < 2 * Math.max(total, xTotal)) return;
      let shared = 0;
      for (const [g, n] of x) shared += Math.min(n, grams.get(g) ?? 0);
      const s = (2 * shared) / (xTotal + total);
      if (s >= score && (best === -1 || s > score)) {
        best = i;
        score = s;
      }
    });
    return best;
  }
}

/** The index of the entry in `candidates` (normalised) that is the same step as `step`, or -1. */
export function bestMatch(step: string, candidates: readonly string[], taken: ReadonlySet<number> = new Set()): number {
  let best = -1;
  let score = SAME_STEP;
  candidates.forEach((c, i) => {
    if (taken.has(i)) return;
    const s = similarity(step, c);
    if (s >= score && (best === -1 || s > score)) {
      best = i;
      score = s;
    }
  });
  return best;
}
