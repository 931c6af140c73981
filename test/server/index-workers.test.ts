// The index's worker threads: a job gives the same result in a worker and in the server's thread;
// workers are retired when the work runs out, a small job then runs in this thread, and the next
// burst (jobs for the workers, or small ones piling up) starts them again.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../server/src/engine';
import { IndexWorkers } from '../../server/src/lsp/index-workers';
import type { IndexJob } from '../../server/src/lsp/index-job';
import { SERVER } from './client';

const text = readFileSync(join(__dirname, '../fixtures/examples/session-handoff.md'), 'utf8');
/** A result without its time (a job given its text is stamped when it runs). */
const timeless = (r: Awaited<ReturnType<IndexWorkers['run']>>) => ({ ...r, mtime: 0 });
const job: IndexJob = { file: '/nowhere/HANDOFF.md', path: 'HANDOFF.md', config: defaultConfig(), templateFile: null, roadmap: null, text, today: '2026-01-01' };

describe('index workers', function () {
  this.timeout(60000);
  let workers: IndexWorkers;
  afterEach(() => workers?.dispose());

  it('retire when idle; a small job then runs in this thread, a burst starts them again', async () => {
    workers = new IndexWorkers(1, SERVER);
    const inWorker = await workers.run(job);
    assert.equal(inWorker.type, 'note');
    assert.equal(workers.size, 1);
    await workers.retire();
    assert.equal(workers.size, 0);

    const here = await workers.run(job, true);
    assert.equal(workers.size, 0, 'a small job starts no worker');
    assert.deepEqual(timeless(here), timeless(inWorker));

    const again = await workers.run(job);
    assert.equal(workers.size, 1, 'a job for the workers starts them');
    assert.deepEqual(timeless(again), timeless(inWorker));
  });

  it('small jobs that pile up in this thread start the workers', async () => {
    workers = new IndexWorkers(1, SERVER);
    const results = await Promise.all(Array.from({ length: 8 }, () => workers.run(job, true)));
    assert.equal(workers.size, 1);
    assert.ok(results.every((r) => r.type === 'note'));
  });

  it("this thread takes small jobs from the end of a burst's tail, beside the workers", async () => {
    workers = new IndexWorkers(1, SERVER);
    const alone = await workers.run(job);
    const results = await Promise.all(Array.from({ length: 12 }, () => workers.run(job)));
    assert.equal(workers.size, 1);
    assert.ok(workers.tailJobs > 0, 'no job of the tail ran in this thread');
    assert.ok(workers.tailJobs < 12, 'the worker ran none of the burst');
    for (const r of results) assert.deepEqual(timeless(r), timeless(alone));
  });

  it('a busy worker is not retired', async () => {
    workers = new IndexWorkers(1, SERVER);
    const running = workers.run(job);
    await workers.retire();
    assert.equal(workers.size, 1);
    assert.equal((await running).type, 'note');
  });
});
