// Reliability rows inside VS Code (level E, trusted window): a UTF-8 BOM and CRLF notes (rows 5,
// 7), Update Handoff refusing cleanly (two snapshots: row 11; not a repository: row 13; git not
// found: row 14; a note outside the workspace folders: row 30; an untitled note: row 31), the
// note changing while git runs (typing: row 28; the file changed on disk: row 26), a 60 MB file
// (row 2), and no secret in what VS Code shows (diagnostics, code action titles, hovers: row 49).
// Each refusal leaves the document exactly as it was.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SOURCE, fakeToken, openInEditor, ruleId, waitForDiagnostics, workspaceRoot } from './util';

const ENV = { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com' };

const NEXT_CHAT = (head: string, eol = '\n') =>
  ['# Next Chat Handoff', '', 'Date: 2026-01-02', 'Branch: `old-branch`', `HEAD / upstream (\`origin/main\`): \`${head.slice(0, 7)}\``, 'Worktree: dirty', '', '## Current Status', '', '1. Started — fine and â€” broken.', '', '## What Landed', '', '1. First commit.', '', '## Validation Status', '', '1. Tests pass.', '', '## Next Priority Work', '', '1. Continue.', ''].join(eol);

/** A repository with one commit under `parent`; returns its folder and HEAD. */
function repo(parent: string, name: string): { dir: string; head: string } {
  const dir = path.join(parent, name);
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: ENV, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  fs.writeFileSync(path.join(dir, 'src', 'a.ts'), 'export const a = 1;\n');
  git('add', '.');
  git('commit', '-q', '-m', 'First');
  return { dir, head: git('rev-parse', 'HEAD') };
}

const has = (id: string) => (list: vscode.Diagnostic[]) => list.some((d) => d.source === SOURCE && ruleId(d) === id);


describe('reliability (trusted)', function () {
  this.timeout(60000);
  let root: string;

  before(() => {
    root = path.join(workspaceRoot(), 'reliability');
    fs.mkdirSync(root, { recursive: true });
  });

  it('row 5: a UTF-8 BOM: the diagnostic on line 1 covers exactly the broken text', async () => {
    const file = path.join(root, 'bom', 'HANDOFF.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '\uFEFF# Session Handoff â€” bom\n\n## Next steps\n\n1. x\n');
    const uri = vscode.Uri.file(file);
    const editor = await openInEditor(uri);
    const list = await waitForDiagnostics(uri, has('mojibake'), 'mojibake on line 1');
    const d = list.find((x) => ruleId(x) === 'mojibake')!;
    assert.equal(d.range.start.line, 0);
    assert.equal(editor.document.getText(d.range), 'â€”');
  });

  it('row 7: a CRLF note: diagnostics on the right line and character; Update keeps CRLF, one undo restores it', async () => {
    const { dir, head } = repo(root, 'crlf');
    const file = path.join(dir, 'NEXT_CHAT_HANDOFF.md');
    fs.writeFileSync(file, NEXT_CHAT(head, '\r\n'));
    const uri = vscode.Uri.file(file);
    const editor = await openInEditor(uri);
    assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
    const list = await waitForDiagnostics(uri, (l) => has('mojibake')(l) && has('branch-current')(l), 'mojibake and branch-current');
    const moji = list.find((x) => ruleId(x) === 'mojibake')!;
    assert.equal(moji.range.start.line, 9);
    assert.equal(editor.document.getText(moji.range), 'â€”');
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand<boolean>('handoff.update', uri), true);
    const after = editor.document.getText();
    assert.ok(after.includes('Branch: `main`\r\n'), after);
    assert.ok(!/[^\r]\n/.test(after), 'a bare LF in a CRLF note after the update');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
  });

  it('row 11: two snapshot sections: Update refuses and changes nothing', async () => {
    const { dir } = repo(root, 'two-snapshots');
    const file = path.join(dir, 'HANDOFF.md');
    fs.writeFileSync(file, '# Session Handoff\n\n## Snapshot\n\n- Date: 2026-01-02\n\n## Snapshot\n\n- Date: 2026-01-03\n\n## Next steps\n\n1. x\n');
    const uri = vscode.Uri.file(file);
    const editor = await openInEditor(uri);
    await waitForDiagnostics(uri, (l) => l.some((d) => d.source === SOURCE), 'diagnostics');
    const version = editor.document.version;
    assert.equal(await vscode.commands.executeCommand<boolean>('handoff.update', uri), false);
    assert.equal(editor.document.version, version);
    assert.equal(editor.document.isDirty, false);
  });

  it('row 13: a folder that is not a git repository: Update refuses, lint is unaffected', async () => {
    const file = path.join(root, 'no-repo', 'HANDOFF.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '# Session Handoff\n\n## Status\n\nâ€” x\n');
    const uri = vscode.Uri.file(file);
    const editor = await openInEditor(uri);
    await waitForDiagnostics(uri, has('mojibake'), 'mojibake');
    const version = editor.document.version;
    assert.equal(await vscode.commands.executeCommand<boolean>('handoff.update', uri), false);
    assert.equal(editor.document.version, version);
  });

  it('row 30: a note outside the workspace folders: linted, but git is not run and Update refuses', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-outside-'));
    try {
      const { dir, head } = repo(outside, 'elsewhere');
      const marker = path.join(outside, 'fsmonitor-ran');
      const monitor = path.join(outside, 'monitor.sh');
      fs.writeFileSync(monitor, `#!/bin/sh\ntouch '${marker}'\nexit 1\n`, { mode: 0o755 });
      execFileSync('git', ['config', 'core.fsmonitor', monitor], { cwd: dir });
      const hook = path.join(dir, '.git', 'hooks', 'post-index-change');
      fs.writeFileSync(hook, `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
      const file = path.join(dir, 'NEXT_CHAT_HANDOFF.md');
      fs.writeFileSync(file, NEXT_CHAT(head));
      const uri = vscode.Uri.file(file);
      const editor = await openInEditor(uri);
      await waitForDiagnostics(uri, has('mojibake'), 'mojibake outside the workspace');
      assert.ok(!has('branch-current')(vscode.languages.getDiagnostics(uri)), 'git facts for a note outside the workspace');
      const version = editor.document.version;
      assert.equal(await vscode.commands.executeCommand<boolean>('handoff.update', uri), false);
      assert.equal(editor.document.version, version);
      assert.equal(fs.existsSync(marker), false, 'git ran in the outside repository');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('row 31: an untitled note is linted; Update refuses', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Session Handoff\n\n## Status\n\nâ€” x\n' });
    await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(doc.uri, has('mojibake'), 'mojibake in an untitled note');
    assert.equal(await vscode.commands.executeCommand<boolean>('handoff.update', doc.uri), false);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('row 28: typing while Update waits for git: the typed text is kept and the update lands on it, once', async () => {
    const { dir, head } = repo(root, 'typing');
    const file = path.join(dir, 'NEXT_CHAT_HANDOFF.md');
    fs.writeFileSync(file, NEXT_CHAT(head));
    const uri = vscode.Uri.file(file);
    const editor = await openInEditor(uri);
    await waitForDiagnostics(uri, has('branch-current'), 'branch-current');
    const running = vscode.commands.executeCommand<boolean>('handoff.update', uri);
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(21, 0), '2. Typed meanwhile.\n')));
    const ok = await running;
    const text = editor.document.getText();
    assert.ok(text.includes('2. Typed meanwhile.\n'), 'the typed text was lost');
    if (ok) {
      assert.ok(text.includes('Branch: `main`'), text);
      assert.equal(text.split('Branch:').length, 2, 'the update was applied twice');
    } else {
      assert.ok(text.includes('Branch: `old-branch`'), 'a refused update changed the note');
    }
  });

  for (const autoSave of ['off', 'afterDelay']) {
    it(`row 26: the file changes on disk while Update runs (files.autoSave ${autoSave}): the change on disk is never lost`, async () => {
      const { dir, head } = repo(root, `disk-${autoSave}`);
      const file = path.join(dir, 'NEXT_CHAT_HANDOFF.md');
      fs.writeFileSync(file, NEXT_CHAT(head));
      const uri = vscode.Uri.file(file);
      const editor = await openInEditor(uri);
      await waitForDiagnostics(uri, has('branch-current'), 'branch-current');
      const files = vscode.workspace.getConfiguration('files');
      const before = files.inspect('autoSave')?.globalValue;
      await files.update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
      try {
        const changed = NEXT_CHAT(head).replace('1. Continue.', '1. Continue, as edited elsewhere.');
        const running = vscode.commands.executeCommand<boolean>('handoff.update', uri);
        fs.writeFileSync(file, changed);
        await running;
        // Time for VS Code's file watcher to reload a clean document, and for an auto save.
        await new Promise((r) => setTimeout(r, 2500));
        const disk = fs.readFileSync(file, 'utf8');
        assert.ok(disk.includes('as edited elsewhere'), 'the change made on disk was overwritten');
        // Handoff never writes the file: only an auto save of the updated (reloaded) buffer may.
        if (autoSave === 'off') assert.equal(disk, changed, 'the file was written although auto save is off');
        else assert.ok(disk === changed || disk.includes('Branch: `main`'));
        const text = editor.document.getText();
        if (!editor.document.isDirty) assert.equal(text, disk, 'a clean editor shows the disk content');
        else assert.ok(text.includes('Branch: `main`'), 'a dirty editor holds the update (VS Code asks before overwriting on save)');
      } finally {
        await files.update('autoSave', before, vscode.ConfigurationTarget.Global);
      }
    });
  }

  it('row 14: git not found (handoff.gitPath names a missing binary): lint still works, Update refuses, nothing throws', async () => {
    const config = vscode.workspace.getConfiguration('handoff');
    await config.update('gitPath', '/nonexistent/bin/git', vscode.ConfigurationTarget.Global);
    try {
      const { dir, head } = repo(root, 'nogit');
      const file = path.join(dir, 'NEXT_CHAT_HANDOFF.md');
      fs.writeFileSync(file, NEXT_CHAT(head));
      const uri = vscode.Uri.file(file);
      const editor = await openInEditor(uri);
      await waitForDiagnostics(uri, has('mojibake'), 'mojibake without git');
      await new Promise((r) => setTimeout(r, 1000));
      assert.ok(!has('branch-current')(vscode.languages.getDiagnostics(uri)), 'git facts although git is missing');
      const version = editor.document.version;
      assert.equal(await vscode.commands.executeCommand<boolean>('handoff.update', uri), false);
      assert.equal(editor.document.version, version);
    } finally {
      await config.update('gitPath', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('row 49: no secret in diagnostics, code action titles or hovers', async () => {
    const token = 'gh' + 'p_' + fakeToken(7, 36);
    const stripe = 'sk_' + 'live_' + fakeToken(11, 24);
    const file = path.join(root, 'secrets', 'HANDOFF.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `# Session Handoff\n\n## Status\n\n- token ${token}\n- key ${stripe}\n\n## Next steps\n\n1. Revoke ${token}.\n`);
    const uri = vscode.Uri.file(file);
    await openInEditor(uri);
    const list = await waitForDiagnostics(uri, (l) => l.filter((d) => ruleId(d) === 'no-secrets').length >= 3, 'three secrets');
    const shown: string[] = [];
    for (const d of list) {
      shown.push(d.message);
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range)) ?? [];
      shown.push(...actions.map((a) => a.title));
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, d.range.start.translate(0, 2))) ?? [];
      for (const h of hovers) for (const c of h.contents) shown.push(typeof c === 'string' ? c : c.value);
    }
    const all = shown.join('\n');
    assert.match(all, /ghp_…\(40 chars\)/);
    for (const secret of [token, stripe]) {
      for (let i = 8; i + 8 <= secret.length; i += 8) assert.ok(!all.includes(secret.slice(i, i + 8)), 'a piece of a secret is shown');
    }
  });

  it('row 2: a 60 MB file in the workspace: not synced to the extension (or refused), the extension keeps working', async () => {
    const big = path.join(root, 'big', 'HANDOFF.md');
    fs.mkdirSync(path.dirname(big), { recursive: true });
    const line = '- a line of a very long handoff note\n';
    const fd = fs.openSync(big, 'w');
    const block = line.repeat(Math.ceil(1_000_000 / line.length));
    for (let i = 0; i < 60; i++) fs.writeSync(fd, block);
    fs.closeSync(fd);
    let outcome: string;
    try {
      const opened = await vscode.workspace.openTextDocument(vscode.Uri.file(big));
      outcome = `opened (${opened.getText().length} characters)`;
    } catch (e) {
      outcome = `refused: ${String(e).slice(0, 120)}`;
    }
    console.log(`      60 MB file: ${outcome}`);
    // The extension still answers for another note.
    const small = path.join(root, 'big', 'other', 'HANDOFF.md');
    fs.mkdirSync(path.dirname(small), { recursive: true });
    fs.writeFileSync(small, '# Session Handoff\n\n## Status\n\nâ€” x\n');
    await openInEditor(vscode.Uri.file(small));
    await waitForDiagnostics(vscode.Uri.file(small), has('mojibake'), 'diagnostics after the 60 MB file');
    fs.rmSync(big);
  });
});
