// Public surface of the git layer: the server and CLI import from here only.
export { gatherGitFacts, gatherWithGaps, type GatherRequest, type Gathered } from './gather';
export { GitFactsProvider, type GitFactsProviderOptions } from './cache';
export { gitDirWatchPaths, touchedSince, type GitWatchPaths } from './watch';
export { readRepoFacts, locateRepo, type RepoFacts, type RepoLocation, type ReadRepoFactsOptions } from './facts';
export { lookupCommits, changedSince, changedSinceBase, resolveRevision, pathHistory, lastCommitDate, type LookupOptions } from './lookups';
export type { ChangeList, ChangesSinceBase } from './changes';
export type { VersionsLimit } from './note-versions';
export {
  isGitUnavailable,
  isTransient,
  classifyGitFailure,
  type GitUnavailable,
  type GitUnavailableReason,
} from './errors';
export { createGitRunner, type GitRunner, type GitRunnerOptions, type GitInvocation, type GitRequest, type GitOutput } from './run';
export { checkGitBinary } from './binary';
export { exitOnSignals } from './process-group';
export { describeBranch, describeHead, shortSha } from './render';
export { relativeToWorkspace } from './relative';
