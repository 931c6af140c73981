// The language server in another editor: Neovim's built-in LSP client (Debian's neovim 0.7,
// headless), configured by the README's Neovim 0.7 block, runs test/dist/neovim/handoff.lua,
// which opens a broken note, waits for Handoff's diagnostics, and applies a quick fix. Ranges are checked in Neovim's own terms (byte
// columns), behind an emoji, so the server's UTF-16 positions must be converted right.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers';

const SERVER = join(ROOT, 'out/server/server.js');
// Line 6 holds the emoji (4 bytes in UTF-8, 2 UTF-16 units) before the damaged dash.
const NOTE = ['# Handoff', '', 'Importer merged.', '', '1. Parser.', '3. Writer.', '', '🚀 Kroma_â€”_Spec.', ''].join('\n');

interface NvimResult {
  diagnostics: { lnum: number; col: number; end_lnum: number; end_col: number; severity: number; message: string; source: string; code: string }[];
  actions: string[];
  applied?: string;
  lines: string[];
  error: string | null;
}

describe('Neovim with the language server', function () {
  this.timeout(120000);
  let dir: string;

  before(() => {
    assert.ok(existsSync(SERVER), 'build first: node scripts/build.mjs');
    dir = mkdtempSync(join(tmpdir(), 'handoff-nvim-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the diagnostics with their ranges and applies a quick fix', () => {
    const note = join(dir, 'HANDOFF.md');
    const out = join(dir, 'result.json');
    writeFileSync(note, NOTE);
    // The README's configuration, as a user copies it, and the command it names on PATH.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /Neovim 0\.7 or newer \(tested[\s\S]*?```lua\n([\s\S]*?)```/.exec(readme);
    assert.ok(block, 'README.md has the tested Neovim block');
    writeFileSync(join(dir, 'config.lua'), block[1]);
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin/handoff-language-server'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(SERVER)} "$@"\n`, { mode: 0o755 });
    const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(ROOT, 'test/dist/neovim/handoff.lua')}`], {
      cwd: dir,
      env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}`, HANDOFF_CONFIG: join(dir, 'config.lua'), HANDOFF_NOTE: note, HANDOFF_RESULT: out, HANDOFF_TODAY: '2026-11-22' },
      encoding: 'utf8',
      timeout: 110000,
    });
    assert.equal(run.error, undefined, `nvim did not run: ${run.error?.message} (apt-get install neovim, or scripts/dist-setup.sh)`);
    assert.ok(existsSync(out), `no result from nvim: ${run.stderr}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
    assert.equal(result.error, null);
    const seen = result.diagnostics.map((d) => [d.code, d.source, d.lnum, d.col, d.end_lnum, d.end_col]).sort();
    assert.deepEqual(seen, [
      ['list-numbering', 'handoff', 5, 0, 5, 1],
      ['mojibake', 'handoff', 7, Buffer.byteLength('🚀 Kroma_'), 7, Buffer.byteLength('🚀 Kroma_â€”')],
      ['required-sections', 'handoff', 0, 2, 0, 9],
    ].sort());
    assert.deepEqual(result.actions.slice(0, 3), ['Renumber the list', 'Disable "list-numbering" for this line', 'Disable "list-numbering" for this file']);
    assert.equal(result.applied, 'Renumber the list');
    assert.deepEqual(result.lines, NOTE.split('\n').slice(0, -1).map((line, i) => (i === 5 ? '2. Writer.' : line)));
  });
});
