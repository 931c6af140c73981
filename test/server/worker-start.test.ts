// The server's worker threads start the way the server did: through out/server/cached-start.js
// with its code cache when VS Code started it so (server/src/worker-start.ts).
import { strict as assert } from 'node:assert';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheFolder, rememberCachedStart, workerStart } from '../../server/src/worker-start';
import { TestClient } from './client';

const STARTED = Symbol.for('handoff.cachedStart');
const CACHED_START = resolve(__dirname, '../../out/server/cached-start.js');

describe('worker threads start the way the server did', () => {
  afterEach(() => delete (globalThis as Record<symbol, unknown>)[STARTED]);

  it('run the bundle itself when the server was not started through the cached entry', () => {
    assert.deepEqual(workerStart('/x/server.js', { mark: true }), ['/x/server.js', { workerData: { mark: true } }]);
    rememberCachedStart('/x/cached-start.js', '/x/server.js', undefined);
    assert.deepEqual(workerStart('/x/server.js', { mark: true }), ['/x/server.js', { workerData: { mark: true } }], 'no cache folder: nothing to pass on');
  });

  it('run the cached entry with the cache folder in their workerData when it was', () => {
    rememberCachedStart('/x/cached-start.js', '/x/server.js', '/cache');
    assert.deepEqual(workerStart('/x/server.js', { mark: true }), ['/x/cached-start.js', { workerData: { mark: true, handoffCompileCache: '/cache' } }]);
    assert.deepEqual(workerStart('/y/other.js', { mark: true }), ['/y/other.js', { workerData: { mark: true } }], 'another script is started as given');
    assert.equal(cacheFolder({ HANDOFF_COMPILE_CACHE: '/env' }), '/env', 'the main thread reads the environment');
  });

  it('a large note is linted in a lint worker started through the cached entry', async function () {
    this.timeout(120000);
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'handoff-worker-start-')));
    const client = new TestClient({ ...process.env, HANDOFF_COMPILE_CACHE: join(dir, 'cache') }, CACHED_START);
    try {
      await client.initialize(dir);
      const token = 'gh' + 'p_' + 'a1B2c3D4e5'.repeat(4) + 'zZ9y';
      const text = `# Session Handoff\n\n## Snapshot\n\n- Token: ${token}\n\n` + '- an item of the note, long enough to count\n'.repeat(30_000);
      assert.ok(text.length > 1_000_000, 'over 1 MB: the lint worker lints it');
      const uri = pathToFileURL(join(dir, 'HANDOFF.md')).toString();
      await client.open(uri, text);
      const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'no-secrets'), 100000);
      assert.ok(p.diagnostics.some((d) => d.code === 'no-secrets'));
      const failed = client.notifications.filter((n) => n.method === 'window/logMessage' && /worker failed/i.test(JSON.stringify(n.params)));
      assert.deepEqual(failed, [], 'the lint worker started');
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
