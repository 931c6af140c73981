// Update Handoff in the real VS Code: a note in a real git repository, with unsaved edits in
// the editor, is brought up to date in one undoable edit; the document stays dirty (no save),
// the unsaved text outside the snapshot is kept, and a second run changes nothing.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SOURCE, openInEditor, ruleId, waitForDiagnostics, workspaceRoot } from './util';

const ENV = { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com' };

describe('Update Handoff', () => {
  let repo: string;
  let uri: vscode.Uri;
  let first: string;
  let head: string;

  before(() => {
    repo = path.join(workspaceRoot(), 'repo');
    fs.mkdirSync(path.join(repo, 'src'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: ENV, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'main');
    fs.writeFileSync(path.join(repo, 'src', 'a.ts'), 'export const a = 1;\n');
    git('add', '.');
    git('commit', '-q', '-m', 'First');
    first = git('rev-parse', 'HEAD');
    fs.writeFileSync(path.join(repo, 'src', 'b.ts'), 'export const b = 2;\n');
    git('add', '.');
    git('commit', '-q', '-m', 'Second');
    head = git('rev-parse', 'HEAD');
    const note = ['# Next Chat Handoff', '', 'Date: 2026-01-02', 'Branch: `old-branch`', `HEAD / upstream (\`origin/main\`): \`${first.slice(0, 7)}\``, 'Worktree: dirty', '', '## Current Status', '', '1. Started `src/a.ts`.', '', '## What Landed', '', '1. First commit.', '', '## Validation Status', '', '1. Tests pass.', '', '## Next Priority Work', '', '1. Continue.', ''].join('\n');
    fs.writeFileSync(path.join(repo, 'NEXT_CHAT_HANDOFF.md'), note);
    git('add', '.');
    git('commit', '-q', '-m', 'Handoff');
    head = git('rev-parse', 'HEAD');
    uri = vscode.Uri.file(path.join(repo, 'NEXT_CHAT_HANDOFF.md'));
  });

  it('shows the stale HEAD and the wrong branch, then updates the dirty editor in one undoable step', async () => {
    const editor = await openInEditor(uri);
    await waitForDiagnostics(uri, (l) => l.some((d) => d.source === SOURCE && ruleId(d) === 'head-current') && l.some((d) => ruleId(d) === 'branch-current'), 'head-current and branch-current');
    // An unsaved edit outside the snapshot, which the update must keep.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(21, 0), '2. Unsaved idea.\n')));
    const before = editor.document.getText();
    assert.equal(editor.document.isDirty, true);
    const ok = await vscode.commands.executeCommand<boolean>('handoff.update');
    assert.equal(ok, true);
    const after = editor.document.getText();
    assert.ok(after.includes('Branch: `main`'), after);
    assert.ok(after.includes(`\`${head.slice(0, 7)}\``), after);
    assert.ok(after.includes('Worktree: clean'), after);
    assert.ok(after.includes('`src/b.ts` (added)'), after);
    assert.ok(after.includes('2. Unsaved idea.\n'));
    assert.equal(editor.document.isDirty, true, 'the update does not save');
    await waitForDiagnostics(uri, (l) => !l.some((d) => ruleId(d) === 'head-current' || ruleId(d) === 'branch-current'), 'git findings gone');
    // Running it again changes nothing.
    const version = editor.document.version;
    assert.equal(await vscode.commands.executeCommand<boolean>('handoff.update'), true);
    assert.equal(editor.document.version, version);
    // One undo restores the note as it was before the update.
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
  });

  it('two invocations at once give one result', async () => {
    const editor = await openInEditor(uri);
    await vscode.commands.executeCommand('undo'); // back to the original text (the unsaved edit undone too)
    const [a, b] = await Promise.all([vscode.commands.executeCommand<boolean>('handoff.update'), vscode.commands.executeCommand<boolean>('handoff.update')]);
    assert.equal(a, true);
    assert.equal(b, true);
    const text = editor.document.getText();
    assert.equal(text.split('`src/b.ts` (added)').length, 2, 'the changes were listed once');
  });
});
