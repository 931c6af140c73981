// Previews and redactions. A preview shows only what is public anyway (a vendor prefix such as
// `ghp_`, or a PEM header) plus the length; a redaction is the text a fix puts in place of a hit.

import type { SecretHit } from './types';

/**
 * Vendor prefixes that are safe to show (they are documented and carry no entropy).
 * Longest alternatives first so that `sk-ant-api03-` wins over `sk-`.
 */
const KNOWN_PREFIX =
  /^(?:github_pat_|gh[pousr]_|sk-ant-(?:api|admin|oat)\d\d-|sk-ant-|sk-(?:proj|svcacct|admin)-|[sr]k_(?:live|test)_|sk-|xox[abporse]-|xapp-|AKIA|ASIA|A3T|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|npm_|lin_api_|SG\.|shp(?:pa|ca|at|ss)_|ops_|eyJ|AIza|https:\/\/hooks\.slack\.com\/services\/)/;

/** The documented vendor prefix at the start of `token`, or `''`. */
export function knownPrefix(token: string): string {
  return KNOWN_PREFIX.exec(token)?.[0] ?? '';
}

/** The public part a preview shows before its `…(n chars)`: a vendor prefix or a PEM header, or `''`. */
export function publicPrefix(preview: string): string {
  const at = preview.lastIndexOf('…(');
  return at > 0 ? preview.slice(0, at) : '';
}

/** `ghp_…(40 chars)`: the prefix, an ellipsis and the length of the whole token. */
export function maskToken(token: string, prefix = knownPrefix(token)): string {
  return `${prefix}…(${token.length} chars)`;
}

/**
 * Replacement text for a "redact" fix:
 * - private key blocks → `<redacted private key>` (the whole block, header to footer, is replaced);
 * - tokens with a known prefix → the prefix + `<redacted>` (`ghp_<redacted>`), so the reader still sees
 *   what kind of credential was there; for a split token this also removes the line break;
 * - everything else (passwords in URLs, `curl -u`, generic assignments) → `<redacted>`.
 * Re-scanning the redacted text finds no secret: `<…>` is placeholder syntax for every scanner.
 */
export function redaction(hit: Pick<SecretHit, 'kind' | 'preview'>): string {
  if (hit.kind === 'private key') return '<redacted private key>';
  return `${publicPrefix(hit.preview)}<redacted>`;
}
