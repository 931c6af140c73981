// The CLI's code cache (out/cli/cached-start.js → server/src/compile-cache.ts): a run writes the
// cache, and a corrupt cache, a folder that cannot be created or HANDOFF_COMPILE_CACHE=off change
// nothing in what the CLI prints or how it exits. Build first (`node scripts/build.mjs`).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(__dirname, '../../bin/handoff.js');
const OUT_CLI = resolve(__dirname, '../../out/cli');
const NOTE = '# Handoff\n\n## Next steps\n\n- [ ] Ship the release\n\n## Risks\n\n- None known\n';

describe('handoff CLI code cache', function () {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'handoff-compile-cache-'));
    writeFileSync(join(dir, 'HANDOFF.md'), NOTE);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const lint = (cache: string) => {
    const r = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json', 'HANDOFF.md'], {
      cwd: dir,
      env: { ...process.env, HANDOFF_COMPILE_CACHE: cache, HANDOFF_NO_GIT: '1', HANDOFF_TODAY: '2026-11-22' },
      encoding: 'utf8',
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('writes the cache, and reads it, a corrupt one or none to the same result', () => {
    const plain = lint('off');
    assert.equal(plain.stderr, '');
    assert.ok(JSON.parse(plain.stdout), 'lint printed JSON');
    const cache = join(dir, 'cache');
    assert.deepEqual(lint(cache), plain, 'first run, writing the cache');
    const files = readdirSync(cache);
    assert.ok(files.length > 0, 'the cache folder holds the cache');
    assert.deepEqual(lint(cache), plain, 'second run, from the cache');
    for (const f of files) writeFileSync(join(cache, f), 'not a V8 cache');
    assert.deepEqual(lint(cache), plain, 'a corrupt cache');
    writeFileSync(join(dir, 'a-file'), '');
    assert.deepEqual(lint(join(dir, 'a-file', 'cache')), plain, 'a folder that cannot be created');
  });

  it('keeps one cache per install in a shared folder (on Node without its own compile cache)', function () {
    if ('enableCompileCache' in Module) this.skip(); // Node 22.1+ keys its cache by file itself
    const shared = join(dir, 'shared-cache');
    const installs = ['one', 'two'].map((name) => {
      const folder = join(dir, 'installs', name);
      mkdirSync(folder, { recursive: true });
      for (const f of ['cached-start.js', 'handoff.js']) copyFileSync(join(OUT_CLI, f), join(folder, f));
      return join(folder, 'cached-start.js');
    });
    const run = (entry: string) =>
      spawnSync(process.execPath, [entry, 'lint', '--format', 'json', 'HANDOFF.md'], {
        cwd: dir,
        env: { ...process.env, HANDOFF_COMPILE_CACHE: shared, HANDOFF_NO_GIT: '1', HANDOFF_TODAY: '2026-11-22' },
        encoding: 'utf8',
      }).status;
    for (const entry of [...installs, ...installs]) run(entry);
    const caches = readdirSync(shared).filter((f) => f.endsWith('.v8cache'));
    assert.equal(caches.length, 2, `one cache per install: ${caches.join(', ')}`);
    assert.notEqual(caches[0].split('-v')[0], caches[1].split('-v')[0], 'named after their installs');
  });
});
