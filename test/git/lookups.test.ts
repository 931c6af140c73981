// Commit, change, path-history and last-commit-date lookups on real temporary repositories.
import { strict as assert } from 'node:assert';
import childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { changedSince, isGitUnavailable, lastCommitDate, lookupCommits, pathHistory } from '../../server/src/git';
import { Scratch } from './helpers';

function ok<T>(value: T): Exclude<T, { kind: 'git-unavailable' }> {
  if (isGitUnavailable(value)) assert.fail(`unexpected: ${value.reason}: ${value.message}`);
  return value as Exclude<T, { kind: 'git-unavailable' }>;
}

describe('git: lookups', () => {
  let scratch: Scratch;
  beforeEach(() => {
    scratch = new Scratch();
  });
  afterEach(() => scratch.cleanup());

  describe('lookupCommits', () => {
    it('resolves short and full hashes, keyed as written, with ancestry and distance', async () => {
      const repo = scratch.repo('r');
      const first = scratch.git(repo, ['rev-parse', 'HEAD']);
      const second = scratch.commit(repo, { 'a.md': 'a\n' }, 'second: with a subject', '2024-06-02T08:30:00+02:00');
      scratch.commit(repo, { 'b.md': 'b\n' }, 'third');
      const head = scratch.commit(repo, { 'c.md': 'c\n' }, 'fourth');
      scratch.git(repo, ['checkout', '-q', '-b', 'side', first]);
      const side = scratch.commit(repo, { 's.md': 's\n' }, 'side work');
      scratch.git(repo, ['checkout', '-q', 'main']);
      const shortUpper = second.slice(0, 9).toUpperCase();
      const { runner, spawned } = scratch.runner();
      const result = ok(await lookupCommits(repo, [shortUpper, head, side.slice(0, 7), 'deadbeef', 'HEAD', '--all'], { runner }));
      assert.deepEqual(result, {
        [shortUpper]: {
          sha: second,
          subject: 'second: with a subject',
          author: 'Ada Author',
          date: '2024-06-02T08:30:00+02:00',
          isAncestor: true,
          behind: 2,
        },
        [head]: { sha: head, subject: 'fourth', author: 'Ada Author', date: '2024-05-01T10:00:00+00:00', isAncestor: true, behind: 0 },
        [side.slice(0, 7)]: {
          sha: side,
          subject: 'side work',
          author: 'Ada Author',
          date: '2024-05-01T10:00:00+00:00',
          isAncestor: false,
          behind: 3,
        },
        deadbeef: null,
        HEAD: null,
        '--all': null,
      });
      // rev-parse, cat-file (all hashes at once), log (all at once), one rev-list per commit.
      assert.deepEqual(spawned.map((s) => s.args[7]), ['rev-parse', 'cat-file', 'log', 'rev-list', 'rev-list', 'rev-list']);
    });

    it('an ambiguous short hash does not resolve', async () => {
      const repo = scratch.repo('r');
      // 2000 commits in one fast-import: about 30 pairs share their first 4 hex digits.
      const stream = Array.from(
        { length: 2000 },
        (_, i) => `commit refs/heads/many\ncommitter A <a@example.com> ${1700000000 + i} +0000\ndata ${`c${i}`.length}\nc${i}\n`,
      ).join('');
      childProcess.execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, input: stream, env: scratch.env });
      const shas = scratch.git(repo, ['rev-list', 'many']).split('\n');
      const seen = new Set<string>();
      const shared = shas.map((s) => s.slice(0, 4)).find((p) => (seen.has(p) ? true : (seen.add(p), false)));
      assert.ok(shared, 'expected two commits sharing a 4-digit prefix');
      const unique = shas[0].slice(0, 12);
      const result = ok(await lookupCommits(repo, [shared, unique], { runner: scratch.runner().runner }));
      assert.equal(result[shared], null);
      assert.equal(result[unique]?.sha, shas[0]);
    });

    it('in a shallow clone, commits beyond the boundary do not resolve', async () => {
      const source = scratch.repo('source');
      const old = scratch.git(source, ['rev-parse', 'HEAD']);
      const head = scratch.commit(source, { 'a.md': 'a\n' }, 'second');
      const clone = path.join(scratch.dir, 'clone');
      scratch.git(scratch.dir, ['clone', '-q', '--depth', '1', `file://${source}`, clone]);
      const result = ok(await lookupCommits(clone, [old, head], { runner: scratch.runner().runner }));
      assert.equal(result[old], null);
      assert.equal(result[head]?.isAncestor, true);
    });

    it('in an unborn repository nothing resolves', async () => {
      const repo = scratch.repo('r', { empty: true });
      assert.deepEqual(ok(await lookupCommits(repo, ['abcdef1'], { runner: scratch.runner().runner })), { abcdef1: null });
    });
  });

  describe('changedSince', () => {
    it('lists committed, staged, unstaged, renamed, deleted and untracked changes since a commit', async () => {
      const repo = scratch.repo('r');
      const recorded = scratch.commit(repo, { 'keep.md': 'k\n', 'old name.md': 'content\n'.repeat(30), 'gone.md': 'g\n' }, 'base');
      scratch.commit(repo, { 'committed.md': 'c\n' }, 'after the note');
      scratch.git(repo, ['mv', 'old name.md', 'new name.md']);
      fs.rmSync(path.join(repo, 'gone.md'));
      fs.appendFileSync(path.join(repo, 'keep.md'), 'more\n');
      scratch.write(repo, '-untracked.md', 'u\n');
      const result = ok(await changedSince(repo, recorded.slice(0, 8), { runner: scratch.runner().runner }));
      assert.deepEqual(result, {
        changes: [
          { path: 'committed.md', status: 'added' },
          { path: 'gone.md', status: 'deleted' },
          { path: 'keep.md', status: 'modified' },
          { path: 'new name.md', status: 'renamed', from: 'old name.md' },
          { path: '-untracked.md', status: 'untracked' },
        ],
        total: 5,
      });
    });

    it('caps the list and keeps the total', async () => {
      const repo = scratch.repo('r');
      const recorded = scratch.git(repo, ['rev-parse', 'HEAD']);
      for (let i = 0; i < 30; i++) scratch.write(repo, `u${i}.txt`, 'x\n');
      const result = ok(await changedSince(repo, recorded, { runner: scratch.runner().runner, limit: 10 }));
      assert.equal(result?.changes.length, 10);
      assert.equal(result?.total, 30);
    });

    it('returns null for a commit that does not resolve, without running diff', async () => {
      const repo = scratch.repo('r');
      const { runner, spawned } = scratch.runner();
      assert.equal(ok(await changedSince(repo, 'deadbeefdeadbeef', { runner })), null);
      assert.equal(ok(await changedSince(repo, '--output=/tmp/x', { runner })), null);
      assert.deepEqual(spawned.map((s) => s.args[7]), ['rev-parse', 'cat-file', 'rev-parse']);
    });
  });

  describe('pathHistory', () => {
    it('tells paths that existed from paths that never did, and follows renames one hop', async () => {
      const repo = scratch.repo('r');
      scratch.commit(
        repo,
        {
          'src/old.ts': 'export const x = 1;\n'.repeat(20),
          'docs/guide/a.md': 'guide a\n'.repeat(20),
          'docs/guide/b.md': 'guide b\n'.repeat(20),
          '-dash file.md': 'd\n',
          'ü space.md': 'u\n',
        },
        'add files',
      );
      scratch.git(repo, ['mv', 'src/old.ts', 'src/new.ts']);
      scratch.git(repo, ['mv', 'docs/guide', 'docs/manual']);
      scratch.git(repo, ['commit', '-q', '-m', 'renames']);
      scratch.commit(repo, { '-dash file.md': null, 'ü space.md': null }, 'deletions');
      const { runner, spawned } = scratch.runner();
      const result = ok(
        await pathHistory(
          repo,
          ['./src/old.ts', 'docs/guide/', '-dash file.md', 'ü space.md', 'never/was.md', '../outside.md', '*.md'],
          { runner },
        ),
      );
      assert.deepEqual(result, {
        './src/old.ts': { everExisted: true, renamedTo: 'src/new.ts' },
        'docs/guide/': { everExisted: true, renamedTo: 'docs/manual' },
        '-dash file.md': { everExisted: true },
        'ü space.md': { everExisted: true },
        'never/was.md': { everExisted: false },
        '../outside.md': { everExisted: false },
        '*.md': { everExisted: false },
      });
      assert.deepEqual(spawned.map((s) => s.args[7]), ['rev-parse', 'log', 'diff-tree']);
    });

    it('a path deleted from the worktree only still counts as existing', async () => {
      const repo = scratch.repo('r');
      fs.rmSync(path.join(repo, 'README.md'));
      assert.deepEqual(ok(await pathHistory(repo, ['README.md'], { runner: scratch.runner().runner })), {
        'README.md': { everExisted: true },
      });
    });

    it('in an unborn repository nothing ever existed', async () => {
      const repo = scratch.repo('r', { empty: true });
      assert.deepEqual(ok(await pathHistory(repo, ['a.md'], { runner: scratch.runner().runner })), { 'a.md': { everExisted: false } });
    });
  });

  describe('lastCommitDate', () => {
    it('is the committer date of the last commit touching the file, or null', async () => {
      const repo = scratch.repo('r');
      scratch.commit(repo, { 'HANDOFF.md': 'v1\n' }, 'v1', '2024-01-02T03:04:05+00:00');
      scratch.commit(repo, { 'HANDOFF.md': 'v2\n' }, 'v2', '2024-02-03T04:05:06+01:00');
      scratch.commit(repo, { 'other.md': 'o\n' }, 'other', '2024-03-01T00:00:00+00:00');
      scratch.write(repo, 'untracked.md', 'u\n');
      const { runner } = scratch.runner();
      assert.equal(ok(await lastCommitDate(repo, 'HANDOFF.md', { runner })), '2024-02-03T04:05:06+01:00');
      assert.equal(ok(await lastCommitDate(repo, 'untracked.md', { runner })), null);
      assert.equal(ok(await lastCommitDate(scratch.repo('unborn', { empty: true }), 'HANDOFF.md', { runner })), null);
    });
  });
});
