// The seam where git facts enter the CLI. The git layer (server/src/git) will gather them for a
// note; until it is wired in, the CLI lints without git and the rules that need git step aside.
import type { GitFacts } from '../engine';
import type { Target } from './files';

export async function gitFactsFor(_target: Target, _text: string): Promise<GitFacts | null> {
  return null;
}
