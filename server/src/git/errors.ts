// Every way git can fail us, each turned into one clear message. Public functions of this folder
// return `GitUnavailable` instead of throwing, so a caller shows it (or a hint) and moves on.
import { GitRunError, type GitOutput } from './run';

export type GitUnavailableReason =
  | 'untrusted'
  | 'git-not-found'
  | 'invalid-git-path'
  | 'not-a-repository'
  | 'dubious-ownership'
  | 'index-locked'
  | 'timeout'
  | 'aborted'
  | 'killed'
  | 'busy'
  | 'failed';

export interface GitUnavailable {
  readonly kind: 'git-unavailable';
  readonly reason: GitUnavailableReason;
  /** One sentence for a notification or hover. For dubious ownership: git's own message, verbatim. */
  readonly message: string;
  /** A page explaining the situation, when there is one. */
  readonly learnMoreUrl?: string;
}

export const SAFE_DIRECTORY_DOCS = 'https://git-scm.com/docs/git-config#Documentation/git-config.txt-safedirectory';

export function gitUnavailable(reason: GitUnavailableReason, message: string, learnMoreUrl?: string): GitUnavailable {
  return learnMoreUrl === undefined
    ? { kind: 'git-unavailable', reason, message }
    : { kind: 'git-unavailable', reason, message, learnMoreUrl };
}

export function isGitUnavailable(value: unknown): value is GitUnavailable {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'git-unavailable';
}

export const UNTRUSTED: GitUnavailable = gitUnavailable(
  'untrusted',
  'Git is not run in an untrusted workspace. Trust the workspace to enable git checks.',
);

/** A git command exited with a code its caller did not expect. */
export class GitCommandError extends Error {
  constructor(
    readonly subcommand: string,
    readonly output: GitOutput,
  ) {
    super(`git ${subcommand} exited with ${output.exitCode}`);
    this.name = 'GitCommandError';
  }
}

/** Classifies anything a git call threw; `folder` is the folder we ran git in. */
export function classifyGitFailure(error: unknown, folder: string): GitUnavailable {
  if (isGitUnavailable(error)) return error;
  if (error instanceof GitRunError) {
    switch (error.kind) {
      case 'not-found':
        return gitUnavailable(
          'git-not-found',
          `${error.message} Install git, or set the \`handoff.gitPath\` setting to the git executable.`,
        );
      case 'invalid-git-path':
        return gitUnavailable('invalid-git-path', error.message);
      case 'no-folder':
        return gitUnavailable('not-a-repository', `Not a git repository: ${folder} (folder does not exist)`);
      case 'timeout':
        return gitUnavailable('timeout', `Git did not finish in time and was stopped (${folder}).`);
      case 'aborted':
        return gitUnavailable('aborted', 'Git was cancelled.');
      case 'killed':
        return gitUnavailable('killed', `Git was stopped by a signal from outside Handoff (${folder}).`);
      case 'busy':
        return gitUnavailable('busy', `${error.message} (${folder}).`);
      default:
        return gitUnavailable('failed', `Git could not run: ${error.message}`);
    }
  }
  if (error instanceof GitCommandError) return classifyGitOutput(error.subcommand, error.output, folder);
  return gitUnavailable('failed', `Git failed: ${error instanceof Error ? error.message : String(error)}`);
}

/** Classifies a git process that exited with an unexpected code, from its stderr. */
export function classifyGitOutput(subcommand: string, output: GitOutput, folder: string): GitUnavailable {
  const stderr = output.stderr.trim();
  if (/detected dubious ownership/i.test(stderr)) {
    // Shown verbatim: git names the folder and the exact remedy. We never write safe.directory.
    return gitUnavailable('dubious-ownership', stderr, SAFE_DIRECTORY_DOCS);
  }
  if (/not a git repository/i.test(stderr)) return gitUnavailable('not-a-repository', `Not a git repository: ${folder}`);
  if (/index\.lock'?: File exists/i.test(stderr)) {
    return gitUnavailable(
      'index-locked',
      `Another git process holds the index lock in ${folder}; try again when it has finished.`,
    );
  }
  const firstLine = stderr.split('\n').find((line) => line.trim() !== '') ?? `exit code ${output.exitCode}`;
  return gitUnavailable('failed', `git ${subcommand} failed: ${firstLine}`);
}

/**
 * Results of transient failures are not cached: the next request tries again. Everything else
 * (not a repository, dubious ownership, git missing, other failures) is cached until the caller
 * invalidates, so a broken repository does not cost a git process per keystroke.
 */
export function isTransient(unavailable: GitUnavailable): boolean {
  return ['timeout', 'aborted', 'killed', 'busy', 'index-locked'].includes(unavailable.reason);
}
