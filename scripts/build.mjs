// One esbuild pass for every bundle: client (vscode external), server, CLI and MCP server (fully bundled),
// and the extension-host test suite. `--watch` rebuilds on change; `--production` leaves the
// source maps out.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

// `npm pack` (the npm package, and pre-commit's install of this repository) ships no source maps.
const production = process.argv.includes('--production') || process.env.npm_command === 'pack';
const watch = process.argv.includes('--watch');

// secretlint's preset reaches node-forge (a 550 KB chunk) through one dynamic import, in the gcp
// rule's .p12 branch; the secret scan never runs that rule (engine/scan/secretlint-adapter.ts), so
// the chunk stays out of every bundle: a bundle reads, hashes and compiles a quarter less at start.
// Were it ever reached, the import would fail with "Cannot find module", not run something else.
const secretlintForgeOut = {
  name: 'secretlint-forge-out',
  setup(build) {
    build.onResolve({ filter: /^\.\/index-[\w-]+\.js$/ }, (args) =>
      args.kind === 'dynamic-import' && args.importer.includes('@secretlint/secretlint-rule-preset-recommend') ? { path: args.path, external: true } : undefined,
    );
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  // Minified in every build, so what is tested and measured is what ships: half the bytes to
  // read, compile and cache at each start of the server, the CLI and the extension (the source
  // maps beside them give debuggers the sources; NODE_OPTIONS=--enable-source-maps gives stack traces).
  minify: true,
  logLevel: 'warning',
  legalComments: 'none',
  // Prefer ES module builds: jsonc-parser's UMD build requires files esbuild cannot see.
  mainFields: ['module', 'main'],
  plugins: [secretlintForgeOut],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'out/client/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'out/server/server.js' },
  // VS Code starts the server through this: server.js with V8's code cache.
  { entryPoints: ['server/src/cached-start.ts'], outfile: 'out/server/cached-start.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'out/cli/handoff.js' },
  // bin/handoff.js starts the CLI through this: handoff.js with V8's code cache.
  { entryPoints: ['server/src/cli/cached-start.ts'], outfile: 'out/cli/cached-start.js' },
  { entryPoints: ['server/src/mcp/main.ts'], outfile: 'out/mcp/handoff-mcp.js' },
  { entryPoints: ['test/vscode/suite/index.ts'], outfile: 'out/test/vscode/index.js', external: ['vscode', 'mocha'], minify: false },
].filter((e) => existsSync(e.entryPoints[0]));

if (watch) {
  for (const e of entries) (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
}
