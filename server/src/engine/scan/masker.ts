// The one masking step for text that leaves the engine: finding messages, fix titles, hovers,
// outline fields, log lines, update summaries and diffs. A masker is built once per note from the
// note's secret scan; applied to any output string it hides
//   1. every secret the scan found in the note, wherever and however a rule quotes it (as written or as
//      read, escapes and entities decoded): an exact copy
//      becomes the masked preview (`ghp_…(40 chars)`), and any run that shares an 8-character window
//      with a secret's body (a path segment cut from it, a branch name holding half of it) becomes `…`;
//   2. any token-shaped substring of the output itself (withSecretsMasked), for text that did not come
//      from the note (git facts, commit subjects).
// Rules never mask; lint masks every finding, so a new rule cannot leak. Pure; linear in the output
// for a fixed number of secrets.

import { publicPrefix } from './mask';
import { readerView } from './reader-view';
import { findSecrets, withSecretsMasked } from './secrets';
import type { SecretHit } from './types';

/** Windows of this many characters of a secret are never printed. */
export const WINDOW = 8;

export type Masker = (text: string) => string;

/** Between strings masked as one text: a blank line, which no secret spans. */
const SEPARATOR = '\n\n';

/**
 * Whether masking changes none of `strings`. A note seldom holds a secret, and a scan costs about
 * the same for a short string as for all of them at once: they are masked as one text, and when
 * that text comes back unchanged no string alone would change (a secret in one string is found
 * in the joined text too: the scans look no further than a line around a token).
 */
export function masksNothing(strings: readonly string[], m: Masker): boolean {
  if (!strings.length) return true;
  const joined = strings.join(SEPARATOR);
  return m(joined) === joined;
}

const MEMO_LIMIT = 4096;

interface Known {
  value: string;
  preview: string;
}

/**
 * A masker for output about `noteText`. `exempt` ranges (the note's own commit and upstream fields)
 * are not treated as secrets; placeholders never are.
 */
export function maskerFor(noteText: string, exempt: ReadonlyArray<readonly [number, number]> = [], hits: readonly SecretHit[] = findSecrets(noteText)): Masker {
  const known: Known[] = [];
  const windows = new Set<string>();
  for (const h of hits) {
    if (h.certainty === 'placeholder') continue;
    if (exempt.some(([s, e]) => h.start >= s && h.end <= e)) continue;
    const value = noteText.slice(h.start, h.end);
    // Rules quote the text as parsed (`ghp\_…` reads `ghp_…`): the decoded form is hidden too.
    for (const form of new Set([value, readerView(value)?.text ?? value])) {
      known.push({ value: form, preview: h.preview });
      addWindows(windows, form, publicPrefix(h.preview));
    }
  }
  known.sort((a, b) => b.value.length - a.value.length);
  // Findings repeat their messages (one per mojibake run, per line): each distinct text is masked once.
  const memo = new Map<string, string>();
  return (text) => {
    const cached = memo.get(text);
    if (cached !== undefined) return cached;
    const masked = maskWith(text, known, windows);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, masked);
    return masked;
  };
}

/** The windows of a secret's body (after the public prefix its preview shows), line breaks removed. */
function addWindows(windows: Set<string>, value: string, prefix: string): void {
  const body = value.slice(value.startsWith(prefix) ? prefix.length : 0).replace(/[\r\n]+[ \t]*/g, '');
  if (body.length < WINDOW) {
    if (body.length >= 6) windows.add(body);
    return;
  }
  for (let i = 0; i + WINDOW <= body.length; i++) windows.add(body.slice(i, i + WINDOW));
}

function maskWith(text: string, known: readonly Known[], windows: ReadonlySet<string>): string {
  if (typeof text !== 'string' || text.length === 0) return text;
  let out = text;
  for (const k of known) if (out.includes(k.value)) out = out.split(k.value).join(k.preview);
  if (windows.size) out = maskWindows(out, windows);
  return withSecretsMasked(out);
}

/** Every run of `text` covered by a window of a secret becomes `…`. */
function maskWindows(text: string, windows: ReadonlySet<string>): string {
  const short = [...windows].filter((w) => w.length < WINDOW);
  let covered: Array<[number, number]> = [];
  for (let i = 0; i + WINDOW <= text.length; i++) {
    if (!windows.has(text.slice(i, i + WINDOW))) continue;
    const last = covered[covered.length - 1];
    if (last && i <= last[1]) last[1] = i + WINDOW;
    else covered.push([i, i + WINDOW]);
  }
  for (const w of short) {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) covered.push([at, at + w.length]);
  }
  if (!covered.length) return text;
  covered = mergeRanges(covered);
  let out = '';
  let from = 0;
  for (const [s, e] of covered) {
    out += text.slice(from, s) + '…';
    from = e;
  }
  return out + text.slice(from);
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** A masker that only hides token-shaped substrings (text not about any one note). */
export const maskTokenShapes: Masker = (text) => (typeof text === 'string' ? withSecretsMasked(text) : text);
