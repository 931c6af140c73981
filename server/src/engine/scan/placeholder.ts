// What a value looks like when it is a stand-in rather than a credential. Shared by every
// secret scanner so that the vendor, URL, curl and generic checks agree on the same value.

import { shannonEntropy } from './entropy';

/** Template and variable syntax: `${X}`, `$X`, `$(cmd)`, `{{ secrets.X }}`, `<your-token>`, `%TOKEN%`, `[TOKEN]`. */
const VARIABLE_SYNTAX = /\$\{|\$\(|^\$[A-Za-z_]|\{\{|\}\}|<[^<>]{0,64}>|<[^<>]{0,64}$|%[A-Za-z_][A-Za-z0-9_]{0,63}%|^\[[^\]]{0,64}\]$/;

/**
 * Words that make a value a stand-in (also a value that says it is for CI or tests only,
 * `ci-only-…`). Random tokens contain one of these with negligible probability.
 */
const PLACEHOLDER_WORDS = /your|here|changeme|change_me|change-me|example|redacted|placeholder|dummy|replace|insert|fake|(?:^|[-_.])(?:ci|test|dev|local)[-_]only(?:[-_.]|$)/i;

/** Elisions and masks: `...`, `…`, `****`, `••••`, `xxxx`, `XXXX`. */
const ELISION = /\.\.\.|…|\*\*\*|•••|xxxx|XXXX/;

/**
 * A letter outside ASCII (`figd_여기에-토큰-입력`, "enter the token here"; `sk-вставьте-ключ`): every
 * vendor token and generated key is ASCII, so such a value is words of a stand-in in some language.
 */
const NON_ASCII_LETTER = /(?![\x00-\x7f])\p{L}/u;

/** One character repeated 5+ times: `aaaaa`, `00000`. Random tokens almost never contain such a run. */
const LONG_RUN = /(.)\1{4,}/;

/**
 * Whether `value` is a placeholder: template syntax, a placeholder word, a non-ASCII letter, an elision, a long run of one
 * character, at most two distinct characters (`abababab`), or, from 16 characters on, entropy below
 * 2.5 bits/char (`"x9Kq".repeat(9)` is 2.0). Shorter values are not judged by entropy: 9 random digits
 * fall under 2.5 often enough to matter (a token cut at a line end can be that short).
 */
export function isPlaceholder(value: string): boolean {
  if (value.length === 0) return true;
  if (VARIABLE_SYNTAX.test(value) || PLACEHOLDER_WORDS.test(value) || ELISION.test(value)) return true;
  if (NON_ASCII_LETTER.test(value)) return true;
  if (LONG_RUN.test(value)) return true;
  if (value.length >= 6 && new Set(value).size <= 2) return true;
  return value.length >= 16 && shannonEntropy(value) < 2.5;
}

/** Passwords that are the documented default of some tool or an obvious stand-in (compared case-insensitively). */
const DEFAULT_PASSWORDS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'postgres', 'postgresql', 'root', 'admin', 'user',
  'username', 'mysql', 'mariadb', 'guest', 'redis', 'rabbitmq', 'mongo', 'mongodb', 'test', 'testing',
  'changeme', 'default', 'demo', 'dev', 'local', 'qwerty', 'letmein', '123456', '12345678', 'pw', 'token',
  'mypassword', 'yourpassword', 'apikey', 'api_key', 'x-oauth-basic',
]);

/**
 * Whether a credential pair found in a URL or `curl -u` is a stand-in: shorter than 4 characters (as in
 * secretlint), a placeholder value, a default password (`postgres:postgres`, `guest:guest`,
 * `user:password`), the password equal to the user, or a metasyntactic capitalised name (`PASS`,
 * `API_TOKEN`: docs write `user:PASS` for "your password here").
 */
export function isPlaceholderCredential(user: string, password: string): boolean {
  const p = password.toLowerCase();
  if (password.length < 4 || /^[A-Z][A-Z_]*$/.test(password)) return true;
  if (DEFAULT_PASSWORDS.has(p) || p === user.toLowerCase()) return true;
  if (VARIABLE_SYNTAX.test(user) && VARIABLE_SYNTAX.test(password)) return true;
  return isPlaceholder(password);
}
