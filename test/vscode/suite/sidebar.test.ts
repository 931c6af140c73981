// The Handoff sidebar in the real VS Code: the view container and its four views, the trees
// filled for a workspace with several notes (written by this spec into the workspace copy, so the
// file watcher and the index's file events are exercised too), a checkbox that edits the note in
// one undoable step, a click that reveals the line, live updates while typing, the git part of
// the Status view and the freshness status item. The spec leaves the sidebar open, so the
// driver's final screenshot (test-results/screenshots/workbench.png) shows it.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { openInEditor, waitUntil, workspaceRoot } from './util';

interface NodeJson {
  label: string;
  description?: string;
  checked?: boolean;
  command?: { command: string; arguments: unknown[] };
  contextValue?: string;
  children?: NodeJson[];
}

interface Described {
  ready: boolean;
  indexing: boolean;
  status: NodeJson[];
  nextSteps: NodeJson[];
  risks: NodeJson[];
  roadmap: NodeJson[];
  descriptions: Record<string, string | undefined>;
  badge: number;
  freshness: { text: string; detail: string | undefined; severity: number } | null;
}

const ENV = { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com' };

const SESSION = `# Session Handoff

## Snapshot

- Date: 2025-12-14
- Branch / commit: \`main\` (HEAD)
- Goal of the session: Align EPIC-04 docs.

## What changed

- ST-04-01 script model landed.

## Known issues / risks

- ST-04-02 runner is still unimplemented.
- Version-number races are not handled yet.

## Next steps (recommended order)

1. Confirm/accept ADR-0015.
2. Implement ST-04-02 runner.
3. Implement ST-04-03 admin editor UI.
`;

const ROADMAP = `# Roadmap

## EPIC-04: Scripting

- [x] ST-04-01 Versioned script model
- [ ] ST-04-02 Docker runner
- [ ] ST-04-03 Admin editor

## EPIC-05: Governance

- [ ] ST-05-01 Publish and rollback
`;

const describeViews = () => vscode.commands.executeCommand<Described>('handoff.sidebar.describe');

/** Re-reads the views until `accept` holds (the views change on server notifications). */
async function viewsWhere(accept: (d: Described) => boolean, what: string, timeoutMs = 30000): Promise<Described> {
  let last: Described | undefined;
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    last = await describeViews();
    if (accept(last)) return last;
    await new Promise<void>((r) => {
      const sub = vscode.window.onDidChangeActiveTextEditor(() => {
        sub.dispose();
        r();
      });
      setTimeout(() => {
        sub.dispose();
        r();
      }, 100);
    });
  }
  const top = (nodes: NodeJson[] = []) => nodes.map((n) => `${n.label} (${n.description ?? ''}; ${n.children?.length ?? 0} children)`).join(' | ');
  const views = last ? `status: ${top(last.status)}\nnext steps: ${top(last.nextSteps)}\nrisks: ${top(last.risks)}\nroadmap: ${top(last.roadmap)}` : '(none)';
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; views now:\n${views}`);
}

const flat = (nodes: NodeJson[]): NodeJson[] => nodes.flatMap((n) => [n, ...flat(n.children ?? [])]);
const group = (d: Described, view: 'nextSteps' | 'risks', suffix: string) => d[view].find((g) => (g.description ?? '').endsWith(suffix));
/** The phases of a roadmap: the view's roots when it is the only roadmap, else under its node. */
const phasesOf = (d: Described, path: string) => d.roadmap.find((r) => (r.description ?? '').endsWith(path))?.children ?? (d.roadmap.every((r) => r.contextValue === 'roadmapPhase') ? d.roadmap : undefined);

describe('sidebar', () => {
  let dir: string;
  let session: vscode.Uri;
  let sessionFile: string;

  before(async function () {
    this.timeout(60000);
    dir = path.join(workspaceRoot(), 'sidebar');
    fs.mkdirSync(path.join(dir, 'docs'), { recursive: true });
    sessionFile = path.join(dir, 'SESSION_HANDOFF.md');
    fs.writeFileSync(sessionFile, SESSION);
    fs.writeFileSync(path.join(dir, 'docs', 'ROADMAP.md'), ROADMAP);
    // A second note with next steps and risks, in a small git repository whose HEAD is two
    // commits ahead of the commit the note records.
    const repo = path.join(dir, 'service');
    fs.mkdirSync(repo, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: ENV, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'main');
    fs.writeFileSync(path.join(repo, 'a.txt'), '1\n');
    git('add', '.');
    git('commit', '-q', '-m', 'First');
    const first = git('rev-parse', '--short', 'HEAD');
    fs.writeFileSync(path.join(repo, 'NEXT_CHAT_HANDOFF.md'), `# Next Chat Handoff\n\nDate: 2026-01-02\nBranch: \`main\`\nHEAD / upstream (\`origin/main\`): \`${first}\`\nWorktree: clean\n\n## Current Status\n\n1. Started.\n\n## Code Analysis (This Pass)\n\nRemaining risks / TODO:\n1. Retries are not idempotent.\n\n## Next Priority Work\n\n1. Make retries idempotent.\n2. Add a load test.\n`);
    git('add', '.');
    git('commit', '-q', '-m', 'Handoff');
    fs.writeFileSync(path.join(repo, 'b.txt'), '2\n');
    git('add', '.');
    git('commit', '-q', '-m', 'Third');
    session = vscode.Uri.file(sessionFile);
    // The notes are opened (not shown): files created in folders made a moment earlier can be
    // missed by code-server's file watcher when the extension is already running, and this spec
    // is about the views, not the watcher.
    for (const f of [path.join(dir, 'docs', 'ROADMAP.md'), sessionFile, path.join(repo, 'NEXT_CHAT_HANDOFF.md')]) await vscode.workspace.openTextDocument(vscode.Uri.file(f));
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('contributes the Handoff view container with Status, Next Steps, Risks, Roadmap and Timeline', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.handoff');
    const all = new Set(await vscode.commands.getCommands(true));
    for (const view of ['handoff.status', 'handoff.nextSteps', 'handoff.risks', 'handoff.roadmap', 'handoff.timeline']) assert.ok(all.has(`${view}.focus`), `no view ${view}`);
    const ext = vscode.extensions.getExtension('handoff-notes.handoff')!;
    const views = (ext.packageJSON as { contributes: { views: Record<string, Array<{ id: string; name: string }>> } }).contributes.views.handoff;
    assert.deepEqual(views.map((v) => v.name), ['Status', 'Next Steps', 'Risks', 'Roadmap', 'Timeline']);
  });

  it('fills the trees for a workspace with several notes', async () => {
    const d = await viewsWhere(
      (x) => Boolean(group(x, 'nextSteps', 'sidebar/SESSION_HANDOFF.md') && group(x, 'nextSteps', 'sidebar/service/NEXT_CHAT_HANDOFF.md') && phasesOf(x, 'sidebar/docs/ROADMAP.md')?.length),
      'the notes written by this spec to appear in the views',
    );
    assert.equal(d.ready, true);
    const statusLabels = d.status.map((n) => n.label);
    assert.ok(statusLabels.includes('Session Handoff') && statusLabels.includes('Next Chat Handoff'), statusLabels.join(', '));
    // Next steps in recommended order, grouped by note.
    const steps = group(d, 'nextSteps', 'sidebar/SESSION_HANDOFF.md')!;
    assert.deepEqual(steps.children!.map((s) => [s.label, s.checked]), [
      ['Confirm/accept ADR-0015.', false],
      ['Implement ST-04-02 runner.', false],
      ['Implement ST-04-03 admin editor UI.', false],
    ]);
    assert.match(steps.description!, /^3 open/);
    assert.deepEqual(group(d, 'nextSteps', 'sidebar/service/NEXT_CHAT_HANDOFF.md')!.children!.map((s) => s.label), ['Make retries idempotent.', 'Add a load test.']);
    assert.deepEqual(group(d, 'risks', 'sidebar/SESSION_HANDOFF.md')!.children!.map((s) => s.label), ['ST-04-02 runner is still unimplemented.', 'Version-number races are not handled yet.']);
    assert.deepEqual(group(d, 'risks', 'sidebar/service/NEXT_CHAT_HANDOFF.md')!.children!.map((s) => s.label), ['Retries are not idempotent.']);
    // The roadmap: phases with progress, items with status.
    const phases = phasesOf(d, 'sidebar/docs/ROADMAP.md')!;
    assert.deepEqual(phases.map((p) => [p.label, p.description]), [
      ['EPIC-04: Scripting', '1/3'],
      ['EPIC-05: Governance', '0/1'],
    ]);
    assert.deepEqual(phases[0].children!.map((i) => [i.label, i.description]), [
      ['ST-04-01 Versioned script model', 'done'],
      ['ST-04-02 Docker runner', 'planned'],
      ['ST-04-03 Admin editor', 'planned'],
    ]);
    assert.ok(d.badge >= 5, `badge ${d.badge}`);
    // The Status node of the session note: date with age (stale), problems, roadmap progress.
    const note = d.status.find((n) => n.label === 'Session Handoff' && /sidebar\/SESSION_HANDOFF\.md/.test(n.description ?? ''))!;
    assert.match(note.description!, /^stale · \d+ days · main · sidebar\/SESSION_HANDOFF\.md$/);
    const facts = Object.fromEntries(note.children!.map((c) => [c.label, c.description]));
    assert.match(facts['Date 2025-12-14'] ?? '', /days old · stale/);
    assert.equal(facts['Roadmap sidebar/docs/ROADMAP.md'], '1/4 done');
    assert.ok('Problems' in facts);
  });

  it('shows how many commits HEAD is ahead of the recorded commit for an open note in a git repository', async () => {
    const uri = vscode.Uri.file(path.join(dir, 'service', 'NEXT_CHAT_HANDOFF.md'));
    await openInEditor(uri);
    const d = await viewsWhere(
      (x) => flat(x.status).some((n) => /^Commit [0-9a-f]{7}$/.test(n.label) && n.description === 'HEAD is 2 commits ahead'),
      'the commit node of service/NEXT_CHAT_HANDOFF.md to count the commits since',
    );
    assert.ok(d.freshness, 'the freshness status item shows for a handoff note');
    assert.match(d.freshness!.detail ?? '', /2 commits since/);
  });

  it('ticks a step from its checkbox in the file, and one undo restores the text', async () => {
    const editor = await openInEditor(session);
    const before = editor.document.getText();
    // What the tree's checkbox handler runs for this step (order 2, a plain numbered item).
    const outcome = await vscode.commands.executeCommand<string>('handoff.sidebar.toggleStep', session.toString(), 2, true);
    assert.equal(outcome, 'applied');
    assert.equal(editor.document.lineAt(20).text, '2. [x] Implement ST-04-02 runner.');
    assert.equal(fs.readFileSync(sessionFile, 'utf8').split('\n')[20], '2. [x] Implement ST-04-02 runner.', 'the note was saved');
    const checked = await viewsWhere((x) => flat(x.nextSteps).some((n) => n.label === 'Implement ST-04-02 runner.' && n.checked === true), 'the step to show checked');
    assert.ok(checked.badge >= 1);
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before, 'one undo restores the note');
    await viewsWhere((x) => flat(x.nextSteps).some((n) => n.label === 'Implement ST-04-02 runner.' && n.checked === false), 'the step to show unchecked after undo');
    await editor.document.save();
  });

  it('a click reveals the line of a risk', async () => {
    const d = await describeViews();
    const risk = group(d, 'risks', 'sidebar/SESSION_HANDOFF.md')!.children![1];
    await vscode.commands.executeCommand(risk.command!.command, ...risk.command!.arguments);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.fsPath, sessionFile);
    assert.equal(editor.selection.active.line, 15);
    assert.match(editor.document.lineAt(15).text, /Version-number races/);
  });

  it('follows edits in a note as the user types', async () => {
    const editor = await openInEditor(session);
    const line = editor.document.lineAt(21);
    assert.match(line.text, /^3\. Implement ST-04-03/);
    await editor.edit((b) => b.insert(line.range.end, '\n4. Write the release notes.'));
    await viewsWhere((x) => group(x, 'nextSteps', 'sidebar/SESSION_HANDOFF.md')?.children?.at(-1)?.label === 'Write the release notes.', 'the new step to appear');
    await vscode.commands.executeCommand('undo');
    await viewsWhere((x) => group(x, 'nextSteps', 'sidebar/SESSION_HANDOFF.md')?.children?.length === 3, 'the step to go after undo');
    await editor.document.save();
  });

  it('leaves the sidebar open for the screenshot', async () => {
    await openInEditor(session);
    await vscode.commands.executeCommand('workbench.view.extension.handoff');
    await vscode.commands.executeCommand('handoff.nextSteps.focus');
    await waitUntil(() => vscode.window.activeTextEditor !== undefined, 'an editor beside the sidebar', 5000);
  });
});
