// The "Lint notes" step of the GitHub Action (action.yml): runs the installed `handoff` CLI on
// the workspace, prints its `--format github` annotations, writes SARIF when asked, a summary
// table to GITHUB_STEP_SUMMARY and the counts to GITHUB_OUTPUT, and fails by the fail-on input.
// Reads what a runner sets: GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, and the
// action's inputs as INPUT_* (action.yml maps them); HANDOFF_BIN is the installed command.
import { spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const env = process.env;
const workspace = env.GITHUB_WORKSPACE || process.cwd();
const bin = env.HANDOFF_BIN || 'handoff';
const input = (name) => (env[`INPUT_${name}`] ?? '').trim();

const paths = input('PATHS').split(/\s+/).filter(Boolean);
const failOn = input('FAIL_ON') || 'error';
const common = [...(paths.length ? paths : ['.'])];
if (input('CONFIG')) common.push('--config', input('CONFIG'));
if (input('CHANGED')) common.push(`--changed=${input('CHANGED')}`);

/** One CLI run in the workspace; a usage problem (exit 2) or a crash ends the step. */
function lint(format, extra = []) {
  const run = spawnSync(bin, ['lint', ...common, '--format', format, ...extra], {
    cwd: workspace,
    encoding: 'utf8',
    env: { ...env, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) fail(`could not run ${bin}: ${run.error.message}`);
  if (run.stderr) process.stderr.write(run.stderr);
  if (run.status === 2 || run.status === null) fail(`handoff lint stopped (exit ${run.status ?? run.signal})`);
  return run;
}

function fail(message) {
  process.stdout.write(`::error title=Handoff::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
  process.exit(2);
}

// Annotations first: they are what a reviewer sees on the pull request.
process.stdout.write(lint('github', ['--fail-on', 'never']).stdout);

const json = lint('json', ['--fail-on', failOn]);
const findings = JSON.parse(json.stdout);
const counts = { error: 0, warning: 0, info: 0 };
const perFile = new Map();
for (const f of findings) {
  counts[f.severity]++;
  const row = perFile.get(f.file) ?? { error: 0, warning: 0, info: 0 };
  row[f.severity]++;
  perFile.set(f.file, row);
}

let sarifFile = '';
if (input('SARIF')) {
  sarifFile = resolve(workspace, input('SARIF'));
  writeFileSync(sarifFile, lint('sarif', ['--fail-on', 'never']).stdout);
}

if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, summary(perFile, counts));
if (env.GITHUB_OUTPUT) {
  appendFileSync(env.GITHUB_OUTPUT, `errors=${counts.error}\nwarnings=${counts.warning}\ninfos=${counts.info}\nsarif-file=${sarifFile}\n`);
}
process.exit(json.status);

/** The step summary: one row per note with findings, then the totals. */
function summary(rows, totals) {
  const lines = ['### Handoff', ''];
  if (rows.size) {
    lines.push('| Note | Errors | Warnings | Info |', '|---|---:|---:|---:|');
    for (const [file, c] of [...rows].sort(([a], [b]) => a.localeCompare(b))) lines.push(`| ${cell(file)} | ${c.error} | ${c.warning} | ${c.info} |`);
    lines.push('');
  }
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}, ${totals.info} info (fails on: ${failOn}).`, '');
  return lines.join('\n');
}

/** A file name as a table cell: a code span longer than any backtick run in it, pipes escaped. */
function cell(text) {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean.replace(/\|/g, '\\|')}${pad}${fence}`;
}
