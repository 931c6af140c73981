#!/usr/bin/env node
// Browser-level UI test: the packaged .vsix installed into a throwaway code-server, driven
// through the workbench as a person would (explorer, squiggles, Problems, Ctrl+., the command
// palette), on the demo workspace (scripts/demo-workspace.mjs, the one `npm start` shows).
//
//   node test/vscode/ui.mjs [--vsix=FILE] [--only=trusted|restricted] [--timeout=SECONDS]
//        [--keep] [--headed]
//
// --vsix     test this .vsix; by default the extension is packaged now with scripts/package.mjs
//            (production build into out/, then vsce), exactly what `npm run package` ships.
// --only     run only the trusted session or only the Restricted Mode session.
// --timeout  overall limit (default 300 s).
// --keep     keep the temporary folders.
//
// Trusted session: open HANDOFF.md from the explorer; squiggles and the Problems count in the
// status bar; the Problems panel; Ctrl+. on the mojibake problem and its "Repair" fix, the count
// drops; F1 "Handoff: Fix All"; when the manifest contributes them, "Handoff: Update Handoff"
// (the note changes) and the Handoff sidebar.
// Restricted session: code-server WITHOUT --disable-workspace-trust; answer the trust dialog
// "No, I don't trust the authors"; the text rules still put squiggles on the note; the language
// status item and the Restricted Mode indicator.
//
// Every step leaves a PNG in test-results/screenshots/ui/ (git-ignored). Waits are event-driven
// (selectors and page predicates), never fixed sleeps. code-server is stopped by process group
// at the end, also on failure, time-out or Ctrl+C. Exit code 0 only when every step passed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoWorkspace, DEMO_NOTE } from '../../scripts/demo-workspace.mjs';
import { packageExtension } from '../../scripts/package.mjs';
import {
  CodeServer, freePort, installVsix, launchChromium, missingPrerequisite, repoRoot, withTimeout,
  writeUserSettings,
} from './code-server.mjs';

// ---------------------------------------------------------------- options
function parseArgs(argv) {
  const opts = { vsix: undefined, only: undefined, timeoutSec: 300, keep: false, headed: false };
  for (const a of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(a);
    if (!m) usage(`unexpected argument: ${a}`);
    const [, key, value] = m;
    switch (key) {
      case 'vsix': opts.vsix = value ? path.resolve(value) : usage('--vsix needs a file: --vsix=FILE'); break;
      case 'only': opts.only = value; break;
      case 'timeout': opts.timeoutSec = Number(value); break;
      case 'keep': opts.keep = true; break;
      case 'headed': opts.headed = true; break;
      case 'help': usage(); break;
      default: usage(`unknown option --${key}`);
    }
  }
  if (opts.only !== undefined && !['trusted', 'restricted'].includes(opts.only)) usage('--only must be trusted or restricted');
  if (!(opts.timeoutSec > 0)) usage('--timeout must be a positive number of seconds');
  if (opts.vsix && !fs.statSync(opts.vsix, { throwIfNoEntry: false })?.isFile()) usage(`no such .vsix: ${opts.vsix}`);
  return opts;
}

function usage(problem) {
  const text = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 26)
    .filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n');
  if (problem) {
    console.error(`ui.mjs: ${problem}\n\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

const opts = parseArgs(process.argv.slice(2));
const missing = missingPrerequisite();
if (missing) {
  console.error(`ui.mjs: ${missing}`);
  process.exit(2);
}
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const shotDir = path.join(repoRoot, 'test-results', 'screenshots', 'ui');
const artifactDir = path.join(repoRoot, 'test-results', 'ui');
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-ui-'));
const started = Date.now();
const deadline = started + opts.timeoutSec * 1000;

// ---------------------------------------------------------------- state, logging, cleanup
const servers = [];
let browser;
let page; // the page of the session running now
let cleaning = null;
let interrupted = false;
const browserConsole = [];
let passed = 0;
let failed = 0;

const log = (msg) => console.log(`[ui] ${msg}`);
const secs = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
/** Time left for one wait: the overall deadline, at most `cap` ms. */
const left = (cap = 60000) => Math.max(1000, Math.min(cap, deadline - Date.now()));

async function cleanup() {
  cleaning ??= (async () => {
    if (browser) await withTimeout(browser.close().catch(() => {}), 10000);
    await Promise.all(servers.map((s) => s.stop()));
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
    servers.forEach((s, i) => fs.writeFileSync(path.join(artifactDir, `code-server-${s.name ?? i}.log`), s.log.join('')));
    fs.writeFileSync(path.join(artifactDir, 'browser-console.log'), browserConsole.join('\n') + '\n');
  } catch (e) {
    console.error(`[ui] could not save artifacts: ${e.message}`);
  }
}

process.on('exit', () => {
  if (!cleaning) for (const s of servers) s.killNow();
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    interrupted = true;
    console.error(`\n[ui] ${sig}: stopping code-server and the browser`);
    cleanup().finally(() => process.exit(130));
  });
}
// The overall time limit also covers a hung browser call.
const watchdog = setTimeout(() => {
  console.error(`[ui] ERROR: over the time limit of ${opts.timeoutSec} s; stopping`);
  screenshot('timeout').finally(() => cleanup().finally(() => process.exit(1)));
}, opts.timeoutSec * 1000 + 15000);
watchdog.unref();

let shotCounter = 0;
async function screenshot(name) {
  if (!page) return;
  try {
    fs.mkdirSync(shotDir, { recursive: true });
    const file = path.join(shotDir, `${String(++shotCounter).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, timeout: 15000 });
    log(`  screenshot ${path.relative(repoRoot, file)}`);
  } catch (e) {
    console.error(`[ui]   no screenshot: ${e.message.split('\n')[0]}`);
  }
}

/** One user-visible step: runs fn, screenshots the result, counts it. A failure ends the session. */
async function step(name, title, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    log(`ok   ${title} (${Date.now() - t0} ms)`);
    await screenshot(name);
  } catch (e) {
    if (interrupted) await new Promise(() => {}); // the signal handler cleans up and exits
    failed++;
    log(`FAIL ${title}\n       ${e.message.split('\n').slice(0, 6).join('\n       ')}`);
    await screenshot(`${name}-FAILED`);
    throw Object.assign(e, { reported: true });
  }
}

// ---------------------------------------------------------------- workbench helpers
// All run in the page; VS Code 1.100's DOM: the status bar item of the Problems view has the id
// "status.problems" and an aria-label like "Errors: 0, Warnings: 3" (or "No Problems").
const PAGE_HELPERS = `
  window.__handoffProblems = () => {
    const item = document.getElementById('status.problems');
    if (!item) return null;
    const label = [item, ...item.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')).find(Boolean) || '';
    const n = (re) => Number((re.exec(label) || [])[1] || 0);
    const errors = n(/Errors: (\\d+)/), warnings = n(/Warnings: (\\d+)/), infos = n(/Infos: (\\d+)/);
    return { label, errors, warnings, infos, total: errors + warnings + infos };
  };
  window.__handoffSquiggles = () => {
    const ed = document.querySelector('.editor-group-container.active .monaco-editor');
    return ed ? ed.querySelectorAll('.squiggly-error, .squiggly-warning, .squiggly-info').length : 0;
  };
  window.__handoffEditorText = () => {
    const ed = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
    return ed ? ed.innerText.replace(/\\u00a0/g, ' ') : '';
  };
`;

async function problems() {
  return page.evaluate(() => window.__handoffProblems());
}

/** Waits until the Problems count in the status bar satisfies pred(count), returns the count. */
async function waitProblems(predSource, what) {
  try {
    const h = await page.waitForFunction(`(() => { const p = window.__handoffProblems(); return p && (${predSource})(p) ? p : null; })()`, null, { timeout: left() });
    return h.jsonValue();
  } catch (e) {
    const label = (await problems().catch(() => null))?.label ?? null;
    const listed = await problemCodes().catch((err) => `unread (${err.message.split('\n')[0]})`);
    throw new Error(`${what}: the status bar shows ${JSON.stringify(label)} (${e.message.split('\n')[0]})\nthe Problems panel lists: ${listed}\nthe CLI finds: ${cliCodes}`);
  }
}

/** What the Problems panel lists, as the rule id of each row (for a failure's message). */
async function problemCodes() {
  const rows = page.locator('.markers-panel .monaco-list-row');
  if (!(await rows.first().isVisible().catch(() => false))) await page.locator('[id="status.problems"]').click();
  await rows.first().waitFor({ state: 'visible', timeout: 5000 });
  const texts = await rows.evaluateAll((all) => all.map((r) => r.innerText || ''));
  // A marker's row reads "<message>\nhandoff\n<rule id>\n[Ln …]" (the brackets are drawn by CSS);
  // the file's row has no rule id.
  const codes = texts.map((t) => /\nhandoff\n([^\n]+)\n/.exec(t)?.[1]).filter(Boolean);
  return codes.length ? codes.join(', ') : JSON.stringify(texts.slice(0, 3));
}

/** The Problems panel (when open) redraws a moment after the status bar: wait for it to agree. */
async function waitPanelAgrees(total) {
  await page.waitForFunction(`(() => {
    const panel = document.querySelector('.markers-panel');
    return !panel || !panel.offsetParent || panel.querySelectorAll('.marker-icon').length === ${total};
  })()`, null, { timeout: left() });
}

async function waitSquiggles(min) {
  await page.waitForFunction(`window.__handoffSquiggles() >= ${min}`, null, { timeout: left() });
  return page.evaluate(() => window.__handoffSquiggles());
}

async function openWorkbench(server) {
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (m) => browserConsole.push(`[${server.name}] [${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => browserConsole.push(`[${server.name}] [pageerror] ${e.message}`));
  await page.addInitScript(PAGE_HELPERS);
  await page.goto(server.url(), { timeout: left() });
  await page.waitForSelector('.monaco-workbench', { timeout: left() });
}

/** Opens the note from the Explorer view (showing the view first if the side bar hides it). */
async function openFromExplorer(name) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  if (!(await row.isVisible())) {
    await page.keyboard.press('Control+Shift+E');
  }
  await row.waitFor({ state: 'visible', timeout: left() });
  await row.click();
  await page.locator('.tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: left() });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor({ state: 'visible', timeout: left() });
}

/** F1, type the command's label, wait for it in the list, Enter. */
async function runCommand(label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: left() });
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: left() });
  await screenshot(`palette-${label.replace(/\W+/g, '-').toLowerCase()}`);
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: left() });
}

async function startSession(name, { trust }) {
  const dir = path.join(tmpRoot, name);
  const userDataDir = path.join(dir, 'user-data');
  const extensionsDir = path.join(dir, 'extensions');
  const configPath = path.join(dir, 'config.yaml');
  writeUserSettings(userDataDir, {
    // Legible screenshots, nothing that moves on its own.
    'window.commandCenter': false,
    'workbench.layoutControl.enabled': false,
    'editor.minimap.enabled': false,
    'editor.fontSize': 15,
    'editor.lightbulb.enabled': 'on',
    'files.autoSave': 'off',
    'git.enabled': false, // the built-in git extension's scan is not what is tested here
    'markdown.validate.enabled': false, // only Handoff's diagnostics count
  });
  await installVsix({ vsix, userDataDir, extensionsDir, configPath });
  const ws = createDemoWorkspace(path.join(dir, 'workspace'));
  const server = new CodeServer({ port: await freePort(), userDataDir, extensionsDir, configPath, folder: ws.dir, trust });
  server.name = name;
  servers.push(server);
  await server.start(Math.min(deadline, Date.now() + 60000));
  log(`${name}: code-server on ${server.origin} (${trust ? 'workspace trust off' : 'workspace trust on'}) after ${secs()}`);
  return { server, ws };
}

/** The rule ids the CLI found, for a failure's message. */
let cliCodes = 'not run';

/**
 * How many problems the same engine finds in the note from the command line (out/cli, built
 * with the bundles): the editor has them all once its count reaches this. 3 (the text problems
 * the demo note is written to have) when the CLI is not there.
 */
function cliProblemCount(ws) {
  const cli = path.join(repoRoot, 'out', 'cli', 'handoff.js');
  if (!fs.existsSync(cli)) return 3;
  const r = spawnSync(process.execPath, [cli, 'lint', DEMO_NOTE, '--format', 'json'], { cwd: ws.dir, encoding: 'utf8', timeout: 60000 });
  try {
    const found = JSON.parse(r.stdout);
    cliCodes = found.map((f) => f.rule).join(', ');
    return found.length;
  } catch {
    log(`  the CLI gave no JSON (exit ${r.status}): ${r.stderr.trim().split('\n')[0]}`);
    return 3;
  }
}

/** The last lines of the extension's output channel (the server's log) in a session, for a failure. */
function handoffLog(server, lines = 25) {
  const logs = path.join(server.userDataDir, 'logs');
  const files = fs.existsSync(logs) ? fs.readdirSync(logs, { recursive: true }).filter((f) => /(^|\/)\d+-Handoff\.log$/.test(f)) : [];
  if (!files.length) return `no Handoff log under ${logs}`;
  const text = files.map((f) => fs.readFileSync(path.join(logs, f), 'utf8')).join('');
  return `the Handoff log (${server.name}), its last ${lines} lines:\n${text.trimEnd().split('\n').slice(-lines).map((l) => `       ${l}`).join('\n')}`;
}

// ---------------------------------------------------------------- the sessions
let vsix;

async function trustedSession() {
  const { server, ws } = await startSession('trusted', { trust: true });
  const expected = cliProblemCount(ws);
  await step('workbench', 'the workbench opens the demo workspace', async () => {
    await openWorkbench(server);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: DEMO_NOTE }).first().or(page.locator('.activitybar')).first().waitFor({ timeout: left() });
  });

  let initial;
  await step('squiggles', `opening ${DEMO_NOTE} from the explorer shows squiggles and the Problems count`, async () => {
    await openFromExplorer(DEMO_NOTE);
    const n = await waitSquiggles(3);
    // Text rules answer first, git-backed ones a moment later: wait for all the CLI finds.
    initial = await waitProblems(`(p) => p.total >= ${expected}`, `at least ${expected} problems (as many as the CLI finds)`);
    log(`  ${n} squiggles; status bar: ${initial.label.trim()}; the CLI finds ${expected}`);
  });

  await step('problems-panel', 'the Problems panel lists the note\'s problems', async () => {
    await page.locator('[id="status.problems"]').click();
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'wrong encoding' }).first().waitFor({ state: 'visible', timeout: left() });
    await page.waitForFunction(`document.querySelectorAll('.markers-panel .monaco-list-row').length >= ${initial.total}`, null, { timeout: left() });
  });

  await step('quick-fix-menu', 'Ctrl+. on the mojibake problem offers its fix', async () => {
    // Double-click the problem: the editor gets the focus with the cursor on the problem.
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'wrong encoding' }).first().dblclick();
    await page.waitForFunction(() => document.activeElement?.closest('.editor-group-container.active .monaco-editor') != null, null, { timeout: left() });
    await page.keyboard.press('Control+.');
    // The preferred fix comes first and has the keyboard focus.
    await page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Repair to' }).first().waitFor({ state: 'visible', timeout: left() });
  });

  await step('after-quick-fix', 'choosing "Repair to …" fixes it: one problem fewer', async () => {
    await page.keyboard.press('Enter');
    await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: left() });
    const after = await waitProblems(`(p) => p.total === ${initial.total - 1}`, `${initial.total - 1} problems after the fix`);
    await page.waitForFunction(() => !window.__handoffEditorText().includes('â€”') && window.__handoffEditorText().includes('Parser — tokens'), null, { timeout: left() });
    await waitPanelAgrees(after.total);
    log(`  status bar: ${after.label.trim()}`);
    initial = after;
  });

  // Update Handoff before Fix All: Fix All also refreshes the branch and HEAD, which would leave
  // Update Handoff nothing to show.
  const commands = (manifest.contributes?.commands ?? []).map((c) => c.command);
  if (commands.includes('handoff.update')) {
    await step('update-handoff', 'F1 "Handoff: Update Handoff" brings the snapshot up to date and lists the changed files', async () => {
      const title = manifest.contributes.commands.find((c) => c.command === 'handoff.update').title;
      await runCommand(`Handoff: ${title}`);
      // The note recorded the merged-away branch feature/parser and the first commit; since then
      // src/parser.ts moved and src/index.ts was added.
      await page.waitForFunction(() => {
        const text = window.__handoffEditorText();
        return !text.includes('feature/parser') && text.includes('src/index.ts');
      }, null, { timeout: left() });
      const after = await waitProblems(`(p) => p.total < ${initial.total}`, `fewer than ${initial.total} problems after Update Handoff`);
      await waitPanelAgrees(after.total);
    log(`  status bar: ${after.label.trim()}`);
      initial = after;
    });
  } else {
    log('skip "Handoff: Update Handoff" (the manifest contributes no handoff.update command yet)');
  }

  await step('fix-all', 'F1 "Handoff: Fix All" fixes the rest of what is fixable', async () => {
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').click({ position: { x: 5, y: 5 } });
    await runCommand('Handoff: Fix All');
    const after = await waitProblems(`(p) => p.total < ${initial.total}`, `fewer than ${initial.total} problems after Fix All`);
    await page.waitForFunction(() => window.__handoffEditorText().includes('Decisions (and links)'), null, { timeout: left() });
    await waitPanelAgrees(after.total);
    log(`  status bar: ${after.label.trim()}`);
  });

  const containers = Object.values(manifest.contributes?.viewsContainers ?? {}).flat();
  if (containers.some((c) => c.id === 'handoff')) {
    await step('sidebar', 'the Handoff sidebar shows the note', async () => {
      const title = containers.find((c) => c.id === 'handoff').title;
      // The activity-bar icon never counts as "stable" for Playwright (it animates its badge), though it is visible and enabled.
      await page.locator(`.activitybar .action-item a[aria-label^="${title}"]`).first().click({ force: true });
      await page.locator('.sidebar .pane-header').first().waitFor({ state: 'visible', timeout: left() });
      await page.locator('.sidebar .monaco-list-row').first().waitFor({ state: 'visible', timeout: left() });
    });
  } else {
    log('skip the Handoff sidebar (the manifest contributes no "handoff" view container yet)');
  }
  await page.close();
  page = undefined;
  await server.stop();
}

async function restrictedSession() {
  const { server } = await startSession('restricted', { trust: false });
  const no = () => page.getByRole('button', { name: /No, I don.t trust the authors/i });
  await step('trust-dialog', 'without --disable-workspace-trust the trust dialog asks', async () => {
    await openWorkbench(server);
    await no().waitFor({ state: 'visible', timeout: left() });
  });

  await step('restricted-mode', 'answering "No, I don\'t trust the authors" opens Restricted Mode', async () => {
    await no().click();
    await no().waitFor({ state: 'hidden', timeout: left() });
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible', timeout: left() });
  });

  await step('restricted-squiggles', 'in Restricted Mode the text rules still put squiggles on the note', async () => {
    await openFromExplorer(DEMO_NOTE);
    const n = await waitSquiggles(3);
    const p = await waitProblems('(p) => p.total >= 3', 'at least 3 problems');
    log(`  ${n} squiggles; status bar: ${p.label.trim()}`);
  });

  await step('restricted-language-status', 'the language status shows Handoff next to the Restricted Mode indicator', async () => {
    // The {} item of the language status opens a hover listing the items; Handoff's says what runs.
    const item = page.locator('[id="status.languageStatus"]');
    await item.waitFor({ state: 'visible', timeout: left() });
    await item.click();
    const hover = page.locator('.monaco-hover, .context-view', { hasText: 'Handoff' }).first();
    await hover.waitFor({ state: 'visible', timeout: left() });
    // Handoff's item says that only the text checks run (no git in Restricted Mode).
    await hover.filter({ hasText: /Restricted Mode/ }).waitFor({ state: 'visible', timeout: left() })
      .catch(async (e) => { throw new Error(`the Handoff language status does not mention Restricted Mode: ${JSON.stringify(await hover.innerText())} (${e.message.split('\n')[0]})`); });
  });
  await page.close();
  page = undefined;
  await server.stop();
}

async function main() {
  fs.rmSync(shotDir, { recursive: true, force: true });
  if (opts.vsix) {
    vsix = opts.vsix;
  } else {
    const r = await packageExtension({ out: path.join(tmpRoot, `${manifest.name}-${manifest.version}.vsix`), quiet: true });
    vsix = r.vsix;
    log(`packaged ${path.basename(vsix)} (${(r.size / 1024).toFixed(0)} KB, production build) after ${secs()}`);
  }
  browser = await launchChromium({ headed: opts.headed });
  const sessions = [];
  if (opts.only !== 'restricted') sessions.push(['trusted', trustedSession]);
  if (opts.only !== 'trusted') sessions.push(['restricted', restrictedSession]);
  for (const [name, run] of sessions) {
    try {
      await run();
    } catch (e) {
      if (interrupted) await new Promise(() => {}); // the signal handler cleans up and exits
      if (!e.reported) {
        failed++;
        log(`FAIL ${name} session: ${e.message.split('\n')[0]}`);
        await screenshot(`${name}-FAILED`);
      }
      const s = servers.find((x) => x.name === name);
      if (s?.exited) log(`code-server (${name}) had exited: ${JSON.stringify(s.exited)}\n${s.tail(20)}`);
      if (s) log(handoffLog(s));
      if (page) await page.close().catch(() => {});
      page = undefined;
    }
  }
  log(`${secs()} in all`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (e) {
  if (interrupted) await new Promise(() => {});
  console.error(`[ui] ERROR: ${e.message}`);
  console.log(`${passed} passed, ${failed + 1} failed`);
} finally {
  await cleanup();
}
process.exit(exitCode);
