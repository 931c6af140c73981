// No process outlives the CLI or the language server (levels G, CLI, P): a git that starts a
// child holding its pipes (as a filter driver does) and then never ends. The CLI must exit after
// its git deadline, a signal must end it and its git, the server must end its git when it exits,
// and the empty hooks folder of a run killed outright is swept by the next run. Reads /proc.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExitNotification, ShutdownRequest } from 'vscode-languageserver-protocol/node';
import { Scratch, ended, strandingGit, waitForFile } from '../git/helpers';
import { ReliabilityClient, fileUri } from './lsp-client';

const BIN = path.resolve(__dirname, '../../bin/handoff.js');
const NOTE = '# Next Chat Handoff\n\nDate: 2026-11-20\nBranch: `main`\n\n## Current Status\n\n1. Started.\n\n## Next Priority Work\n\n1. z\n';

/** Resolves with the exit code (or signal) once `child` has exited. */
function exited(child: ChildProcess): Promise<number | NodeJS.Signals | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
}

describe('reliability: no git process outlives the CLI or the server', function () {
  if (process.platform !== 'linux') return; // reads /proc
  this.timeout(60000);
  let scratch: Scratch;
  let repo: string;
  let tmp: string;
  const strays: number[] = [];

  beforeEach(() => {
    scratch = new Scratch();
    repo = scratch.repo('r');
    fs.writeFileSync(path.join(repo, 'HANDOFF.md'), NOTE);
    tmp = scratch.mkdir('tmp'); // TMPDIR of the runs: their hooks folders land here
  });
  afterEach(() => {
    for (const pid of strays.splice(0)) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    scratch.cleanup();
  });

  const hooksFolders = (): string[] => fs.readdirSync(tmp).filter((n) => n.startsWith('handoff-no-hooks-'));
  const cli = (gitPath: string | null, ...args: string[]): ChildProcess =>
    spawn(process.execPath, [BIN, ...args], {
      cwd: repo,
      env: { PATH: process.env.PATH, HOME: scratch.home, TMPDIR: tmp, NO_COLOR: '1', HANDOFF_TODAY: '2026-11-22', ...(gitPath ? { HANDOFF_GIT_PATH: gitPath } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  it('the CLI exits after its git deadline, and git and the child it started are gone', async () => {
    const fake = strandingGit(scratch, 'exec sleep 300', 'status');
    const run = cli(fake.git, 'lint');
    let stderr = '';
    run.stderr!.on('data', (d) => (stderr += String(d)));
    const code = await exited(run); // the test's own timeout is the deadline: a CLI that hangs fails it
    assert.equal(code, 0);
    assert.match(stderr, /Git did not finish in time and was stopped/);
    for (const pid of fake.pids()) assert.ok(await ended(pid), `pid ${pid} outlived the CLI`);
    assert.deepEqual(hooksFolders(), [], 'the hooks folder was removed on exit');
  });

  it('a TERM or Ctrl-C while git hangs ends the CLI, git and its child, and removes the hooks folder', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const fake = strandingGit(scratch, 'exec sleep 300', 'status');
      fs.rmSync(path.join(scratch.dir, 'child.pid'), { force: true });
      const run = cli(fake.git, 'lint');
      await waitForFile(path.join(scratch.dir, 'child.pid'));
      strays.push(fake.pids()[0]);
      run.kill(signal);
      assert.equal(await exited(run), signal === 'SIGTERM' ? 143 : 130);
      for (const pid of fake.pids()) assert.ok(await ended(pid), `${signal}: pid ${pid} outlived the CLI`);
      assert.deepEqual(hooksFolders(), [], `${signal}: the hooks folder was removed`);
    }
  });

  it('a CLI run killed outright leaves its hooks folder; the next run sweeps it', async () => {
    const fake = strandingGit(scratch, 'exec sleep 300', 'status');
    const run = cli(fake.git, 'lint');
    await waitForFile(path.join(scratch.dir, 'child.pid'));
    strays.push(fake.pids()[0]); // SIGKILL runs no handler: the git group is ended by the test
    const left = hooksFolders();
    assert.deepEqual(left, [`handoff-no-hooks-${run.pid}-${left[0]?.slice(-6)}`]);
    run.kill('SIGKILL');
    await exited(run);
    assert.deepEqual(hooksFolders(), left, 'nothing removed it');
    const next = spawnSync(process.execPath, [BIN, 'lint'], {
      cwd: repo,
      env: { PATH: process.env.PATH, HOME: scratch.home, TMPDIR: tmp, NO_COLOR: '1', HANDOFF_TODAY: '2026-11-22' },
      encoding: 'utf8',
    });
    assert.equal(next.status, 0, next.stderr);
    assert.deepEqual(hooksFolders(), [], 'the stale folder was swept and the new one removed on exit');
  });

  it('the language server ends the git it runs when it exits', async () => {
    const fake = strandingGit(scratch, 'exec sleep 300', 'status');
    const client = new ReliabilityClient({ PATH: process.env.PATH, HOME: scratch.home, TMPDIR: tmp });
    client.settings = { gitPath: fake.git };
    await client.start([repo], { trusted: true });
    await client.open(fileUri(path.join(repo, 'HANDOFF.md')), NOTE);
    await waitForFile(path.join(scratch.dir, 'child.pid'));
    strays.push(fake.pids()[0]);
    const gone = exited(client.process);
    await client.connection.sendRequest(ShutdownRequest.type);
    await client.connection.sendNotification(ExitNotification.type);
    assert.equal(await gone, 0);
    for (const pid of fake.pids()) assert.ok(await ended(pid), `pid ${pid} outlived the server`);
    assert.deepEqual(hooksFolders(), []);
  });
});
