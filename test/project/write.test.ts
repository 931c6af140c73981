// Writes never lose an edit and never leave the project: a change on disk since the read is
// kept, a link out of the root is not written through (unless asked), a read-only note is
// reported while the others are fixed, and the mode of the file is kept.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeNote } from '../../server/src/project/write';

const BIN = resolve(__dirname, '../../bin/handoff.js');
const NOTE = '# Handoff\n\n## Next steps\n\n1. a\n3. b\n';
const FIXED = '# Handoff\n\n## Next steps\n\n1. a\n2. b\n';

function handoff(cwd: string, args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, HANDOFF_NO_GIT: '1', NO_COLOR: '1' } });
}

describe('writes', function () {
  this.timeout(30_000);
  let base: string;
  let root: string;
  beforeEach(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'handoff-write-')));
    root = join(base, 'project');
    mkdirSync(root);
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('refuses when the file changed since it was read, and keeps the change', () => {
    const file = join(root, 'HANDOFF.md');
    writeFileSync(file, NOTE);
    const read = readFileSync(file);
    writeFileSync(file, NOTE + 'typed meanwhile\n');
    const r = writeNote(file, Buffer.from(FIXED), { expected: read, root, maxBytes: 1e6 });
    assert.deepEqual(r, { written: false, reason: 'not written: the file changed on disk while it was being checked; run again' });
    assert.equal(readFileSync(file, 'utf8'), NOTE + 'typed meanwhile\n');
  });

  it('writes atomically with the mode kept, and leaves no temporary file', () => {
    const file = join(root, 'HANDOFF.md');
    writeFileSync(file, NOTE);
    chmodSync(file, 0o640);
    assert.deepEqual(writeNote(file, Buffer.from(FIXED), { expected: readFileSync(file), root, maxBytes: 1e6 }), { written: true });
    assert.equal(readFileSync(file, 'utf8'), FIXED);
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(spawnSync('ls', ['-a', root], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort(), ['.', '..', 'HANDOFF.md']);
  });

  it('lint --fix does not write through a link that leaves the project, unless --follow-symlinks', () => {
    const outside = join(base, 'outside.md');
    writeFileSync(outside, NOTE);
    symlinkSync(outside, join(root, 'HANDOFF.md'));
    const r = handoff(root, ['lint', '--fix', 'HANDOFF.md']);
    assert.match(r.stderr, /not written: .*HANDOFF\.md is a link to .*outside\.md, outside .*project \(--follow-symlinks writes through it\)/);
    assert.equal(readFileSync(outside, 'utf8'), NOTE);
    const again = handoff(root, ['lint', '--fix', '--follow-symlinks', 'HANDOFF.md']);
    assert.match(again.stderr, /HANDOFF\.md: fixed/, again.stderr);
    assert.equal(readFileSync(outside, 'utf8'), FIXED);
  });

  it('a read-only note among several: reported, the others fixed, findings for all', () => {
    writeFileSync(join(root, 'A_HANDOFF.md'), NOTE);
    writeFileSync(join(root, 'B_HANDOFF.md'), NOTE);
    chmodSync(join(root, 'A_HANDOFF.md'), 0o444);
    const r = handoff(root, ['lint', '--fix', '--format', 'json', '.']);
    assert.match(r.stderr, /A_HANDOFF\.md: not written: the file is read-only/);
    assert.match(r.stderr, /B_HANDOFF\.md: fixed/);
    assert.equal(readFileSync(join(root, 'A_HANDOFF.md'), 'utf8'), NOTE);
    assert.equal(readFileSync(join(root, 'B_HANDOFF.md'), 'utf8'), FIXED);
    const files = new Set((JSON.parse(r.stdout) as Array<{ file: string; rule: string }>).map((f) => `${f.file} ${f.rule}`));
    assert.ok(files.has('A_HANDOFF.md list-numbering'), [...files].join('\n'));
  });
});
