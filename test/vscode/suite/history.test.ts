// A note's history in the real VS Code: a git repository written by this spec into the workspace
// copy, with a scripted history of its handoff note (steps added, carried, ticked, dropped and
// reopened, a risk added and resolved, a token pasted and removed, the note renamed). The
// Timeline view lists the versions, a click opens the diff of a version against the one before
// (the past text comes masked from the server), a version compares with the working copy, and
// the Next Steps view shows each step's age, sorts by it and filters the carried-over ones.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeViews, viewsWhere, type Described, type NodeJson } from './history-views';
import type { HandoffApi } from '../../../client/src/extension';
import type { WorkspaceNext } from '../../../client/src/vscode-next';
import { EXTENSION_ID, fakeToken, openInEditor, workspaceRoot } from './util';

const DAYS = ['2026-10-01', '2026-10-08', '2026-10-15', '2026-10-22', '2026-10-29'];

const note = (date: string, steps: string, risks: string, notes = '') => `# Session Handoff

## Snapshot

- Date: ${date}
- Branch / commit: \`main\`
- Goal of the session: The Docker runner.

## Known issues / risks

${risks}
## Next steps (recommended order)

${steps}${notes}`;

/** The steps of `group`, the note's node when the view groups by note, else the roots. */
const stepsOf = (d: Described) => {
  const mine = (list: NodeJson[]) => list.some((s) => s.label === 'Add the Docker runner.');
  if (mine(d.nextSteps)) return d.nextSteps;
  return d.nextSteps.find((n) => n.contextValue === 'handoffNote' && mine(n.children ?? []))?.children ?? [];
};
/** A tooltip's Markdown source as text (appendText escapes spaces and punctuation). */
const plain = (md: string | undefined) => (md ?? '').replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
const sessionsOf = (n: NodeJson) => Number(/(\d+) sessions?/.exec(n.description ?? '')?.[1] ?? 0);

describe('note history', () => {
  let dir: string;
  let file: string;
  let uri: vscode.Uri;
  let commits: string[];
  const token = 'gh' + 'p_' + fakeToken(21, 36);

  before(async function () {
    this.timeout(60000);
    dir = path.join(workspaceRoot(), 'history');
    fs.mkdirSync(dir, { recursive: true });
    const git = (args: string[], day?: string) =>
      execFileSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com', ...(day ? { GIT_AUTHOR_DATE: `${day}T12:00:00Z`, GIT_COMMITTER_DATE: `${day}T12:00:00Z` } : {}) },
      }).trim();
    const commit = (rel: string, text: string, day: string, subject: string) => {
      fs.writeFileSync(path.join(dir, rel), text);
      git(['add', '-A']);
      git(['commit', '-q', '-m', subject], day);
    };
    git(['init', '-q', '-b', 'main']);
    // The project's carried-over threshold: the Docker step (five versions) is carried over, the load tests (four) are not.
    fs.writeFileSync(path.join(dir, '.handoff.json'), '{ "history": { "staleSteps": 5 } }\n');
    commit('SESSION_HANDOFF.md', note(DAYS[0], '- [ ] Write the runner protocol.\n- [ ] Add the Docker runner.\n- [ ] Document the admin editor.\n', '- Docker socket access is not reviewed.\n'), DAYS[0], 'Plan the runner');
    commit('SESSION_HANDOFF.md', note(DAYS[1], '- [x] Write the runner protocol.\n- [ ] Add the Docker runner.\n- [ ] Document the admin editor.\n- [ ] Add load tests.\n', '- Docker socket access is not reviewed.\n', `\n## Notes\n\n- Staging token: \`${token}\`\n`), DAYS[1], 'Runner protocol done');
    commit('SESSION_HANDOFF.md', note(DAYS[2], '- [x] Write the runner protocol.\n- [ ] Add the Docker runner.\n- [ ] Add load tests.\n', '- Load tests need a bigger runner.\n'), DAYS[2], 'Drop the admin editor docs');
    git(['mv', 'SESSION_HANDOFF.md', 'HANDOFF.md']);
    commit('HANDOFF.md', note(DAYS[3], '- [x] Write the runner protocol.\n- [ ] Add the Docker runner.\n- [ ] Add load tests.\n', '- Load tests need a bigger runner.\n'), DAYS[3], 'Rename the note to HANDOFF.md');
    commit('HANDOFF.md', note(DAYS[4], '- [ ] Write the runner protocol.\n- [ ] Add the Docker runner.\n- [ ] Add load tests.\n', '- Load tests need a bigger runner.\n'), DAYS[4], 'Protocol needs rework');
    commits = git(['log', '--format=%H', '--follow', '--', 'HANDOFF.md']).split('\n');
    file = path.join(dir, 'HANDOFF.md');
    uri = vscode.Uri.file(file);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the Timeline view lists the versions of the active note, newest first, with what changed', async () => {
    await openInEditor(uri);
    const d = await viewsWhere((x) => x.timeline.note === uri.toString() && x.timeline.items.length === 5, 'the five versions of history/HANDOFF.md');
    assert.equal(d.timeline.message, null);
    assert.equal(d.descriptions.timeline, 'HANDOFF.md');
    const items = d.timeline.items;
    assert.deepEqual(items.map((i) => i.label), ['Protocol needs rework', 'Rename the note to HANDOFF.md', 'Drop the admin editor docs', 'Runner protocol done', 'Plan the runner']);
    items.forEach((item, i) => {
      assert.equal(item.description, `${DAYS[4 - i]} · ${commits[i].slice(0, 7)} · Dev`);
      assert.equal(item.contextValue, 'handoffVersion');
      assert.deepEqual(item.command, { command: 'handoff.timeline.openDiff', arguments: [uri.toString(), commits[i]] });
    });
    const changes = (label: string) => (items.find((i) => i.label === label)?.children ?? []).map((c) => `${c.description}: ${c.label}`);
    assert.deepEqual(changes('Runner protocol done').sort(), ['step added: Add load tests.', 'step done: Write the runner protocol.']);
    const dropped = changes('Drop the admin editor docs');
    assert.ok(dropped.includes('step dropped: Document the admin editor.'), dropped.join('; '));
    assert.ok(dropped.includes('risk added: Load tests need a bigger runner.'), dropped.join('; '));
    assert.ok(dropped.includes('risk resolved: Docker socket access is not reviewed.'), dropped.join('; '));
    assert.match(plain(items[3].tooltip), /1 step added, 1 done/);
    assert.deepEqual(changes('Plan the runner').filter((c) => c.startsWith('step added')).length, 3);
  });

  it('a click on a version opens the diff against the version before, its past text masked', async () => {
    const d = await describeViews();
    const item = d.timeline.items.find((i) => i.label === 'Runner protocol done')!;
    await vscode.commands.executeCommand(item.command!.command, ...item.command!.arguments);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, `the active tab is a diff (${tab?.label})`);
    const input = tab.input as vscode.TabInputTextDiff;
    assert.equal(input.original.scheme, 'handoff-version');
    assert.equal(input.modified.scheme, 'handoff-version');
    assert.equal(path.posix.basename(input.modified.path), 'SESSION_HANDOFF.md', 'the note had its old name then');
    assert.match(tab.label, /SESSION_HANDOFF\.md \([0-9a-f]{7} ↔ [0-9a-f]{7}\)/);
    const before = await vscode.workspace.openTextDocument(input.original);
    const after = await vscode.workspace.openTextDocument(input.modified);
    assert.match(before.getText(), /- \[ \] Write the runner protocol\./);
    assert.doesNotMatch(before.getText(), /Add load tests/);
    assert.match(after.getText(), /- \[x\] Write the runner protocol\./);
    assert.match(after.getText(), /Staging token: /, 'the line with the token is there');
    assert.ok(!after.getText().includes(token), 'the token is masked in the past version');
    assert.ok(!after.getText().includes(token.slice(4, 20)), 'no part of the token shows');
  });

  it('the first version opens against an empty text, and a version compares with the working copy', async () => {
    let d = await describeViews();
    const first = d.timeline.items.at(-1)!;
    await vscode.commands.executeCommand(first.command!.command, ...first.command!.arguments);
    let input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as vscode.TabInputTextDiff;
    assert.ok(input instanceof vscode.TabInputTextDiff);
    assert.equal((await vscode.workspace.openTextDocument(input.original)).getText(), '');
    assert.match((await vscode.workspace.openTextDocument(input.modified)).getText(), /^# Session Handoff/);
    // The Timeline keeps following the note while a past version is active.
    d = await describeViews();
    assert.equal(d.timeline.note, uri.toString());
    const renamed = d.timeline.items[1];
    assert.equal(await vscode.commands.executeCommand('handoff.timeline.compareWithWorkingCopy', uri.toString(), commits[1]), true);
    input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as vscode.TabInputTextDiff;
    assert.ok(input instanceof vscode.TabInputTextDiff);
    assert.equal(input.modified.toString(), uri.toString(), 'the working copy on the right');
    assert.match((await vscode.workspace.openTextDocument(input.original)).getText(), /- \[x\] Write the runner protocol\./, `${renamed.label}: the step was still ticked`);
  });

  it('the Next Steps view shows the age of each open step and where it first appeared', async () => {
    await openInEditor(uri);
    // Ages are read while the view is visible.
    await vscode.commands.executeCommand('handoff.nextSteps.focus');
    const d = await viewsWhere((x) => stepsOf(x).some((s) => /session/.test(s.description ?? '')), 'the steps of history/HANDOFF.md with their ages');
    const steps = stepsOf(d);
    assert.deepEqual(steps.map((s) => s.label), ['Write the runner protocol.', 'Add the Docker runner.', 'Add load tests.']);
    const [protocol, docker, load] = steps;
    assert.match(docker.description ?? '', /^\d+ sessions · \d+ d$/);
    assert.match(load.description ?? '', /^\d+ sessions · \d+ d$/);
    assert.ok(sessionsOf(docker) > sessionsOf(load), `${docker.description} vs ${load.description}`);
    assert.match(protocol.description ?? '', /reopened/);
    assert.match(plain(docker.tooltip), new RegExp(`First appeared on ${DAYS[0]} in \`${commits[4].slice(0, 7)}\``));
    assert.match(plain(load.tooltip), new RegExp(`First appeared on ${DAYS[1]} in \`${commits[3].slice(0, 7)}\``));
    assert.match(plain(protocol.tooltip), new RegExp(`Reopened: it was ticked in \`${commits[1].slice(0, 7)}\``));
  });

  it('sorts the steps by age and filters the carried-over ones', async () => {
    try {
      await vscode.commands.executeCommand('handoff.nextSteps.sortByAge');
      let d = await viewsWhere((x) => /by age/.test(x.descriptions.nextSteps ?? ''), 'the Next Steps view sorted by age');
      const sorted = stepsOf(d);
      const ages = sorted.map(sessionsOf);
      assert.deepEqual(ages, [...ages].sort((a, b) => b - a), sorted.map((s) => `${s.label} (${s.description})`).join('; '));
      assert.equal(sorted[0].label, 'Add the Docker runner.');
      // Carried over: open in at least the project's history.staleSteps (5) versions, as the Docker step is.
      const threshold = 5;
      assert.equal(sessionsOf(sorted.find((s) => s.label === 'Add the Docker runner.')!), threshold);
      assert.equal(sessionsOf(sorted.find((s) => s.label === 'Add load tests.')!), threshold - 1);
      await vscode.commands.executeCommand('handoff.nextSteps.showCarriedOver');
      d = await viewsWhere((x) => !stepsOf(x).some((s) => s.label === 'Add load tests.'), 'the filter to hide the younger step');
      const shown = stepsOf(d);
      assert.ok(shown.some((s) => s.label === 'Add the Docker runner.'));
      for (const s of shown) assert.ok(sessionsOf(s) >= threshold, `${s.label}: ${s.description}`);
      // Notes with no carried-over step leave the view.
      assert.ok(d.nextSteps.every((n) => n.contextValue !== 'handoffNote' || (n.children ?? []).length > 0));
    } finally {
      await vscode.commands.executeCommand('handoff.nextSteps.showAll');
      await vscode.commands.executeCommand('handoff.nextSteps.sortByPosition');
    }
    const d = await viewsWhere((x) => stepsOf(x).length === 3 && !/by age/.test(x.descriptions.nextSteps ?? ''), 'all steps in recommended order again');
    assert.equal(stepsOf(d)[0].label, 'Write the runner protocol.');
  });

  it("offers the versions to VS Code's Timeline panel exactly where VS Code lets extensions use the proposed API", async () => {
    // code-server lets every extension use proposed APIs; VS Code lets only those allowed to.
    const workspace = vscode.workspace as unknown as WorkspaceNext;
    let available = false;
    try {
      workspace.registerTimelineProvider?.('handoff-test-probe', { id: 'handoff.test.probe', label: 'probe', provideTimeline: () => ({ items: [] }) }).dispose();
      available = typeof workspace.registerTimelineProvider === 'function';
    } catch {
      available = false;
    }
    console.log(`figure: VS Code ${vscode.version} ${available ? 'lets' : 'does not let'} the extension use the proposed Timeline API`);
    const api = vscode.extensions.getExtension<HandoffApi>(EXTENSION_ID)!.exports;
    const d = await describeViews();
    const items = await api.timelineItems(uri);
    assert.equal(d.timeline.panel, available);
    if (!available) {
      assert.equal(items, null);
      return;
    }
    assert.deepEqual(items!.map((i) => i.label), d.timeline.items.map((i) => i.label));
    assert.equal(items![0].timestamp, Date.parse(`${DAYS[4]}T12:00:00Z`));
    assert.deepEqual(items![0].command?.arguments, [uri.toString(), commits[0]]);
    assert.deepEqual(await api.timelineItems(vscode.Uri.file(path.join(dir, 'notes.txt'))), [], 'nothing for a file that cannot be a note');
  });

  it('says why a note has no history: not committed yet, not a handoff note', async () => {
    const fresh = path.join(dir, 'NEXT_HANDOFF.md');
    fs.writeFileSync(fresh, note('2026-11-01', '- [ ] Start.\n', '- None.\n'));
    await openInEditor(vscode.Uri.file(fresh));
    let d = await viewsWhere((x) => x.timeline.note === vscode.Uri.file(fresh).toString() && x.timeline.message !== null && !/^Reading/.test(x.timeline.message), 'the timeline of an uncommitted note');
    assert.deepEqual(d.timeline.items, []);
    assert.match(d.timeline.message!, /not committed yet/i);
    const readme = path.join(dir, 'README.md');
    fs.writeFileSync(readme, '# Runner\n\nHow to run the runner.\n');
    await openInEditor(vscode.Uri.file(readme));
    d = await viewsWhere((x) => x.timeline.note === vscode.Uri.file(readme).toString() && x.timeline.message !== null && !/^Reading/.test(x.timeline.message), 'the timeline of a README');
    assert.match(d.timeline.message!, /not a handoff note/i);
  });
});
