// The lexicon's matcher (model/lexicon.ts) against the regular expressions it replaced, kept here
// as the reference: one `u` alternation per list, entries grouped by shape, `[\p{L}\p{N}]`
// look-arounds for word boundaries. Every list and every public predicate must give the
// reference's answer on every heading and lead label of every note in test/fixtures, on
// every entry with all kinds of neighbours, and on generated labels.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { noteOf } from '../../../server/src/engine';
import { mdFiles } from '../../reliability/helpers';
import { normalizeLabel, stripQualifiers } from '../../../server/src/engine/model/labels';
import {
  fold,
  LISTS,
  namesAwaiting,
  namesCurrent,
  namesEntry,
  namesPendingWork,
  namesRole,
  opensWithImperative,
} from '../../../server/src/engine/model/lexicon';
import type { Role } from '../../../server/src/engine/types';

// --- the reference: the regular expressions the lexicon compiled before its matcher ---

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

function compile(entries: readonly string[]): RegExp {
  const groups = { word: [] as string[], stem: [] as string[], suffix: [] as string[], infix: [] as string[], unspaced: [] as string[] };
  for (const entry of entries) {
    const e = fold(entry);
    const bare = escape(e.replace(/^\*|\*$/g, ''));
    if (UNSPACED.test(e)) groups.unspaced.push(escape(e));
    else if (e.startsWith('*') && e.endsWith('*')) groups.infix.push(bare);
    else if (e.startsWith('*')) groups.suffix.push(bare);
    else if (e.endsWith('*')) groups.stem.push(bare);
    else groups.word.push(bare);
  }
  const any = (list: string[]) => `(?:${list.join('|')})`;
  const branches = [
    groups.word.length && `${BEFORE}${any(groups.word)}${AFTER}`,
    groups.stem.length && `${BEFORE}${any(groups.stem)}\\p{L}*${AFTER}`,
    groups.suffix.length && `${BEFORE}\\p{L}*${any(groups.suffix)}${AFTER}`,
    groups.infix.length && `${BEFORE}\\p{L}*${any(groups.infix)}\\p{L}*${AFTER}`,
    groups.unspaced.length && any(groups.unspaced),
  ].filter(Boolean);
  return new RegExp(branches.join('|'), 'u');
}

const ROLES = Object.entries(LISTS.roles) as Array<[Role, readonly string[]]>;
const LIST_NAMES = ['pending', 'awaiting', 'current', 'forward', 'step'] as const;
const REF = {
  roles: new Map(ROLES.map(([role, entries]) => [role, compile(entries)])),
  lists: new Map(LIST_NAMES.map((name) => [name, compile(LISTS[name])])),
  imperative: new RegExp(`^(?:${LISTS.imperative.map((v) => escape(fold(v))).join('|')})(?![\\p{L}\\p{N}])`, 'u'),
};
const ref = (name: (typeof LIST_NAMES)[number], s: string) => REF.lists.get(name)!.test(s);

/** Every difference between the matcher and the reference on one label, as readable lines. */
function differences(label: string): string[] {
  const out: string[] = [];
  const same = (what: string, got: boolean, want: boolean) => {
    if (got !== want) out.push(`${what}(${JSON.stringify(label)}): ${got}, reference ${want}`);
  };
  for (const [role] of ROLES) {
    const want = REF.roles.get(role)!.test(label);
    same(`namesRole ${role}`, namesRole(label, role), want);
  }
  for (const name of LIST_NAMES) same(`list ${name}`, namesEntry(LISTS[name], label), ref(name, label));
  same('namesPendingWork', namesPendingWork(label), ref('pending', label) || (ref('forward', label) && ref('step', label)));
  same('namesAwaiting', namesAwaiting(label), ref('awaiting', label));
  same('namesCurrent', namesCurrent(label), ref('current', label));
  same('opensWithImperative', opensWithImperative(label), REF.imperative.test(fold(label.replace(/^[\s*_`~"'“]+/u, ''))));
  return out;
}

/** Checks the labels as written and folded; fails with the first differences found. */
function agree(labels: Iterable<string>): number {
  const seen = new Set<string>();
  const found: string[] = [];
  for (const label of labels) {
    for (const s of [label, fold(label)]) {
      if (seen.has(s)) continue;
      seen.add(s);
      found.push(...differences(s));
    }
  }
  assert.deepEqual(found.slice(0, 20), [], `${found.length} differences`);
  return seen.size;
}

// --- the labels ---

const FIXTURES = resolve(__dirname, '../../fixtures');

/** Headings and lead labels of a note, as the model reads them and as written. */
function labelsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const out: string[] = [];
  const add = (s: string) => {
    const n = normalizeLabel(s);
    out.push(s, n, stripQualifiers(n));
  };
  for (const s of noteOf({ text, path }).allSections) add(s.heading.text);
  // Every line that could be a lead label (at most 80 characters once its markers are off, as
  // the model takes them), and the words before a colon.
  for (const line of text.split(/\r\n|\r|\n/)) {
    const label = line.replace(/^[\s#>*_\-+\d.)]*/, '').replace(/[\s*_:：]*$/, '');
    if (label.length <= 80) add(label);
    const colon = label.indexOf(':');
    if (colon > 0 && colon <= 80) add(label.slice(0, colon));
  }
  return out;
}

/** Every entry of every list, folded and bare, alone and with neighbours of every kind. */
function entryLabels(): string[] {
  const entries = [...ROLES.flatMap(([, e]) => e), ...LIST_NAMES.flatMap((n) => LISTS[n]), ...LISTS.imperative];
  const around = [
    '', 'x', 'a', 'é', 'ß', 'ж', 'δ', '中', 'の', '한', 'ก', 'א', 'ع', 'क', '1', '٣', 'Ⅻ', '½', '_', '-', "'", '’', '.', ',', ':', '(', ')', ' ',
    '  ', '\t', '🚀', '👍🏽', '\u0301', '\u0e31', '\u064e', '\u093f', '𝐀', '𠀀', '\ud800', '\udc00', 'x1', '1x', 'ab ', ' ab', '**',
  ];
  const few = ['', ' ', 'x', '1', '中', "'"];
  const out: string[] = [];
  for (const entry of new Set(entries)) {
    const folded = fold(entry);
    const bare = folded.replace(/^\*|\*$/g, '');
    for (const side of around) out.push(side + bare, bare + side, side + bare + side);
    const forms = [entry, folded, bare.toUpperCase(), bare.slice(0, -1), bare.slice(1), bare.replace(/ /g, '  '), bare.replace(/ /g, '-'), bare.replace(/ /g, '_'), `${bare} ${bare}`, `${bare}s`, `${bare}ing`];
    for (const form of forms) for (const pre of few) for (const post of few) out.push(pre + form + post);
  }
  return out;
}

describe('lexicon: the matcher against the reference regular expressions', () => {
  it('agrees on every heading and lead label of every note in test/fixtures', function () {
    this.timeout(600_000);
    const files = mdFiles(FIXTURES);
    assert.ok(files.length > 500, `${files.length} notes`);
    const checked = agree(files.flatMap(labelsOf));
    assert.ok(checked > 50_000, `${checked} labels`);
  });

  it('agrees on every entry, alone and with letters, digits, marks, punctuation, emoji and CJK around it', function () {
    this.timeout(600_000);
    agree(entryLabels());
  });

  it('agrees on generated labels: lexicon fragments, letters of many scripts, marks, apostrophes, hyphens, digits, spaces', () => {
    const entries = [...ROLES.flatMap(([, e]) => e), ...LIST_NAMES.flatMap((n) => LISTS[n]), ...LISTS.imperative].map((e) => fold(e).replace(/^\*|\*$/g, ''));
    const fragment = fc.constantFrom(...entries).chain((e) =>
      fc.tuple(fc.nat(e.length), fc.nat(e.length)).map(([a, b]) => (a === b ? e : e.slice(Math.min(a, b), Math.max(a, b) + 1))),
    );
    const piece = fc.oneof(
      { weight: 4, arbitrary: fragment },
      { weight: 3, arbitrary: fc.constantFrom(' ', ' ', '  ', '-', '‐', "'", '’', '`', '_', '/', '.', ':', '(', ')', '#', '*') },
      { weight: 2, arbitrary: fc.constantFrom('0', '7', '٣', '۵', '१', 'Ⅻ', '½', '²') },
      { weight: 2, arbitrary: fc.constantFrom('\u0301', '\u0308', '\u0e31', '\u0e48', '\u064e', '\u05b8', '\u093f', '\u20dd', '\u200d', '\ufe0f') },
      { weight: 3, arbitrary: fc.constantFrom('s', 'en', 'ing', 'é', 'Ñ', 'ß', 'ı', 'İ', 'ø', 'ł', 'đ', 'ж', 'Я', 'δ', 'ა', 'ք', 'ก', 'א', 'ع', 'क', 'ம') },
      { weight: 2, arbitrary: fc.constantFrom('中', '的', '事', 'の', 'ア', '한', '일', '🚀', '👍🏽', '𝐀', '𠀀', '\ud800', '\udc00') },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const label = pieces.join('');
        const found = [...differences(label), ...differences(fold(label))];
        assert.deepEqual(found, []);
      }),
      { seed: 7, numRuns: 30_000 },
    );
  });
});
