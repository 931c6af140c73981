// Results of the text scanners. Offsets are UTF-16 code-unit indices into the scanned text
// (JavaScript string indices, what LSP positions count); `end` is exclusive.

/**
 * `secret`: a credential by every check we have (Error).
 * `possible-split`: a known token prefix hard-wrapped at a line end and continued on the next line (Warning).
 * `placeholder`: a known token shape whose value is a stand-in (`ghp_` + `x` × 36, `xoxb-` + `your-token-here`) (Info at most).
 */
export type SecretCertainty = 'secret' | 'possible-split' | 'placeholder';

export type SecretKind =
  | 'GitHub token'
  | 'GitHub fine-grained token'
  | 'AWS access key id'
  | 'AWS secret access key'
  | 'Slack token'
  | 'Slack webhook'
  | 'private key'
  | 'npm token'
  | 'SendGrid key'
  | 'Shopify token'
  | 'OpenAI key'
  | 'Anthropic key'
  | 'Linear key'
  | '1Password token'
  | 'JWT'
  | 'Stripe key'
  | 'Google API key'
  | 'database URL password'
  | 'URL password'
  | 'curl password'
  | 'bearer token'
  | 'generic assignment'
  /** A shape of gitleaks' rule list (scan/shapes.ts), by the name the message uses. */
  | (string & {});

export interface SecretHit {
  /** Start of the token or value only (never the label, `=`, quotes or URL around it). */
  start: number;
  end: number;
  kind: SecretKind;
  /** Masked: the known non-secret prefix (if any), `…`, and the length. Never any of the secret body. */
  preview: string;
  certainty: SecretCertainty;
}

export type PersonalKind = 'email' | 'home-path' | 'phone';

export interface PersonalHit {
  start: number;
  end: number;
  kind: PersonalKind;
  /** Masked: `a…@acme-corp.com`, `/Users/a…`, `+44 …(12 digits)`. */
  preview: string;
}

export interface InvisibleHit {
  start: number;
  /** `end - start` is 1, or 2 for an astral tag character. */
  end: number;
  /** The character itself (the fix removes it). */
  char: string;
  /** Unicode name, e.g. `RIGHT-TO-LEFT OVERRIDE`. */
  name: string;
}

export interface MojibakeHit {
  start: number;
  end: number;
  /** The text the run stood for, e.g. `—` for `â€”` (the fix replaces the range with it). */
  repaired: string;
}
