// Test-time secret material. No token-shaped literal is committed: every positive is built from
// pieces and seeded random characters, the way gitleaks' `newPlausibleSecret` does.

import { strict as assert } from 'node:assert';

/** mulberry32: small, fast, seedable; good enough to draw test characters. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Expand `A-Za-z0-9_-` style notation (a trailing or leading `-` is literal). */
export function charset(spec: string): string {
  let out = '';
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i] as string;
    const next = spec[i + 1];
    const to = spec[i + 2];
    if (next === '-' && to !== undefined) {
      for (let k = c.charCodeAt(0); k <= to.charCodeAt(0); k++) out += String.fromCharCode(k);
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

export const SETS = {
  alnum: 'A-Za-z0-9',
  upperB32: 'A-Z2-7',
  base64: 'A-Za-z0-9+/',
  b64url: 'A-Za-z0-9_-',
  digits: '0-9',
  lowerAlnum: 'a-z0-9',
  word: 'A-Za-z0-9_',
  hex: '0-9a-f',
  awsSecret: 'A-Za-z0-9/+',
} as const;

/** `R(n, set)`: n characters from `set` drawn with a seeded PRNG. One generator per test file. */
export function makeR(seed: number): (n: number, set: string) => string {
  const next = prng(seed);
  return (n, set) => {
    const chars = charset(set);
    let s = '';
    for (let i = 0; i < n; i++) s += chars[Math.floor(next() * chars.length)];
    return s;
  };
}

/** A random UUID-shaped string (v4 layout). */
export function uuid(R: (n: number, set: string) => string): string {
  return `${R(8, SETS.hex)}-${R(4, SETS.hex)}-4${R(3, SETS.hex)}-a${R(3, SETS.hex)}-${R(12, SETS.hex)}`;
}

export interface Ranged {
  start: number;
  end: number;
}

/** Exactly one hit covers `needle` (at its first occurrence, or at `from`), with the exact range. */
export function assertExactHit<T extends Ranged>(text: string, hits: readonly T[], needle: string, from = 0): T {
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, 'test bug: needle not in text');
  const hit = hits.find((h) => h.start === start && h.end === start + needle.length);
  assert.ok(hit, `no hit with the exact range [${start}, ${start + needle.length}); got ${JSON.stringify(hits.map((h) => [h.start, h.end]))}`);
  assert.equal(text.slice(hit.start, hit.end), needle);
  return hit;
}

/** No hit overlaps `needle`. */
export function assertNoHitOn<T extends Ranged>(text: string, hits: readonly T[], needle: string): void {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, 'test bug: needle not in text');
  const end = start + needle.length;
  const over = hits.filter((h) => h.start < end && h.end > start);
  assert.deepEqual(over, [], `unexpected hit on ${JSON.stringify(needle)}`);
}

/** Wall-clock milliseconds of `f()`. */
export function timeMs(f: () => unknown): number {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * A string matching `source` (a regex without look-arounds or back references), every character of a
 * class drawn uniformly with a seeded PRNG: the plausible-secret builder for regex-described shapes.
 * Supports literals, escapes, `\w` `\d`, classes with ranges, `(?:a|b)` groups, `?`, `{n}`, `{n,m}`
 * (`*`, `+` and open `{n,}` draw at most n + 8). Random values drawn this way have the entropy of the
 * class, as `R(n, set)` does.
 */
export function sampleOf(source: string, next: () => number): string {
  let i = 0;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const CLASS: Record<string, string> = { w: charset('A-Za-z0-9_'), d: '0123456789', s: ' ' };
  const escaped = (c: string): string => CLASS[c] ?? c;
  function atom(): () => string {
    const c = source[i++] as string;
    if (c === '(') {
      if (source.startsWith('?:', i)) i += 2;
      const alts = alternation();
      i++; // ')'
      return () => pick(alts)();
    }
    if (c === '[') {
      let set = '';
      while (source[i] !== ']') {
        let a = source[i++] as string;
        if (a === '\\') {
          const e = escaped(source[i++] as string);
          if (e.length > 1) { set += e; continue; }
          a = e;
        }
        if (source[i] === '-' && source[i + 1] !== ']') {
          i++;
          let b = source[i++] as string;
          if (b === '\\') b = source[i++] as string;
          for (let k = a.charCodeAt(0); k <= b.charCodeAt(0); k++) set += String.fromCharCode(k);
        } else set += a;
      }
      i++;
      return () => pick([...set]);
    }
    if (c === '\\') {
      const e = escaped(source[i++] as string);
      return () => pick([...e]);
    }
    if (c === '.') return () => pick([...CLASS.w!]);
    return () => c;
  }
  function repeat(gen: () => string): () => string {
    let min = 1;
    let max = 1;
    const q = source[i];
    if (q === '?') [min, max] = [0, 1];
    else if (q === '*') [min, max] = [0, 8];
    else if (q === '+') [min, max] = [1, 9];
    else if (q === '{') {
      const close = source.indexOf('}', i);
      const [a, b] = source.slice(i + 1, close).split(',');
      min = Number(a);
      max = b === undefined ? min : b === '' ? min + 8 : Number(b);
      i = close;
    } else return gen;
    i++;
    return () => {
      const n = min + Math.floor(next() * (max - min + 1));
      let s = '';
      for (let k = 0; k < n; k++) s += gen();
      return s;
    };
  }
  function sequence(): () => string {
    const parts: Array<() => string> = [];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') parts.push(repeat(atom()));
    return () => parts.map((p) => p()).join('');
  }
  function alternation(): Array<() => string> {
    const alts = [sequence()];
    while (source[i] === '|') {
      i++;
      alts.push(sequence());
    }
    return alts;
  }
  const alts = alternation();
  return pick(alts)();
}
