// One browser session on the Handoff sidebar, shared by sidebar-ui.mjs and history-ui.mjs:
// their options, code-server with the extension loaded from this repository on a workspace the
// caller writes, Chromium, named steps with a screenshot each, the pane and row locators, the
// watchdog and the cleanup. Exit code 0 only when every step passed.
//
//   node test/vscode/<name>.mjs [--timeout=SECONDS] [--keep] [--headed] [--shot=FILE]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeServer, freePort, launchChromium, missingPrerequisite, repoRoot, withTimeout, writeUserSettings } from './code-server.mjs';

/**
 * Runs `steps(session)` in a fresh code-server on the workspace `writeWorkspace(ws)` made, then
 * exits the process. `shot` is the README picture's default path (`--shot` overrides it).
 */
export async function runSidebarSession({ name, shot, writeWorkspace, steps }) {
  const args = Object.fromEntries(process.argv.slice(2).map((a) => /^--([^=]+)(?:=(.*))?$/.exec(a)).filter(Boolean).map((m) => [m[1], m[2] ?? true]));
  const timeoutSec = Number(args.timeout ?? 240);
  const shotFile = path.resolve(repoRoot, typeof args.shot === 'string' ? args.shot : shot);
  const shotDir = path.join(repoRoot, 'test-results', 'screenshots', name);
  const missing = missingPrerequisite();
  if (missing) {
    console.error(`${name}.mjs: ${missing}`);
    process.exit(2);
  }
  if (!fs.existsSync(path.join(repoRoot, 'out', 'client', 'extension.js'))) {
    console.error(`${name}.mjs: no out/client/extension.js: run npm run build`);
    process.exit(2);
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `handoff-${name}-`));
  const ws = path.join(tmp, 'workspace');
  const deadline = Date.now() + timeoutSec * 1000;
  const log = (m) => console.log(`[${name}] ${m}`);
  let server;
  let browser;
  let passed = 0;
  let failed = 0;

  const session = {
    tmp,
    ws,
    log,
    page: undefined,
    /** Time left for one wait: the overall deadline, at most `cap` ms. */
    left: (cap = 30000) => Math.max(1000, Math.min(cap, deadline - Date.now())),
    /** The pane of a view in the sidebar, by its title. */
    pane: (title) => session.page.locator('.sidebar .pane', { has: session.page.locator('.pane-header', { hasText: new RegExp(`^\\s*${title}`, 'i') }) }),
    row: (title, text) => session.pane(title).locator('.monaco-list-row', { hasText: text }).first(),
    /** Opens the workbench on `folder` (the workspace by default) with the extension loaded. */
    async open(folder) {
      await session.page.goto(server.url({ ...(folder ? { folder } : {}), payload: [['extensionDevelopmentPath', server.remote(repoRoot)]] }), { timeout: session.left(60000) });
      await session.page.locator('.monaco-workbench').waitFor({ timeout: session.left(60000) });
    },
    /** Drags the sidebar's edge so it is `width` pixels wide (for the pictures). */
    async widenSidebar(width) {
      const box = await session.page.locator('.part.sidebar').boundingBox();
      if (!box) return;
      await session.page.mouse.move(box.x + box.width - 1, box.y + 300);
      await session.page.mouse.down();
      await session.page.mouse.move(box.x + width, box.y + 300, { steps: 8 });
      await session.page.mouse.up();
    },
    /** The README picture: the mouse parked away and hovers gone first. */
    async pictureShot(label) {
      await session.page.mouse.move(1300, 820);
      await session.page.locator('.monaco-hover, .workbench-hover-container').first().waitFor({ state: 'hidden', timeout: session.left() }).catch(() => {});
      fs.mkdirSync(path.dirname(shotFile), { recursive: true });
      await session.page.screenshot({ path: shotFile, timeout: 15000 });
      log(`  ${label} screenshot: ${path.relative(repoRoot, shotFile)}`);
    },
    async step(id, title, fn) {
      const t0 = Date.now();
      try {
        await fn();
        passed++;
        log(`ok   ${title} (${Date.now() - t0} ms)`);
        await screenshot(id);
      } catch (e) {
        failed++;
        log(`FAIL ${title}\n       ${String(e.message).split('\n').slice(0, 6).join('\n       ')}`);
        await screenshot(`${id}-FAILED`);
        throw e;
      }
    },
  };

  async function screenshot(id) {
    if (!session.page) return;
    fs.mkdirSync(shotDir, { recursive: true });
    await session.page.screenshot({ path: path.join(shotDir, `${id}.png`), timeout: 15000 }).catch(() => {});
  }

  async function cleanup() {
    if (browser) await withTimeout(browser.close().catch(() => {}), 10000);
    await server?.stop();
    if (!args.keep) fs.rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }

  const watchdog = setTimeout(() => {
    console.error(`[${name}] over the time limit of ${timeoutSec} s`);
    void cleanup().finally(() => process.exit(1));
  }, timeoutSec * 1000 + 10000);
  watchdog.unref();

  let code = 1;
  try {
    writeWorkspace(ws);
    const userDataDir = path.join(tmp, 'user-data');
    writeUserSettings(userDataDir, { 'workbench.colorTheme': 'Default Light Modern' });
    server = new CodeServer({ port: await freePort(), userDataDir, extensionsDir: path.join(tmp, 'extensions'), configPath: path.join(tmp, 'config.yaml'), folder: ws });
    await server.start(Math.min(deadline, Date.now() + 60000));
    browser = await launchChromium({ headed: Boolean(args.headed) });
    session.page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await session.open();
    await steps(session);
    code = failed ? 1 : 0;
  } catch (e) {
    if (!failed) console.error(`[${name}] ERROR: ${e.message}`);
    if (server) console.error(server.tail(20));
  } finally {
    await cleanup();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code);
}
