// Vendor token shapes that secretlint's recommended preset does not cover: JWTs, Stripe keys and
// Google API keys (gitleaks has all three), plus a boundary fix for OpenAI project keys. Bounded quantifiers and explicit token-character
// boundaries, as in secretlint, so every pattern runs in linear time.

import type { SecretKind } from './types';

export interface VendorFinding {
  kind: SecretKind;
  start: number;
  end: number;
}

const PATTERNS: readonly { kind: SecretKind; re: RegExp }[] = [
  // header.payload.signature, base64url; both JSON parts start with `{"` = `eyJ`.
  { kind: 'JWT', re: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{8,4096}(?![A-Za-z0-9_-])/g },
  // Secret and restricted keys, live and test mode (test keys still grant API access to the account).
  { kind: 'Stripe key', re: /(?<![A-Za-z0-9_])[sr]k_(?:live|test)_[A-Za-z0-9]{16,247}(?![A-Za-z0-9_])/g },
  { kind: 'Google API key', re: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g },
  // secretlint's OpenAI pattern ends in `\b`, so it misses keys whose last character is `-` (1 in 64).
  // The marker is base64 of "OpenAI", split here only so that no key-shaped literal sits in the source.
  {
    kind: 'OpenAI key',
    re: new RegExp('(?<![A-Za-z0-9_-])sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,256}' + 'T3Blbk' + 'FJ' + '[A-Za-z0-9_-]{20,256}(?![A-Za-z0-9_-])', 'g'),
  },
];

export function findVendorTokens(text: string): VendorFinding[] {
  const out: VendorFinding[] = [];
  for (const { kind, re } of PATTERNS) {
    for (const m of text.matchAll(re)) out.push({ kind, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
