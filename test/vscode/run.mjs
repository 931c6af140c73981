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
// Output: one line per test, then "N passed, N failed"; exit code 0 only when every test passed.
// Artifacts in test-results/ (git-ignored): screenshots/workbench[-restricted].png, and under
// vscode/: the results JSON, code-server's output, the browser console and VS Code's logs.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

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
const cacheDir = process.env.HANDOFF_VSCODE_CACHE ?? path.join(repoRoot, '.cache', 'vscode');
const codeServerEntry = path.join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const chromiumPath = process.env.HANDOFF_CHROMIUM ?? '/usr/bin/chromium';
const artifacts = path.join(repoRoot, 'test-results');
const artifactDir = path.join(artifacts, 'vscode');
const screenshotPath = path.join(artifacts, 'screenshots', opts.trust === 'no' ? 'workbench-restricted.png' : 'workbench.png');

function fail(message) {
  console.error(`run.mjs: ${message}`);
  process.exit(2);
}

if (!fs.existsSync(codeServerEntry)) fail(`code-server is not installed in ${cacheDir}: run bash scripts/vscode-setup.sh`);
if (!fs.existsSync(chromiumPath)) fail(`no Chromium at ${chromiumPath}: run bash scripts/vscode-setup.sh`);
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

let server; // ChildProcess of code-server (leader of its own process group)
let serverExited = null; // {code, signal} once it exited
let browser;
let page;
let cleaning = null;
let interrupted = false;
const serverLog = [];

function log(msg) {
  console.log(`[vscode] ${msg}`);
}

function killGroup(signal) {
  if (!server?.pid) return;
  try {
    process.kill(-server.pid, signal);
  } catch {
    // the group is gone
  }
}

function groupAlive() {
  if (!server?.pid) return false;
  try {
    process.kill(-server.pid, 0);
    return true;
  } catch {
    return false;
  }
}

const delay = (ms) => new Promise((r) => setTimeout(r, ms));
const withTimeout = (promise, ms) => Promise.race([promise, delay(ms)]);

async function cleanup() {
  cleaning ??= (async () => {
    if (browser) await withTimeout(browser.close().catch(() => {}), 10000);
    if (server?.pid) {
      killGroup('SIGTERM');
      for (let i = 0; i < 50 && groupAlive(); i++) await delay(100);
      if (groupAlive()) killGroup('SIGKILL');
    }
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
    fs.writeFileSync(path.join(artifactDir, 'code-server.log'), serverLog.join(''));
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
  if (!cleaning && server?.pid) killGroup('SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    interrupted = true;
    console.error(`\n[vscode] ${sig}: stopping code-server and the browser`);
    cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------- helpers
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, deadline) {
  while (Date.now() < deadline) {
    if (serverExited) throw new Error(`code-server exited early (${JSON.stringify(serverExited)})`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await delay(200);
  }
  throw new Error(`code-server did not answer ${url} in time`);
}

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

/** Runs a command to completion (own process group, killed on time-out); resolves with output. */
function runTool(cmd, args, { cwd, timeoutMs, env = process.env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b) => { out += b; });
    child.stderr.on('data', (b) => { out += b; });
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      reject(new Error(`${path.basename(cmd)} ${args[0] ?? ''} timed out after ${timeoutMs / 1000} s\n${out}`));
    }, timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${code}\n${out.trim().split('\n').slice(-15).join('\n')}`));
    });
  });
}

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

  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.cpSync(opts.workspace, workspaceDir, { recursive: true });
  // Quiet, deterministic user settings.
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.startupPrompt': 'always',
    'security.workspace.trust.emptyWindow': false,
  }, null, 2));
  // Second channel for the suite's configuration, in case the extension host does not inherit
  // code-server's environment (see test/vscode/suite/runner.ts).
  const suiteConfig = { results: resultsPath, grep: opts.grep ?? '', trust: opts.trust, mode: opts.vsix ? 'vsix' : 'dev' };
  fs.mkdirSync(path.join(workspaceDir, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspaceDir, '.vscode', 'handoff-test.json'), JSON.stringify(suiteConfig, null, 2));

  let developmentPath = opts.extension;
  if (opts.vsix) {
    const vsix = opts.vsix === true ? await packageVsix() : opts.vsix;
    await runTool(process.execPath, [
      codeServerEntry, '--config', path.join(tmpRoot, 'config.yaml'), '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir, '--install-extension', vsix,
    ], { timeoutMs: 120000 });
    developmentPath = path.join(here, 'host');
    log(`installed ${path.basename(vsix)} into the temporary extensions folder`);
  }

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const args = [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', path.join(tmpRoot, 'config.yaml'),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--locale', 'en',
    ...(opts.trust === 'yes' ? ['--disable-workspace-trust'] : []),
    workspaceDir,
  ];
  const env = {
    ...process.env,
    HANDOFF_TEST_RESULTS: resultsPath,
    HANDOFF_TEST_GREP: opts.grep ?? '',
    HANDOFF_TEST_TRUST: opts.trust,
    HANDOFF_TEST_MODE: opts.vsix ? 'vsix' : 'dev',
  };
  delete env.VSCODE_IPC_HOOK_CLI;
  const mode = opts.vsix ? 'installed .vsix' : 'development path';
  log(`code-server on ${origin} (trust: ${opts.trust}; ${extensionId} from ${mode}${opts.grep ? `; grep: ${opts.grep}` : ''})`);
  server = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (b) => serverLog.push(b.toString()));
  server.stderr.on('data', (b) => serverLog.push(b.toString()));
  server.on('exit', (code, signal) => { serverExited = { code, signal }; });
  server.on('error', (e) => { serverExited = { error: e.message }; });

  await waitForHttp(`${origin}/healthz`, Math.min(deadline, Date.now() + 60000));
  log(`code-server ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: !opts.headed,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (m) => browserConsole.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => browserConsole.push(`[pageerror] ${e.message}`));

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(developmentPath)],
    ['extensionTestsPath', remote(opts.tests)],
  ];
  const url = `${origin}/?folder=${encodeURIComponent(workspaceDir)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
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
    if (serverExited) throw new Error(`code-server exited before the tests finished (${JSON.stringify(serverExited)})`);
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
  const tail = serverLog.join('').split('\n').slice(-30).join('\n');
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
