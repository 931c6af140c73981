// Custom messages between the client and the server, declared once. Each says who sends it
// and why. The client imports this module for types only.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Position, Range, TextEdit } from 'vscode-languageserver-protocol';

/** Options the client passes at start-up. */
export interface InitializationOptions {
  /** Whether the workspace is trusted: git and other process spawning only when it is. */
  trusted: boolean;
  /** Folder for a hooks directory the server points git at (empty, owned by the extension). */
  storagePath?: string;
}

/** Editor settings (`handoff.*`); project rules live in .handoff.json. */
export interface ClientSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  gitPath: string | null;
}

export const DEFAULT_SETTINGS: ClientSettings = { enable: true, run: 'onType', gitPath: null };

/** Client → server: workspace trust was granted, so git features may start. */
export const TrustChangedNotification = new NotificationType<{ trusted: boolean }>('handoff/trustChanged');

/** Client → server ("Handoff: Fix All"): every compatible fix for a document version. */
export interface FixAllParams {
  uri: string;
  version: number;
}
export interface FixAllResult {
  version: number;
  edits: TextEdit[];
}
export const FixAllRequest = new RequestType<FixAllParams, FixAllResult | null, void>('handoff/fixAll');

/** Server → client after each lint: what the language status item shows for a note. */
export interface NoteStatusParams {
  uri: string;
  version: number | null;
  kind: 'handoff' | 'roadmap' | 'other';
  dialect: string | null;
  hygieneOnly: boolean;
  errors: number;
  warnings: number;
  infos: number;
  /** Why git checks are off, when they are ("Restricted Mode", "Not a git repository: …"). */
  gitNote: string | null;
  /**
   * The findings of this version include every fact the server gathers for it (git's answers
   * arrived, or none were wanted): clients and tests wait on this, not on a quiet spell.
   */
  settled: boolean;
}
export const NoteStatusNotification = new NotificationType<NoteStatusParams>('handoff/noteStatus');

/**
 * Client → server ("Handoff: Update Handoff", and the update language model tool): the edits
 * that bring a note up to date with git.
 */
export interface UpdateParams {
  uri: string;
  version: number;
  /** Also return the change as a unified diff (the tool's preview). */
  diff?: boolean;
}
export interface UpdateResult {
  /** The document version the edits apply to. */
  version: number;
  edits: TextEdit[];
  summary: string[];
  /** Why the update cannot be made (untrusted, not a repository, ambiguous snapshot…). */
  refused: string | null;
  /** The note changed while git ran: ask again. */
  stale?: boolean;
  /** When asked for: the change as a unified diff of the note, its secrets masked. */
  diff?: string;
}
export const UpdateRequest = new RequestType<UpdateParams, UpdateResult, void>('handoff/update');

/**
 * Client → server (the lint language model tool): the findings of an open note with git's facts
 * in (text rules only in Restricted Mode), messages masked as in diagnostics.
 */
export interface FindingsParams {
  uri: string;
}
export interface ToolFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  range: Range;
  fixable: boolean;
  docs: string;
}
export interface FindingsResult {
  /** The document version the findings are for; null when the note changed meanwhile. */
  version: number | null;
  /** 'other' when the file is not a note Handoff checks (no findings then). */
  kind: 'handoff' | 'roadmap' | 'other';
  findings: ToolFinding[];
  /** Why git checks are off, when they are. */
  gitNote: string | null;
}
export const FindingsRequest = new RequestType<FindingsParams, FindingsResult, void>('handoff/findings');

/** Client → server ("Handoff: New Handoff"): the text of a new note for a folder. */
export interface NewNoteParams {
  folderUri: string;
  /** A built-in dialect id, or 'template' for the project's template. */
  dialect: string;
}
export interface NewNoteResult {
  text: string;
  /** The dialects and template the folder offers, for the picker. */
  dialects: string[];
}
export const NewNoteRequest = new RequestType<NewNoteParams, NewNoteResult, void>('handoff/newNote');

// ---------------------------------------------------------------------------------------------
// The workspace outline: what the sidebar shows (and `handoff outline --json` prints). Ranges are
// LSP ranges (0-based lines, UTF-16 characters) in the note's text.

export interface OutlineField {
  value: string;
  range: Range;
}

export interface OutlineStep {
  text: string;
  /** The whole item; `textRange` its first line after the list marker (what a click reveals). */
  range: Range;
  textRange: Range;
  done: boolean;
  /** 1-based place in the note's recommended order. */
  order: number;
  /** The number an ordered list gives it. */
  number: number | null;
  /** The heading or label it sits under. */
  group: string;
  /** Roadmap ids it names. */
  ids: string[];
  kind: 'list' | 'table';
  /** Its "[ ]" / "[x]" when it is a task item (the checkbox toggles this range). */
  checkbox: Range | null;
  /** Where "[x] " goes to make a plain list item a task item; null when it cannot be one. */
  taskInsert: Position | null;
}

export interface OutlineRisk {
  text: string;
  range: Range;
  textRange: Range;
  group: string;
  ids: string[];
}

export interface OutlineVerify {
  command: string;
  result: string | null;
  range: Range;
}

export type OutlineStatus = 'done' | 'in-progress' | 'planned' | 'blocked' | 'dropped';

export interface OutlineRoadmapItem {
  id: string | null;
  text: string;
  range: Range;
  textRange: Range;
  status: OutlineStatus | null;
}

export interface OutlinePhase {
  title: string;
  /** The heading (the start of the note for items before the first heading). */
  range: Range;
  depth: number;
  status: OutlineStatus | null;
  /** Items done, and items that count (dropped ones do not). */
  done: number;
  total: number;
  items: OutlineRoadmapItem[];
}

/** Git facts the server holds for an open note (none in Restricted Mode or outside a repository). */
export interface OutlineGit {
  branch: string | null;
  head: string | null;
  /** The commit the note records, as written. */
  recordedCommit: string | null;
  /** Commits HEAD is ahead of the recorded commit; null when unknown. */
  ahead: number | null;
  dirty: boolean;
}

export interface FileOutline {
  uri: string;
  /** Path relative to its project root (POSIX). */
  path: string;
  kind: 'handoff' | 'roadmap' | 'other';
  dialect: string;
  title: string | null;
  /** The editor version it was read from; null when read from disk. */
  version: number | null;
  snapshot: Record<'date' | 'branch' | 'commit' | 'upstream' | 'worktree' | 'goal', OutlineField | null>;
  nextSteps: OutlineStep[];
  risks: OutlineRisk[];
  wip: OutlineRisk[];
  /** Commands of the run/verify sections, each with the result the note records next to it (`npm test` — 680 passing), or null. */
  verify?: OutlineVerify[];
  roadmap: { phases: OutlinePhase[]; done: number; total: number } | null;
  /** For a handoff: the roadmap it is checked against. */
  roadmapUri: string | null;
  /** Problem counts of the last lint (open notes: with git facts; others: text rules). */
  problems: { errors: number; warnings: number; infos: number } | null;
  git: OutlineGit | null;
}

export interface SkippedFile {
  uri: string;
  path: string;
  /** "larger than 2000000 bytes", "binary file", "cannot be read (EACCES)". */
  reason: string;
}

/** Client → server (sidebar, on start and on each change): the outline of some notes or all. */
export interface OutlineParams {
  /** These notes only; all indexed notes when absent. */
  uris?: string[];
}
export interface OutlineResult {
  files: FileOutline[];
  skipped: SkippedFile[];
  /** The first scan of the workspace is still running. */
  indexing: boolean;
}
export const OutlineRequest = new RequestType<OutlineParams, OutlineResult, void>('handoff/outline');

/** Server → client when notes were indexed, edited, added or removed (coalesced). */
export interface OutlineChangedParams {
  /** Notes whose outline changed; null: ask for everything. */
  uris: string[] | null;
  removed: string[];
  indexing: boolean;
}
export const OutlineChangedNotification = new NotificationType<OutlineChangedParams>('handoff/outlineChanged');

/**
 * When the server reached each step of its start and of the first lint of the notes opened
 * since, in ms since its process started (Node's `performance.now()`); null for a step not
 * reached yet. What the benches and the VS Code suite print as the breakdown of the time to the
 * first squiggle; the same steps go to the trace (`handoff.trace.server`).
 */
export interface ServerTimings {
  /** The process's start (`performance.timeOrigin`), ms since the epoch: lines other clocks up. */
  origin: number;
  /** Node's own start-up done: the server bundle starts loading. */
  bootstrapped: number;
  /** The server bundle loaded and evaluated: its first line of code runs. */
  loaded: number;
  /** The initialize request arrived, and was answered. */
  initialize: number | null;
  initializeAnswered: number | null;
  /** The initialized notification arrived. */
  initialized: number | null;
  /** The workspace scan (index) started and finished. */
  scanStarted: number | null;
  scanDone: number | null;
  /** The first opened notes (at most 20), in the order they were opened. */
  opens: OpenTimings[];
}

/** The first lint of one opened note. */
export interface OpenTimings {
  uri: string;
  /** didOpen arrived. */
  opened: number;
  /** Reading the project's configuration and template for it (0 when cached). */
  configMs: number | null;
  /** Its first lint started (what came before it on the server's thread delayed it). */
  linting: number | null;
  /** That lint's own cost. */
  lintMs: number | null;
  /** Its text findings were published: the first squiggle. */
  published: number | null;
  /** Git's facts arrived and the findings with them were published (or none were wanted). */
  settled: number | null;
}

/** Client (benches, tests) → server: the start and first-lint timings above. */
export const TimingsRequest = new RequestType0<ServerTimings, void>('handoff/timings');

// ---------------------------------------------------------------------------------------------
// The note's own history: the versions git holds of a handoff note (renames followed, bounded by
// `history.maxVersions` and `history.maxDays`) and how long each open next step has stood open.
// Only where git runs (a trusted workspace, notes inside its folders); computed in the background
// per HEAD, never on the typing path.

export interface HistoryParams {
  uri: string;
}
export interface HistoryVersion {
  commit: string;
  /** ISO 8601 author date. */
  date: string;
  author: string;
  subject: string;
  /** Repository-relative path of the note in that commit (renames followed). */
  path: string;
  steps: { added: string[]; done: string[]; dropped: string[] };
  risks: { added: string[]; resolved: string[] };
  /** Results recorded next to verify commands (`npm test — 680 passing`) that differ from the version before. */
  results?: Array<{ command: string; result: string; before: string | null }>;
}
export interface HistoryStep {
  text: string;
  /** 0-based line in the current text. */
  line: number;
  /** Versions in a row (newest first) in which the step stood open. */
  sessions: number;
  since: { commit: string; date: string } | null;
  /** Days since `since`; null when the step is new. */
  days: number | null;
  reopened: { commit: string; date: string; how: 'done' | 'dropped' } | null;
}
export interface HistoryResult {
  uri: string;
  /** 'ok', or why there is no history: git off/untrusted/not a repository/not a handoff note/not committed yet/git failed or timed out. */
  state: 'ok' | 'no-git' | 'untrusted' | 'not-handoff' | 'untracked' | 'error';
  message?: string;
  /** Newest first; every string masked. */
  versions: HistoryVersion[];
  /** The open steps of the current text (the open buffer, else the file). */
  steps: HistoryStep[];
  /** The project's effective `history.staleSteps`: versions in a row an open step counts as carried over. */
  staleSteps: number;
}
/** Client → server (the Timeline view, the Next Steps view's ages): a note's history. */
export const HistoryRequest = new RequestType<HistoryParams, HistoryResult, void>('handoff/history');
/** Server → client when a note's history was computed again (HEAD moved, the note was committed); the client asks again. */
export const HistoryChangedNotification = new NotificationType<{ uri: string }>('handoff/historyChanged');

export interface NoteVersionParams {
  uri: string;
  commit: string;
}
/**
 * Client → server (the read-only content provider the diff editor opens): the note's text in that
 * commit (at the path it had there), masked; null when git has no such version.
 */
export const NoteVersionRequest = new RequestType<NoteVersionParams, { text: string } | null, void>('handoff/noteVersion');
