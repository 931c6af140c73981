#!/usr/bin/env node
// `npm start`: the extension in a real VS Code in your browser, on a demo workspace.
//
//   node scripts/demo.mjs [--port N] [--no-package]
//
// 1. production build and .vsix (scripts/package.mjs; --no-package reuses handoff-<version>.vsix)
// 2. code-server (bash scripts/vscode-setup.sh: once per machine, into .cache/vscode)
// 3. a fresh .cache/demo/: the .vsix installed into extensions/, empty user-data/, and
//    workspace/, a small git repository whose HANDOFF.md has drifted (scripts/demo-workspace.mjs)
// 4. code-server on loopback (port 8080, or a free one when 8080 is taken), no password,
//    no telemetry or update checks, workspace trust off; prints the URL to open.
// Ctrl+C stops code-server and everything it started (its process group).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeServer, freePort, installVsix, missingPrerequisite, repoRoot, writeUserSettings,
} from '../test/vscode/code-server.mjs';
import { createDemoWorkspace, DEMO_NOTE } from './demo-workspace.mjs';
import { packageExtension } from './package.mjs';

const demoDir = path.join(repoRoot, '.cache', 'demo');

function parseArgs(argv) {
  const opts = { port: 8080, package: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port') opts.port = Number(argv[++i]);
    else if (a.startsWith('--port=')) opts.port = Number(a.slice(7));
    else if (a === '--no-package') opts.package = false;
    else {
      console.error(`demo.mjs: unexpected argument ${a}\nusage: node scripts/demo.mjs [--port N] [--no-package]`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 1 || opts.port > 65535) {
    console.error('demo.mjs: --port needs a port number');
    process.exit(2);
  }
  return opts;
}

const step = (msg) => console.log(`\n[demo] ${msg}`);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const vsixPath = path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);

  if (opts.package) {
    step('production build and .vsix');
    const r = await packageExtension({ out: vsixPath, quiet: true });
    console.log(`[demo] ${path.basename(r.vsix)}: ${(r.size / 1024).toFixed(0)} KB`);
  } else if (!fs.existsSync(vsixPath)) {
    throw new Error(`${path.basename(vsixPath)} does not exist: run without --no-package`);
  }

  step('code-server (installed once per machine into .cache/vscode)');
  const setup = spawnSync('bash', [path.join(repoRoot, 'scripts', 'vscode-setup.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) throw new Error('scripts/vscode-setup.sh failed');
  const missing = missingPrerequisite();
  if (missing) throw new Error(missing);

  step(`fresh demo folder: ${path.relative(process.cwd(), demoDir) || demoDir}`);
  fs.rmSync(demoDir, { recursive: true, force: true });
  const userDataDir = path.join(demoDir, 'user-data');
  const extensionsDir = path.join(demoDir, 'extensions');
  const configPath = path.join(demoDir, 'config.yaml');
  writeUserSettings(userDataDir);
  await installVsix({ vsix: vsixPath, userDataDir, extensionsDir, configPath });
  console.log(`[demo] installed ${path.basename(vsixPath)} into ${path.relative(repoRoot, extensionsDir)}`);
  const ws = createDemoWorkspace(path.join(demoDir, 'workspace'));
  console.log(`[demo] workspace ${path.relative(repoRoot, ws.dir)}: a git repository with ${ws.commits.length} commits`);

  const port = await freePort(opts.port);
  if (port !== opts.port) console.log(`[demo] port ${opts.port} is taken; using ${port}`);
  const server = new CodeServer({ port, userDataDir, extensionsDir, configPath, folder: ws.dir, trust: true });

  let stopping = false;
  const stop = async (why, code) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[demo] ${why}: stopping code-server`);
    await server.stop();
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void stop(sig, 0));
  process.on('exit', () => server.killNow());

  step('starting code-server');
  await server.start(Date.now() + 60000);
  fs.writeFileSync(path.join(demoDir, 'code-server.log'), server.log.join(''));
  const url = server.url();
  console.log(`
  Handoff demo: open this in your browser
      ${url}

  Then open ${DEMO_NOTE} from the explorer: squiggles for a missing section, a mojibake dash, a
  numbering slip, a stale branch and commit, a moved path and an npm script that does not exist.
  Put the cursor on one and press Ctrl+. for its fix; F1 runs "Handoff: Update Handoff" (refresh
  the snapshot from git) and "Handoff: Fix All".
  code-server's output: ${path.relative(process.cwd(), path.join(demoDir, 'code-server.log'))}
  Press Ctrl+C to stop.
`);
  // Keep the log file current, and leave when code-server does.
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      fs.writeFileSync(path.join(demoDir, 'code-server.log'), server.log.join(''));
      if (server.exited) {
        clearInterval(timer);
        resolve();
      }
    }, 1000);
  });
  if (!stopping) {
    console.error(`[demo] code-server exited (${JSON.stringify(server.exited)}); last lines:\n${server.tail(20)}`);
    await server.stop();
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(`[demo] ERROR: ${e.message}`);
  process.exit(1);
});
