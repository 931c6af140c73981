// Git processes end whole: a git (here a fake one) that starts a child holding its output pipes,
// as a filter driver does, and then never ends, or ends and leaves the child behind. The runner
// must return, and no process of that group may outlive the call.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { readRepoFacts, isGitUnavailable } from '../../server/src/git';
import { Scratch, ended, strandingGit, waitForFile } from './helpers';

describe('git: processes end with their whole group', function () {
  if (process.platform !== 'linux') return; // reads /proc
  let scratch: Scratch;
  beforeEach(() => {
    scratch = new Scratch();
  });
  afterEach(() => scratch.cleanup());

  it('a git that hangs after starting a child: the timeout ends both, and the call returns', async () => {
    const repo = scratch.repo('r');
    const fake = strandingGit(scratch, 'exec sleep 300');
    const { runner } = scratch.runner({ gitPath: fake.git, timeoutMs: 300 });
    const result = await readRepoFacts(repo, { runner });
    assert.ok(isGitUnavailable(result));
    assert.equal(result.reason, 'timeout');
    for (const pid of fake.pids()) assert.ok(await ended(pid), `pid ${pid} outlived the call`);
  });

  it('a git that exits at once but leaves a child holding its pipes: the call returns, the child is ended', async () => {
    const repo = scratch.repo('r');
    const fake = strandingGit(scratch, 'echo "fatal: not a git repository" >&2; exit 128');
    const { runner } = scratch.runner({ gitPath: fake.git, timeoutMs: 20_000 });
    const result = await readRepoFacts(repo, { runner });
    assert.ok(isGitUnavailable(result));
    assert.equal(result.reason, 'not-a-repository');
    for (const pid of fake.pids()) assert.ok(await ended(pid), `pid ${pid} outlived the call`);
  });

  it('cancelling ends the whole group', async () => {
    const repo = scratch.repo('r');
    const fake = strandingGit(scratch, 'exec sleep 300', 'status');
    const { runner } = scratch.runner({ gitPath: fake.git, timeoutMs: 20_000 });
    const controller = new AbortController();
    const pending = readRepoFacts(repo, { runner, signal: controller.signal });
    await waitForFile(path.join(scratch.dir, 'child.pid'));
    controller.abort();
    const result = await pending;
    assert.ok(isGitUnavailable(result));
    assert.equal(result.reason, 'aborted');
    for (const pid of fake.pids()) assert.ok(await ended(pid), `pid ${pid} outlived the call`);
  });
});
