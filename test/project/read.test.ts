// Files that never end: a note named as a FIFO or a link to /dev/zero, and a manifest that is a
// link to /dev/zero, are refused on the open handle, never read; the CLI names them and exits.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readBytes, readText } from '../../server/src/project/read';

const BIN = resolve(__dirname, '../../bin/handoff.js');

/** Runs the CLI to its exit (the test's own timeout ends a hang). */
function run(cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, HANDOFF_NO_GIT: '1', NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('bounded reads', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'handoff-read-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a FIFO and a device on the open handle, and a file over the limit', () => {
    execFileSync('mkfifo', [join(dir, 'fifo.md')]);
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    writeFileSync(join(dir, 'big.md'), 'x'.repeat(2000));
    assert.deepEqual(readBytes(join(dir, 'fifo.md'), 1000), { problem: 'not a regular file (a FIFO)', code: 'not-a-file' });
    assert.deepEqual(readBytes(join(dir, 'zero.md'), 1000), { problem: 'not a regular file (a device)', code: 'not-a-file' });
    assert.deepEqual(readBytes(join(dir, 'big.md'), 1000), { problem: 'larger than 1000 bytes (2000)', code: 'too-large' });
    assert.deepEqual(readBytes(join(dir, 'none.md'), 1000), { problem: 'not found', code: 'not-found' });
    const ok = readText(join(dir, 'big.md'), 5000);
    assert.ok('text' in ok && ok.text.length === 2000);
  });

  it('the CLI names a FIFO and a /dev/zero note (exit 2) and lints the rest; a /dev/zero Makefile is not read', async () => {
    execFileSync('mkfifo', [join(dir, 'HANDOFF.md')]);
    symlinkSync('/dev/zero', join(dir, 'ZERO_HANDOFF.md'));
    symlinkSync('/dev/zero', join(dir, 'Makefile'));
    symlinkSync('/dev/zero', join(dir, 'package.json'));
    writeFileSync(join(dir, 'NOTE_HANDOFF.md'), '# Handoff\n\nRun `make build` and `npm run test`.\n\n1. a\n3. b\n');
    const r = await run(dir, ['lint', 'HANDOFF.md', 'ZERO_HANDOFF.md', 'NOTE_HANDOFF.md', '--format', 'json']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^handoff: HANDOFF\.md: skipped, not a regular file \(a FIFO\)$/m);
    assert.match(r.stderr, /^handoff: ZERO_HANDOFF\.md: skipped, not a regular file \(a device\)$/m);
    const rules = (JSON.parse(r.stdout) as Array<{ file: string; rule: string }>).map((f) => `${f.file} ${f.rule}`);
    assert.ok(rules.includes('NOTE_HANDOFF.md list-numbering'), rules.join('\n'));
    assert.ok(!rules.some((x) => x.endsWith('command-exists')), 'the manifests are unknown, not read');
  });

  it('a directory walk passes over a FIFO note (as the editor index does) and exits normally', async () => {
    execFileSync('mkfifo', [join(dir, 'HANDOFF.md')]);
    writeFileSync(join(dir, 'OTHER_HANDOFF.md'), '# Handoff\n\n1. a\n3. b\n');
    const r = await run(dir, ['lint', '.', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual([...new Set((JSON.parse(r.stdout) as Array<{ file: string }>).map((f) => f.file))], ['OTHER_HANDOFF.md']);
  });
});
