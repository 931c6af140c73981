// The note's history through `handoff mcp`, on a repository with a scripted history: the brief
// says for how many sessions each open step has been carried over and since when, and the lint
// tool runs the history rules.
import { strict as assert } from 'node:assert';
import { scriptedNoteRepo, type ScriptedRepo } from '../project/history-repo';
import { call, startServer, type Server } from './harness';

describe('handoff mcp: the note history', function () {
  this.timeout(60_000);
  let repo: ScriptedRepo;
  let server: Server;

  before(async () => {
    repo = scriptedNoteRepo();
    server = await startServer(repo.dir);
  });
  after(async () => {
    await server.close();
    repo.remove();
  });

  it('handoff_brief: each step carried over from earlier versions says for how many sessions, and since which commit', async () => {
    const r = await call(server, 'handoff_brief', { path: 'HANDOFF.md' });
    const md = r.data.markdown as string;
    const c = repo.commits;
    const since = (subject: string) => `${repo.git(['show', '-s', '--format=%aI', c[subject]]).slice(0, 10)} \\(${c[subject].slice(0, 7)}\\)`;
    assert.match(md, new RegExp(`^1\\. Release v1\\.2\\. \\(line 18; carried over 6 sessions, since ${since('Start the note')}\\)$`, 'm'));
    assert.match(md, new RegExp(`^3\\. Fix flaky importer test \\(line 20; carried over 3 sessions, since ${since('Flaky again')}\\)$`, 'm'));
    assert.match(md, /^4\. Profile the writer \(line 21; carried over 2 sessions, since /m);
    const steps = (r.data.brief as { nextSteps: Array<{ text: string; carried: { sessions: number; since: { commit: string } } | null }> }).nextSteps;
    assert.deepEqual(steps.map((s) => [s.text, s.carried?.sessions, s.carried?.since.commit]), [
      ['Release v1.2.', 6, c['Start the note']],
      ['Add CSV export', 5, c['Second session']],
      ['Fix flaky importer test', 3, c['Flaky again']],
      ['Profile the writer', 2, c['Merge side']],
    ]);
  });

  it('handoff_lint: stale-next-steps and verify-stale on the note', async () => {
    const r = await call(server, 'handoff_lint', { path: 'HANDOFF.md' });
    const findings = (r.data.findings as Array<{ rule: string; line: number; message: string }>).filter((f) => f.rule === 'stale-next-steps' || f.rule === 'verify-stale');
    assert.deepEqual(
      findings.map((f) => [f.rule, f.line, f.message.replace(/\d{4}-\d\d-\d\d \([0-9a-f]{7}\)/, 'DATE (SHA)')]),
      [
        ['stale-next-steps', 18, 'Open for 6 sessions, since DATE (SHA)'],
        ['stale-next-steps', 19, 'Open for 5 sessions, since DATE (SHA)'],
        ['verify-stale', 27, `Code changed in 2 files since the note was last committed (${repo.commits['Fourth session'].slice(0, 7)}); the checks listed here were run before that`],
      ],
    );
  });
});
