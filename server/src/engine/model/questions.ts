// What a note needs to ask of git, decided from the note alone: the commit it records, the
// hashes it names, and the paths it names that the workspace does not have (git may know where
// they went). The CLI and the language server answer these through one provider, so a rule that
// needs a new fact changes this function and the provider, nothing in the front ends.
import type { WorkspaceFacts } from '../facts';
import { commitRefs } from './references';
import type { Note } from './note';
import { missingPaths, nonPaths } from './paths';

export interface FactQuestions {
  /** The commit the snapshot records, when it is written as a hash. */
  recordedCommit: string | null;
  /** Every commit hash the note names, as written. */
  commitHashes: string[];
  /** Workspace-relative paths the note names that the workspace does not have. */
  missingPaths: string[];
}

export function factQuestions(note: Note, workspace: WorkspaceFacts | null): FactQuestions {
  return {
    recordedCommit: note.fields.find((f) => f.key === 'commit' && /^[0-9a-f]{7,40}$/.test(f.value))?.value ?? null,
    commitHashes: commitRefs(note).map((h) => h.hash),
    missingPaths: workspace ? missingPaths(note, workspace, nonPaths(note)).map((m) => m.path) : [],
  };
}
