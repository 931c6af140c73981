// Generic `key = value` secrets, gitleaks style: a keyword prefilter, then an entropy gate.
//
// Key: an identifier that ENDS in password / passwd / secret / token / api_key / apikey / access_key /
// secret_key / private_key / client_secret / auth (any case, camelCase, env style or prose: `DB_PASSWORD`,
// `clientSecret`, `GITHUB_TOKEN`, `API key`), optionally followed by up to two environment suffixes
// (`SECRET_KEY_BASE`, `OPENAI_API_KEY_PROD`, `_V2`), optionally quoted, in backticks or bold, then `=`,
// `:`, `:=` or `=>`. Because the keyword must end the key, `token_endpoint`, `api_version`,
// `secret_hash`, `auth_url` and `max_tokens` are not keys at all.
//
// Value (without its quotes) is reported only when ALL hold:
// - 8 to 256 characters, no whitespace;
// - Shannon entropy > 3.5 bits/char (gitleaks' generic threshold; note that a value needs at least 12
//   distinct characters to exceed it, so short passwords are never reported by this check);
// - at least two character classes of lower / upper / digit / symbol;
// - not a placeholder (`${X}`, `$X`, `<your-token>`, `{{ secrets.X }}`, `%X%`, placeholder words, `…`);
// - not code or a name: a member expression (`process.env.X`, `NextAuth.js`, a host name), a call or index
//   (`os.environ[…]`, `z.string()`), an identifier made of words (`GITHUB_TOKEN`, `accessTokenCookie`),
//   a URL or a path;
// - not a hash or id: a UUID, a 40-hex commit SHA, or a short hex hash (≤ 12).
// `Bearer <value>` is checked the same way (kind `bearer token`).

import { shannonEntropy } from './entropy';
import { isPlaceholder } from './placeholder';
import type { SecretKind } from './types';

export interface AssignmentFinding {
  /** `AWS secret access key` when the key names one (secretlint misses values ending in `/` or `+`). */
  kind: SecretKind;
  start: number;
  end: number;
}

export const ENTROPY_THRESHOLD = 3.5;

const KEYWORD =
  /(?:api[_ -]?key|access[_ -]?key|secret[_ -]?key|private[_ -]?key|client[_ -]?secret|password|passwd|secret|token|auth)(?:[_-](?:base|prod|production|dev|development|test|staging|live|main|local|old|new|v\d{1,2})){0,2}(?![A-Za-z0-9_.-])/gi;
/** After the keyword: optional closing quote/backtick/bold, spaces, the operator, spaces. */
const OPERATOR = /^["'`*]{0,2}[ \t]{0,8}(?::=|=>|=(?![=~])|:(?![:/]))[ \t]{0,8}/;
const BEARER = /\bBearer[ \t]{1,8}/g;

const QUOTES = new Set(['"', "'", '`']);
/** Characters that end an unquoted value (`&` ends a query-string parameter). */
const VALUE_STOP = /[\s"'`<>,;&()[\]{}|\\]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]+$/i;
const MEMBER_EXPRESSION = /^[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)+$/;

/** Value starting at `i`: [start, end] without quotes, or null if there is none or it is code. */
function readValue(text: string, i: number): [number, number] | null {
  const q = text[i];
  if (q !== undefined && QUOTES.has(q)) {
    const close = text.slice(i + 1, i + 259).indexOf(q);
    return close < 0 ? null : [i + 1, i + 1 + close];
  }
  let e = i;
  const max = Math.min(text.length, i + 257);
  while (e < max && !VALUE_STOP.test(text[e] as string)) e++;
  const next = text[e];
  if (next === '(' || next === '[' || next === '{') return null;
  while (e > i && /[.,:;!?*]/.test(text[e - 1] as string)) e--;
  return [i, e];
}

function classes(v: string): number {
  return (/[a-z]/.test(v) ? 1 : 0) + (/[A-Z]/.test(v) ? 1 : 0) + (/[0-9]/.test(v) ? 1 : 0) + (/[^A-Za-z0-9_-]/.test(v) ? 1 : 0);
}

/** `GITHUB_TOKEN`, `refresh-token-rotation`, `accessTokenCookie`: every segment is a word. */
function isWordIdentifier(v: string): boolean {
  if (!/^[A-Za-z_-]+$/.test(v)) return false;
  const segments = v.split(/[_-]+|(?<=[a-z])(?=[A-Z])/).filter((s) => s.length > 0);
  return segments.every((s) => /^[A-Z]?[a-z]{2,}$|^[A-Z]{2,}$/.test(s));
}

/** Whether `v` passes every gate above. Exported for tests. */
export function isSecretValue(v: string): boolean {
  if (v.length < 8 || v.length > 256 || /\s/.test(v)) return false;
  if (isPlaceholder(v)) return false;
  if (v.includes('://') || /^(?:\.{0,2}\/|~)/.test(v)) return false;
  if (MEMBER_EXPRESSION.test(v) || isWordIdentifier(v)) return false;
  if (UUID.test(v) || (HEX.test(v) && (v.length <= 12 || v.length === 40))) return false;
  if (classes(v) < 2) return false;
  return shannonEntropy(v) > ENTROPY_THRESHOLD;
}

export function findAssignments(text: string): AssignmentFinding[] {
  const out: AssignmentFinding[] = [];
  for (const m of text.matchAll(KEYWORD)) {
    const after = m.index + m[0].length;
    const op = OPERATOR.exec(text.slice(after, after + 24));
    if (!op) continue;
    const value = readValue(text, after + op[0].length);
    if (value && isSecretValue(text.slice(value[0], value[1]))) {
      const aws = /aws_?secret_?access_?key$/i.test(text.slice(Math.max(0, m.index - 14), after));
      out.push({ kind: aws ? 'AWS secret access key' : 'generic assignment', start: value[0], end: value[1] });
    }
  }
  for (const m of text.matchAll(BEARER)) {
    const value = readValue(text, m.index + m[0].length);
    if (value && isSecretValue(text.slice(value[0], value[1]))) {
      out.push({ kind: 'bearer token', start: value[0], end: value[1] });
    }
  }
  return out;
}
