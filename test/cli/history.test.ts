// `handoff history` on a real repository with a scripted history of a note: steps added,
// carried, reworded, ticked, dropped and reopened, risks added and resolved, and a rename of
// the note file; plus the matching of steps under reformatting, and the refusals.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { normalizeStep, similarity, SAME_STEP } from '../../server/src/engine/history/step-match';
import { ALNUM, drawer, seeded } from '../engine/fixtures/prng';
import { commitAll, daysAgo, emptyRepo, scriptedNoteRepo, type ScriptedRepo } from '../project/history-repo';

const BIN = resolve(__dirname, '../../bin/handoff.js');

function note(steps: string[], risks: string[]): string {
  // Enough lines that stay the same for git to see the rename of a rewritten note.
  const status = ['## Status', '', 'Work on the importer.', '', '- The reader takes CSV and TSV.', '- The writer streams rows.', '- The CLI has an --out flag.', '- Tests run in CI on Linux.', '- Docs live in docs/.', '- The schema is versioned.', '- Errors name the row.', '- Config is read once.'];
  return ['# Handoff', '', ...status, '', '## Next steps', '', ...steps, '', '## Risks', '', ...risks.map((r) => `- ${r}`), ''].join('\n');
}

interface HistoryJson {
  notes: Array<{
    file: string;
    versions: Array<{ commit: string; date: string; author: string; subject: string; path: string; steps: { added: string[]; done: string[]; dropped: string[] }; risks: { added: string[]; resolved: string[] } }>;
    steps: Array<{ text: string; line: number; sessions: number; since: { commit: string; date: string } | null; days: number | null; reopened: { commit: string; date: string; how: string } | null }>;
  }>;
}

describe('handoff history', function () {
  this.timeout(60000);
  let dir: string;
  const commits: string[] = [];
  const token = 'gh' + 'p_' + drawer(seeded(0x4157))(36, ALNUM);

  let repo: ScriptedRepo;
  const git = (args: string[]) => repo.git(args);
  const commit = (message: string, daysAgo: number) => commits.push(commitAll(repo, message, daysAgo));
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });

  before(() => {
    repo = emptyRepo();
    dir = repo.dir;
    // v1: three steps, one risk (and a token that later versions drop).
    writeFileSync(join(dir, 'H-handoff.md'), note(['- [ ] Release 1.2', '- [ ] Fix flaky importer test', '- [ ] Write docs'], ['Parser is slow', `Token ${token} was pasted`]));
    commit('Start the note', 60);
    // v2: the flaky test is ticked; a step and a risk are added.
    writeFileSync(join(dir, 'H-handoff.md'), note(['- [ ] Release 1.2', '- [x] Fix flaky importer test', '- [ ] Write docs', '- [ ] Add CSV export'], ['Parser is slow', 'Disk fills up']));
    commit('Second session', 50);
    // v3: renamed; "Release 1.2" reworded and renumbered, docs dropped, the slow parser resolved.
    git(['mv', 'H-handoff.md', 'HANDOFF.md']);
    writeFileSync(join(dir, 'HANDOFF.md'), note(['1. Release **v1.2**.', '2. Add CSV export'], ['Disk fills up']));
    commit('Third session', 40);
    // v4: the flaky test is back, and a new step.
    writeFileSync(join(dir, 'HANDOFF.md'), note(['1. Release v1.2', '2. Add CSV export', '3. Fix flaky importer test', '4. Profile the writer'], ['Disk fills up']));
    commit('Fourth session', 30);
  });
  after(() => repo.remove());

  it('lists each version with what it changed, following the rename', () => {
    const r = run(['history', 'HANDOFF.md', '--json']);
    assert.equal(r.status, 0, r.stderr);
    const [n] = (JSON.parse(r.stdout) as HistoryJson).notes;
    assert.equal(n.file, 'HANDOFF.md');
    assert.deepEqual(n.versions.map((v) => [v.commit, v.subject, v.path]), [
      [commits[3], 'Fourth session', 'HANDOFF.md'],
      [commits[2], 'Third session', 'HANDOFF.md'],
      [commits[1], 'Second session', 'H-handoff.md'],
      [commits[0], 'Start the note', 'H-handoff.md'],
    ]);
    assert.deepEqual(n.versions.map((v) => v.steps), [
      { added: ['Fix flaky importer test', 'Profile the writer'], done: [], dropped: [] },
      { added: [], done: [], dropped: ['Write docs'] },
      { added: ['Add CSV export'], done: ['Fix flaky importer test'], dropped: [] },
      { added: ['Release 1.2', 'Fix flaky importer test', 'Write docs'], done: [], dropped: [] },
    ]);
    const [v4, v3, v2, v1] = n.versions.map((v) => v.risks);
    assert.deepEqual(v4, { added: [], resolved: [] });
    assert.deepEqual(v3, { added: [], resolved: ['Parser is slow'] });
    assert.deepEqual(v2.added, ['Disk fills up']);
    assert.equal(v2.resolved.length, 1);
    assert.equal(v2.resolved[0], 'Token ghp_…(40 chars) was pasted');
    assert.deepEqual(v1.added, ['Parser is slow', v2.resolved[0]]);
    assert.ok(!r.stdout.includes(token.slice(4, 12)), 'a token a past version held is masked');
  });

  it('says how long each open step has been carried over, and which came back', () => {
    const r = run(['history', '--json']);
    assert.equal(r.status, 0, r.stderr);
    const [n] = (JSON.parse(r.stdout) as HistoryJson).notes;
    const days = (i: number) => Math.round((Date.parse(new Date().toISOString().slice(0, 10)) - Date.parse(daysAgo([60, 50, 40, 30][i]).slice(0, 10))) / 86_400_000);
    assert.deepEqual(
      n.steps.map((s) => [s.text, s.line, s.sessions, s.since?.commit ?? null, s.days, s.reopened && [s.reopened.commit, s.reopened.how]]),
      [
        ['Release v1.2', 18, 4, commits[0], days(0), null],
        ['Add CSV export', 19, 3, commits[1], days(1), null],
        ['Fix flaky importer test', 20, 1, commits[3], days(3), [commits[1], 'done']],
        ['Profile the writer', 21, 1, commits[3], days(3), null],
      ],
    );
    const text = run(['history']);
    assert.match(text.stdout, /^HANDOFF\.md: 4 versions since \d{4}-\d{2}-\d{2}$/m);
    assert.match(text.stdout, /^ {4}Release v1\.2 \(line 18\): open for 4 sessions since \d{4}-\d{2}-\d{2} \([0-9a-f]{7}\), \d+ days$/m);
    assert.match(text.stdout, /^ {4}Fix flaky importer test \(line 20\): open for 1 session since .*; reopened: ticked in [0-9a-f]{7}/m);
  });

  it('follows the first parents through a merge, and shows a changed result of a verify command', () => {
    const scripted = scriptedNoteRepo();
    try {
      const r = spawnSync(process.execPath, [BIN, 'history', '--json', 'HANDOFF.md'], { cwd: scripted.dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const [n] = (JSON.parse(r.stdout) as HistoryJson).notes;
      const c = scripted.commits;
      assert.deepEqual(n.versions.map((v) => v.subject), ['Fourth session', 'Merge side', 'Flaky again', 'Third session', 'Second session', 'Start the note']);
      assert.deepEqual((n.versions[0] as { results?: unknown }).results, [{ command: 'npm test', result: '680 passing', before: '640 passing' }]);
      assert.equal('results' in n.versions[1], false, 'no result changed in the merge');
      assert.deepEqual(
        n.steps.map((s) => [s.text, s.line, s.sessions, s.since?.commit, s.days]),
        [
          ['Release v1.2.', 18, 6, c['Start the note'], 40],
          ['Add CSV export', 19, 5, c['Second session'], 30],
          ['Fix flaky importer test', 20, 3, c['Flaky again'], 12],
          ['Profile the writer', 21, 2, c['Merge side'], 10],
        ],
      );
      const text = spawnSync(process.execPath, [BIN, 'history', 'HANDOFF.md'], { cwd: scripted.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.match(text.stdout, /^ {6}npm test: 640 passing → 680 passing$/m);
      // The configuration's bound: the two newest versions only, so no step is older than two sessions.
      writeFileSync(join(scripted.dir, '.handoff.json'), '{ "history": { "maxVersions": 2 } }');
      const bounded = spawnSync(process.execPath, [BIN, 'history', '--json', 'HANDOFF.md'], { cwd: scripted.dir, encoding: 'utf8' });
      const [b] = (JSON.parse(bounded.stdout) as HistoryJson).notes;
      assert.deepEqual([b.versions.map((v) => v.subject), b.steps.map((s) => s.sessions)], [['Fourth session', 'Merge side'], [2, 2, 2, 2]]);
    } finally {
      scripted.remove();
    }
  });

  it('refuses without git, and outside a repository', () => {
    const noGit = run(['history'], { HANDOFF_NO_GIT: '1' });
    assert.equal(noGit.status, 2);
    assert.match(noGit.stderr, /history needs git/);
    const outside = mkdtempSync(join(tmpdir(), 'handoff-history-norepo-'));
    try {
      writeFileSync(join(outside, 'HANDOFF.md'), note(['- [ ] One'], []));
      const r = spawnSync(process.execPath, [BIN, 'history', 'HANDOFF.md'], { cwd: outside, encoding: 'utf8' });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /HANDOFF\.md: /);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('matches a step whatever its list marker, checkbox, numbering, markup, case and line ending', () => {
    const word = fc.stringMatching(/^[a-z]{2,9}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 8 }), fc.constantFrom('- ', '* ', '1. ', '12) ', '- [ ] ', '- [x] '), fc.boolean(), fc.boolean(), (words, marker, bold, upper) => {
        const plain = words.join(' ');
        let styled = bold ? `**${words[0]}** ${words.slice(1).join(' ')}` : plain;
        if (upper) styled = styled.toUpperCase();
        const a = normalizeStep(plain);
        const b = normalizeStep(`${marker}${styled}.\r`);
        return similarity(a, b) >= SAME_STEP;
      }),
      { seed: 0x48414e44, numRuns: 300 },
    );
    assert.ok(similarity(normalizeStep('Release 1.2'), normalizeStep('Rewrite the importer in Rust')) < SAME_STEP);
  });
});
