// The pre-commit hooks (.pre-commit-hooks.yaml) through the real pre-commit tool (Debian's
// package; it uses the machine's Node, as `language_version: system` does): pre-commit
// installs this repository at its HEAD commit as an npm package, then a commit with a broken
// note is refused with the findings shown, and the fix hook repairs the note for the author to
// stage again. The hooks' `files` pattern is kept in step with the default note globs.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { parse } from 'yaml';
import { DEFAULT_HANDOFF_GLOBS, DEFAULT_ROADMAP_GLOBS } from '../../server/src/engine';
import { BROKEN_NOTE, CLEAN_NOTE, FIXED_NUMBERING, GIT_ENV, ROOT, fixtureRepo, git } from './helpers';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
}
const HOOKS = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

describe('pre-commit hooks', function () {
  this.timeout(900000);
  let home: string;
  const repos: string[] = [];
  const rev = git(ROOT, 'rev-parse', 'HEAD');

  before(function () {
    const committed = git(ROOT, 'show', 'HEAD:.pre-commit-hooks.yaml');
    assert.equal(committed, readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8').trim(), 'pre-commit installs the HEAD commit: commit .pre-commit-hooks.yaml first');
    home = mkdtempSync(join(tmpdir(), 'handoff-pre-commit-home-'));
  });
  after(() => {
    for (const dir of [home, ...repos]) rmSync(dir, { recursive: true, force: true });
  });

  /** A repository using hook `id` of this repository at HEAD, with pre-commit's git hook installed. */
  function repoWith(id: string): string {
    const config = `repos:\n  - repo: ${JSON.stringify(ROOT)}\n    rev: ${rev}\n    hooks:\n      - id: ${id}\n`;
    const dir = fixtureRepo('handoff-pre-commit-', { '.pre-commit-config.yaml': config, 'README.md': '# Tool\n\n1. One.\n3. Three.\n' });
    repos.push(dir);
    const install = preCommit(dir, ['install']);
    assert.equal(install.status, 0, install.stderr);
    return dir;
  }
  const preCommit = (cwd: string, args: string[]) => spawnSync('pre-commit', args, { cwd, encoding: 'utf8', env: { ...GIT_ENV, PRE_COMMIT_HOME: home, NO_COLOR: '1' } });
  const commit = (cwd: string, message: string) => spawnSync('git', ['commit', '-q', '-m', message], { cwd, encoding: 'utf8', env: { ...GIT_ENV, PRE_COMMIT_HOME: home, NO_COLOR: '1' } });

  it('refuses a commit with a broken note and shows the findings; a fixed note commits', () => {
    const dir = repoWith('handoff');
    writeFileSync(join(dir, 'HANDOFF.md'), BROKEN_NOTE);
    git(dir, 'add', 'HANDOFF.md');
    const refused = commit(dir, 'Add the note');
    const output = refused.stdout + refused.stderr;
    assert.notEqual(refused.status, 0, output);
    assert.match(output, /handoff lint\.+Failed/);
    assert.match(output, /1:3 +warning +Missing next steps: add a section that says what to do next +required-sections/);
    assert.match(output, /6:1 +warning +Unexpected number 3, expected 2 +list-numbering/);
    assert.equal(readFileSync(join(dir, 'HANDOFF.md'), 'utf8'), BROKEN_NOTE, 'the lint hook changes nothing');
    assert.equal(spawnSync('git', ['rev-list', '--count', 'HEAD'], { cwd: dir, encoding: 'utf8' }).stdout.trim(), '1', 'nothing was committed');
    writeFileSync(join(dir, 'HANDOFF.md'), CLEAN_NOTE);
    git(dir, 'add', 'HANDOFF.md');
    const accepted = commit(dir, 'Add the note');
    assert.equal(accepted.status, 0, accepted.stdout + accepted.stderr);
    assert.match(accepted.stdout + accepted.stderr, /handoff lint\.+Passed/);
  });

  it('passes commits that hold no note (the README with the same defect is not a note)', () => {
    const dir = repoWith('handoff');
    writeFileSync(join(dir, 'README.md'), '# Tool\n\n1. One.\n3. Three.\n\nMore.\n');
    git(dir, 'add', 'README.md');
    const run = commit(dir, 'Docs');
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout + run.stderr, /handoff lint\.+\(no files to check\)Skipped/);
  });

  it('the fix hook repairs the note; staged again, it commits', () => {
    const dir = repoWith('handoff-fix');
    const note = BROKEN_NOTE + '\n## Next steps\n\n1. Release.\n';
    writeFileSync(join(dir, 'HANDOFF.md'), note);
    git(dir, 'add', 'HANDOFF.md');
    const refused = commit(dir, 'Add the note');
    const output = refused.stdout + refused.stderr;
    assert.notEqual(refused.status, 0, output);
    assert.match(output, /handoff lint --fix\.+Failed/);
    assert.match(output, /files were modified by this hook/);
    assert.equal(readFileSync(join(dir, 'HANDOFF.md'), 'utf8'), FIXED_NUMBERING + '\n## Next steps\n\n1. Release.\n');
    git(dir, 'add', 'HANDOFF.md');
    const accepted = commit(dir, 'Add the note');
    assert.equal(accepted.status, 0, accepted.stdout + accepted.stderr);
  });

  it("matches the files the default globs name as notes, and no others", () => {
    const globs = picomatch([...DEFAULT_HANDOFF_GLOBS, ...DEFAULT_ROADMAP_GLOBS], { nocase: true, dot: true });
    const paths = [
      'HANDOFF.md', 'docs/SESSION_HANDOFF.md', 'NEXT_CHAT_HANDOFF.md', '.agent/handoff.md', '.agent/x/handoff-2.md', 'NEXT_SESSION.md',
      'NEXT_SESSION_PROMPT.md', 'docs/ROADMAP.md', 'roadmap-2026.md', 'docs/Roadmap.md', 'PRODUCT_ROADMAP.md', 'memory-bank/activeContext.md',
      'memory-bank/progress.md', '.planning/STATE.md', '.claude/HANDOFF.md', 'README.md', 'progress.md', 'STATE.md', 'docs/handoff.txt',
      'handoff/README.md', 'notes/activeContext.md', 'road-map.md',
    ];
    for (const hook of HOOKS) {
      assert.equal(hook.language, 'node');
      assert.match(hook.entry, /^handoff lint\b/);
      const regex = new RegExp(hook.files.replace(/^\(\?i\)/, ''), 'i');
      for (const path of paths) assert.equal(regex.test(path), globs(path), `${hook.id}: ${path}`);
    }
  });
});
