// The note's history over stdio: the history and version requests on a repository with a scripted
// history (renames, a merge, exact ages), the notification when it was read, the hover on a step,
// a config change announced again, and the refusals: Restricted Mode, a note that is not a handoff, a note never committed.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeActionRequest, DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, type CodeAction, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { HistoryChangedNotification, HistoryRequest, NoteVersionRequest, type HistoryResult } from '../../server/src/protocol';
import { commitAll, emptyRepo, historyNote, scriptedNoteRepo, type ScriptedRepo } from '../project/history-repo';
import { ALNUM, drawer, seeded } from '../engine/fixtures/prng';
import { TestClient } from './client';

describe('language server: the note history', function () {
  this.timeout(60000);
  let repo: ScriptedRepo;
  let client: TestClient;
  const uri = () => 'file://' + join(repo.dir, 'HANDOFF.md');
  const history = (u = uri()) => client.connection.sendRequest(HistoryRequest.method, { uri: u }) as Promise<HistoryResult>;

  const announced = () => client.notifications.filter((n) => n.method === HistoryChangedNotification.method).length;
  /** The history of `u` once an announcement of it passes `done` (asked again after each one). */
  const announcedUntil = async (u: string, done: (r: HistoryResult) => boolean): Promise<HistoryResult> => {
    for (;;) {
      const seen = announced();
      const result = await history(u);
      if (done(result)) return result;
      await client.notification(HistoryChangedNotification.method, () => announced() > seen);
    }
  };

  before(() => (repo = scriptedNoteRepo()));
  after(() => repo.remove());
  afterEach(async () => client && (await client.stop()));

  it('lists the versions along the first parents, renames followed, with exact ages of the open steps', async () => {
    client = new TestClient();
    await client.initialize(repo.dir, { trusted: true });
    await client.open(uri(), readFileSync(join(repo.dir, 'HANDOFF.md'), 'utf8'));
    await client.notification(HistoryChangedNotification.method, (p: { uri: string }) => p.uri === uri());
    const result = await history();
    assert.equal(result.state, 'ok', result.message);
    assert.equal(result.staleSteps, 4, 'the default history.staleSteps');
    const c = repo.commits;
    assert.deepEqual(
      result.versions.map((v) => [v.subject, v.commit, v.path]),
      [
        ['Fourth session', c['Fourth session'], 'HANDOFF.md'],
        ['Merge side', c['Merge side'], 'HANDOFF.md'],
        ['Flaky again', c['Flaky again'], 'HANDOFF.md'],
        ['Third session', c['Third session'], 'HANDOFF.md'],
        ['Second session', c['Second session'], 'H-handoff.md'],
        ['Start the note', c['Start the note'], 'H-handoff.md'],
      ],
    );
    assert.deepEqual(result.versions[1].steps, { added: ['Profile the writer'], done: [], dropped: [] });
    assert.deepEqual(result.versions[0].results, [{ command: 'npm test', result: '680 passing', before: '640 passing' }]);
    assert.deepEqual(
      result.steps.map((s) => [s.text, s.line, s.sessions, s.since?.commit, s.days, s.reopened && [s.reopened.commit, s.reopened.how]]),
      [
        ['Release v1.2.', 17, 6, c['Start the note'], 40, null],
        ['Add CSV export', 18, 5, c['Second session'], 30, null],
        ['Fix flaky importer test', 19, 3, c['Flaky again'], 12, [c['Second session'], 'done']],
        ['Profile the writer', 20, 2, c['Merge side'], 10, null],
      ],
    );
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri() }, position: { line: 19, character: 8 } })) as Hover;
    const text = (hover.contents as MarkupContent).value;
    assert.match(text, /^Open for 3 sessions \(12 days\)/);
    assert.match(text, new RegExp(`First appeared in \`${c['Flaky again'].slice(0, 7)}\` · \\d{4}-\\d\\d-\\d\\d · Flaky again`));
    assert.match(text, /Reopened: ticked in/);
  });

  it('publishes the history rules once the history is read, with the Backlog and dropped suggestions as quick fixes', async () => {
    client = new TestClient();
    await client.initialize(repo.dir, { trusted: true });
    await client.open(uri(), readFileSync(join(repo.dir, 'HANDOFF.md'), 'utf8'));
    const p = await client.diagnostics(uri(), (d) => d.diagnostics.some((x) => x.code === 'verify-stale'));
    const ours = p.diagnostics.filter((d) => d.code === 'stale-next-steps' || d.code === 'verify-stale');
    assert.deepEqual(
      ours.map((d) => [d.code, d.range.start.line, d.severity]),
      [
        ['stale-next-steps', 17, 3],
        ['stale-next-steps', 18, 3],
        ['verify-stale', 26, 3],
      ],
    );
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri() }, range: ours[0].range, context: { diagnostics: [ours[0]] } })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Move to a new "Backlog" section') && titles.includes('Mark as dropped (strike through)'), titles.join(', '));
    assert.ok(!titles.some((t) => t.startsWith('Fix all "stale-next-steps"')));
  });

  it('gives the text of a past version at the path it had then, and null for a commit that holds none', async () => {
    client = new TestClient();
    await client.initialize(repo.dir, { trusted: true });
    const first = (await client.connection.sendRequest(NoteVersionRequest.method, { uri: uri(), commit: repo.commits['Start the note'] })) as { text: string } | null;
    assert.equal(first?.text, repo.git(['show', `${repo.commits['Start the note']}:H-handoff.md`]) + '\n');
    const none = await client.connection.sendRequest(NoteVersionRequest.method, { uri: uri(), commit: repo.commits['Speed up the reader'] });
    assert.equal(none, null);
    assert.equal(await client.connection.sendRequest(NoteVersionRequest.method, { uri: uri(), commit: '--output=x' }), null);
  });

  it('masks a secret a past version held, in its text and in the timeline', async () => {
    const fresh = emptyRepo();
    const token = 'gh' + 'p_' + drawer(seeded(0x4813))(36, ALNUM);
    try {
      writeFileSync(join(fresh.dir, 'HANDOFF.md'), historyNote(['- [ ] One'], [`Token ${token} was pasted`]));
      const first = commitAll(fresh, 'First', 2);
      writeFileSync(join(fresh.dir, 'HANDOFF.md'), historyNote(['- [ ] One'], ['None']));
      commitAll(fresh, 'Second', 1);
      const u = 'file://' + join(fresh.dir, 'HANDOFF.md');
      client = new TestClient();
      await client.initialize(fresh.dir, { trusted: true });
      const old = (await client.connection.sendRequest(NoteVersionRequest.method, { uri: u, commit: first })) as { text: string };
      assert.match(old.text, /^- Token ghp_…\(40 chars\) was pasted$/m);
      assert.ok(!old.text.includes(token), 'the token is masked');
      const result = await history(u);
      assert.equal(result.versions[0].risks.resolved.length, 1);
      assert.ok(!JSON.stringify(result).includes(token));
    } finally {
      fresh.remove();
    }
  });

  it('runs no git in Restricted Mode', async () => {
    client = new TestClient();
    await client.initialize(repo.dir, { trusted: false });
    await client.open(uri(), readFileSync(join(repo.dir, 'HANDOFF.md'), 'utf8'));
    await client.notification('handoff/noteStatus', (p: { uri: string; settled: boolean }) => p.uri === uri() && p.settled);
    assert.deepEqual(client.published.filter((p) => p.uri === uri()).flatMap((p) => p.diagnostics.filter((d) => d.code === 'stale-next-steps' || d.code === 'verify-stale')), []);
    const result = await history();
    assert.equal(result.state, 'untrusted');
    assert.deepEqual([result.versions, result.steps], [[], []]);
    assert.equal(await client.connection.sendRequest(NoteVersionRequest.method, { uri: uri(), commit: repo.commits['Start the note'] }), null);
  });

  it('reads the history again when HEAD moves, and says so', async () => {
    const fresh = emptyRepo();
    try {
      writeFileSync(join(fresh.dir, 'HANDOFF.md'), historyNote(['- [ ] One'], []));
      writeFileSync(join(fresh.dir, '.handoff.json'), '{ "history": { "staleSteps": 2 } }\n');
      commitAll(fresh, 'First', 2);
      const u = 'file://' + join(fresh.dir, 'HANDOFF.md');
      client = new TestClient();
      await client.initialize(fresh.dir, { trusted: true });
      await client.open(u, historyNote(['- [ ] One'], []));
      await client.notification(HistoryChangedNotification.method, (p: { uri: string }) => p.uri === u);
      writeFileSync(join(fresh.dir, 'HANDOFF.md'), historyNote(['- [ ] One', '- [ ] Two'], []));
      commitAll(fresh, 'Second', 1);
      // Other reads may be announced first (the one the settings' git provider started): each
      // announcement is followed by a request until one has the new commit.
      const result = await announcedUntil(u, (r) => r.versions.length === 2);
      assert.deepEqual(result.versions.map((v) => v.subject), ['Second', 'First']);
      assert.deepEqual(result.steps.map((s) => [s.text, s.sessions]), [['One', 2]]);
      assert.equal(result.staleSteps, 2, "the project's history.staleSteps");

      // The config changes: the history is announced again with the new threshold, though no
      // version changed (the views ask again on the notification).
      const before = announced();
      writeFileSync(join(fresh.dir, '.handoff.json'), '{ "history": { "staleSteps": 3 } }\n');
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: 'file://' + join(fresh.dir, '.handoff.json'), type: FileChangeType.Changed }] });
      await client.notification(HistoryChangedNotification.method, () => announced() > before);
      assert.equal((await history(u)).staleSteps, 3, 'the changed history.staleSteps');
    } finally {
      fresh.remove();
    }
  });

  it('says why there is no history: not a handoff, not committed yet', async () => {
    const fresh = emptyRepo();
    try {
      writeFileSync(join(fresh.dir, 'README.md'), '# Readme\n');
      commitAll(fresh, 'Readme', 1);
      writeFileSync(join(fresh.dir, 'HANDOFF.md'), historyNote(['- [ ] One'], []));
      client = new TestClient();
      await client.initialize(fresh.dir, { trusted: true });
      assert.equal((await history('file://' + join(fresh.dir, 'README.md'))).state, 'not-handoff');
      const untracked = await history('file://' + join(fresh.dir, 'HANDOFF.md'));
      assert.equal(untracked.state, 'untracked');
      assert.equal(untracked.staleSteps, 4, 'the threshold comes with every answer');
    } finally {
      fresh.remove();
    }
  });
});
