// Git's answer with a gap (project/session.ts gitFor, for the CLI and the MCP server): a lookup
// whose git was killed is asked once more; one that fails again is named, and the rest of the
// answer still counts.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { noteOf } from '../../server/src/engine';
import { RootConfigs } from '../../server/src/project/root-configs';
import { ProjectSession } from '../../server/src/project/session';
import { Scratch } from '../git/helpers';

describe('project: a git answer with a gap', function () {
  this.timeout(60_000);
  let scratch: Scratch;
  let repo: string;
  let recorded: string;
  beforeEach(() => {
    scratch = new Scratch();
    repo = scratch.repo('repo');
    recorded = scratch.git(repo, ['rev-parse', 'HEAD']);
    scratch.commit(repo, { 'src/a.ts': 'export const a = 1;\n' }, 'more work');
    fs.writeFileSync(path.join(repo, 'HANDOFF.md'), `# Session Handoff\n\n## Snapshot\n\n- Branch / commit: \`main\` (${recorded.slice(0, 7)})\n`);
  });
  afterEach(() => scratch.cleanup());

  async function gitFor(gitPath: string) {
    const session = new ProjectSession(new RootConfigs(repo, null), { git: true, gitPath });
    const file = path.join(repo, 'HANDOFF.md');
    const note = noteOf({ text: fs.readFileSync(file, 'utf8'), path: 'HANDOFF.md' });
    return session.gitFor(file, note);
  }

  it('a lookup killed once is asked again: the answer is whole', async () => {
    const killing = scratch.killingGit('bin', 1);
    const got = await gitFor(killing.git);
    assert.equal(got.problem, null);
    assert.equal(got.gap, null);
    assert.equal(got.git?.commits[recorded.slice(0, 7)]?.behind, 1);
    assert.equal(killing.kills(), 1, 'the first lookup was killed');
  });

  it('a lookup killed twice is named as the gap; the branch and the rest of the answer stand', async () => {
    const got = await gitFor(scratch.killingGit('bin', 2).git);
    assert.equal(got.problem, null);
    assert.match(got.gap ?? '', /^Git was stopped by a signal from outside Handoff \(/);
    assert.equal(got.git?.branch, 'main');
    assert.equal(got.git?.commits[recorded.slice(0, 7)], undefined, 'unknown, not "missing"');
    assert.equal(got.git?.changedSince, null);
  });

  it('a lookup that fails for good (git exits with an error) is named as the gap too, and asked only once', async () => {
    const failing = scratch.failingGit('bin');
    const got = await gitFor(failing.git);
    assert.equal(got.problem, null);
    assert.equal(got.gap, 'git cat-file failed: fatal: object store unreadable');
    assert.equal(got.git?.branch, 'main');
    assert.equal(got.git?.commits[recorded.slice(0, 7)], undefined);
    assert.equal(failing.lookups(), 1, 'not transient: not asked again');
  });
});
