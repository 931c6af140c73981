// The Language Model tools in the real VS Code: registered from the manifest, and answering
// vscode.lm.invokeTool with what the language server finds (lint), outlines (outline) and the
// Update Handoff plan (update: a diff first, then one undoable edit on the open document).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { VscodeNext } from '../../../client/src/vscode-next';
import { EXTENSION_ID, fakeToken, invokeTool as invoke, openInEditor, workspaceRoot } from './util';

const TOOLS = ['handoff_lint', 'handoff_update', 'handoff_outline'];
const ENV = { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com' };

describe('Language Model tools', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  it('are registered with the names the manifest declares', () => {
    const tools = (vscode as unknown as VscodeNext).lm?.tools ?? [];
    for (const name of TOOLS) assert.ok(tools.some((t) => t.name === name), `${name} in vscode.lm.tools: ${tools.map((t) => t.name).join(', ')}`);
  });

  it('handoff_lint returns the findings of a broken note, with rule ids, fixes and docs links', async () => {
    // A note of its own: the suites before this one fix the workspace's HANDOFF.md.
    const file = path.join(workspaceRoot(), 'lm-broken', 'HANDOFF.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '# Session Handoff\n\n## Snapshot\n- Date: 2026-11-20\n- Branch / commit: `main` (1a2b3c4)\n\n## What changed\n- Added the engine.\n- The rule engine \u00e2\u20ac\u201d with unit tests.\n');
    const text = await invoke('handoff_lint', { path: 'lm-broken/HANDOFF.md' });
    assert.match(text, /^\S*HANDOFF\.md \(handoff\): \d+ problems/, text);
    assert.match(text, /^- 9:\d+ \w+ mojibake: .*\[fix available\] \(https:\/\/\S+\/docs\/rules\/mojibake\.md\)$/m, text);
    assert.match(text, /^- \d+:\d+ warning required-sections: /m, text);
  });

  it('handoff_lint uses the open editor text (unsaved edits included) and masks secrets', async () => {
    const token = 'gh' + 'p_' + fakeToken(3, 36);
    const file = path.join(workspaceRoot(), 'lm-secrets', 'HANDOFF.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '# Session Handoff\n\n## Status\n\n- Fine.\n\n## Next steps\n\n1. Continue.\n');
    const editor = await openInEditor(vscode.Uri.file(file));
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(4, 0), `- token ${token}\n`)));
    const text = await invoke('handoff_lint', {});
    // The token is only in the editor: the file on disk has none.
    assert.match(text, /^- 5:\d+ error no-secrets: /m, text);
    for (let i = 8; i + 8 <= token.length; i += 8) assert.ok(!text.includes(token.slice(i, i + 8)), `a piece of the secret is in the result: ${text}`);
    const outline = await invoke('handoff_outline', {});
    for (let i = 8; i + 8 <= token.length; i += 8) assert.ok(!outline.includes(token.slice(i, i + 8)), `a piece of the secret is in the outline: ${outline}`);
  });

  it('handoff_outline returns the status, next steps and risks of a named note', async () => {
    const text = await invoke('handoff_outline', { path: 'HANDOFF.md' });
    assert.match(text, /^# Session Handoff$/m, text);
    assert.match(text, /^## Risks\n- Large roadmaps are re-parsed on every keystroke\.$/m, text);
  });

  it('refuse a path outside the workspace folders and a missing note, with a message', async () => {
    assert.match(await invoke('handoff_lint', { path: '../outside.md' }), /not inside a workspace folder/);
    assert.match(await invoke('handoff_outline', { path: 'no-such-note.md' }), /does not exist/);
  });

  it('handoff_update previews a diff without writing, then applies one undoable edit to the unsaved note', async () => {
    const repo = path.join(workspaceRoot(), 'lm-repo');
    fs.mkdirSync(repo, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: ENV, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'main');
    fs.writeFileSync(path.join(repo, 'a.ts'), 'export const a = 1;\n');
    git('add', '.');
    git('commit', '-q', '-m', 'First');
    const note = ['# Next Chat Handoff', '', 'Date: 2026-01-02', 'Branch: `old-branch`', 'Worktree: dirty', '', '## Current Status', '', '1. Started.', '', '## Next Priority Work', '', '1. Continue.', ''].join('\n');
    fs.writeFileSync(path.join(repo, 'NEXT_CHAT_HANDOFF.md'), note);
    git('add', '.');
    git('commit', '-q', '-m', 'Handoff');
    const editor = await openInEditor(vscode.Uri.file(path.join(repo, 'NEXT_CHAT_HANDOFF.md')));
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(13, 0), '2. Unsaved idea.\n')));
    const before = editor.document.getText();
    const version = editor.document.version;

    const preview = await invoke('handoff_update', { path: 'lm-repo/NEXT_CHAT_HANDOFF.md' });
    assert.match(preview, /nothing written/, preview);
    assert.match(preview, /^-Branch: `old-branch`$/m, preview);
    assert.match(preview, /^\+Branch: `main`$/m, preview);
    assert.equal(editor.document.version, version, 'the preview changes nothing');

    const applied = await invoke('handoff_update', { path: 'lm-repo/NEXT_CHAT_HANDOFF.md', apply: true });
    assert.match(applied, /updated in the editor as one undoable edit/, applied);
    const after = editor.document.getText();
    assert.ok(after.includes('Branch: `main`'), after);
    assert.ok(after.includes('2. Unsaved idea.\n'), 'the unsaved edit is kept');
    assert.equal(editor.document.isDirty, true, 'the update does not save');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before, 'one undo restores the note');
  });
});
