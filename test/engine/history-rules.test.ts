// The history rules on versions given as texts: exact findings of stale-next-steps (threshold,
// parked steps, the once-only reopened report) and its two suggestions applied and linted again,
// verify-stale's command map and once-per-section report, and the matching of steps across
// versions, stable under line endings, renumbering and checkbox style (property test).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyEdits, carriedSteps, contentOf, lint, noteOf, outlineNote, parseConfig, RULES, timeline, type FileChange, type GitFacts, type NoteHistoryFacts, type NoteVersion } from '../../server/src/engine';
import { exampleGit } from '../../server/src/engine/examples/example-facts';

const TODAY = '2026-11-20';
const version = (n: number): NoteVersion => ({ commit: n.toString(16).padStart(40, 'a'), date: `2026-11-${String(n).padStart(2, '0')}T10:00:00Z`, author: 'Dev', subject: `Session ${n}`, path: 'HANDOFF.md' });
const note = (steps: string[], extra = '') => `# Session Handoff\n\n## Next steps\n\n${steps.join('\n')}\n${extra}`;
/** Versions newest first, from texts. */
const history = (texts: string[], staleSteps = 4, changedSinceNote: FileChange[] | null = null): NoteHistoryFacts => ({
  versions: texts.map((text, i) => ({ version: version(texts.length - i), content: contentOf(noteOf({ text, path: 'HANDOFF.md' })) })),
  staleSteps,
  changedSinceNote,
});
const git = (h: NoteHistoryFacts, more: Partial<GitFacts> = {}) => exampleGit({ git: { history: h, ...more } });
const run = (text: string, g: GitFacts | null) => lint({ text, path: 'HANDOFF.md', today: TODAY, git: g });
const of = (text: string, g: GitFacts | null, rule: string) => run(text, g).findings.filter((f) => f.ruleId === rule);

describe('history rules', () => {
  describe('stale-next-steps', () => {
    const v = (steps: string[]) => note(steps);
    const old = [v(['- [ ] Ship it', '- [ ] Port to Windows']), v(['- [ ] Ship it', '- [ ] Port to Windows']), v(['- [ ] Ship it']), v(['- [ ] Ship it'])];

    it('reports a step open in at least staleSteps versions in a row, with the version it first appeared in', () => {
      const text = v(['- [ ] Ship it', '- [ ] Port to Windows', '- [ ] New']);
      const found = of(text, git(history(old)), 'stale-next-steps');
      assert.deepEqual(
        found.map((f) => [text.slice(f.start, f.end), f.message]),
        [['Ship it', `Open for 4 sessions, since 2026-11-01 (${version(1).commit.slice(0, 7)})`]],
      );
      assert.deepEqual(of(text, git(history(old, 2)), 'stale-next-steps').map((f) => text.slice(f.start, f.end)), ['Ship it', 'Port to Windows']);
      assert.deepEqual(of(text, git(history(old, 5)), 'stale-next-steps'), []);
      assert.deepEqual(of(text, exampleGit({ git: {} }), 'stale-next-steps'), [], 'no history facts: nothing to say');
    });

    it('reports a step that came back after it was ticked once, in the version that brings it back', () => {
      const ticked = [v(['- [ ] Other']), v(['- [x] Fix the flaky test'])];
      const text = v(['- [ ] Fix the flaky test']);
      assert.deepEqual(of(text, git(history(ticked)), 'stale-next-steps').map((f) => f.message), [`Reopened: it was ticked in ${version(1).commit.slice(0, 7)} (2026-11-01)`]);
      // Committed once more and still open: no longer news.
      const later = [v(['- [ ] Fix the flaky test']), v(['- [ ] Fix the flaky test']), ...ticked];
      assert.deepEqual(of(text, git(history(later)), 'stale-next-steps'), []);
    });

    it('moves the step to the Backlog section (made when missing) or marks it dropped, and the finding goes', () => {
      const text = v(['- [ ] Ship it', '1. Release v2']);
      const h = history([v(['- [ ] Ship it', '1. Release v2']), v(['- [ ] Ship it', '1. Release v2'])], 2);
      const [ship, release] = of(text, git(h), 'stale-next-steps');
      assert.deepEqual(ship.suggestions!.map((s) => s.title), ['Move to a new "Backlog" section', 'Mark as dropped ([-])']);
      assert.equal(ship.fix, undefined, 'never applied by Fix All');
      const moved = applyEdits(text, ship.suggestions![0].edits);
      assert.equal(moved, '# Session Handoff\n\n## Next steps\n\n1. Release v2\n\n## Backlog\n\n- [ ] Ship it\n');
      assert.deepEqual(of(moved, git(h), 'stale-next-steps').map((f) => moved.slice(f.start, f.end)), ['Release v2']);
      const dropped = applyEdits(text, release.suggestions![1].edits);
      assert.equal(dropped, '# Session Handoff\n\n## Next steps\n\n- [ ] Ship it\n1. ~~Release v2~~\n');
      assert.deepEqual(of(dropped, git(h), 'stale-next-steps').map((f) => dropped.slice(f.start, f.end)), ['Ship it']);
      const ticked = applyEdits(text, ship.suggestions![1].edits);
      assert.deepEqual(of(ticked, git(h), 'stale-next-steps').map((f) => ticked.slice(f.start, f.end)), ['Release v2']);
      // An existing Later section takes the step at its end.
      const withLater = note(['- [ ] Ship it'], '\n## Later\n\n- Port to Windows\n');
      const [f] = of(withLater, git(history([withLater, withLater], 2)), 'stale-next-steps');
      assert.equal(applyEdits(withLater, f.suggestions![0].edits), '# Session Handoff\n\n## Next steps\n\n\n## Later\n\n- Port to Windows\n- [ ] Ship it\n');
    });
  });

  describe('verify-stale', () => {
    const text = (commands: string[], commit = true) => `# Session Handoff\n\n## Snapshot\n\n- Date: 2026-11-20\n${commit ? '- Commit: `abcdef1`\n' : ''}\n## How to run / verify\n\n${commands.join('\n')}\n\n## Next steps\n\n- Ship it\n`;
    const changed = (...paths: string[]): FileChange[] => paths.map((path) => ({ path, status: 'modified' }));

    it('counts the changed files the commands cover, once per section, the note itself left out', () => {
      const t = text(['- `npm test` — 680 passing', '- `npm run lint`']);
      const found = of(t, exampleGit({ git: { changedSince: changed('src/a.ts', 'HANDOFF.md', 'test/b.ts') } }), 'verify-stale');
      assert.deepEqual(found.map((f) => [t.slice(f.start, f.end), f.message]), [['How to run / verify', 'Code changed in 2 files since the recorded commit; the checks listed here were run before that']]);
      const scoped = text(['- `npm -w packages/web test`', '- `make -C lib check`']);
      assert.deepEqual(of(scoped, exampleGit({ git: { changedSince: changed('packages/api/x.ts', 'src/y.ts') } }), 'verify-stale'), []);
      assert.equal(of(scoped, exampleGit({ git: { changedSince: changed('packages/web/x.ts', 'lib/a.c', 'src/y.ts') } }), 'verify-stale')[0].message, 'Code changed in 2 files since the recorded commit; the checks listed here were run before that');
    });

    it('uses the last commit that changed the note when the note records none', () => {
      const t = text(['- `pytest -q`', '- `make check`'], false);
      const h = history([t], 4, changed('app/main.py'));
      assert.equal(of(t, git(h), 'verify-stale')[0].message, `Code changed in 1 file since the note was last committed (${version(1).commit.slice(0, 7)}); the checks listed here were run before that`);
      assert.deepEqual(of(t, exampleGit({ git: {} }), 'verify-stale'), [], 'no recorded commit, no history: nothing to compare');
    });
  });

  it('reads the history bounds from .handoff.json, and keeps the defaults where a value is wrong', () => {
    const ok = parseConfig('{ "history": { "maxVersions": 500, "staleSteps": 6 } }', RULES);
    assert.deepEqual([ok.config.history, ok.problems], [{ maxVersions: 500, maxDays: 180, staleSteps: 6 }, []]);
    const bad = parseConfig('{ "history": { "maxDays": 0, "since": 3, "staleSteps": 2.5 } }', RULES);
    assert.deepEqual(bad.config.history, { maxVersions: 50, maxDays: 180, staleSteps: 4 });
    assert.deepEqual(bad.problems.map((p) => p.message), [
      'Expected a whole number from 1 to 3650 for "history.maxDays"',
      'Unknown history setting "since", expected one of maxVersions, maxDays, staleSteps',
      'Expected a whole number from 1 to 1000 for "history.staleSteps"',
    ]);
    assert.deepEqual(parseConfig('{ "history": 3 }', RULES).problems.map((p) => p.message), ['Expected an object for "history"']);
  });

  it('reads the results recorded next to verify commands, and the timeline shows a changed one', () => {
    const t = (n: string) => `# Session Handoff\n\n## How to run / verify\n\n- \`npm test\` — ${n} passing\n- \`npm run lint\`: ok\n- \`make -C lib check\`\n\n\`\`\`sh\nnpm run build\n\`\`\`\n`;
    const text = t('680');
    assert.deepEqual(
      outlineNote(noteOf({ text, path: 'HANDOFF.md' })).verify.map((v) => [v.command, v.result, text.slice(v.start, v.end)]),
      [
        ['npm test', '680 passing', 'npm test'],
        ['npm run lint', 'ok', 'npm run lint'],
        ['make -C lib check', null, 'make -C lib check'],
        ['npm run build', null, 'npm run build'],
      ],
    );
    const versions = ['680', '680', '640'].map((n, i) => ({ version: version(3 - i), content: contentOf(noteOf({ text: t(n), path: 'HANDOFF.md' })) }));
    assert.deepEqual(
      timeline(versions).map((e) => e.results ?? null),
      [
        null,
        [{ command: 'npm test', result: '680 passing', before: '640 passing' }],
        [
          { command: 'npm test', result: '640 passing', before: null },
          { command: 'npm run lint', result: 'ok', before: null },
        ],
      ],
    );
  });

  it('matches steps across versions whatever the line endings, numbering and checkbox style (property)', () => {
    const word = fc.stringMatching(/^[a-z]{3,9}$/);
    const stepText = fc.array(word, { minLength: 2, maxLength: 6 }).map((w) => w.join(' '));
    const style = fc.constantFrom('- [ ] ', '* [ ] ', '- ', '+ ', 'N. ', 'N) ', '- [ ] **');
    fc.assert(
      fc.property(fc.uniqueArray(stepText, { minLength: 1, maxLength: 6, selector: (s) => s.split(' ')[0] + s.length }), fc.array(style, { minLength: 3, maxLength: 3 }), fc.constantFrom('\n', '\r\n'), (steps, [a, b, c], eol) => {
        // Each version numbers from elsewhere, marks its steps its own way and ends its lines its own way.
        const render = (st: string, eol: string, start: number) => note(steps.map((t, i) => `${st.replace('N', String(i + start))}${t}${st.endsWith('**') ? '**' : ''}`)).split('\n').join(eol);
        const versions = [render(a, '\n', 1), render(b, eol, 3)].map((text, i) => ({ version: version(2 - i), content: contentOf(noteOf({ text, path: 'HANDOFF.md' })) }));
        const current = contentOf(noteOf({ text: render(c, eol === '\n' ? '\r\n' : '\n', 7), path: 'HANDOFF.md' }));
        const carried = carriedSteps(current, versions);
        assert.deepEqual(carried.map((s) => s.sessions), steps.map(() => 2));
      }),
      { numRuns: 150, seed: 0x4813 },
    );
  });
});
