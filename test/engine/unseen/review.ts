// The review of a half's findings (REVIEW-<half>.md): one table row per finding,
// `| note file | rule:line | right or wrong | why |`, read back to count precision per rule. Two
// findings of one rule on one line that differ in verdict take one each, in report order
// (`wrong, right`).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Entry, Half } from './measure';

export type Verdict = 'right' | 'wrong';

export function reviewPath(half: Half): string {
  return resolve(__dirname, `REVIEW-${half}.md`);
}

/** Verdicts by `file\trule:line`; a finding reported twice on one line is judged once, or once each. */
export function readReview(half: Half): Map<string, Verdict[]> {
  const out = new Map<string, Verdict[]>();
  if (!existsSync(reviewPath(half))) return out;
  for (const line of readFileSync(reviewPath(half), 'utf8').split('\n')) {
    const m = /^\|\s*`?([^|`]+?)`?\s*\|\s*`?([a-z-]+:\d+)`?\s*\|\s*((?:right|wrong)(?:\s*,\s*(?:right|wrong))*)\s*\|/u.exec(line);
    if (m) out.set(`${m[1]}\t${m[2]}`, m[3].split(/\s*,\s*/u) as Verdict[]);
  }
  return out;
}

export interface RuleCount {
  findings: number;
  right: number;
  wrong: number;
  unreviewed: number;
}

/** Findings per rule with their verdicts, and the keys of findings the review does not cover. */
export function tally(entries: Record<string, Entry>, review: Map<string, Verdict[]>): { rules: Map<string, RuleCount>; missing: string[]; errors: number } {
  const rules = new Map<string, RuleCount>();
  const missing: string[] = [];
  let errors = 0;
  const seen = new Map<string, number>();
  for (const [file, entry] of Object.entries(entries)) {
    for (const f of entry.findings) {
      const [rule, line, severity] = f.split(':');
      if (severity === 'error') errors++;
      const count = rules.get(rule) ?? { findings: 0, right: 0, wrong: 0, unreviewed: 0 };
      rules.set(rule, count);
      count.findings++;
      const key = `${file}\t${rule}:${line}`;
      const nth = seen.get(key) ?? 0;
      seen.set(key, nth + 1);
      const verdicts = review.get(key);
      const verdict = verdicts?.[Math.min(nth, verdicts.length - 1)];
      if (verdict) count[verdict]++;
      else {
        count.unreviewed++;
        missing.push(`${file}\t${rule}:${line}`);
      }
    }
  }
  return { rules, missing, errors };
}
