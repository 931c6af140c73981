#!/usr/bin/env node
// `npm run package`: a production build (minified, no source maps) and the .vsix made from it
// with @vscode/vsce, then the sizes of the package and of the bundles in it.
//
//   node scripts/package.mjs [--out FILE] [--no-build]
//
// --out       where to write the .vsix (default: handoff-<version>.vsix in the repository)
// --no-build  package out/ as it is (for callers that just built it)
//
// Note: the production build replaces the development bundles in out/ (run `npm run build`
// to get the source-mapped ones back).
//
// What goes into the package is decided by .vscodeignore (an allowlist). vsce is called with:
//   --no-dependencies  esbuild bundles every dependency; there is no node_modules to ship.
//   --allow-package-secrets database-connection-string
//                      vsce scans the packaged files with secretlint and refuses to package
//                      when it finds something shaped like a credential. The server bundle
//                      carries the documentation examples of the no-secrets rule (a made-up
//                      `postgres://app:…@db.internal` URL that the rule must flag), which the
//                      scan reports as a "database-connection-string". This is vsce's
//                      supported way to allow that one kind of finding; any other kind still
//                      stops the packaging, unlike --allow-package-all-secrets.
//   --skip-license     only while the repository has no LICENSE file (vsce would ask on stdin).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Secret kinds (secretlint rule names, as vsce prints them) that the bundles legitimately contain. */
export const ALLOWED_SECRET_KINDS = ['database-connection-string'];

/** The bundles the .vsix ships, relative to the repository (see .vscodeignore). */
export const BUNDLES = ['out/client/extension.js', 'out/server/server.js', 'out/server/cached-start.js', 'out/mcp/handoff-mcp.js'];

function run(cmd, args, { cwd = repoRoot, timeoutMs = 180000, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (b) => {
      out += b;
      if (!quiet) process.stdout.write(b);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      reject(new Error(`${path.basename(args[0] ?? cmd)} timed out after ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${[path.basename(cmd), ...args.map((a) => path.relative(repoRoot, a) || a)].join(' ')} failed (${signal ?? `exit code ${code}`})${quiet ? `\n${out.trim()}` : ''}`));
    });
  });
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/**
 * Builds (unless build is false) and packages the extension. Returns the .vsix path and sizes.
 * quiet: print nothing (the tools' output is included in the error when one fails).
 */
export async function packageExtension({ out, build = true, quiet = false } = {}) {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const vsix = path.resolve(out ?? path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`));
  if (build) await run(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs'), '--production'], { quiet });
  for (const b of BUNDLES) {
    if (!fs.existsSync(path.join(repoRoot, b))) throw new Error(`${b} is missing: the build did not produce it`);
  }
  fs.mkdirSync(path.dirname(vsix), { recursive: true });
  const hasLicense = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some((f) => fs.existsSync(path.join(repoRoot, f)));
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  await run(process.execPath, [
    vsce, 'package',
    '--no-dependencies',
    '--allow-package-secrets', ...ALLOWED_SECRET_KINDS,
    ...(hasLicense ? [] : ['--skip-license']),
    '--out', vsix,
  ], { quiet });
  const bundles = Object.fromEntries(BUNDLES.map((b) => [b, fs.statSync(path.join(repoRoot, b)).size]));
  return { vsix, size: fs.statSync(vsix).size, bundles, version: manifest.version };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  let out;
  let build = true;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out') out = args[++i];
    else if (args[i].startsWith('--out=')) out = args[i].slice(6);
    else if (args[i] === '--no-build') build = false;
    else {
      console.error(`package.mjs: unexpected argument ${args[i]}\nusage: node scripts/package.mjs [--out FILE] [--no-build]`);
      process.exit(2);
    }
  }
  try {
    const r = await packageExtension({ out, build });
    console.log(`\n${path.relative(process.cwd(), r.vsix) || r.vsix}: ${mb(r.size)} (${r.size} bytes)`);
    for (const [b, size] of Object.entries(r.bundles)) console.log(`  ${b}: ${kb(size)} minified`);
    const limit = 1.5 * 1024 * 1024;
    if (r.size > limit) console.warn(`warning: the .vsix is over ${mb(limit)}: check .vscodeignore and the bundles`);
  } catch (e) {
    console.error(`package.mjs: ${e.message}`);
    process.exit(1);
  }
}
