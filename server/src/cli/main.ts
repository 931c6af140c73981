// Entry point of the `handoff` executable (bundled to out/cli/handoff.js, loaded by bin/handoff.js).
import { exitOnSignals } from '../git';
import { main } from './cli';
import type { Io } from './io';

const io: Io = {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
};

exitOnSignals();
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`handoff: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
