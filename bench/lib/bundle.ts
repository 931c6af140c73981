// A bench-only bundle of the server or CLI, built from source into a temp folder with the same
// esbuild options as scripts/build.mjs, plus mainFields module-first: jsonc-parser's UMD entry
// requires './impl/format' at run time, which esbuild cannot follow, so a main-first bundle
// fails to start ("Cannot find module './impl/format'"). Used only when asked (--bundle), to
// bench the code while out/ is missing or broken.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './engine';

export async function benchBundle(entry: 'server' | 'cli' | string): Promise<string> {
  const esbuild = await import('esbuild');
  const source = entry === 'server' ? 'server/src/server.ts' : entry === 'cli' ? 'server/src/cli/main.ts' : entry;
  const outfile = join(mkdtempSync(join(tmpdir(), 'handoff-bench-bundle-')), entry === 'cli' ? 'handoff.js' : source.split('/').pop()!.replace(/\.ts$/, '.js'));
  await esbuild.build({
    entryPoints: [join(ROOT, source)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: false,
    minify: false,
    logLevel: 'warning',
    legalComments: 'none',
    mainFields: ['module', 'main'],
  });
  return outfile;
}
