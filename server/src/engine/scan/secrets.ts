// findSecrets: every credential-shaped thing in a note, as ranges over the token or value only.
//
// Sources, most specific first:
//   1. secretlint's recommended rules, driven synchronously (secretlint-adapter.ts): GitHub, AWS, Slack,
//      npm, SendGrid, Shopify, OpenAI, Anthropic, Linear, 1Password, private keys, DB and basic-auth URLs;
//   2. our vendor shapes secretlint lacks (vendor.ts: JWT, Stripe, Google API key) and the rest of
//      gitleaks' default rule list (shapes.ts);
//   3. PEM blocks, also without a footer (pem.ts);
//   4. passwords in any URL scheme and in `curl -u` (credentials.ts);
//   5. generic `key = value` and `Bearer value`, entropy-gated (assignment.ts);
//   6. tokens hard-wrapped across lines (split.ts) → certainty `possible-split`.
// A vendor-shaped token whose body is a stand-in (`ghp_` + `x` × 36, `xoxb-` + `your-token-here`) is kept
// with certainty `placeholder`; stand-ins found by the low-signal checks (4, 5) are not reported at all.
// Overlapping hits are merged: the higher certainty wins, then the more specific source, then the
// longer range; except that a split token swallowing a generic/URL hit on its first line becomes one
// `secret` hit over both lines. Pure and synchronous; linear in the length of the text.

import { LRUCache } from 'lru-cache';
import { findAssignments } from './assignment';
import { findCredentials } from './credentials';
import { knownPrefix, maskToken } from './mask';
import { findPemBlocks } from './pem';
import { rawRange, readerView, type ReaderView } from './reader-view';
import { isPlaceholder, isPlaceholderCredential } from './placeholder';
import { runSecretlint } from './secretlint-adapter';
import { findShapes } from './shapes';
import { findSplitTokens } from './split';
import type { SecretCertainty, SecretHit, SecretKind } from './types';
import { findVendorTokens } from './vendor';

export type { SecretCertainty, SecretHit, SecretKind } from './types';

interface Candidate extends SecretHit {
  /** Lower is more specific. */
  source: number;
  /** A Slack token cut short (fewer than 3 parts, or a last part under 24 characters): a wrap can extend it. */
  truncated?: boolean;
}

/** Slack tokens are `xox?-<digits>-<digits>-<24+ alphanumerics>`; secretlint's shape also accepts a prefix of one. */
function truncatedSlack(token: string): boolean {
  const parts = token.split('-');
  return parts.length < 4 || (parts[3] as string).length < 24;
}

const CERTAINTY_RANK: Record<SecretCertainty, number> = { secret: 0, 'possible-split': 1, placeholder: 2 };

/**
 * Certainty of a vendor-shaped token: its body after the public prefix decides. A run of ten or more
 * `A`s is filler some vendors put in every token (Dropbox long-lived tokens, Twitter bearer tokens), not a
 * sign of a stand-in, so it is left out of the judgement.
 */
function tokenCertainty(token: string, prefix: string): SecretCertainty {
  const body = token.slice(prefix.length);
  const filler = /A{10,}/g;
  return isPlaceholder(body) && (!filler.test(body) || isPlaceholder(body.replace(filler, ''))) ? 'placeholder' : 'secret';
}

/** `prefix`: the public part a preview may show (a PEM header, a shape's vendor prefix); else a known vendor prefix. */
function candidate(text: string, start: number, end: number, kind: SecretKind, source: number, prefixOf?: string): Candidate {
  const token = text.slice(start, end);
  if (kind === 'private key') {
    return { start, end, kind, source, certainty: 'secret', preview: maskToken(token, prefixOf ?? (/^-----BEGIN [A-Z0-9 ]{0,64}-----/.exec(token)?.[0] ?? '')) };
  }
  const prefix = prefixOf || knownPrefix(token);
  const certainty = source <= 3 ? tokenCertainty(token, prefix) : 'secret';
  const truncated = kind === 'Slack token' && truncatedSlack(token);
  return { start, end, kind, source, certainty, preview: maskToken(token, prefix), truncated };
}

function better(a: Candidate, b: Candidate): boolean {
  const ca = CERTAINTY_RANK[a.certainty];
  const cb = CERTAINTY_RANK[b.certainty];
  if (ca !== cb) return ca < cb;
  if (a.source !== b.source) return a.source < b.source;
  return a.end - a.start > b.end - b.start;
}

const SPLIT = 6;
const LOW_SIGNAL = (c: Candidate): boolean => c.source === 4 || c.source === 5;

/**
 * Two overlapping candidates → one. A split token keeps its two-line range, with certainty `secret`,
 * when its first line alone was already a secret by a low-signal check (`TOKEN=ghp_…` wrapped after the
 * `=`) or by a shape that accepts a cut-short token (Slack).
 */
function combine(a: Candidate, b: Candidate): Candidate {
  const [split, other] = a.source === SPLIT ? [a, b] : [b, a];
  const inside = other.start >= split.start && other.end <= split.end;
  if (split.source === SPLIT && inside && other.certainty === 'secret' && (LOW_SIGNAL(other) || other.truncated)) {
    return { ...split, certainty: 'secret' };
  }
  return better(b, a) ? b : a;
}

/** Keep, among overlapping candidates, the best one. Input sorted by start. */
function merge(sorted: Candidate[]): SecretHit[] {
  const kept: Candidate[] = [];
  for (const c of sorted) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) {
      kept[kept.length - 1] = combine(last, c);
      continue;
    }
    kept.push(c);
  }
  return kept.map(({ start, end, kind, preview, certainty }) => ({ start, end, kind, preview, certainty }));
}

/**
 * Every secret in `text`, sorted by start, non-overlapping. Never throws on any string. The text is
 * scanned as written and as a reader sees it (reader-view.ts: escapes, entities and percent-encoding
 * decoded, emphasis delimiters and invisible characters dropped); a hit in the reader's view is reported
 * on the raw range it was read from.
 */
export function findSecrets(text: string): SecretHit[] {
  announceScan(text);
  return scanText(text);
}

/** findSecrets without telling the observer: the whole-text scan, or one piece of a note's (chunked-secrets.ts). */
export function scanText(text: string): SecretHit[] {
  return scanWithView(text).hits;
}

/** scanText, and the reader's view it scanned (null when the text reads as written). */
export function scanWithView(text: string): { hits: SecretHit[]; view: ReaderView | null } {
  const all = candidates(text);
  const view = readerView(text);
  if (view) {
    for (const c of candidates(view.text)) {
      const [start, end] = rawRange(view, c.start, c.end);
      all.push({ ...c, start, end });
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  return { hits: merge(all), view };
}

let scanObserver: ((text: string) => void) | null = null;

/** Tells the observer that `text` is being scanned, whether whole or piece by piece. */
export function announceScan(text: string): void {
  scanObserver?.(text);
}

/**
 * Calls `listener` with every text `findSecrets` is about to scan, until called again (null to
 * stop): how tests count the scans of a note's text per lint.
 */
export function observeSecretScans(listener: ((text: string) => void) | null): void {
  scanObserver = listener;
}

function candidates(text: string): Candidate[] {
  const all: Candidate[] = [];
  for (const f of runSecretlint(text)) {
    // secretlint's URL rules compare against a shorter list of defaults; ours decides for every URL.
    if (f.user !== undefined && isPlaceholderCredential(f.user, text.slice(f.start, f.end))) continue;
    all.push(candidate(text, f.start, f.end, f.kind, 1));
  }
  for (const f of findVendorTokens(text)) all.push(candidate(text, f.start, f.end, f.kind, 2));
  for (const f of findShapes(text)) all.push(candidate(text, f.start, f.end, f.kind, 2, f.prefix));
  for (const f of findPemBlocks(text)) all.push(candidate(text, f.start, f.end, 'private key', 3, f.header));
  for (const f of findCredentials(text)) all.push(candidate(text, f.start, f.end, f.kind, 4));
  for (const f of findAssignments(text)) all.push(candidate(text, f.start, f.end, f.kind, 5));
  for (const f of findSplitTokens(text)) {
    const token = text.slice(f.start, f.end);
    all.push({ start: f.start, end: f.end, kind: splitKind(f.prefix), source: 6, certainty: 'possible-split', preview: maskToken(token, f.prefix) });
  }
  return all;
}

function splitKind(prefix: string): SecretKind {
  if (prefix === 'AKIA') return 'AWS access key id';
  if (prefix.startsWith('xox')) return 'Slack token';
  if (prefix === 'sk-ant-') return 'Anthropic key';
  if (prefix === 'github_pat_') return 'GitHub fine-grained token';
  return 'GitHub token';
}

/**
 * The text with every secret in it replaced by its masked preview (`ghp_…(40 chars)`), for
 * text shown outside the editor: the sidebar's outline, `handoff outline`. Split tokens are
 * masked too; placeholders are left as they are.
 */
export function withSecretsMasked(text: string): string {
  if (text.length < 8) return text;
  let out = masked.get(text);
  if (out !== undefined) return out;
  out = maskSecretsIn(text);
  masked.set(text, out);
  return out;
}

/**
 * withSecretsMasked's answers by text: a note's findings repeat their messages from one keystroke
 * to the next, and each would otherwise be scanned again by every detector.
 */
const masked = new LRUCache<string, string>({ maxSize: 1_000_000, sizeCalculation: (out, text) => text.length + out.length + 64 });

function maskSecretsIn(text: string): string {
  let out = text;
  const hits = findSecrets(text).filter((h) => h.certainty !== 'placeholder').sort((a, b) => b.start - a.start);
  let before = Infinity;
  for (const h of hits) {
    if (h.end > before) continue; // overlapping hits: the later one is masked already
    out = out.slice(0, h.start) + h.preview + out.slice(h.end);
    before = h.start;
  }
  return out;
}

