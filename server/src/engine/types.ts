// Core vocabulary of the engine. Offsets are UTF-16 code-unit offsets into the note's text
// (JavaScript string indices), which is exactly what LSP positions count.

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A replacement of text[start, end) by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fix?: Fix;
  /** Other edits offered one by one as quick fixes, never applied by Fix All or `--fix`. */
  suggestions?: Fix[];
}

export type NoteKind = 'handoff' | 'roadmap' | 'other';

export type Role =
  | 'snapshot'
  | 'status'
  | 'changes'
  | 'wip'
  | 'decisions'
  | 'analysis'
  | 'verify'
  | 'risks'
  | 'next'
  | 'notes';

export const ROLES: readonly Role[] = [
  'snapshot', 'status', 'changes', 'wip', 'decisions', 'analysis', 'verify', 'risks', 'next', 'notes',
];

export type FieldKey = 'date' | 'branch' | 'commit' | 'upstream' | 'worktree' | 'goal';
