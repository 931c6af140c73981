// Whether the worktree is dirty for a note's purposes: changes other than the note itself.
// Shared by worktree-state and Update Handoff.
import type { Note } from './note';
import type { GitFacts } from '../facts';

/** Whether the worktree has changes other than the note itself (editing the note is not "dirty"). */
export function dirtyBesidesNote(git: GitFacts, note: Note): boolean {
  if (!git.dirty) return false;
  if (!git.status.length) return true;
  const own = note.path?.replace(/\\/g, '/');
  return git.status.some((s) => !own || !(s.path === own || s.path.endsWith('/' + own) || own.endsWith('/' + s.path)));
}
