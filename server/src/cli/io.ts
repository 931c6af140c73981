// What a command talks to: the working directory, the environment and the two output streams.
// Injected so that commands run the same in the process and under test.

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  /** stdout is a terminal (stylish output may use colour). */
  isTTY: boolean;
}

export interface Command {
  name: string;
  /** Runs the command; resolves to the exit code. Throws UsageError for exit 2. */
  run(args: string[], io: Io): Promise<number>;
}
