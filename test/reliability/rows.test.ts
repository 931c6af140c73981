// RELIABILITY rows at the unit level that no other file covers, and the dependency gates (§8.12):
// rows 2, 3, 5, 6, 7, 32, 36 (the CLI's and the workspace index's file handling, BOM and CRLF
// positions, the manifest's restricted configuration); simple-git >= 3.36, the lockfile
// committed and in step with package.json.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyEdits, lint, noteOf } from '../../server/src/engine';
import { planUpdate } from '../../server/src/engine/update/update';
import { decodeNote } from '../../server/src/project/decode';
import { markdownFiles, readNoteFile } from '../../server/src/project/scan';
import { main } from '../../server/src/cli/cli';
import { REPO, TODAY, gitFacts, withEol } from './helpers';

const NOTE = '# Session Handoff\n\n## Snapshot\n\n- Date: 2026-11-01\n- Branch / commit: `old` (`1234567`)\n- Goal of the session: ship â€” fast\n\n## Next steps (recommended order)\n\n1. Go.\n';

function tmp(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-rows-')));
}

async function cli(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { cwd, env: { HANDOFF_NO_GIT: '1', HANDOFF_TODAY: TODAY }, stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false });
  return { code, out, err };
}

describe('reliability: rows at the unit level', () => {
  it('row 5: a UTF-8 BOM causes no column drift on line 1 (or any other)', () => {
    const plain = lint({ text: '# Handoff â€” x\n\nâ€” y\n', path: 'HANDOFF.md', today: TODAY });
    const bom = lint({ text: '\uFEFF# Handoff â€” x\n\nâ€” y\n', path: 'HANDOFF.md', today: TODAY });
    const at = (r: typeof plain, shift: number) => r.findings.filter((f) => f.ruleId === 'mojibake').map((f) => {
      const p = r.lines.position(f.start);
      return `${p.line}:${p.character - (p.line === 0 ? shift : 0)}`;
    });
    assert.deepEqual(at(bom, 1), at(plain, 0), 'the BOM shifts line 1 by exactly its own code unit');
    assert.equal(bom.note.title?.text, 'Handoff â€” x');
    // Update keeps the BOM (it never writes bytes: it edits the text after it).
    const text = '\uFEFF' + NOTE;
    const after = applyEdits(text, planUpdate(noteOf({ text, path: 'HANDOFF.md' }), gitFacts(), { today: TODAY }).edits);
    assert.ok(after.startsWith('\uFEFF# Session Handoff'));
  });

  it('row 7: CRLF: findings on the same line and character as LF; Update writes CRLF only', () => {
    const lf = lint({ text: NOTE, path: 'HANDOFF.md', today: TODAY });
    const crlfText = withEol(NOTE, '\r\n');
    const crlf = lint({ text: crlfText, path: 'HANDOFF.md', today: TODAY });
    const pos = (r: typeof lf) => r.findings.map((f) => `${f.ruleId} ${JSON.stringify(r.lines.position(f.start))}`).sort();
    assert.deepEqual(pos(crlf), pos(lf));
    const git = gitFacts({ changedSince: [{ path: 'src/a.ts', status: 'added' }] });
    const after = applyEdits(crlfText, planUpdate(noteOf({ text: crlfText, path: 'HANDOFF.md' }), git, { today: TODAY }).edits);
    assert.ok(!/[^\r]\n|\r(?!\n)/.test(after), 'mixed line endings after the update');
    assert.ok(after.includes('`src/a.ts` (added)\r\n'));
  });

  it('rows 3 and 6: the CLI skips a binary HANDOFF.md with a reason and decodes a UTF-16LE note; the index does the same', async () => {
    const dir = tmp();
    try {
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('# Session Handoff\n')]);
      fs.writeFileSync(path.join(dir, 'HANDOFF.md'), png);
      fs.mkdirSync(path.join(dir, 'utf16'));
      fs.writeFileSync(path.join(dir, 'utf16', 'HANDOFF.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Session Handoff — ü\n\n## Status\n\nâ€” x\n', 'utf16le')]));
      const r = await cli(dir, 'lint', '--format', 'json');
      assert.match(r.err, /HANDOFF\.md: skipped, binary file \(NUL byte in its first 8 KB\)/);
      const findings = JSON.parse(r.out) as Array<{ file: string; rule: string; line: number; column: number }>;
      assert.ok(!findings.some((f) => f.file === 'HANDOFF.md'), 'findings for the binary file');
      assert.ok(findings.some((f) => f.file === 'utf16/HANDOFF.md' && f.rule === 'mojibake' && f.line === 5 && f.column === 1), JSON.stringify(findings));
      assert.deepEqual(await readNoteFile(path.join(dir, 'HANDOFF.md'), 2_000_000), { skipped: 'binary file (NUL byte in its first 8 KB)' });
      const utf16 = await readNoteFile(path.join(dir, 'utf16', 'HANDOFF.md'), 2_000_000);
      assert.ok('text' in utf16 && utf16.text.startsWith('# Session Handoff — ü'), 'no mojibake title from a UTF-16 file');
      assert.equal(decodeNote(Buffer.from([0xfe, 0xff, 0, 0x41])).kind, 'text', 'UTF-16BE with its BOM');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('row 2: a 60 MB note is skipped by its size, without being read', async () => {
    const dir = tmp();
    try {
      const file = path.join(dir, 'HANDOFF.md');
      fs.writeFileSync(file, '# Session Handoff\n');
      fs.truncateSync(file, 60 * 1024 * 1024); // sparse: no 60 MB written
      // The size comes from the open handle's stat, returned before any read (a read past the limit
      // would say "it grew while being read").
      const r = await readNoteFile(file, 2_000_000);
      assert.deepEqual(r, { skipped: `larger than 2000000 bytes (${60 * 1024 * 1024})` });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('row 36: a symlink loop and links outside: the CLI and the index end, follow no linked folder and read no note outside', async () => {
    const dir = tmp();
    const outside = tmp();
    try {
      fs.writeFileSync(path.join(outside, 'HANDOFF.md'), '# Session Handoff\n\nâ€” outside\n');
      fs.mkdirSync(path.join(dir, 'a'));
      fs.symlinkSync(dir, path.join(dir, 'a', 'loop'));
      fs.symlinkSync(outside, path.join(dir, 'linked-folder'));
      fs.symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'dangling-HANDOFF.md'));
      fs.symlinkSync(path.join(outside, 'HANDOFF.md'), path.join(dir, 'a', 'HANDOFF.md'));
      fs.writeFileSync(path.join(dir, 'HANDOFF.md'), NOTE);
      const found: string[] = [];
      for await (const f of markdownFiles(dir, () => false)) found.push(f.rel);
      assert.deepEqual(found.sort(), ['HANDOFF.md']);
      const r = await cli(dir, 'lint', '--format', 'json');
      const files = [...new Set((JSON.parse(r.out) as Array<{ file: string }>).map((f) => f.file))];
      assert.deepEqual(files, ['HANDOFF.md'], 'the loop, the linked folder and the link to a note outside are not read');
      assert.ok(r.code === 0 || r.code === 1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('row 32: the manifest keeps handoff.gitPath out of Restricted Mode and the workspace folder (machine-overridable)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
      capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] }; virtualWorkspaces: { supported: string } };
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
      extensionKind: string[];
    };
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('handoff.gitPath'));
    assert.equal(manifest.contributes.configuration.properties['handoff.gitPath'].scope, 'machine-overridable');
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.extensionKind, ['workspace'], 'row 31: git runs where the repository is');
  });

  describe('dependency gates (§8.12)', () => {
    it('simple-git is 3.36.0 or later (six advisories fixed up to 3.32.3; 3.36 blocks more config keys)', () => {
      const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules/simple-git/package.json'), 'utf8')) as { version: string };
      const [major, minor] = version.split('.').map(Number);
      assert.ok(major > 3 || (major === 3 && minor >= 36), `simple-git ${version}`);
      const declared = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['simple-git'];
      assert.match(declared, /^\d+\.\d+\.\d+$/, 'pinned to an exact version');
    });

    it('the lockfile is committed and agrees with package.json', () => {
      const tracked = execFileSync('git', ['ls-files', '--', 'package-lock.json'], { cwd: REPO, encoding: 'utf8' }).trim();
      assert.equal(tracked, 'package-lock.json', 'package-lock.json is not committed');
      const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { devDependencies: Record<string, string>; dependencies?: Record<string, string> };
      const lock = JSON.parse(fs.readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as { lockfileVersion: number; packages: Record<string, { version?: string; devDependencies?: Record<string, string>; dependencies?: Record<string, string> }> };
      assert.ok(lock.lockfileVersion >= 2);
      assert.deepEqual(lock.packages[''].devDependencies, pkg.devDependencies, 'the lockfile was not regenerated after package.json changed');
      for (const [name, want] of Object.entries(pkg.devDependencies)) {
        const got = lock.packages[`node_modules/${name}`]?.version;
        if (/^\d+\.\d+\.\d+$/.test(want)) assert.equal(got, want, `${name}: locked ${got}, declared ${want}`);
      }
    });
  });
});
