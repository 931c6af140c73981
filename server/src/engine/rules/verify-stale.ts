import { defineRule } from '../lint/rule';
import { verifySections } from '../model/verify';
import type { FileChange, NoteHistoryFacts } from '../facts';
import { EXAMPLE_HEAD } from '../examples/example-facts';

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const NOTE = (verify: string[], commit: string | null = SHA.slice(0, 7)) =>
  `# Session Handoff\n\n## Snapshot\n\n- Date: 2026-11-20\n${commit ? `- Commit: \`${commit}\`\n` : ''}\n## How to run / verify\n\n${verify.join('\n')}\n`;
const changed = (...paths: string[]): FileChange[] => paths.map((path) => ({ path, status: 'modified' }));
const noteHistory = (files: FileChange[]): NoteHistoryFacts => ({
  versions: [{ version: { commit: SHA, date: '2026-11-19T10:00:00Z', author: 'Dev', subject: 'Handoff', path: 'HANDOFF.md' }, content: { steps: [], risks: [], results: [] } }],
  staleSteps: 4,
  changedSinceNote: files,
});

export default defineRule({
  meta: {
    id: 'verify-stale',
    description: 'The checks a note lists were run on the code as it is',
    rationale:
      'A "how to verify" section says which checks passed (`npm test — 680 passing`). When code changed after the commit the note records (its snapshot commit, else the last commit that changed the note), those results describe code that is no longer there. Each command is mapped, conservatively, to the files it checks: a test runner or build covers the whole tree, a command scoped to a workspace package (`npm -w packages/web test`, `make -C lib`, `pnpm --dir app test`) covers that folder. The note itself does not count. Reported once per section, with the number of changed files.',
    tags: ['history', 'git'],
    fixable: false,
    severity: 'info',
    appliesTo: ['handoff'],
    hygiene: false,
    needs: ['git'],
    examples: {
      ok: [
        { text: NOTE(['- `npm test` — 680 passing']), path: 'HANDOFF.md', facts: { git: { changedSince: [] } }, caption: 'Nothing changed since the recorded commit.' },
        { text: NOTE(['- `npm -w packages/api test` — 120 passing']), path: 'HANDOFF.md', facts: { git: { changedSince: changed('packages/web/index.ts', 'HANDOFF.md') } }, caption: 'Only another package (and the note) changed.' },
        { text: NOTE(['- `npm test`'], EXAMPLE_HEAD.slice(0, 7)), path: 'HANDOFF.md', facts: { git: { changedSince: changed('HANDOFF.md') } }, caption: 'Only the note itself changed.' },
      ],
      notOk: [
        { text: NOTE(['- `npm test` — 680 passing', '- `npm run lint`']), path: 'HANDOFF.md', facts: { git: { changedSince: changed('src/a.ts', 'src/b.ts', 'test/a.test.ts') } }, caption: 'Three files changed: one finding for the section.' },
        { text: NOTE(['- `npm -w packages/web test`']), path: 'HANDOFF.md', facts: { git: { changedSince: changed('packages/web/index.ts') } }, caption: 'The package the command checks changed.' },
        { text: NOTE(['```sh', 'make check', '```'], null), path: 'HANDOFF.md', facts: { git: { history: noteHistory(changed('src/main.c')) } }, caption: 'No recorded commit: the last commit that changed the note counts.' },
      ],
    },
  },
  check({ note, git, report }) {
    if (!git) return;
    const recorded = note.fields.find((f) => f.key === 'commit' && /^[0-9a-f]{7,40}$/.test(f.value)) ?? null;
    const history = git.history;
    const changes = recorded ? git.changedSince : history?.versions.length ? history.changedSinceNote : null;
    if (!changes) return;
    const since = recorded ? 'the recorded commit' : `the note was last committed (${history!.versions[0].version.commit.slice(0, 7)})`;
    const own = note.path?.replace(/\\/g, '/') ?? null;
    const code = changes.filter((c) => c.path !== own);
    for (const { section, commands } of verifySections(note)) {
      const covers = new Set(commands.flatMap((c) => c.covers));
      const hit = code.filter((c) => covers.has('') || [...covers].some((folder) => c.path === folder || c.path.startsWith(folder + '/')));
      if (!hit.length) continue;
      report({
        start: section.heading.textStart,
        end: section.heading.textEnd,
        message: `Code changed in ${hit.length} file${hit.length === 1 ? '' : 's'} since ${since}; the checks listed here were run before that`,
      });
    }
  },
});
