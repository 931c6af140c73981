// The language server over stdio with real temporary repositories (levels P + G): rows 14
// (git not on PATH), 22 (a failing git gives no edit), 28 (the note changes while git runs),
// 30 (a note outside the workspace folders), 38 (closed while git facts are in flight).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Scratch, realGit, waitForFile } from '../git/helpers';
import { ReliabilityClient, fileUri } from './lsp-client';

const NOTE = (head: string) =>
  ['# Next Chat Handoff', '', 'Date: 2026-11-20', 'Branch: `old`', `HEAD / upstream (\`origin/main\`): \`${head.slice(0, 7)}\``, 'Worktree: clean', '', '## Current Status', '', '1. Started.', '', '## What Landed', '', '1. x', '', '## Validation Status', '', '1. y', '', '## Next Priority Work', '', '1. z', ''].join('\n');

describe('reliability: language server with git (stdio, real repositories)', function () {
  this.timeout(60000);
  let scratch: Scratch;
  let client: ReliabilityClient;

  beforeEach(() => {
    scratch = new Scratch();
  });
  afterEach(async () => {
    await client?.stop();
    scratch.cleanup();
  });

  /** A repository whose core.fsmonitor leaves a marker when git runs in it. */
  function hostileRepo(name: string): { repo: string; marker: string; head: string } {
    const repo = scratch.repo(name);
    const head = scratch.commit(repo, { 'src/a.ts': 'export const a = 1;\n' }, 'work');
    const marker = path.join(scratch.dir, `${name}-fsmonitor-ran`);
    scratch.git(repo, ['config', 'core.fsmonitor', scratch.script(`${name}-monitor.sh`, `touch '${marker}'\nexit 1`)]);
    fs.writeFileSync(path.join(repo, 'NEXT_CHAT_HANDOFF.md'), NOTE(head));
    return { repo, marker, head };
  }

  it('row 30: a note outside the workspace folders gets no git in a trusted window, until its folder is added', async () => {
    const workspace = scratch.repo('workspace');
    const outside = hostileRepo('elsewhere');
    // The hardened runner disables fsmonitor anyway; a hook proves whether git ran at all.
    const hookMarker = path.join(scratch.dir, 'hook-ran');
    fs.writeFileSync(path.join(outside.repo, '.git', 'hooks', 'post-index-change'), `#!/bin/sh\ntouch '${hookMarker}'\n`, { mode: 0o755 });
    // Every git the server starts goes through this wrapper first on PATH, which logs where it ran.
    const spawnedGit = path.join(scratch.dir, 'git-ran');
    const bin = scratch.mkdir('bin');
    fs.writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho "$PWD" >> '${spawnedGit}'\nexec '${realGit()}' "$@"\n`, { mode: 0o755 });
    client = new ReliabilityClient({ ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, HOME: scratch.home });
    await client.start([workspace], { trusted: true });
    const uri = fileUri(path.join(outside.repo, 'NEXT_CHAT_HANDOFF.md'));
    await client.open(uri, NOTE(outside.head).replace('1. Started.', '1. Started â€” now.'));
    const first = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'mojibake'));
    await client.settled(uri);
    assert.ok(!first.diagnostics.some((d) => d.code === 'branch-current'), 'git facts for a note outside the folders');
    const notes = client.sent<{ uri: string; gitNote: string | null }>('handoff/noteStatus').filter((s) => s.uri === uri);
    assert.equal(notes[notes.length - 1].gitNote, 'outside the workspace folders: git checks are off');
    const refused = await client.update(uri, 1);
    assert.match(refused.refused ?? '', /inside the workspace folders/);
    assert.deepEqual(refused.edits, []);
    const ranIn = fs.existsSync(spawnedGit) ? fs.readFileSync(spawnedGit, 'utf8') : '';
    assert.ok(!ranIn.includes(outside.repo), `git ran in the outside repository:\n${ranIn}`);
    assert.ok(!fs.existsSync(outside.marker) && !fs.existsSync(hookMarker));

    // Adding the folder to the workspace trusts it like the others: git facts arrive.
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: fileUri(outside.repo), name: 'elsewhere' }], removed: [] } });
    const withGit = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'branch-current'));
    assert.ok(withGit.diagnostics.some((d) => d.code === 'branch-current'));
    assert.ok(fs.readFileSync(spawnedGit, 'utf8').includes(outside.repo));
    assert.ok(!fs.existsSync(outside.marker) && !fs.existsSync(hookMarker), 'the hardened calls ran a hook or fsmonitor');
  });

  it('row 30: an empty window (no folder) runs no git for any note', async () => {
    const { repo, marker, head } = hostileRepo('lonely');
    client = new ReliabilityClient({ ...process.env, HOME: scratch.home });
    await client.start([], { trusted: true });
    const uri = fileUri(path.join(repo, 'NEXT_CHAT_HANDOFF.md'));
    await client.open(uri, NOTE(head));
    await client.settled(uri);
    const status = client.sent<{ uri: string; gitNote: string | null }>('handoff/noteStatus').filter((s) => s.uri === uri);
    assert.equal(status[status.length - 1].gitNote, 'outside the workspace folders: git checks are off');
    assert.match((await client.update(uri, 1)).refused ?? '', /inside the workspace folders/);
    assert.equal(fs.existsSync(marker), false);
  });

  it('row 14: git not on PATH: one warning naming the setting, lint and requests still work, Update refuses with no edit', async () => {
    const { repo, head } = hostileRepo('nogit');
    const empty = scratch.mkdir('empty-bin');
    client = new ReliabilityClient({ PATH: empty, HOME: scratch.home });
    await client.start([repo], { trusted: true });
    const uri = fileUri(path.join(repo, 'NEXT_CHAT_HANDOFF.md'));
    await client.open(uri, NOTE(head).replace('1. Started.', '1. Started â€” now.'));
    await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'mojibake'));
    await client.settled(uri);
    const second = fileUri(path.join(repo, 'HANDOFF.md'));
    await client.open(second, NOTE(head));
    await client.settled(second);
    const shown = client.messages();
    assert.equal(shown.length, 1, `one notification for the whole session, got ${JSON.stringify(shown)}`);
    assert.match(shown[0].message, /handoff\.gitPath/);
    const status = client.sent<{ uri: string; gitNote: string | null }>('handoff/noteStatus').filter((s) => s.uri === uri);
    assert.match(status[status.length - 1].gitNote ?? '', /git/i);
    const refused = await client.update(uri, 1);
    assert.ok(refused.refused);
    assert.deepEqual(refused.edits, []);
    assert.ok((await client.symbols(uri)).length > 0, 'the server answers after the failure');
    assert.equal(client.process.exitCode, null);
    assert.doesNotMatch(client.stderr, /Unhandled|UnhandledPromiseRejection/);
  });

  it('row 22: a git that fails or hangs up gives a refusal and no edit; the server answers the next request', async () => {
    const { repo, head } = hostileRepo('flaky');
    const fake = scratch.script('fake-git', 'sleep 0.3\necho "fatal: something broke" >&2\nexit 128');
    client = new ReliabilityClient({ ...process.env, HOME: scratch.home });
    client.settings = { gitPath: fake };
    await client.start([repo], { trusted: true });
    const uri = fileUri(path.join(repo, 'NEXT_CHAT_HANDOFF.md'));
    await client.open(uri, NOTE(head));
    await client.settled(uri);
    const result = await client.update(uri, 1);
    assert.ok(result.refused, 'a refusal');
    assert.deepEqual(result.edits, []);
    assert.ok((await client.symbols(uri)).length > 0);
  });

  /** A repository whose note records the commit before HEAD, opened with a git whose first `kills` commit lookups are killed. */
  async function killingLookups(name: string, kills: number) {
    const { repo, head } = hostileRepo(name);
    scratch.commit(repo, { 'src/b.ts': 'export const b = 1;\n' }, 'more work');
    scratch.age(repo); // no watcher reads git again after the first answer
    const { bin, kills: killed } = scratch.killingGit(`${name}-bin`, kills);
    client = new ReliabilityClient({ ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, HOME: scratch.home });
    await client.start([repo], { trusted: true });
    const uri = fileUri(path.join(repo, 'NEXT_CHAT_HANDOFF.md'));
    await client.open(uri, NOTE(head));
    const logged = (re: RegExp) => client.notification<{ message: string }>('window/logMessage', (m) => re.test(m.message), 30000);
    return { uri, head, killed, logged };
  }

  it('row 22: a git lookup that dies once (killed) is asked again: the recorded commit\'s findings arrive with no edit to the note', async () => {
    const { uri, head, killed, logged } = await killingLookups('killed-once', 1);
    const p = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'head-current'), 30000);
    assert.equal(killed(), 1, 'the first lookup was killed');
    assert.match(p.diagnostics.find((d) => d.code === 'head-current')!.message, new RegExp(`^Recorded commit ${head.slice(0, 7)} is 1 commit behind HEAD`));
    assert.equal(p.version, 1, 'published for the version opened: no edit brought it');
    await logged(/^Git did not answer every question for .*NEXT_CHAT_HANDOFF\.md \(Git was stopped by a signal from outside Handoff .*\); asking again in 1 s\.$/);
  });

  it('row 22: a git lookup that keeps dying is asked again after a pause that grows; the rest of git\'s answer stands meanwhile', async () => {
    const { uri, killed, logged } = await killingLookups('killed-often', 1000);
    await logged(/asking again in 1 s\.$/);
    await logged(/asking again in 4 s\.$/);
    assert.ok(killed() >= 2, 'asked again after the first pause');
    const p = await client.settled(uri);
    assert.ok(p.diagnostics.some((d) => d.code === 'branch-current'), 'the branch is still checked');
    assert.ok(!p.diagnostics.some((d) => d.code === 'head-current' || d.code === 'commit-exists'), 'the unanswered commit is unknown, not reported');
  });

  it('row 22: Update Handoff asks a git lookup that dies once again at once: the files changed since the recorded commit are listed', async () => {
    const { uri, killed, logged } = await killingLookups('killed-update', 2);
    await logged(/asking again in 1 s\.$/); // the lint's lookup was the first one killed
    const result = await client.update(uri, 1);
    assert.equal(killed(), 2, 'the update\'s first lookup was killed too');
    assert.equal(result.refused, null);
    assert.match(JSON.stringify(result.edits), /src\/b\.ts/, 'the file changed since the recorded commit is listed');
  });

  it('row 22: a git lookup that fails for good is said once in the log; the rest of git\'s answer stands', async () => {
    const { repo, head } = hostileRepo('failing-lookup');
    scratch.age(repo);
    const failing = scratch.failingGit('failing-lookup-bin');
    client = new ReliabilityClient({ ...process.env, HOME: scratch.home });
    client.settings = { gitPath: failing.git };
    await client.start([repo], { trusted: true });
    const uri = fileUri(path.join(repo, 'NEXT_CHAT_HANDOFF.md'));
    await client.open(uri, NOTE(head));
    const first = await client.settled(uri);
    assert.ok(first.diagnostics.some((d) => d.code === 'branch-current'), 'the branch is still checked');
    assert.ok(!first.diagnostics.some((d) => d.code === 'head-current' || d.code === 'commit-exists'), 'the unanswered commit is unknown, not reported');
    await client.change(uri, 2, [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: 'typed ' }]);
    await client.settled(uri);
    const said = client.sent<{ message: string }>('window/logMessage').filter((m) => m.message.startsWith('Git did not answer'));
    assert.deepEqual(said.map((m) => m.message.replace(repo, 'REPO')), ['Git did not answer every question for REPO/NEXT_CHAT_HANDOFF.md (git cat-file failed: fatal: object store unreadable); the checks that need the answer are skipped until the repository changes.']);
  });

  it('row 22: the settings an editor sends while a commit lookup runs leave it running: the recorded commit\'s findings arrive from that one lookup', async () => {
    const { repo, head } = hostileRepo('settings-midway');
    scratch.commit(repo, { 'src/b.ts': 'export const b = 1;\n' }, 'more work');
    scratch.age(repo); // no watcher reads git again on its own
    const holding = scratch.holdingGit('settings-midway-bin');
    client = new ReliabilityClient({ ...process.env, PATH: `${holding.bin}${path.delimiter}${process.env.PATH}`, HOME: scratch.home });
    await client.start([repo], { trusted: true });
    const uri = fileUri(path.join(repo, 'NEXT_CHAT_HANDOFF.md'));
    await client.open(uri, NOTE(head));
    await waitForFile(holding.held);
    // What VS Code's language client sends at start, often while the first note's git runs. The
    // server reads the settings again; a request sent once they are answered is handled after
    // the server used them.
    const read = new Promise<void>((resolve) => client.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => {
      setImmediate(resolve);
      return p.items.map(() => client.settings);
    }));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await read;
    await client.symbols(uri);
    holding.release();
    const p = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'head-current'), 30000);
    assert.equal(p.version, 1);
    assert.match(p.diagnostics.find((d) => d.code === 'head-current')!.message, new RegExp(`^Recorded commit ${head.slice(0, 7)} is 1 commit behind HEAD`));
    assert.equal(holding.lookups(), 1, 'the held lookup answered: none was stopped and asked again');
  });

  it('row 28: the note changes while git runs: the answer is "stale" with no edit, and the next request on the new version works', async () => {
    const { repo, head } = hostileRepo('busy');
    client = new ReliabilityClient({ ...process.env, HOME: scratch.home });
    await client.start([repo], { trusted: true });
    const uri = fileUri(path.join(repo, 'NEXT_CHAT_HANDOFF.md'));
    await client.open(uri, NOTE(head));
    await client.settled(uri);
    const pending = client.update(uri, 1);
    await client.change(uri, 2, [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: 'typed ' }]);
    const stale = await pending;
    assert.equal(stale.stale, true);
    assert.deepEqual(stale.edits, []);
    const fresh = await client.update(uri, 2);
    assert.equal(fresh.refused, null);
    assert.ok(fresh.edits.length > 0);
  });

  it('row 38: a note closed while its git facts are gathered ends with [] and nothing after it', async () => {
    const { repo, head } = hostileRepo('closing');
    const slow = scratch.script('slow-git', `sleep 0.4\nexec git "$@"`);
    client = new ReliabilityClient({ ...process.env, HOME: scratch.home });
    client.settings = { gitPath: slow };
    await client.start([repo], { trusted: true });
    const uri = fileUri(path.join(repo, 'NEXT_CHAT_HANDOFF.md'));
    await client.open(uri, NOTE(head).replace('1. Started.', '1. Started â€” now.'));
    // The text findings come first; git facts (0.4 s a call) are still being gathered.
    await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'mojibake'));
    assert.ok(!client.published.some((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'branch-current')), 'git was faster than the test');
    await client.close(uri);
    await client.diagnostics(uri, (p) => p.diagnostics.length === 0 && p.version === undefined);
    const at = client.published.length;
    await new Promise((r) => setTimeout(r, 2500)); // git (0.4 s a call) finishes meanwhile
    const later = client.published.slice(at).filter((p) => p.uri === uri);
    assert.deepEqual(later, [], 'a result was published after the close');
    const last = [...client.published].reverse().find((p) => p.uri === uri)!;
    assert.deepEqual(last.diagnostics, []);
  });
});
