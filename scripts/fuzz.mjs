#!/usr/bin/env node
// `npm run fuzz [-- --scale=N] [--seed=N]`: the reliability properties (test/reliability/
// property.test.ts) with a larger budget than CI's. CI runs them with a fixed seed and the
// budget written in the tests; here the runs are multiplied by --scale (default 20) and the seed
// is fresh each time (or --seed), printed first so that a failure can be replayed exactly.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const options = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const m = /^--(scale|seed)=(\d+(?:\.\d+)?)$/.exec(a);
    if (!m) {
      console.error(`fuzz: unknown argument ${a}; usage: npm run fuzz -- [--scale=N] [--seed=N]`);
      process.exit(2);
    }
    return [m[1], m[2]];
  }),
);
const scale = options.scale ?? '20';
const seed = options.seed ?? String(Math.floor(Math.random() * 0x7fffffff));
console.log(`fuzz: ${scale}× the CI runs, seed ${seed}`);
console.log(`fuzz: replay with  npm run fuzz -- --scale=${scale} --seed=${seed}`);
const mocha = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');
const run = spawnSync(process.execPath, [mocha, '--no-config', '--node-option', 'import=tsx', '--timeout', '0', '--reporter', 'spec', 'test/reliability/property.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, HANDOFF_FUZZ_SCALE: scale, HANDOFF_FUZZ_SEED: seed },
});
if (run.status !== 0) console.log(`fuzz: failed with seed ${seed}; replay with  npm run fuzz -- --scale=${scale} --seed=${seed}`);
process.exit(run.status ?? 1);
