// The `handoff` command line: dispatches to one command per file in commands/. The process
// entry point is main.ts; this module only exports `main`, so that tests can run it in process.
import { lintCommand } from './commands/lint';
import { rulesCommand } from './commands/rules';
import { updateCommand } from './commands/update';
import { outlineCommand } from './commands/outline';
import { historyCommand } from './commands/history';
import type { Command, Io } from './io';
import { ConfigError } from '../project/root-configs';
import { USAGE, UsageError } from './usage';
import { VERSION } from '../version';

const COMMANDS: readonly Command[] = [lintCommand, rulesCommand, updateCommand, outlineCommand, historyCommand];

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === '-h' || name === '--help' || name === 'help') {
      io.stdout(USAGE + '\n');
      return 0;
    }
    if (name === '-v' || name === '--version') {
      io.stdout(VERSION + '\n');
      return 0;
    }
    if (name === undefined) throw new UsageError('Missing command', true);
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`Unknown command "${name}"`, true);
    return await command.run(rest, io);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof ConfigError)) throw error;
    io.stderr(`handoff: ${error.message}\n`);
    if (error instanceof UsageError && error.showUsage) io.stderr('\n' + USAGE + '\n');
    return 2;
  }
}
