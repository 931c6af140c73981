#!/usr/bin/env node
// Runs the extension-host test suite in a real VS Code: code-server (installed by
// scripts/vscode-setup.sh into .cache/vscode) on a free loopback port, driven by Debian's
// Chromium through playwright-core. Builds nothing: run `npm run build` first.
//
//   node test/vscode/run.mjs [--trust=yes|no] [--grep=REGEX] [--timeout=SECONDS] [--keep]
//        [--vsix[=FILE] | --dev] [--extension=DIR] [--tests=FILE] [--workspace=DIR] [--headed]
//
// --trust=no   starts code-server WITHOUT --disable-workspace-trust, so the window runs in
//              Restricted Mode and the suite runs its restricted-mode specs. If the workbench
//              shows the trust dialog, this driver clicks "No, I don't trust the authors" (the
//              dialog is workbench UI, out of the extension host's reach). VS Code 1.100 shows no
//              dialog when extensionTestsPath is set: it opens straight in Restricted Mode; the
//              driver then just checks the status bar's "Restricted Mode" item.
//              Extensions loaded from extensionDevelopmentPath are NOT disabled by Restricted
//              Mode, so --trust=no implies --vsix: the extension is packaged with vsce and
//              installed like a user's; the development path is then test/vscode/host/ (empty).
// --vsix[=F]   test the extension installed from a .vsix (F, or packaged now with vsce).
// --dev        test the extension from extensionDevelopmentPath even with --trust=no.
// --grep       runs only the tests whose full title matches REGEX (mocha grep).
// --timeout    overall limit for the whole run (default 180 s).
// --keep       keeps the temporary user-data, extensions and workspace folders.
// --extension / --tests / --workspace  default to this repository, out/test/vscode/index.js and
//              a copy of test/vscode/workspace/ (the copy is always made; tests may edit it).
//
// Output: one line per test ("[vscode] figure: …" for a figure a spec prints), then "N passed,
// N failed"; exit code 0 only when every test passed.
// Artifacts in test-results/ (git-ignored): screenshots/workbench[-restricted].png, and under
// vscode/: the results JSON, code-server's output, the browser console and VS Code's logs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeServer, delay, freePort, installVsix, launchChromium, missingPrerequisite, repoRoot, runTool,
  withTimeout, writeUserSettings,
} from './code-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------- options
function parseArgs(argv) {
  const opts = {
    trust: 'yes',
    grep: undefined,
    timeoutSec: 180,
    keep: false,
    headed: false,
    extension: repoRoot,
    tests: undefined,
    workspace: path.join(here, 'workspace'),
    vsix: undefined, // undefined: decided by --trust; true: package now; string: this file
    dev: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(a);
    if (!m) usage(`unexpected argument: ${a}`);
    const [, key, inline] = m;
    const value = () => (inline !== undefined ? inline : argv[++i] ?? usage(`--${key} needs a value`));
    switch (key) {
      case 'trust': opts.trust = value(); break;
      case 'grep': opts.grep = value(); break;
      case 'timeout': opts.timeoutSec = Number(value()); break;
      case 'keep': opts.keep = true; break;
      case 'headed': opts.headed = true; break;
      case 'extension': opts.extension = path.resolve(value()); break;
      case 'tests': opts.tests = path.resolve(value()); break;
      case 'workspace': opts.workspace = path.resolve(value()); break;
      case 'vsix': opts.vsix = inline !== undefined ? path.resolve(inline) : true; break;
      case 'dev': opts.dev = true; break;
      case 'help': usage(); break;
      default: usage(`unknown option --${key}`);
    }
  }
  if (!['yes', 'no'].includes(opts.trust)) usage('--trust must be yes or no');
  if (!(opts.timeoutSec > 0)) usage('--timeout must be a positive number of seconds');
  if (opts.grep !== undefined) {
    try { new RegExp(opts.grep); } catch (e) { usage(`--grep is not a valid regular expression: ${e.message}`); }
  }
  opts.tests ??= path.join(opts.extension, 'out', 'test', 'vscode', 'index.js');
  if (opts.dev && opts.vsix) usage('--dev and --vsix exclude each other');
  if (opts.vsix === undefined) opts.vsix = opts.trust === 'no' && !opts.dev;
  return opts;
}

function usage(problem) {
  const text = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 30)
    .filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n');
  if (problem) {
    console.error(`run.mjs: ${problem}\n\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

const opts = parseArgs(process.argv.slice(2));
const artifacts = path.join(repoRoot, 'test-results');
const artifactDir = path.join(artifacts, 'vscode');
const screenshotPath = path.join(artifacts, 'screenshots', opts.trust === 'no' ? 'workbench-restricted.png' : 'workbench.png');

function fail(message) {
  console.error(`run.mjs: ${message}`);
  process.exit(2);
}

const missing = missingPrerequisite();
if (missing) fail(missing);
const manifestPath = path.join(opts.extension, 'package.json');
if (!fs.existsSync(manifestPath)) fail(`no extension manifest at ${manifestPath}`);
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
if (manifest.main && !fs.existsSync(path.resolve(opts.extension, manifest.main))) {
  fail(`the extension's main ${manifest.main} does not exist: run npm run build`);
}
if (!fs.existsSync(opts.tests)) fail(`no test bundle at ${opts.tests}: run npm run build`);
if (!fs.existsSync(opts.workspace)) fail(`no workspace fixture at ${opts.workspace}`);
if (typeof opts.vsix === 'string' && !fs.existsSync(opts.vsix)) fail(`no such .vsix: ${opts.vsix}`);
const extensionId = `${manifest.publisher}.${manifest.name}`;

// ---------------------------------------------------------------- state and cleanup
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-vscode-'));
const userDataDir = path.join(tmpRoot, 'user-data');
const extensionsDir = path.join(tmpRoot, 'extensions');
const workspaceDir = path.join(tmpRoot, 'workspace');
const resultsPath = path.join(tmpRoot, 'results.json');
const progressPath = `${resultsPath}.progress`;

let server; // CodeServer (leader of its own process group; see code-server.mjs)
let browser;
let page;
let cleaning = null;
let interrupted = false;

function log(msg) {
  console.log(`[vscode] ${msg}`);
}

async function cleanup() {
  cleaning ??= (async () => {
    if (browser) await withTimeout(browser.close().catch(() => {}), 10000);
    if (server) await server.stop();
    saveArtifacts();
    if (!opts.keep) fs.rmSync(tmpRoot, { recursive: true, force: true });
    else log(`kept ${tmpRoot}`);
  })();
  return cleaning;
}

function saveArtifacts() {
  try {
    fs.rmSync(artifactDir, { recursive: true, force: true });
    fs.mkdirSync(artifactDir, { recursive: true });
    fs.writeFileSync(path.join(artifactDir, 'code-server.log'), server?.log.join('') ?? '');
    fs.writeFileSync(path.join(artifactDir, 'browser-console.log'), browserConsole.join('\n') + '\n');
    if (fs.existsSync(resultsPath)) fs.copyFileSync(resultsPath, path.join(artifactDir, 'results.json'));
    const logs = path.join(userDataDir, 'logs');
    if (fs.existsSync(logs)) fs.cpSync(logs, path.join(artifactDir, 'logs'), { recursive: true });
  } catch (e) {
    console.error(`[vscode] could not save artifacts: ${e.message}`);
  }
}

// Last resort when the process exits without cleanup (an uncaught error): kill the group.
process.on('exit', () => {
  if (!cleaning) server?.killNow();
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    interrupted = true;
    console.error(`\n[vscode] ${sig}: stopping code-server and the browser`);
    cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------- helpers
function readProgress() {
  try {
    return fs.readFileSync(progressPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  } catch {
    return [];
  }
}

function printTest(t) {
  const mark = t.state === 'passed' ? 'ok  ' : t.state === 'pending' ? 'skip' : 'FAIL';
  const ms = t.durationMs !== undefined ? ` (${t.durationMs} ms)` : '';
  console.log(`  ${mark} ${t.fullTitle}${ms}`);
  if (t.state === 'failed' && t.error) console.log(t.error.split('\n').map((l) => `         ${l}`).join('\n'));
}

const browserConsole = [];

/**
 * Packages the extension with vsce into the temp folder (manifest and built bundles only). The
 * package is installed into a throwaway extensions folder and never published, so vsce's secret
 * scan (which flags the example credentials in the secret-detection rules) is skipped here.
 */
async function packageVsix() {
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const own = path.join(opts.extension, '.vscodeignore');
  const ignoreFile = fs.existsSync(own) ? own : path.join(here, 'vsixignore');
  const out = path.join(tmpRoot, `${extensionId}.vsix`);
  await runTool(process.execPath, [
    vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license',
    '--no-update-package-json', '--allow-package-all-secrets', '--ignoreFile', ignoreFile, '--out', out,
  ], { cwd: opts.extension, timeoutMs: 120000 });
  const mb = fs.statSync(out).size / 1e6;
  if (mb > 50) throw new Error(`the packaged .vsix is ${mb.toFixed(0)} MB: check ${ignoreFile}`);
  log(`packaged ${path.basename(out)} (${mb.toFixed(2)} MB, ignore file ${path.relative(repoRoot, ignoreFile)})`);
  return out;
}

// ---------------------------------------------------------------- main
async function main() {
  const started = Date.now();
  const deadline = started + opts.timeoutSec * 1000;

  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.cpSync(opts.workspace, workspaceDir, { recursive: true });
  writeUserSettings(userDataDir);
  // Second channel for the suite's configuration, in case the extension host does not inherit
  // code-server's environment (see test/vscode/suite/runner.ts).
  const suiteConfig = { results: resultsPath, grep: opts.grep ?? '', trust: opts.trust, mode: opts.vsix ? 'vsix' : 'dev' };
  fs.mkdirSync(path.join(workspaceDir, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspaceDir, '.vscode', 'handoff-test.json'), JSON.stringify(suiteConfig, null, 2));

  let developmentPath = opts.extension;
  if (opts.vsix) {
    const vsix = opts.vsix === true ? await packageVsix() : opts.vsix;
    await installVsix({ vsix, userDataDir, extensionsDir, configPath: path.join(tmpRoot, 'config.yaml') });
    developmentPath = path.join(here, 'host');
    log(`installed ${path.basename(vsix)} into the temporary extensions folder`);
  }

  const port = await freePort();
  const env = {
    ...process.env,
    HANDOFF_TEST_RESULTS: resultsPath,
    HANDOFF_TEST_GREP: opts.grep ?? '',
    HANDOFF_TEST_TRUST: opts.trust,
    HANDOFF_TEST_MODE: opts.vsix ? 'vsix' : 'dev',
  };
  server = new CodeServer({
    port,
    userDataDir,
    extensionsDir,
    configPath: path.join(tmpRoot, 'config.yaml'),
    folder: workspaceDir,
    trust: opts.trust === 'yes',
    env,
  });
  const mode = opts.vsix ? 'installed .vsix' : 'development path';
  log(`code-server on ${server.origin} (trust: ${opts.trust}; ${extensionId} from ${mode}${opts.grep ? `; grep: ${opts.grep}` : ''})`);
  await server.start(Math.min(deadline, Date.now() + 60000));
  log(`code-server ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  browser = await launchChromium({ headed: opts.headed });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (m) => {
    browserConsole.push(`[${m.type()}] ${m.text()}`);
    // Figures a spec prints ("figure: …", timings never asserted) are shown with the results.
    const figure = /figure: (.*)$/.exec(m.text());
    if (figure) log(`figure: ${figure[1]}`);
  });
  page.on('pageerror', (e) => browserConsole.push(`[pageerror] ${e.message}`));

  const payload = [
    ['extensionDevelopmentPath', server.remote(developmentPath)],
    ['extensionTestsPath', server.remote(opts.tests)],
  ];
  const url = server.url({ payload });
  await page.goto(url, { timeout: Math.max(1000, deadline - Date.now()) });
  await page.waitForSelector('.monaco-workbench', { timeout: Math.max(1000, deadline - Date.now()) });
  log(`workbench loaded after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  if (opts.trust === 'no') await answerTrustNo(deadline);

  // Wait for the results file, printing tests as they finish.
  let shown = 0;
  let results;
  while (!results) {
    const done = readProgress();
    for (; shown < done.length; shown++) printTest(done[shown]);
    if (fs.existsSync(resultsPath)) {
      results = JSON.parse(fs.readFileSync(resultsPath, 'utf8'));
      break;
    }
    if (server.exited) throw new Error(`code-server exited before the tests finished (${JSON.stringify(server.exited)})`);
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${opts.timeoutSec} s waiting for the test results (${done.length} test(s) had finished)`);
    }
    await delay(250);
  }
  for (const t of results.tests.slice(shown)) printTest(t);

  await screenshot();
  log(`VS Code ${results.vscodeVersion}; suite configuration read from ${results.configSource === 'env' ? 'the environment' : results.configSource}; ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  const pending = results.pending ? `, ${results.pending} skipped` : '';
  console.log(`${results.passed} passed, ${results.failed} failed${pending}`);
  if (results.passed + results.failed === 0) {
    console.error('[vscode] no test ran' + (opts.grep ? ` (--grep ${opts.grep} matched nothing?)` : ''));
    return 1;
  }
  return results.failed > 0 ? 1 : 0;
}

// Restricted Mode: click the trust dialog's "No" if the workbench shows it, then make sure the
// status bar shows "Restricted Mode". Selectors: VS Code's dialog buttons have role=button and
// their label as accessible name; the status bar item's name is "Restricted Mode".
async function answerTrustNo(deadline) {
  const no = page.getByRole('button', { name: /No, I don.t trust the authors/i });
  const restricted = page.locator('.statusbar-item', { hasText: 'Restricted Mode' });
  const timeout = Math.max(1000, Math.min(60000, deadline - Date.now()));
  await no.or(restricted).first().waitFor({ state: 'visible', timeout });
  if (await no.isVisible()) {
    await no.click();
    log('answered the workspace trust dialog: "No, I don\'t trust the authors"');
  } else {
    log('no trust dialog (extension tests open untrusted folders straight in Restricted Mode)');
  }
  await restricted.first().waitFor({ state: 'visible', timeout: 15000 });
  log('status bar shows Restricted Mode');
}

async function screenshot() {
  if (!page) return;
  try {
    fs.mkdirSync(path.dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath, timeout: 15000 });
    log(`screenshot: ${path.relative(process.cwd(), screenshotPath)}`);
  } catch (e) {
    console.error(`[vscode] no screenshot: ${e.message.split('\n')[0]}`);
  }
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (e) {
  if (interrupted) await new Promise(() => {}); // the signal handler cleans up and exits
  console.error(`[vscode] ERROR: ${e.message}`);
  await screenshot();
  const tail = server?.tail(30) ?? '';
  if (tail.trim()) console.error(`[vscode] last lines of code-server's output:\n${tail}`);
  const done = readProgress();
  const passed = done.filter((t) => t.state === 'passed').length;
  const failed = done.filter((t) => t.state === 'failed').length;
  console.log(`${passed} passed, ${failed + 1} failed`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
