// Passwords in URLs (`postgres://app:PASS@db`, redis, amqp, …) and in `curl -u user:PASS`.
//
// secretlint covers postgres/mysql/mongodb and http(s)/ftp basic auth with a narrow password charset;
// this adds the other schemes (redis, amqp, …), any password charset allowed in a URL, and curl. Defaults
// and stand-ins (`user:password@localhost`, `postgres:postgres`, `guest:guest`, `${DB_PASS}`, `$PASS`) are
// not reported: see isPlaceholderCredential.

import { isPlaceholderCredential } from './placeholder';
import type { SecretKind } from './types';

export interface CredentialFinding {
  kind: SecretKind;
  start: number;
  end: number;
}

const DB_SCHEMES = new Set([
  'postgres', 'postgresql', 'mysql', 'mysqlx', 'mariadb', 'mongodb', 'mongodb+srv', 'redis', 'rediss',
  'mssql', 'sqlserver', 'cockroachdb', 'clickhouse', 'neo4j', 'neo4j+s', 'bolt', 'couchdb', 'cassandra',
  'amqp', 'amqps', 'kafka', 'nats', 'mqtt', 'mqtts',
]);

/**
 * scheme://user:password@host. The user has no `:`; the password runs to the first `@` and contains no
 * `/`, whitespace, quotes or angle brackets (RFC 3986 userinfo). Bounded quantifiers: linear time.
 */
const URL_CREDENTIAL =
  /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{1,20}):\/\/([^\s:@/?#'"`<>()[\]{}]{1,128}):([^\s@/?#'"`<>]{1,256})@(?=[A-Za-z0-9[])/g;

const CURL = /\bcurl\b/g;
/** ` -u user:pass`, ` --user user:pass`, ` --user=user:pass`, optionally quoted. */
const USER_FLAG = /[ \t](?:-u[ \t]*|--user(?:[ \t]+|=))(["']?)([^\s:"'`]{0,128}):([^\s"'`]{1,256})\1(?=[\s;|&)`]|$)/g;

/**
 * End of the curl command that starts at `from`: the end of its logical line (backslash-newline
 * continues it), the next `curl`, or 2,048 characters on, whichever comes first. Regions never overlap,
 * so scanning all of them is linear in the text.
 */
function commandEnd(text: string, from: number, limit: number): number {
  const max = Math.min(limit, from + 2048);
  for (let i = from; i < max; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      let j = i - 1;
      while (j >= from && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j--;
      if (j < from || text.charCodeAt(j) !== 92) return i;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return max;
}

export function findCredentials(text: string): CredentialFinding[] {
  const out: CredentialFinding[] = [];
  for (const m of text.matchAll(URL_CREDENTIAL)) {
    const [whole, scheme, user, password] = m as unknown as [string, string, string, string];
    if (isPlaceholderCredential(user, password)) continue;
    const end = m.index + whole.length - 1;
    out.push({ kind: DB_SCHEMES.has(scheme.toLowerCase()) ? 'database URL password' : 'URL password', start: end - password.length, end });
  }
  const curls = [...text.matchAll(CURL)].map((m) => m.index);
  let nextFlag = -1;
  curls.forEach((at, k) => {
    const from = at + 4;
    // Skip commands without `-u` / `--user` cheaply; `nextFlag` only moves forward, so this stays linear.
    if (nextFlag < from) nextFlag = text.indexOf('-u', from);
    if (nextFlag < 0) nextFlag = text.length;
    const end = commandEnd(text, from, curls[k + 1] ?? text.length);
    if (nextFlag >= end) return;
    const region = text.slice(from, end);
    for (const m of region.matchAll(USER_FLAG)) {
      const [whole, quote, user, password] = m as unknown as [string, string, string, string];
      if (isPlaceholderCredential(user, password)) continue;
      const end = from + m.index + whole.length - quote.length;
      out.push({ kind: 'curl password', start: end - password.length, end });
    }
  });
  return out;
}
