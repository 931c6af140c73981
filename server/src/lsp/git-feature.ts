// Git as a server feature: the facts the linter lints with, hover on commits and paths, path
// completion, the Update Handoff and New Handoff requests, and the note's own history (its
// requests, the facts of the history rules, the age of a step on hover), each built with the facts source.
import { createGitFactsSource } from './git-facts';
import { registerHistory } from './history-feature';
import { stepAgeHover } from './step-hover';
import { pathCompletion } from './path-completion';
import { commitAndPathHover } from './path-hover';
import type { Feature } from './start';
import { registerUpdateRequests } from './update-requests';

export { OUTSIDE_NOTE, RESTRICTED_NOTE } from './git-facts';

export const gitFeature: Feature = (state) => {
  const git = createGitFactsSource(state);
  // A note opened before the settings arrive gets its text findings at once; git waits for
  // them (handoff.gitPath), so it runs, and warns, once and with the right program.
  state.linter.factsSource = async (doc, result) => {
    await state.settingsRead;
    return git.factsFor(doc, result);
  };
  state.hovers.push(commitAndPathHover(state, git));
  state.completions.push(pathCompletion(git));
  registerUpdateRequests(state, git);
  const history = registerHistory(state, git);
  git.historyFacts = (file) => history.factsFor(file);
  state.hovers.push(stepAgeHover(history));
  return {
    onTrustChanged: () => git.onTrustChanged(),
    onSettingsChanged: () => git.onSettingsChanged(),
    onFilesChanged: (paths: string[]) => git.onFilesChanged(paths),
    onConfigChanged: () => history.configChanged(),
  };
};
