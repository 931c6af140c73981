#!/usr/bin/env node
// Runs the same extension-host suite (out/test/vscode/index.js) in VS Code desktop through
// @vscode/test-electron, for machines that can download VS Code (this project's CI machines
// cannot: there, use test/vscode/run.mjs, which drives code-server in Chromium).
//
//   node test/vscode/electron.mjs [--grep=REGEX] [--trust=yes|no] [--vscode-version=VERSION]
//                                 [--vscode-executable=PATH]
//
// --vscode-version  defaults to the VSCODE_VERSION variable, else "stable" (downloaded once into
//                   .vscode-test/); --vscode-executable uses an installed VS Code instead.
// --trust=no        opens the workspace without --disable-workspace-trust (Restricted Mode). Note:
//                   the extension is loaded from extensionDevelopmentPath, which VS Code does not
//                   disable for trust; the suite skips the checks that need an installed .vsix.
// Under Linux without a display, run it under xvfb-run.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

const opts = { grep: '', trust: 'yes', version: process.env.VSCODE_VERSION || 'stable', executable: undefined };
for (const a of process.argv.slice(2)) {
  const m = /^--([^=]+)=(.*)$/s.exec(a);
  if (!m) { console.error(`electron.mjs: unexpected argument ${a}`); process.exit(2); }
  if (m[1] === 'grep') opts.grep = m[2];
  else if (m[1] === 'trust' && ['yes', 'no'].includes(m[2])) opts.trust = m[2];
  else if (m[1] === 'vscode-version') opts.version = m[2];
  else if (m[1] === 'vscode-executable') opts.executable = path.resolve(m[2]);
  else { console.error(`electron.mjs: unknown option ${a}`); process.exit(2); }
}

const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'vscode', 'index.js');
if (!fs.existsSync(extensionTestsPath)) {
  console.error(`electron.mjs: no test bundle at ${extensionTestsPath}: run npm run build`);
  process.exit(2);
}

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-electron-'));
const workspaceDir = path.join(tmpRoot, 'workspace');
const resultsPath = path.join(tmpRoot, 'results.json');
fs.cpSync(path.join(here, 'workspace'), workspaceDir, { recursive: true });

let exitCode = 1;
try {
  await runTests({
    ...(opts.executable ? { vscodeExecutablePath: opts.executable } : { version: opts.version }),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    extensionTestsEnv: {
      HANDOFF_TEST_RESULTS: resultsPath,
      HANDOFF_TEST_GREP: opts.grep,
      HANDOFF_TEST_TRUST: opts.trust,
      HANDOFF_TEST_MODE: 'dev',
    },
    launchArgs: [
      workspaceDir,
      '--disable-extensions', // other installed extensions; the development extension still loads
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-gpu',
      '--user-data-dir', path.join(tmpRoot, 'user-data'),
      '--extensions-dir', path.join(tmpRoot, 'extensions'),
      ...(opts.trust === 'yes' ? ['--disable-workspace-trust'] : []),
    ],
  });
} catch (e) {
  // runTests rejects when VS Code exits non-zero, which it does when run() rejects (a failure).
  if (!fs.existsSync(resultsPath)) console.error(`electron.mjs: ${e.message ?? e}`);
}

if (fs.existsSync(resultsPath)) {
  const results = JSON.parse(fs.readFileSync(resultsPath, 'utf8'));
  for (const t of results.tests) {
    const mark = t.state === 'passed' ? 'ok  ' : t.state === 'pending' ? 'skip' : 'FAIL';
    console.log(`  ${mark} ${t.fullTitle}`);
    if (t.state === 'failed' && t.error) console.log(t.error.split('\n').map((l) => `         ${l}`).join('\n'));
  }
  const pending = results.pending ? `, ${results.pending} skipped` : '';
  console.log(`${results.passed} passed, ${results.failed} failed${pending}`);
  exitCode = results.failed === 0 && results.passed > 0 ? 0 : 1;
} else {
  console.log('0 passed, 1 failed');
}
fs.rmSync(tmpRoot, { recursive: true, force: true });
process.exit(exitCode);
