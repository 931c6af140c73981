// fast-check arbitraries for the reliability properties: Markdown notes built from handoff-like
// pieces (titles, sections, snapshot fields, lists, fences, tables, HTML comments, front matter,
// secrets, personal data, mojibake) mixed with hostile Unicode (astral, ZWJ sequences, combining
// marks, bidi controls, U+FFFD, NUL, lone surrogates), with every line ending.
import fc from 'fast-check';
import type { FileChange, GitFacts } from '../../server/src/engine';
import { makeR, SETS } from '../engine/scan/util';
import { gitFacts } from './helpers';

/** Whole lines a handoff or roadmap is made of (no line breaks inside). */
const LINES = [
  '# Session Handoff', '# Next Chat Handoff', '# Roadmap', '# Handoff — 2026-03-01', 'Handoff', '===', 'Snapshot', '---',
  '## Snapshot', '### snapshot ', '## SNAPSHOT', '## What changed', '## Changes', '## Work in progress', '## Decisions (and links)',
  '## How to run / verify', '## Known issues / risks', '## Next steps (recommended order)', '## Notes', '## Current Status',
  '## What Landed', '## Validation Status', '## Next Priority Work', '## Suggested Starting Point', '## Phase 1: Foundation',
  '- Date: 2026-11-20', '- Date: 2024-02-30', 'Date: 2027-01-01', 'Date: 20 Nov 2026', '- Branch / commit: `main` (HEAD)',
  'Branch: `feature/token-refresh`', 'HEAD / upstream (`origin/main`): `abc1234`', '- Commit: 1234567890abcdef1234567890abcdef12345678',
  'Worktree: dirty', 'Worktree: clean', '- Goal of the session: ship it', '**Date:** 2026-11-20 | **Branch:** `main`',
  'Remaining risks / TODO:', '**Next steps:**', '1. Ship.', '3. Celebrate.', '0. Zero.', '- `src/app.ts`', '- `src/gone.ts` (deleted)',
  '- See [the plan](docs/PLAN.md) and [missing](docs/nope.md).', '- Run `npm run build` then `npm run biuld` and `make chek`.',
  '- [ ] ST-04-02 Wire the tree', '- [x] EPIC-04 done ✅', '| ID | Item | Status |', '|---|---|---|', '| ST-01 | parser | ✅ Done |',
  '```sh', '```', '~~~', 'npm test', '    indented code', '> quoted', '> ## Snapshot', '<!-- handoff-disable-next-line -->',
  '<!-- handoff-disable mojibake -->', '<!-- handoff-enable mojibake -->', '<!-- handoff-disable-file no-secrets -- fake -->',
  '<details>', '</details>', '<!--', '-->', 'type: handoff', 'date: 2024-02-30', 'handoff: next-chat-handoff', 'key: [unclosed',
  '- ' + 'word '.repeat(80), 'TBD', '...', '-', '', '', '',
];

/** Line prefixes that open a block. */
const PREFIXES = ['', '', '', '# ', '## ', '### ', '- ', '* ', '1. ', '2) ', '> ', '  - ', '    ', '| ', '- [ ] ', '```', '**', '<!-- '];

/** Inline pieces, hostile Unicode among them. */
const INLINE = [
  'a', 'Z', '7', ' ', '  ', '\t', 'word', 'Snapshot', 'next steps', ':', ': ', '`', '``', '*', '_', '[', ']', '(', ')', '<', '>', '|', '\\',
  '#', '-', '.', '/', '@', '=', '"', "'", '—', '→', 'â€”', 'â€™', 'Ã©', 'Ð¿Ñ€Ð¸', '\uFFFD', '\u0000', '\u0007', '😀', '🚀', '👩\u200d💻',
  '\u200d', 'e\u0301', '\u0301', '\u202e', '\u2066', '\u2069', '\u200b', '\u00ad', '\ufeff', '\u{E0041}', '𝔘', '한국어', 'é', '\ud800',
  '\udc00', 'src/app.ts', '`src/engine/x.ts:12`', '[link](b', '](', 'https://example.com/a_b', '/home/alice/project', 'C:\\Users\\bob\\x',
  'dev@example.com', '+1 415 555 0100', 'abc1234', 'deadbeefcafe', '2026-11-20', 'token=', 'password: ', '${GITHUB_TOKEN}',
  '<your-token>', 'ghp_' + 'x'.repeat(36), '-----BEGIN ' + 'PRIVATE KEY-----', '&amp;', '&#x202e;',
];

const TOKEN_BUILDERS: Array<(R: (n: number, s: string) => string) => string> = [
  (R) => 'gh' + 'p_' + R(36, SETS.alnum),
  (R) => 'AK' + 'IA' + R(16, SETS.upperB32),
  (R) => `xo${'xb-'}${R(11, SETS.digits)}-${R(12, SETS.digits)}-${R(24, SETS.alnum)}`,
  (R) => 'sk_' + 'live_' + R(24, SETS.alnum),
  (R) => 'np' + 'm_' + R(36, SETS.lowerAlnum),
  (R) => 'password = "' + R(20, SETS.alnum) + '"',
  (R) => 'postgres://app:' + R(16, SETS.alnum) + '@db.internal:5432/app',
  (R) => 'gh' + 'p_' + R(12, SETS.alnum), // a split token's first half
  (R) => 'alice.' + R(5, 'a-z') + '@' + 'acme-corp.com',
];

/** A token built at run time from a drawn seed. */
export const secretPiece = fc.tuple(fc.nat(TOKEN_BUILDERS.length - 1), fc.nat()).map(([i, seed]) => TOKEN_BUILDERS[i](makeR(seed)));

const inline = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...INLINE) },
  { weight: 1, arbitrary: secretPiece },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }).map((s) => s.replace(/[\r\n]/g, '')) },
);

/** One line, without its line break. */
export const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...LINES) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...PREFIXES), fc.array(inline, { maxLength: 6 })).map(([p, parts]) => p + parts.join('')) },
);

export type Eol = '\n' | '\r\n' | '\r';
export const EOLS: Eol[] = ['\n', '\r\n', '\r'];

/** A note as lines (joined by the caller with one line ending, or a mix). */
export const noteLines = fc.array(line, { minLength: 0, maxLength: 40 });

/** Lines joined with a line ending chosen per line. */
export const mixedEols = (n: number) => fc.array(fc.constantFrom<Eol>(...EOLS), { minLength: n, maxLength: n });

export function joinLines(lines: string[], eols: Eol | Eol[], finalEol: boolean): string {
  let out = '';
  lines.forEach((l, i) => {
    out += l;
    if (i < lines.length - 1 || finalEol) {
      const eol = typeof eols === 'string' ? eols : eols[i % eols.length];
      // A lone CR, an empty line and an LF would read as one CRLF: keep the lines apart.
      out += eol === '\n' && out.endsWith('\r') ? '\r\n' : eol;
    }
  });
  return out;
}

/** The paths a note may pretend to have: handoff, roadmap, another note, a name that only looks like a handoff. */
export const notePath = fc.constantFrom('HANDOFF.md', 'NEXT_CHAT_HANDOFF.md', '.agent/handoff.md', 'docs/ROADMAP.md', 'notes.md', 'docs/SESSION_HANDOFF.md');

const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });

/** Repository paths, hostile ones among them (spaces, backticks, newlines, a leading dash, non-ASCII, bidi). */
export const repoPath = fc.oneof(
  fc.constantFrom('src/app.ts', 'src/b.ts', 'docs/PLAN.md', 'README.md', 'a b/c d.ts', 'tick`s.md', 'two``ticks.md', '-leading.md', 'new\nline.md',
    'tab\there.md', 'ünï/cødé.md', 'evil\u202e.md', 'src/deep/er/x.rs', 'HANDOFF.md', '## Snapshot', ' spaced .md'),
  fc.array(fc.constantFrom('src', 'lib', 'a', 'ß', 'x y', 'é'), { minLength: 1, maxLength: 3 }).chain((parts) => fc.constantFrom('.ts', '.md', '').map((ext) => parts.join('/') + ext)),
);

const change: fc.Arbitrary<FileChange> = fc.record({
  path: repoPath,
  status: fc.constantFrom<FileChange['status']>('added', 'modified', 'deleted', 'renamed', 'untracked'),
}).chain((c) => (c.status === 'renamed' ? repoPath.map((from) => ({ ...c, from })) : fc.constant(c)));

/** Git facts a repository could give, odd branch names and hostile paths included. */
export const gitFactsArb: fc.Arbitrary<GitFacts> = fc
  .record({
    branch: fc.constantFrom<string | null>('main', 'feature/token-refresh', 'release/2.0', null, 'ünïcode', 'x-y_z.1'),
    detached: fc.boolean(),
    unborn: fc.boolean(),
    head: fc.option(hex(40), { nil: null }),
    upstream: fc.option(fc.record({ name: fc.constant('origin/main'), sha: fc.option(hex(40), { nil: null }), ahead: fc.nat(5), behind: fc.nat(5) }), { nil: null }),
    dirty: fc.boolean(),
    status: fc.array(change, { maxLength: 4 }),
    changedSince: fc.option(fc.uniqueArray(change, { maxLength: 40, selector: (c) => c.path }), { nil: null }),
    noteLastCommitDate: fc.option(fc.constantFrom('2026-11-20T10:00:00Z', '2025-01-01T00:00:00Z'), { nil: null }),
  })
  .map((r) => gitFacts({ ...r, unborn: r.unborn && r.head === null, detached: r.detached && r.head !== null }));
