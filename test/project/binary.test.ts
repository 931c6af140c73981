// Notes that read as binary are still scanned for secrets, the same way in the CLI and the language
// server: a NUL byte before a token, UTF-16LE and UTF-16BE without a BOM (decoded as text), and bytes
// that decode as nothing (read as Latin-1). A skipped file holding a token is an error, never silence.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeNote } from '../../server/src/project/decode';
import { readText } from '../../server/src/project/read';
import { makeR, SETS } from '../engine/scan/util';
import { ReliabilityClient, fileUri } from '../reliability/lsp-client';

const R = makeR(0xb1a);
const TOKEN = 'gh' + 'p_' + R(36, SETS.alnum);
const BIN = resolve(__dirname, '../../bin/handoff.js');
const NOTE = `# Session Handoff\n\n## Next steps\n\n1. Rotate ${TOKEN}.\n`;

const FILES: Record<string, Buffer> = {
  'a NUL byte before the token': Buffer.concat([Buffer.from('# Session Handoff\n\0\n'), Buffer.from(`1. Rotate ${TOKEN}.\n`), Buffer.from([0xff, 0xfe, 0x00, 0x80])]),
  'UTF-16LE without a BOM': Buffer.from(NOTE, 'utf16le'),
  'UTF-16BE without a BOM': Buffer.from(NOTE, 'utf16le').swap16(),
};

describe('project: binary and BOM-less UTF-16 notes are scanned for secrets', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'handoff-binary-')));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('decodes UTF-16 without a BOM as text and reads anything else with a NUL as Latin-1, byte for byte', () => {
    const le = decodeNote(FILES['UTF-16LE without a BOM']!);
    assert.deepEqual([le.kind, le.kind === 'text' && le.encoding, le.kind === 'text' && le.bom], ['text', 'utf-16le', false]);
    assert.equal(le.kind === 'text' && le.text, NOTE);
    const be = decodeNote(FILES['UTF-16BE without a BOM']!);
    assert.equal(be.kind === 'text' && be.encoding, 'utf-16be');
    assert.equal(be.kind === 'text' && be.text, NOTE);
    const bytes = FILES['a NUL byte before the token']!;
    const bin = decodeNote(bytes);
    assert.equal(bin.kind, 'binary');
    assert.ok(bin.kind === 'binary' && Buffer.from(bin.text, 'latin1').equals(bytes), 'Latin-1 keeps every byte');
    writeFileSync(join(dir, 'HANDOFF.md'), bytes);
    const read = readText(join(dir, 'HANDOFF.md'));
    assert.ok('problem' in read && read.code === 'binary' && read.text.includes(TOKEN));
  });

  for (const [name, bytes] of Object.entries(FILES)) {
    it(`CLI: ${name}: the token is an error (exit 1), shown masked`, () => {
      writeFileSync(join(dir, 'HANDOFF.md'), bytes);
      for (const format of ['json', 'stylish']) {
        const r = spawnSync(process.execPath, [BIN, 'lint', '--format', format, 'HANDOFF.md'], { cwd: dir, env: { ...process.env, HANDOFF_TODAY: '2026-11-22', NO_COLOR: '1' }, encoding: 'utf8' });
        assert.equal(r.status, 1, `${name}: exit ${r.status}: ${r.stderr}`);
        assert.match(r.stdout, /no-secrets/);
        assert.match(r.stdout, /ghp_…\(40 chars\)/);
        assert.ok(!(r.stdout + r.stderr).includes(TOKEN.slice(8, 16)), 'the token is printed');
        if (name.startsWith('a NUL')) assert.match(r.stderr, /skipped, binary file .*; scanned for secrets only/);
      }
      // --fix does not write into a binary file.
      spawnSync(process.execPath, [BIN, 'lint', '--fix', 'HANDOFF.md'], { cwd: dir, env: { ...process.env, HANDOFF_TODAY: '2026-11-22' } });
      if (name.startsWith('a NUL') || name.includes('UTF-16')) assert.ok(readFileSync(join(dir, 'HANDOFF.md')).equals(bytes), `${name}: --fix changed the file`);
    });
  }

  it('language server: a binary document (NUL bytes, as the editor decodes it) gets the same no-secrets error', async () => {
    const client = new ReliabilityClient();
    try {
      await client.start([dir]);
      for (const [name, bytes] of Object.entries(FILES)) {
        const uri = fileUri(join(dir, `${name.replace(/\W+/g, '-')}-HANDOFF.md`));
        // What VS Code hands the server for such a file: the bytes decoded as UTF-8.
        await client.open(uri, bytes.toString('utf8'));
        const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'no-secrets'));
        const d = p.diagnostics.find((x) => x.code === 'no-secrets')!;
        assert.equal(d.severity, 1, `${name}: severity`);
        assert.match(d.message, /ghp_…\(40 chars\)/);
        assert.ok(!JSON.stringify(p).includes(TOKEN.slice(8, 16)), `${name}: the token is in the diagnostics`);
      }
    } finally {
      await client.stop();
    }
  });
});
