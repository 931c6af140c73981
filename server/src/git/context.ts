// What the readers in this folder share: a runner, the repository root they run in, a signal.
import { GitCommandError, classifyGitFailure, type GitUnavailable } from './errors';
import type { GitOutput, GitRunner } from './run';

export interface GitContext {
  runner: GitRunner;
  /** Absolute repository root (or, before it is known, the folder to ask about). */
  root: string;
  signal?: AbortSignal;
}

/** Runs git in `ctx.root`; exit codes outside `okExitCodes` (default [0]) throw GitCommandError. */
export async function git(
  ctx: GitContext,
  args: readonly string[],
  options: { input?: string; okExitCodes?: readonly number[] } = {},
): Promise<GitOutput> {
  const output = await ctx.runner.run({ args, cwd: ctx.root, input: options.input, signal: ctx.signal });
  if (!(options.okExitCodes ?? [0]).includes(output.exitCode)) throw new GitCommandError(args[0] ?? '', output);
  return output;
}

/** Runs `work`, turning any failure into a GitUnavailable about `folder`. */
export async function guarded<T>(folder: string, work: () => Promise<T>): Promise<T | GitUnavailable> {
  try {
    return await work();
  } catch (error) {
    return classifyGitFailure(error, folder);
  }
}
