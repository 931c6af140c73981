// Shared material for the reliability tests: every note the repository holds (fixtures, the two
// examples, the corpus), line-ending conversions, generated git facts, fake secrets built at run
// time (no token-shaped literal is committed) and the fast-check budget.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { GitFacts, TextEdit, WorkspaceFacts } from '../../server/src/engine';
import { emptyCatalog } from '../../server/src/engine/examples/example-facts';
import { makeR, SETS } from '../engine/scan/util';

export const REPO = resolve(__dirname, '../..');
export const TODAY = '2026-11-22';

export interface NoteFile {
  /** Repository-relative path of the file, for messages. */
  name: string;
  /** The path the note pretends to have (decides its kind by glob). */
  path: string;
  text: string;
}

/** Every Markdown file under `dir`, sorted. */
export function mdFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...mdFiles(p));
    else if (e.endsWith('.md')) out.push(p);
  }
  return out;
}

/** The corpus of real notes, each under the path it has in its repository (INDEX.tsv). */
export function corpusNotes(): NoteFile[] {
  const dir = join(REPO, 'test/fixtures/corpus');
  const [header, ...rows] = readFileSync(join(dir, 'INDEX.tsv'), 'utf8').split('\n').filter(Boolean);
  const cols = header.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    const file = cells[cols.indexOf('file')];
    return { name: `test/fixtures/corpus/${file}`, path: cells[cols.indexOf('path')], text: readFileSync(join(dir, file), 'utf8') };
  });
}

export function exampleNotes(): NoteFile[] {
  const dir = join(REPO, 'test/fixtures/examples');
  return mdFiles(dir).map((p) => ({ name: p.slice(REPO.length + 1), path: p.endsWith('next-chat-handoff.md') ? 'NEXT_CHAT_HANDOFF.md' : 'SESSION_HANDOFF.md', text: readFileSync(p, 'utf8') }));
}

/** The rule fixtures (test/engine/fixtures/<rule>/<name>.md) with the path their sidecar names. */
export function ruleFixtureNotes(): NoteFile[] {
  const dir = join(REPO, 'test/engine/fixtures');
  return mdFiles(dir).map((p) => {
    const sidecar = p.replace(/\.md$/, '.expect.json');
    let path = p.slice(p.lastIndexOf('/') + 1);
    try {
      const raw = JSON.parse(readFileSync(sidecar, 'utf8')) as unknown;
      if (raw && !Array.isArray(raw) && typeof (raw as { path?: unknown }).path === 'string') path = (raw as { path: string }).path;
    } catch {
      /* no sidecar: the file name */
    }
    return { name: p.slice(REPO.length + 1), path, text: readFileSync(p, 'utf8') };
  });
}

export function allNotes(): NoteFile[] {
  return [...exampleNotes(), ...ruleFixtureNotes(), ...corpusNotes()];
}

/** The same text with every line break written as `eol`. */
export function withEol(text: string, eol: '\n' | '\r\n' | '\r'): string {
  return text.replace(/\r\n|\r|\n/g, eol);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Whether an offset falls between the two halves of a surrogate pair. */
export function splitsSurrogate(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** Whether an offset falls between the \r and \n of a CRLF. */
export function splitsCrlf(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
}

/** Bytes outside the edits are unchanged: checked by walking the gaps, not by re-applying. */
export function assertOnlyEditedRangesChanged(before: string, edits: readonly TextEdit[], after: string, label: string): void {
  const ascending = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let delta = 0;
  let previousEnd = 0;
  for (const e of ascending) {
    assert.ok(e.start >= previousEnd, `${label}: overlapping edits at ${e.start}`);
    assert.ok(e.end >= e.start && e.end <= before.length, `${label}: edit out of range`);
    assert.equal(after.slice(previousEnd + delta, e.start + delta), before.slice(previousEnd, e.start), `${label}: text before offset ${e.start} changed`);
    assert.equal(after.slice(e.start + delta, e.start + delta + e.text.length), e.text, `${label}: edit text not in place`);
    delta += e.text.length - (e.end - e.start);
    previousEnd = e.end;
  }
  assert.equal(after.slice(previousEnd + delta), before.slice(previousEnd), `${label}: text after the last edit changed`);
  assert.equal(after.length, before.length + delta, `${label}: length`);
}

/**
 * The fast-check budget: a fixed seed and `ciRuns` runs in CI (`npm test`); `npm run fuzz`
 * (scripts/fuzz.mjs) sets HANDOFF_FUZZ_SCALE (runs multiplied, default there 20) and
 * HANDOFF_FUZZ_SEED (a fresh seed each time, printed, so that a failure can be replayed).
 */
export function budget(ciRuns: number): { seed: number; numRuns: number; endOnFailure: boolean } {
  const scale = Number(process.env.HANDOFF_FUZZ_SCALE);
  const seed = Number(process.env.HANDOFF_FUZZ_SEED);
  return {
    seed: process.env.HANDOFF_FUZZ_SEED && Number.isInteger(seed) ? seed : FIXED_SEED,
    numRuns: Number.isFinite(scale) && scale > 0 ? Math.max(1, Math.round(ciRuns * scale)) : ciRuns,
    endOnFailure: true,
  };
}

/** The seed CI runs the properties with. */
export const FIXED_SEED = 0x48414e44;

/** Fake secrets for leak tests, built from pieces with a seeded PRNG. */
export function fakeSecrets(seed = 0x1eaf): Record<string, string> {
  const R = makeR(seed);
  return {
    github: 'gh' + 'p_' + R(36, SETS.alnum),
    aws: 'AK' + 'IA' + R(16, SETS.upperB32),
    slack: `xo${'xb-'}${R(11, SETS.digits)}-${R(12, SETS.digits)}-${R(24, SETS.alnum)}`,
    stripe: 'sk_' + 'live_' + R(24, SETS.alnum),
    anthropic: 'sk-' + 'ant-api03-' + R(93, SETS.b64url) + 'AA',
    npm: 'np' + 'm_' + R(36, SETS.lowerAlnum),
    password: R(20, SETS.alnum),
    dbPassword: R(16, SETS.alnum),
    email: 'alice.' + R(6, 'a-z') + '@' + 'acme-corp.com',
  };
}

/** Substrings of a secret long enough to be telling (a masked preview keeps at most a short prefix). */
export function telltales(secret: string): string[] {
  if (secret.length < 16) return [secret];
  const out: string[] = [];
  for (let i = 8; i + 8 <= secret.length; i += 8) out.push(secret.slice(i, i + 8));
  return out;
}

export function assertNoSecret(where: string, haystack: string, secrets: Record<string, string>): void {
  for (const [name, secret] of Object.entries(secrets)) {
    for (const piece of telltales(secret)) {
      assert.ok(!haystack.includes(piece), `${where}: a piece of the ${name} secret (${piece.slice(0, 2)}…) appears`);
    }
  }
}

/** Git facts with the given overrides. */
export function gitFacts(over: Partial<GitFacts> = {}): GitFacts {
  return {
    root: '/repo',
    branch: 'main',
    detached: false,
    unborn: false,
    head: '1234567890abcdef1234567890abcdef12345678',
    upstream: null,
    dirty: false,
    status: [],
    shallow: false,
    commits: {},
    paths: {},
    noteLastCommitDate: null,
    changedSince: null,
    ...over,
  };
}

/** Workspace facts over a list of files. */
export function workspaceOf(files: string[]): WorkspaceFacts {
  const set = new Set(files);
  const folders = new Set(files.flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  return {
    exists: (p) => set.has(p.replace(/\/$/, '')) || folders.has(p.replace(/\/$/, '')),
    findByName: (name) => files.filter((f) => f.split('/').pop() === name),
    entries: () => undefined,
    commands: { ...emptyCatalog(), npmScripts: ['build', 'test', 'lint'], makeTargets: ['all', 'check'] },
  };
}

/** Wall-clock milliseconds of `f()`. */
export function timeMs<T>(f: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = f();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}
