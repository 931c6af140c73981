// Matching a note's sections to its dialect's sections: exactly, with a qualifier the author
// added ("What Landed (Latest Relevant Backend Work)"), by alias, or fuzzily.
import type { Dialect } from '../dialects/dialect';
import type { Section } from './sections';
import { normalizeLabel, similarity, stripQualifiers } from './labels';

export const FUZZY_THRESHOLD = 0.75;

type HeadingMatch = { spec: number; match: Section['match'] };

// The same headings are matched on every keystroke; a bounded memo per dialect keeps that cheap.
const memo = new WeakMap<Dialect, Map<string, HeadingMatch>>();
const MEMO_SIZE = 4096;

export function matchHeading(text: string, dialect: Dialect): HeadingMatch {
  let known = memo.get(dialect);
  if (!known) memo.set(dialect, (known = new Map()));
  const hit = known.get(text);
  if (hit) return hit;
  const found = matchHeadingNow(text, dialect);
  if (known.size >= MEMO_SIZE) known.clear();
  known.set(text, found);
  return found;
}

/** A dialect's section names as matching compares them, normalised once per dialect. */
interface SpecNames {
  name: string;
  bare: string;
  aliases: readonly string[];
  /** What a fuzzy match compares against, in order. */
  fuzzy: readonly string[];
}

const namesOf = new WeakMap<Dialect, SpecNames[]>();

function specNames(dialect: Dialect): SpecNames[] {
  let names = namesOf.get(dialect);
  if (!names) {
    names = dialect.sections.map((s) => {
      const name = normalizeLabel(s.heading);
      const bare = stripQualifiers(name);
      return { name, bare, aliases: s.aliases, fuzzy: [name, bare, ...s.aliases] };
    });
    namesOf.set(dialect, names);
  }
  return names;
}

function matchHeadingNow(text: string, dialect: Dialect): HeadingMatch {
  const n = normalizeLabel(text);
  const bare = stripQualifiers(n);
  const specs = specNames(dialect);
  let i = specs.findIndex((s) => s.name === n);
  if (i >= 0) return { spec: i, match: 'exact' };
  i = specs.findIndex((s) => s.bare === bare);
  if (i >= 0) return { spec: i, match: 'qualified' };
  i = specs.findIndex((s) => s.aliases.some((a) => a === n || a === bare));
  if (i >= 0) return { spec: i, match: 'alias' };
  let best = -1;
  let bestScore = FUZZY_THRESHOLD;
  specs.forEach((s, k) => {
    for (const cand of s.fuzzy) {
      const score = similarity(bare, cand, bestScore);
      if (score >= bestScore) {
        best = k;
        bestScore = score;
      }
    }
  });
  return best >= 0 ? { spec: best, match: 'fuzzy' } : { spec: -1, match: 'none' };
}

/**
 * Top-level sections match by any means; nested ones only by name (exact or qualified), so that
 * a "### Next steps" under another section is found but ordinary subsections are left alone.
 */
export function matchSections(sections: Section[], dialect: Dialect, nested = false): void {
  if (dialect.lenient) return;
  for (const s of sections) {
    const m = matchHeading(s.heading.text, dialect);
    if (!nested || m.match === 'exact' || m.match === 'qualified') {
      s.spec = m.spec;
      s.match = m.match;
      if (m.spec >= 0) s.role = dialect.sections[m.spec].role;
    }
    matchSections(s.children, dialect, true);
  }
}
