// Pure parsers and helpers of the git layer: porcelain v2 status, name-status records, path and
// hash normalization, the environment allowlist, binary validation and Snapshot rendering.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { checkGitBinary } from '../../server/src/git/binary';
import { normalizeHash } from '../../server/src/git/commits';
import { buildGitEnv } from '../../server/src/git/env';
import { parseNameStatusRecords, toFileChange } from '../../server/src/git/name-status';
import { normalizeRepoPath } from '../../server/src/git/paths';
import { describeBranch, describeHead } from '../../server/src/git/render';
import { parseStatusV2 } from '../../server/src/git/status';

const OID = 'a'.repeat(40);
const H = (c: string): string => c.repeat(40);

describe('git: parseStatusV2', () => {
  it('reads branch headers with upstream and ahead/behind', () => {
    const out = [`# branch.oid ${OID}`, '# branch.head main', '# branch.upstream origin/main', '# branch.ab +2 -3', ''].join('\0');
    assert.deepEqual(parseStatusV2(out, 10).branch, { oid: OID, head: 'main', upstream: 'origin/main', ahead: 2, behind: 3 });
  });

  it('reads unborn and detached states', () => {
    assert.deepEqual(parseStatusV2('# branch.oid (initial)\0# branch.head main\0', 10).branch, {
      oid: null, head: 'main', upstream: null, ahead: null, behind: null,
    });
    assert.equal(parseStatusV2(`# branch.oid ${OID}\0# branch.head (detached)\0`, 10).branch.head, null);
  });

  it('reads every entry type, keeping spaces, newlines and a leading dash in paths', () => {
    const out = [
      `1 .M N... 100644 100644 100644 ${H('1')} ${H('1')} src/with space.md`,
      `1 A. N... 000000 100644 100644 ${H('0')} ${H('2')} -leading.md`,
      `1 .D N... 100644 100644 000000 ${H('3')} ${H('3')} gone.md`,
      `2 R. N... 100644 100644 100644 ${H('4')} ${H('4')} R100 new\nname.md`,
      'old name.md',
      `u UU N... 100644 100644 100644 100644 ${H('5')} ${H('6')} ${H('7')} conflict.md`,
      '? ünïcödé dir/file.txt',
      '',
    ].join('\0');
    const parsed = parseStatusV2(out, 10);
    assert.deepEqual(parsed.entries, [
      { path: 'src/with space.md', status: 'modified' },
      { path: '-leading.md', status: 'added' },
      { path: 'gone.md', status: 'deleted' },
      { path: 'new\nname.md', status: 'renamed', from: 'old name.md' },
      { path: 'conflict.md', status: 'modified' },
      { path: 'ünïcödé dir/file.txt', status: 'untracked' },
    ]);
    assert.equal(parsed.total, 6);
  });

  it('caps entries but counts them all', () => {
    const out = Array.from({ length: 25 }, (_, i) => `? f${i}`).join('\0');
    const parsed = parseStatusV2(out, 10);
    assert.equal(parsed.entries.length, 10);
    assert.equal(parsed.total, 25);
    assert.equal(parsed.entries[9].path, 'f9');
  });

  it('round-trips any path that git can write (property)', () => {
    // Paths: any non-empty string without NUL (git's only forbidden byte) and not starting "/".
    const pathArb = fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }).filter((s) => !s.includes('\0'));
    fc.assert(
      fc.property(fc.array(fc.tuple(pathArb, pathArb), { minLength: 1, maxLength: 8 }), (pairs) => {
        const tokens: string[] = [];
        for (const [a, b] of pairs) {
          tokens.push(`2 R. N... 100644 100644 100644 ${H('4')} ${H('4')} R090 ${a}`, b);
          tokens.push(`? ${a}`);
        }
        const parsed = parseStatusV2(`${tokens.join('\0')}\0`, 100);
        assert.deepEqual(
          parsed.entries,
          pairs.flatMap(([a, b]) => [{ path: a, status: 'renamed', from: b }, { path: a, status: 'untracked' }]),
        );
      }),
    );
  });
});

describe('git: parseNameStatusRecords', () => {
  it('parses plain diff output (no headers) including renames', () => {
    const out = ['M', 'a b.md', 'R087', 'old.md', 'new.md', 'D', '-x', 'A', 'new\nline', 'C100', 'src.md', 'copy.md', ''].join('\0');
    const [record] = parseNameStatusRecords(out);
    assert.deepEqual(record.changes.map(toFileChange), [
      { path: 'a b.md', status: 'modified' },
      { path: 'new.md', status: 'renamed', from: 'old.md' },
      { path: '-x', status: 'deleted' },
      { path: 'new\nline', status: 'added' },
      { path: 'copy.md', status: 'added' },
    ]);
  });

  it('groups log output by %x01 header, where status tokens carry a leading newline', () => {
    const out = `\x01${H('a')}\0\nD\0sp ace\0\x01${H('b')}\0\nA\0d/f\0A\0sp ace\0`;
    assert.deepEqual(parseNameStatusRecords(out), [
      { commit: H('a'), changes: [{ letter: 'D', path: 'sp ace' }] },
      { commit: H('b'), changes: [{ letter: 'A', path: 'd/f' }, { letter: 'A', path: 'sp ace' }] },
    ]);
  });

  it('groups diff-tree --stdin output by bare hash header', () => {
    const out = `${H('c')}\0R100\0a.txt\0b.txt\0${H('d')}\0D\0\x01odd\0`;
    assert.deepEqual(parseNameStatusRecords(out), [
      { commit: H('c'), changes: [{ letter: 'R', path: 'b.txt', from: 'a.txt' }] },
      { commit: H('d'), changes: [{ letter: 'D', path: '\x01odd' }] },
    ]);
  });
});

describe('git: normalizeRepoPath and normalizeHash', () => {
  it('normalizes note paths to repository-relative POSIX paths', () => {
    assert.equal(normalizeRepoPath('./src/a.ts'), 'src/a.ts');
    assert.equal(normalizeRepoPath('src\\dir\\'), 'src/dir');
    assert.equal(normalizeRepoPath('a//b/./c'), 'a/b/c');
    assert.equal(normalizeRepoPath('-rf'), '-rf');
    for (const bad of ['', '  ', '/etc/passwd', 'C:\\x', '../up', 'a/../../b', '.']) assert.equal(normalizeRepoPath(bad), null, bad);
  });

  it('accepts 4 to 64 hex digits in any case, nothing else', () => {
    assert.equal(normalizeHash(' ABC1234 '), 'abc1234');
    assert.equal(normalizeHash('a'.repeat(64)), 'a'.repeat(64));
    for (const bad of ['abc', 'HEAD', '--all', 'abc1234^', 'a'.repeat(65), 'g123456']) assert.equal(normalizeHash(bad), null, bad);
  });
});

describe('git: buildGitEnv', () => {
  it('forwards only allowlisted variables and sets LC_ALL=C and GIT_TERMINAL_PROMPT=0', () => {
    const env = buildGitEnv({
      PATH: '/usr/bin',
      HOME: '/home/h',
      LANG: 'de_DE.UTF-8',
      LANGUAGE: 'de',
      LC_ALL: 'de_DE.UTF-8',
      GIT_DIR: '/elsewhere/.git',
      GIT_WORK_TREE: '/elsewhere',
      GIT_ASKPASS: '/bin/askpass',
      GIT_SSH_COMMAND: 'ssh -o ProxyCommand=evil',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'core.fsmonitor',
      GIT_CONFIG_VALUE_0: '/tmp/evil',
      GIT_TERMINAL_PROMPT: '1',
      SSH_AUTH_SOCK: '/tmp/agent',
      EDITOR: 'vim',
      NODE_OPTIONS: '--require evil',
    });
    assert.deepEqual(env, {
      PATH: '/usr/bin',
      HOME: '/home/h',
      LC_ALL: 'C',
      GIT_TERMINAL_PROMPT: '0',
      GIT_NO_LAZY_FETCH: '1',
      GIT_TEST_DISALLOW_ABBREVIATED_OPTIONS: 'true',
    });
  });

  it('keeps Windows spellings and the first of duplicate names', () => {
    const env = buildGitEnv({ Path: 'C:\\Windows', PATH: 'C:\\other', SystemRoot: 'C:\\Windows', USERPROFILE: 'C:\\Users\\u' });
    assert.equal(env.Path, 'C:\\Windows');
    assert.equal(env.PATH, undefined);
    assert.equal(env.SystemRoot, 'C:\\Windows');
    assert.equal(env.USERPROFILE, 'C:\\Users\\u');
  });
});

describe('git: checkGitBinary', () => {
  it('defaults to git on PATH', () => {
    assert.deepEqual(checkGitBinary(undefined), { ok: true, binary: 'git' });
    assert.deepEqual(checkGitBinary(''), { ok: true, binary: 'git' });
  });

  it('accepts an absolute path and refuses relative paths, arguments and odd characters', () => {
    assert.deepEqual(checkGitBinary('/usr/local/bin/git'), { ok: true, binary: '/usr/local/bin/git' });
    for (const bad of ['git', 'bin/git', '/usr/bin/git --exec-path=/tmp', '/usr/bin/git;rm', '/opt/my git/git', '/usr/bin/$(x)']) {
      const check = checkGitBinary(bad);
      assert.equal(check.ok, false, bad);
    }
  });
});

describe('git: describeBranch and describeHead', () => {
  const head = '0123456789abcdef0123456789abcdef01234567';
  it('renders branch, detached and unborn states', () => {
    assert.equal(describeBranch({ branch: 'main', detached: false, unborn: false, head }), 'main');
    assert.equal(describeBranch({ branch: null, detached: true, unborn: false, head }), '(detached at 0123456)');
    assert.equal(describeBranch({ branch: 'main', detached: false, unborn: true, head: null }), 'main');
    assert.equal(describeBranch({ branch: null, detached: false, unborn: true, head: null }), '(no commits yet)');
    assert.equal(describeHead({ head: null }), '(no commits yet)');
    assert.equal(describeHead({ head }), head);
  });
});
