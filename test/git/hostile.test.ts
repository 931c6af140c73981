// A repository that tries to run its own programs when git reads it: core.fsmonitor, a
// post-index-change hook, a clean filter, an external diff, a textconv driver and a submodule
// with its own fsmonitor. Each writes a marker file when run.
import { strict as assert } from 'node:assert';
import childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitFactsProvider, gatherGitFacts, isGitUnavailable } from '../../server/src/git';
import { Scratch, spySpawn } from './helpers';

const MARKERS = ['fsmonitor', 'hook', 'filter', 'diff-external', 'textconv', 'submodule-fsmonitor'] as const;
type Marker = (typeof MARKERS)[number];

describe('git: hostile repository', () => {
  let scratch: Scratch;
  let repo: string;
  let markers: string;
  let recorded: string;

  beforeEach(() => {
    scratch = new Scratch();
    markers = scratch.mkdir('markers');
    const mark = (name: Marker, extra = ''): string => scratch.script(`${name}.sh`, `touch ${path.join(markers, name)}\n${extra}`);
    repo = scratch.repo('hostile');
    const sub = scratch.repo('sub-source');
    scratch.git(repo, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'sub']);
    recorded = scratch.commit(
      repo,
      { '.gitattributes': '*.txt filter=x diff=t\n', 'f.txt': 'hi\n', 'HANDOFF.md': '# Handoff\n' },
      'files before the traps',
    );
    // The traps, set up after committing so setup itself does not trip them.
    scratch.git(repo, ['config', 'core.fsmonitor', mark('fsmonitor', 'exit 1')]);
    const hook = path.join(repo, '.git', 'hooks', 'post-index-change');
    fs.writeFileSync(hook, `#!/bin/sh\ntouch ${path.join(markers, 'hook')}\n`, { mode: 0o755 });
    scratch.git(repo, ['config', 'filter.x.clean', mark('filter', 'cat')]);
    scratch.git(repo, ['config', 'diff.external', mark('diff-external')]);
    scratch.git(repo, ['config', 'diff.t.textconv', mark('textconv', 'cat "$1"')]);
    scratch.git(path.join(repo, 'sub'), ['config', 'core.fsmonitor', mark('submodule-fsmonitor', 'exit 1')]);
    // Same size, new content, old mtime: git must re-hash f.txt (through the clean filter) and
    // would like to refresh and rewrite the index (which fires post-index-change).
    fs.writeFileSync(path.join(repo, 'f.txt'), 'ho\n');
    fs.utimesSync(path.join(repo, 'f.txt'), new Date('2001-01-01'), new Date('2001-01-01'));
    fs.writeFileSync(path.join(repo, 'sub', 'README.md'), '# changed in the submodule\n');
  });
  afterEach(() => scratch.cleanup());

  const present = (): Marker[] => MARKERS.filter((m) => fs.existsSync(path.join(markers, m)));

  async function gatherEverything(provider: GitFactsProvider) {
    return gatherGitFacts(provider, {
      notePath: path.join(repo, 'HANDOFF.md'),
      recordedCommit: recorded,
      commitHashes: [recorded.slice(0, 7)],
      missingPaths: ['gone.txt'],
    });
  }

  it('trusted: hardened calls do not run fsmonitor, hooks, diff.external, textconv or the submodule fsmonitor', async () => {
    const provider = new GitFactsProvider({ trusted: true, env: { PATH: process.env.PATH, HOME: scratch.home } });
    const facts = await gatherEverything(provider);
    assert.ok(!isGitUnavailable(facts));
    assert.deepEqual(facts.status, [{ path: 'f.txt', status: 'modified' }]);
    assert.deepEqual(facts.changedSince, [{ path: 'f.txt', status: 'modified' }]);

    // RESIDUAL RISK (RELIABILITY.md §0.2, row 19): the clean filter DID run. Git pipes a worktree
    // file through `filter.<x>.clean` whenever it must re-hash it (status on a racily-clean or
    // touched file, diff against the worktree), and no command-line flag turns filter drivers
    // off. Workspace trust is the gate. If this assertion starts failing, a mitigation landed:
    // update the report and RELIABILITY row 19.
    assert.deepEqual(present(), ['filter']);

    // Control: the same repository read by plain git (no hardening) runs the traps, so the
    // absence above is the hardening's doing, not a broken setup.
    childProcess.execFileSync('git', ['status', '--porcelain'], { cwd: repo, env: scratch.env, stdio: 'ignore' });
    childProcess.execFileSync('git', ['diff', 'HEAD'], { cwd: repo, env: scratch.env, stdio: 'ignore' });
    childProcess.execFileSync('git', ['diff', '--no-ext-diff', 'HEAD'], { cwd: repo, env: scratch.env, stdio: 'ignore' });
    childProcess.execFileSync('git', ['status', '--porcelain'], { cwd: path.join(repo, 'sub'), env: scratch.env, stdio: 'ignore' });
    assert.deepEqual(present(), [...MARKERS]);
  });

  it('untrusted: zero git processes and no markers at all', async () => {
    const spy = spySpawn();
    const spawned: unknown[] = [];
    let facts;
    try {
      const provider = new GitFactsProvider({
        trusted: false,
        env: { PATH: process.env.PATH, HOME: scratch.home },
        onSpawn: (i) => spawned.push(i),
      });
      facts = await gatherEverything(provider);
      assert.ok(isGitUnavailable(await provider.repoFacts(repo)));
      assert.ok(isGitUnavailable(await provider.lookupCommits(repo, [recorded])));
      assert.ok(isGitUnavailable(await provider.changedSince(repo, recorded)));
      assert.ok(isGitUnavailable(await provider.pathHistory(repo, ['x'])));
      assert.ok(isGitUnavailable(await provider.lastCommitDate(repo, 'HANDOFF.md')));
      assert.ok(isGitUnavailable(await provider.locate(repo)));
    } finally {
      spy.restore();
    }
    assert.ok(isGitUnavailable(facts));
    assert.equal(facts.reason, 'untrusted');
    assert.equal(spy.calls.length, 0);
    assert.equal(spawned.length, 0);
    assert.deepEqual(present(), []);
  });
});
