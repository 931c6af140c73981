// What the CLI prints for people never carries a terminal control from a note, a file name or
// git: escape sequences (ESC[2J clears the screen, OSC 0 sets the window title), C1 controls,
// bidi controls and line breaks in a file name are written escaped, in stylish lint output, the
// text outline, stderr, and the header and lines of `update --dry-run`. Run in process.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../server/src/cli/cli';
import type { Io } from '../../server/src/cli/io';
import { terminalLines, terminalText } from '../../server/src/cli/formats/terminal';

/** Any character that a terminal acts on or reorders, other than the line structure itself. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const CLEAR = '\u001b[2J';
const TITLE = '\u001b]0;owned\u0007';
const ODD_NAME = `evil\n${CLEAR}${TITLE}\u202ename.md`;

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com' };
const NOTE = [
  `# Next Chat Handoff ${TITLE}`,
  '',
  'Date: 2026-11-01',
  'Branch: `old`',
  '',
  '## Current Status',
  '',
  `1. Clear ${CLEAR} here, and \u009b31m red.`,
  '',
  '## Next Priority Work',
  '',
  `1. Look at \`src/\u202eapp.ts\` ${CLEAR}.`,
  '',
  '## Risks',
  '',
  `- A risk ${TITLE}.`,
  '',
].join('\n');

async function run(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd, env: { HANDOFF_TODAY: '2026-11-22', PATH: process.env.PATH, HOME: process.env.HOME }, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('CLI output for a terminal', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'handoff-terminal-'));
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: GIT_ENV });
    execFileSync('git', ['commit', '-q', '--allow-empty', '-m', 'First'], { cwd: dir, env: GIT_ENV });
    writeFileSync(join(dir, 'HANDOFF.md'), NOTE);
    writeFileSync(join(dir, ODD_NAME), NOTE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('escapes controls, bidi characters and line breaks as \\n, \\r, \\t or \\uXXXX', () => {
    assert.equal(terminalText(`a\nb\r\tc${CLEAR}\u009b\u202e\u2066d\u2028`), 'a\\nb\\r\\tc\\u001b[2J\\u009b\\u202e\\u2066d\\u2028');
    assert.equal(terminalLines(`line\r\n\tnext ${CLEAR}\n`), 'line\r\n\tnext \\u001b[2J\n');
    assert.equal(terminalText('plain — ünïcödé, 👩\u200d💻 C:\\Users'), 'plain — ünïcödé, 👩\u200d💻 C:\\Users');
  });

  it('stylish lint: file names and messages escaped; ESC in the note is a finding', async () => {
    const r = await run(dir, ['lint']);
    assert.doesNotMatch(r.stdout + r.stderr, UNSAFE);
    assert.ok(r.stdout.includes('evil\\n\\u001b[2J\\u001b]0;owned\\u0007\\u202ename.md\n'), r.stdout);
    const lines = r.stdout.split('\n');
    assert.equal(lines.filter((l) => l.includes('Invisible character U+001B ESCAPE')).length, 8, 'four ESC in each of the two notes');
    assert.ok(lines.some((l) => l.includes('Invisible character U+009B CONTROL SEQUENCE INTRODUCER')));
    assert.ok(lines.some((l) => l.includes('Invisible character U+0007 BELL')));
  });

  it('text outline: title, steps, risks and the file name escaped', async () => {
    const r = await run(dir, ['outline']);
    assert.equal(r.code, 0);
    assert.doesNotMatch(r.stdout + r.stderr, UNSAFE);
    assert.match(r.stdout, /^HANDOFF\.md {2}handoff \(auto\) — Next Chat Handoff \\u001b\]0;owned\\u0007$/m);
    assert.match(r.stdout, /1\. \[ \] Look at src\/\\u202eapp\.ts \\u001b\[2J\. \(line 12\)/);
    assert.match(r.stdout, /- A risk \\u001b\]0;owned\\u0007\. \(line 16\)/);
    assert.ok(r.stdout.includes('evil\\n\\u001b[2J'));
    // --json is for programs: JSON escapes C0 itself, and the text is unchanged.
    const json = await run(dir, ['outline', '--json', 'HANDOFF.md']);
    assert.equal(JSON.parse(json.stdout).files[0].title, `Next Chat Handoff ${TITLE}`);
  });

  it('update --dry-run: a newline in the file name does not reach the ---/+++ header, nor ESC the lines', async () => {
    const r = await run(dir, ['update', '--dry-run', ODD_NAME]);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout + r.stderr, UNSAFE);
    const header = r.stdout.split('\n').slice(0, 2);
    assert.deepEqual(header, [
      '--- a/evil\\n\\u001b[2J\\u001b]0;owned\\u0007\\u202ename.md\t',
      '+++ b/evil\\n\\u001b[2J\\u001b]0;owned\\u0007\\u202ename.md\t',
    ]);
    assert.match(r.stdout, /^ # Next Chat Handoff \\u001b\]0;owned\\u0007$/m);
    assert.match(r.stdout, /^\+Branch: `main`$/m);
  });

  it('text history: commit subjects, authors and steps escaped', async () => {
    execFileSync('git', ['add', 'HANDOFF.md'], { cwd: dir, env: GIT_ENV });
    execFileSync('git', ['commit', '-q', '-m', `Note ${CLEAR}`], { cwd: dir, env: { ...GIT_ENV, GIT_AUTHOR_NAME: `Dev${TITLE}` } });
    const r = await run(dir, ['history', 'HANDOFF.md']);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout + r.stderr, UNSAFE);
    assert.match(r.stdout, / Dev\\u001b\]0;owned: Note \\u001b\[2J$/m); // git itself drops the BEL from a name
    assert.match(r.stdout, /^ {4}Look at src\/\\u202eapp\.ts \\u001b\[2J\. \(line 12\): open for 1 session/m);
  });

  it('stderr lines name an odd file escaped', async () => {
    writeFileSync(join(dir, ODD_NAME), '# Just a readme\n');
    const r = await run(dir, ['update', ODD_NAME]);
    assert.equal(r.stderr.split('\n')[0] + '\n', 'handoff: evil\\n\\u001b[2J\\u001b]0;owned\\u0007\\u202ename.md: skipped, not a handoff note\n');
  });
});
