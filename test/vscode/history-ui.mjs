#!/usr/bin/env node
// A handoff note's history driven through the browser: code-server with the extension loaded
// from this repository (run `npm run build` first), on a git repository written for this run
// whose HANDOFF.md has five committed versions (steps added, carried, ticked, dropped and
// reopened, a risk added and resolved). Real clicks on the activity bar, a tree row, a Timeline
// row and the Explorer's Timeline panel.
//
//   node test/vscode/history-ui.mjs [--timeout=SECONDS] [--keep] [--headed] [--shot=FILE]
//
// Steps: the Handoff container's Timeline view lists the versions of the open note and the Next
// Steps view shows each step's age; a click on a version opens the diff against the version
// before; VS Code's own Timeline panel (Explorer) lists the same versions under "Handoff".
// Screenshots go to test-results/screenshots/history-ui/; the one of the Timeline and Next Steps
// views is also written to --shot (default docs/screenshot-timeline.png, the README's picture).
// Exit code 0 only when every step passed.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeServer, freePort, launchChromium, missingPrerequisite, repoRoot, withTimeout, writeUserSettings } from './code-server.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => /^--([^=]+)(?:=(.*))?$/.exec(a)).filter(Boolean).map((m) => [m[1], m[2] ?? true]));
const timeoutSec = Number(args.timeout ?? 240);
const shotFile = path.resolve(repoRoot, typeof args.shot === 'string' ? args.shot : 'docs/screenshot-timeline.png');
const shotDir = path.join(repoRoot, 'test-results', 'screenshots', 'history-ui');
const missing = missingPrerequisite();
if (missing) {
  console.error(`history-ui.mjs: ${missing}`);
  process.exit(2);
}
if (!fs.existsSync(path.join(repoRoot, 'out', 'client', 'extension.js'))) {
  console.error('history-ui.mjs: no out/client/extension.js: run npm run build');
  process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-history-ui-'));
const ws = path.join(tmp, 'workspace');
const deadline = Date.now() + timeoutSec * 1000;
const left = (cap = 30000) => Math.max(1000, Math.min(cap, deadline - Date.now()));
const log = (m) => console.log(`[history-ui] ${m}`);
let server;
let browser;
let page;
let passed = 0;
let failed = 0;

const day = (daysAgo) => new Date(Date.now() - daysAgo * 86400000).toISOString().slice(0, 10);

const note = (date, steps, risks) => `# Session Handoff

## Snapshot

- Date: ${date}
- Branch / commit: \`main\`
- Goal of the session: Ship the Docker runner (ST-04-02).

## Known issues / risks

${risks}
## Next steps (recommended order)

${steps}`;

/** Five sessions of one note, a week apart, the last one today. */
const SESSIONS = [
  [35, 'Plan the runner', 'SESSION_HANDOFF.md',
    '- [ ] Write the runner protocol.\n- [ ] Add the Docker runner.\n- [ ] Document the admin editor.\n',
    '- docker.sock access is not reviewed.\n'],
  [28, 'Runner protocol done', 'SESSION_HANDOFF.md',
    '- [x] Write the runner protocol.\n- [ ] Add the Docker runner.\n- [ ] Document the admin editor.\n- [ ] Add load tests for 500 projects.\n',
    '- docker.sock access is not reviewed.\n'],
  [21, 'Drop the admin editor docs', 'SESSION_HANDOFF.md',
    '- [x] Write the runner protocol.\n- [ ] Add the Docker runner.\n- [ ] Add load tests for 500 projects.\n',
    '- Load tests need a bigger runner.\n'],
  [14, 'Rename the note to HANDOFF.md', 'HANDOFF.md',
    '- [x] Write the runner protocol.\n- [ ] Add the Docker runner.\n- [ ] Add load tests for 500 projects.\n',
    '- Load tests need a bigger runner.\n'],
  [7, 'Protocol needs rework for streaming logs', 'HANDOFF.md',
    '- [ ] Write the runner protocol.\n- [ ] Add the Docker runner.\n- [ ] Add load tests for 500 projects.\n- [ ] Stream the runner logs.\n',
    '- Load tests need a bigger runner.\n- Log streaming may drop lines under load.\n'],
];

function writeWorkspace() {
  fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  const git = (argv, date) => execFileSync('git', argv, {
    cwd: ws,
    env: { ...process.env, GIT_AUTHOR_NAME: 'Dana Dev', GIT_AUTHOR_EMAIL: 'dana@example.com', GIT_COMMITTER_NAME: 'Dana Dev', GIT_COMMITTER_EMAIL: 'dana@example.com', ...(date ? { GIT_AUTHOR_DATE: `${date}T17:00:00Z`, GIT_COMMITTER_DATE: `${date}T17:00:00Z` } : {}) },
  });
  git(['init', '-q', '-b', 'main']);
  fs.writeFileSync(path.join(ws, '.gitignore'), '.vscode/\n');
  let name;
  for (const [ago, subject, file, steps, risks] of SESSIONS) {
    if (name && name !== file) git(['mv', name, file]);
    name = file;
    fs.writeFileSync(path.join(ws, file), note(day(ago), steps, risks));
    git(['add', '-A']);
    git(['commit', '-q', '-m', subject], day(ago));
  }
  // The VS Code git extension would add its own entries to the Timeline panel: only Handoff's here.
  fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'git.enabled': false, 'markdown.validate.enabled': false, 'files.autoSave': 'off' }, null, 2));
}

async function screenshot(name) {
  if (!page) return;
  fs.mkdirSync(shotDir, { recursive: true });
  await page.screenshot({ path: path.join(shotDir, `${name}.png`), timeout: 15000 }).catch(() => {});
}

async function step(name, title, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    log(`ok   ${title} (${Date.now() - t0} ms)`);
    await screenshot(name);
  } catch (e) {
    failed++;
    log(`FAIL ${title}\n       ${String(e.message).split('\n').slice(0, 6).join('\n       ')}`);
    await screenshot(`${name}-FAILED`);
    throw e;
  }
}

/** The pane of a view in the sidebar, by its title. */
const pane = (title) => page.locator('.sidebar .pane', { has: page.locator('.pane-header', { hasText: new RegExp(`^\\s*${title}`, 'i') }) });
const row = (title, text) => pane(title).locator('.monaco-list-row', { hasText: text }).first();
const collapse = async (title) => {
  const header = pane(title).locator('.pane-header');
  if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
};

async function main() {
  writeWorkspace();
  const userDataDir = path.join(tmp, 'user-data');
  writeUserSettings(userDataDir, { 'workbench.colorTheme': 'Default Light Modern' });
  server = new CodeServer({ port: await freePort(), userDataDir, extensionsDir: path.join(tmp, 'extensions'), configPath: path.join(tmp, 'config.yaml'), folder: ws });
  await server.start(Math.min(deadline, Date.now() + 60000));
  browser = await launchChromium({ headed: Boolean(args.headed) });
  page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(server.url({ payload: [['extensionDevelopmentPath', server.remote(repoRoot)]] }), { timeout: left(60000) });
  await page.locator('.monaco-workbench').waitFor({ timeout: left(60000) });

  await step('views', 'the Timeline view lists the versions of the open note and Next Steps shows the ages', async () => {
    await page.locator('.activitybar .action-item a[aria-label^="Handoff"]').first().click({ timeout: left() });
    for (const title of ['Status', 'Next Steps', 'Risks', 'Roadmap', 'Timeline']) await pane(title).locator('.pane-header').waitFor({ timeout: left() });
    // A click on a step opens the note: the Timeline follows the active editor.
    await row('Next Steps', 'Add the Docker runner').locator('.monaco-icon-label').click({ timeout: left(60000) });
    await row('Timeline', 'Runner protocol done').waitFor({ timeout: left(60000) });
    await row('Timeline', 'Plan the runner').waitFor({ timeout: left() });
    await row('Next Steps', /Add the Docker runner.*5 sessions · \d+ d/).waitFor({ timeout: left(60000) });
    await row('Next Steps', /Write the runner protocol.*reopened/).waitFor({ timeout: left() });
    // For the picture: the views this is about, a wider sidebar, one version opened up.
    await collapse('Status');
    await collapse('Risks');
    await collapse('Roadmap');
    const sash = await page.locator('.part.sidebar').boundingBox();
    if (sash) {
      await page.mouse.move(sash.x + sash.width - 1, sash.y + 300);
      await page.mouse.down();
      await page.mouse.move(sash.x + 560, sash.y + 300, { steps: 8 });
      await page.mouse.up();
    }
    await row('Timeline', 'Drop the admin editor docs').locator('.monaco-tl-twistie').click({ timeout: left() });
    await row('Timeline', 'Document the admin editor').waitFor({ timeout: left() });
    await page.mouse.move(1300, 820);
    await page.locator('.monaco-hover, .workbench-hover-container').first().waitFor({ state: 'hidden', timeout: left() }).catch(() => {});
    fs.mkdirSync(path.dirname(shotFile), { recursive: true });
    await page.screenshot({ path: shotFile, timeout: 15000 });
    log(`  timeline screenshot: ${path.relative(repoRoot, shotFile)}`);
  });

  await step('diff', 'a click on a version opens the diff against the version before', async () => {
    await row('Timeline', 'Runner protocol done').locator('.monaco-icon-label').click({ timeout: left() });
    await page.locator('.tabs-container .tab', { hasText: /SESSION_HANDOFF\.md \([0-9a-f]{7} ↔ [0-9a-f]{7}\)/ }).first().waitFor({ timeout: left() });
    await page.locator('.editor-group-container.active .monaco-diff-editor').waitFor({ timeout: left() });
    await page.waitForFunction(() => /\[x\] Write the runner protocol/.test([...document.querySelectorAll('.editor-group-container.active .monaco-diff-editor .view-lines')].map((e) => e.innerText).join('\n').replace(/\u00a0/g, ' ') ?? ''), null, { timeout: left() });
  });

  await step('panel', "VS Code's Timeline panel lists the versions under Handoff", async () => {
    await page.locator('.tabs-container .tab', { hasText: /^HANDOFF\.md/ }).first().click({ timeout: left() });
    await page.keyboard.press('Control+Shift+E');
    const timeline = page.locator('.sidebar .pane', { has: page.locator('.pane-header', { hasText: /^\s*Timeline/i }) });
    const header = timeline.locator('.pane-header');
    await header.waitFor({ timeout: left() });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await timeline.locator('.monaco-list-row', { hasText: 'Runner protocol done' }).first().waitFor({ timeout: left(60000) });
    await timeline.locator('.monaco-list-row', { hasText: 'Plan the runner' }).first().waitFor({ timeout: left() });
  });
}

let code = 1;
const watchdog = setTimeout(() => {
  console.error(`[history-ui] over the time limit of ${timeoutSec} s`);
  void cleanup().finally(() => process.exit(1));
}, timeoutSec * 1000 + 10000);
watchdog.unref();

async function cleanup() {
  if (browser) await withTimeout(browser.close().catch(() => {}), 10000);
  await server?.stop();
  if (!args.keep) fs.rmSync(tmp, { recursive: true, force: true });
  else log(`kept ${tmp}`);
}

try {
  await main();
  code = failed ? 1 : 0;
} catch (e) {
  if (!failed) console.error(`[history-ui] ERROR: ${e.message}`);
  if (server) console.error(server.tail(20));
} finally {
  await cleanup();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(code);
