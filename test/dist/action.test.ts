// The GitHub Action (action.yml): its "Lint notes" step runs scripts/action-lint.mjs, here run
// as the runner runs it, with the variables a runner sets (GITHUB_WORKSPACE,
// GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, the inputs as INPUT_*) and the CLI the install step puts
// on disk (HANDOFF_BIN; this checkout's build here, the packed install in test/dist/pack.test.ts).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BROKEN_NOTE, CLEAN_NOTE, ROOT, fixtureRepo, git } from './helpers';

const SCRIPT = join(ROOT, 'scripts/action-lint.mjs');

interface ActionStep {
  run: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

describe('the GitHub Action', function () {
  this.timeout(120000);
  let repo: string;
  let runner: string;

  beforeEach(() => {
    repo = fixtureRepo('handoff-action-', { 'HANDOFF.md': BROKEN_NOTE, 'docs-handoff.md': CLEAN_NOTE });
    runner = mkdtempSync(join(tmpdir(), 'handoff-action-runner-'));
  });
  afterEach(() => {
    rmSync(repo, { recursive: true, force: true });
    rmSync(runner, { recursive: true, force: true });
  });

  /** The lint step with these inputs (others at their action.yml defaults). */
  function step(inputs: Record<string, string> = {}) {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      GITHUB_WORKSPACE: repo,
      GITHUB_STEP_SUMMARY: join(runner, 'summary.md'),
      GITHUB_OUTPUT: join(runner, 'output.txt'),
      HANDOFF_BIN: join(ROOT, 'bin/handoff.js'),
      HANDOFF_TODAY: '2026-11-22',
    };
    for (const [name, spec] of Object.entries(action.inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = inputs[name] ?? spec.default;
    const run = spawnSync(process.execPath, [SCRIPT], { cwd: runner, env, encoding: 'utf8' });
    const read = (file: string) => (existsSync(join(runner, file)) ? readFileSync(join(runner, file), 'utf8') : '');
    return { ...run, summary: read('summary.md'), outputs: Object.fromEntries(read('output.txt').trim().split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2))) };
  }

  it('is a composite action whose steps run the install script and this lint script with every input', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
    assert.equal(action.runs.using, 'composite');
    const [install, lint] = action.runs.steps;
    assert.match(install.run, /scripts\/install-cli\.sh/);
    assert.ok(existsSync(join(ROOT, 'scripts/install-cli.sh')));
    assert.match(lint.run, /scripts\/action-lint\.mjs/);
    for (const name of Object.keys(action.inputs)) assert.equal(lint.env?.[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`], `\${{ inputs.${name} }}`, name);
    for (const [name, output] of Object.entries(action.outputs)) assert.equal(output.value, `\${{ steps.lint.outputs.${name} }}`);
  });

  it('annotates the findings, writes the summary table and the outputs, and passes on warnings by default', () => {
    const run = step();
    assert.equal(run.status, 0, run.stderr);
    const annotations = run.stdout.trim().split('\n');
    assert.deepEqual(annotations, [
      '::warning file=HANDOFF.md,line=1,col=3,endLine=1,endColumn=10,title=handoff(required-sections)::Missing next steps: add a section that says what to do next',
      '::warning file=HANDOFF.md,line=6,col=1,endLine=6,endColumn=2,title=handoff(list-numbering)::Unexpected number 3, expected 2',
    ]);
    assert.equal(run.summary, ['### Handoff', '', '| Note | Errors | Warnings | Info |', '|---|---:|---:|---:|', '| `HANDOFF.md` | 0 | 2 | 0 |', '', '0 errors, 2 warnings, 0 info (fails on: error).', ''].join('\n'));
    assert.deepEqual(run.outputs, { errors: '0', warnings: '2', infos: '0', 'sarif-file': '' });
  });

  it('fails on warnings with fail-on: warning, and writes SARIF for code scanning', () => {
    const run = step({ 'fail-on': 'warning', sarif: 'handoff.sarif' });
    assert.equal(run.status, 1);
    const sarif = JSON.parse(readFileSync(join(repo, 'handoff.sarif'), 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(sarif.runs[0].results.map((r) => r.ruleId).sort(), ['list-numbering', 'required-sections']);
    assert.equal(run.outputs['sarif-file'], join(repo, 'handoff.sarif'));
    assert.match(run.summary, /fails on: warning/);
  });

  it('lints only the changed notes with changed, and the given paths', () => {
    git(repo, 'checkout', '-q', '-b', 'feature');
    writeFileSync(join(repo, 'docs-handoff.md'), CLEAN_NOTE + '\nThen:\n\n1. One.\n3. Three.\n');
    git(repo, 'commit', '-q', '-am', 'Touch');
    const changed = step({ changed: 'main' });
    assert.equal(changed.status, 0, changed.stderr);
    assert.match(changed.stdout, /^::warning file=docs-handoff\.md,line=12,col=1,endLine=12,endColumn=2,title=handoff\(list-numbering\)::Unexpected number 3, expected 2$/m);
    assert.doesNotMatch(changed.stdout, /file=HANDOFF\.md/);
    const paths = step({ paths: 'docs-handoff.md\nHANDOFF.md' });
    assert.deepEqual(Object.keys(paths.outputs), ['errors', 'warnings', 'infos', 'sarif-file']);
    assert.equal(paths.outputs.warnings, '3');
  });

  it('ends with an error annotation when the CLI cannot run (a bad input)', () => {
    const run = step({ 'fail-on': 'loud' });
    assert.equal(run.status, 2);
    assert.match(run.stdout, /^::error title=Handoff::handoff lint stopped \(exit 2\)$/m);
    assert.match(run.stderr, /Unknown --fail-on level "loud"/);
  });
});
