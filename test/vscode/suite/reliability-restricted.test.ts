// Reliability rows inside VS Code in Restricted Mode (level E, `run.mjs --trust=no`, the
// extension installed from a .vsix): a hostile repository in the workspace (row 18) starts no
// git process: its fsmonitor, hook and clean filter leave no marker, text checks still report,
// and Update Handoff invoked by id refuses; a workspace setting for handoff.gitPath is not
// applied (row 32).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readConfig } from './runner';
import { SOURCE, openInEditor, ruleId, waitForDiagnostics, workspaceRoot } from './util';

const ENV = { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com' };

describe('reliability (Restricted Mode)', function () {
  this.timeout(60000);

  before(function () {
    if (readConfig().mode !== 'vsix') this.skip(); // a development extension ignores trust
  });

  it('row 18: a hostile repository starts no git: no marker, text checks report, Update by id refuses', async () => {
    const repo = path.join(workspaceRoot(), 'hostile');
    const markers = path.join(workspaceRoot(), 'markers');
    fs.mkdirSync(markers, { recursive: true });
    fs.mkdirSync(repo, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: ENV, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'main');
    fs.writeFileSync(path.join(repo, '.gitattributes'), '*.txt filter=x\n');
    fs.writeFileSync(path.join(repo, 'f.txt'), 'hi\n');
    git('add', '.');
    git('commit', '-q', '-m', 'First');
    const head = git('rev-parse', 'HEAD');
    // The traps, set after the commit so that setting up does not trip them.
    const script = (name: string, extra: string) => {
      const file = path.join(repo, '..', `${name}.sh`);
      fs.writeFileSync(file, `#!/bin/sh\ntouch '${path.join(markers, name)}'\n${extra}\n`, { mode: 0o755 });
      return file;
    };
    git('config', 'core.fsmonitor', script('fsmonitor', 'exit 1'));
    git('config', 'filter.x.clean', script('filter', 'cat'));
    fs.writeFileSync(path.join(repo, '.git', 'hooks', 'post-index-change'), `#!/bin/sh\ntouch '${path.join(markers, 'hook')}'\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(repo, 'f.txt'), 'ho\n');
    const file = path.join(repo, 'NEXT_CHAT_HANDOFF.md');
    fs.writeFileSync(file, ['# Next Chat Handoff', '', 'Date: 2026-01-02', 'Branch: `old`', `HEAD / upstream (\`origin/main\`): \`${head.slice(0, 7)}\``, 'Worktree: clean', '', '## Current Status', '', '1. Started â€” now.', ''].join('\n'));
    const uri = vscode.Uri.file(file);
    const editor = await openInEditor(uri);
    await waitForDiagnostics(uri, (l) => l.some((d) => d.source === SOURCE && ruleId(d) === 'mojibake'), 'mojibake in Restricted Mode');
    const version = editor.document.version;
    assert.equal(await vscode.commands.executeCommand<boolean>('handoff.update', uri), false);
    assert.equal(editor.document.version, version);
    await new Promise((r) => setTimeout(r, 1500));
    assert.ok(!vscode.languages.getDiagnostics(uri).some((d) => ruleId(d) === 'branch-current'), 'git facts in Restricted Mode');
    assert.deepEqual(fs.readdirSync(markers), [], 'a repository program ran');
  });

  it('row 32: a workspace setting for handoff.gitPath is not applied in Restricted Mode', async () => {
    const config = vscode.workspace.getConfiguration('handoff');
    try {
      await config.update('gitPath', '/tmp/evil/git', vscode.ConfigurationTarget.Workspace);
    } catch {
      // Writing workspace settings may itself be refused in Restricted Mode: nothing to apply then.
    }
    const fresh = vscode.workspace.getConfiguration('handoff');
    assert.notEqual(fresh.get('gitPath'), '/tmp/evil/git', 'the workspace value is applied in Restricted Mode');
    const inspected = fresh.inspect('gitPath');
    console.log(`      handoff.gitPath: effective ${JSON.stringify(fresh.get('gitPath'))}, workspace ${JSON.stringify(inspected?.workspaceValue)}`);
  });
});
