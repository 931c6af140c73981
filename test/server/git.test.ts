import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HoverRequest, type Hover, type TextEdit } from 'vscode-languageserver-protocol';
import { FindingsRequest, type FindingsResult } from '../../server/src/protocol';
import { TestClient } from './client';

const ENV = { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com', GIT_AUTHOR_DATE: '2026-11-20T10:00:00Z', GIT_COMMITTER_DATE: '2026-11-20T10:00:00Z' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8' }).trim();

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe('language server with git (real repositories)', function () {
  this.timeout(40000);
  let dir: string;
  let client: TestClient;
  let first: string;
  let note: string;
  const uri = () => 'file://' + join(dir, 'HANDOFF.md');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'handoff-git-'));
    git(dir, 'init', '-q', '-b', 'main');
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'config.ts'), 'export const a = 1;\n');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ scripts: { build: 'tsc', test: 'mocha' } }));
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'First');
    first = git(dir, 'rev-parse', 'HEAD');
    git(dir, 'mv', 'src/config.ts', 'src/settings.ts');
    git(dir, 'commit', '-q', '-m', 'Rename config');
    writeFileSync(join(dir, 'src', 'settings.ts'), 'export const a = 2;\n'); // dirty
    note = [
      '# Next Chat Handoff',
      '',
      'Date: 2026-11-20',
      'Branch: `feature/old`',
      `HEAD / upstream (\`origin/main\`): \`${first.slice(0, 7)}\``,
      'Worktree: clean',
      '',
      '## Current Status',
      '',
      '1. Config lives in `src/config.ts`.',
      '2. Run `npm run biuld`.',
      '',
      '## What Landed',
      '',
      '1. First pass.',
      '',
      '## Validation Status',
      '',
      '1. `npm test`',
      '',
      '## Next Priority Work',
      '',
      '1. More.',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'HANDOFF.md'), note);
    client = new TestClient();
  });
  afterEach(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the stale HEAD, the wrong branch, the false "clean", the moved file and the misspelt script', async () => {
    await client.initialize(dir, { trusted: true });
    await client.open(uri(), note);
    const p = await client.diagnostics(uri(), (p) => p.diagnostics.some((d) => d.code === 'head-current'));
    const by = (code: string) => p.diagnostics.filter((d) => d.code === code).map((d) => d.message);
    assert.deepEqual(by('branch-current'), ['Branch "feature/old" is not the current branch "main"']);
    assert.match(by('head-current')[0], new RegExp(`^Recorded commit ${first.slice(0, 7)} is 1 commit behind HEAD`));
    assert.match(by('worktree-state')[0], /^Worktree is dirty/);
    assert.deepEqual(by('path-exists'), ['Path src/config.ts does not exist; git saw it renamed to src/settings.ts']);
    assert.deepEqual(by('command-exists'), ['Unknown npm script "biuld", did you mean "build"?']);
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri() }, position: { line: 4, character: 37 } })) as Hover;
    assert.match(JSON.stringify(hover.contents), /First/);
  });

  it('Update Handoff returns one edit set that brings the note up to date, and is idempotent', async () => {
    await client.initialize(dir, { trusted: true });
    await client.open(uri(), note);
    await client.diagnostics(uri());
    const result = (await client.connection.sendRequest('handoff/update', { uri: uri(), version: 1 })) as { edits: TextEdit[]; refused: string | null; summary: string[] };
    assert.equal(result.refused, null);
    const head = git(dir, 'rev-parse', 'HEAD');
    const updated = applyEdits(note, result.edits);
    assert.ok(updated.includes('Branch: `main`'));
    assert.ok(updated.includes(`\`${head.slice(0, 7)}\``));
    assert.ok(updated.includes('Worktree: dirty'));
    assert.ok(updated.includes('`src/settings.ts`'), updated);
    await client.change(uri(), 2, [{ text: updated }]);
    await client.diagnostics(uri(), (p) => p.version === 2);
    const again = (await client.connection.sendRequest('handoff/update', { uri: uri(), version: 2 })) as { edits: TextEdit[] };
    assert.equal(again.edits.length, 0);
    // A stale version is refused, nothing is computed on top of newer text.
    const stale = (await client.connection.sendRequest('handoff/update', { uri: uri(), version: 1 })) as { stale?: boolean };
    assert.equal(stale.stale, true);
  });

  it('handoff/findings: the findings with git facts in, each with its fix and docs link', async () => {
    await client.initialize(dir, { trusted: true });
    await client.open(uri(), note);
    const result = (await client.connection.sendRequest(FindingsRequest.method, { uri: uri() })) as FindingsResult;
    assert.equal(result.version, 1);
    assert.equal(result.kind, 'handoff');
    assert.equal(result.gitNote, null);
    const branch = result.findings.find((f) => f.rule === 'branch-current');
    assert.deepEqual(branch && { message: branch.message, line: branch.range.start.line, docs: branch.docs }, { message: 'Branch "feature/old" is not the current branch "main"', line: 3, docs: 'https://github.com/handoff-notes/handoff/blob/main/docs/rules/branch-current.md' });
    assert.equal(branch?.fixable, true);
    assert.ok(result.findings.some((f) => f.rule === 'head-current'));
    const none = (await client.connection.sendRequest(FindingsRequest.method, { uri: 'file:///not/open.md' })) as FindingsResult;
    assert.deepEqual(none, { version: null, kind: 'other', findings: [], gitNote: null });
  });

  it('handoff/update with diff: a unified diff of the update, with the note\'s secrets masked', async () => {
    const token = ['gh', 'p_', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'].join('');
    const text = note.replace('Branch: `feature/old`', `Branch: \`feature/old\`\nToken: ${token}`);
    await client.initialize(dir, { trusted: true });
    await client.open(uri(), text);
    await client.diagnostics(uri());
    const result = (await client.connection.sendRequest('handoff/update', { uri: uri(), version: 1, diff: true })) as { diff?: string; refused: string | null };
    assert.equal(result.refused, null);
    assert.match(result.diff ?? '', /^--- a\/HANDOFF\.md\t?\n\+\+\+ b\/HANDOFF\.md\t?\n/);
    assert.match(result.diff ?? '', /^-Branch: `feature\/old`$/m);
    assert.match(result.diff ?? '', /^\+Branch: `main`$/m);
    assert.match(result.diff ?? '', /Token: ghp_…/);
    assert.ok(!(result.diff ?? '').includes(token.slice(8, 24)), result.diff);
    const plain = (await client.connection.sendRequest('handoff/update', { uri: uri(), version: 1 })) as { diff?: string };
    assert.equal(plain.diff, undefined, 'no diff unless asked');
  });

  it('runs no git in Restricted Mode: hostile config never fires, text rules still report', async () => {
    const marker = join(dir, 'fsmonitor-ran');
    const script = join(dir, 'monitor.sh');
    writeFileSync(script, `#!/bin/sh\ntouch '${marker}'\n`);
    chmodSync(script, 0o755);
    git(dir, 'config', 'core.fsmonitor', script);
    await client.initialize(dir, { trusted: false });
    const broken = note.replace('Date: 2026-11-20', 'Date: 2026-11-20 â€” late');
    await client.open(uri(), broken);
    const p = await client.diagnostics(uri(), (p) => p.diagnostics.some((d) => d.code === 'mojibake') && p.diagnostics.some((d) => d.code === 'command-exists'));
    assert.ok(!p.diagnostics.some((d) => ['branch-current', 'head-current', 'worktree-state'].includes(String(d.code))));
    // Workspace-file rules need no git and still run.
    assert.ok(p.diagnostics.some((d) => d.code === 'command-exists'));
    const refused = (await client.connection.sendRequest('handoff/update', { uri: uri(), version: 1 })) as { refused: string };
    assert.match(refused.refused, /trusted workspace/);
    const findings = (await client.connection.sendRequest(FindingsRequest.method, { uri: uri() })) as FindingsResult;
    assert.equal(findings.gitNote, 'Restricted Mode: git checks are off');
    assert.ok(findings.findings.some((f) => f.rule === 'mojibake'));
    assert.ok(!findings.findings.some((f) => f.rule === 'branch-current'));
    const status = client.notifications.filter((n) => n.method === 'handoff/noteStatus').map((n) => (n.params as { gitNote: string | null }).gitNote);
    assert.ok(status.includes('Restricted Mode: git checks are off'));
    assert.equal(existsSync(marker), false);
  });
});
