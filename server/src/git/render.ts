// How git state is written in a note's Snapshot.

export function shortSha(sha: string, length = 7): string {
  return sha.slice(0, length);
}

/** `main`, `(detached at abc1234)`, or `(no commits yet)` for an unborn HEAD with no known branch. */
export function describeBranch(state: { branch: string | null; detached: boolean; unborn: boolean; head: string | null }): string {
  if (state.detached && state.head !== null) return `(detached at ${shortSha(state.head)})`;
  if (state.branch !== null) return state.branch;
  return state.unborn ? '(no commits yet)' : '(detached)';
}

/** The full HEAD hash, or `(no commits yet)`. */
export function describeHead(state: { head: string | null }): string {
  return state.head ?? '(no commits yet)';
}
