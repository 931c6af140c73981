// Custom messages between the client and the server, declared once. Each says who sends it
// and why. The client imports this module for types only.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { TextEdit } from 'vscode-languageserver-protocol';

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
}
export const NoteStatusNotification = new NotificationType<NoteStatusParams>('handoff/noteStatus');

/** Client → server ("Handoff: Update Handoff"): the edits that bring a note up to date with git. */
export interface UpdateParams {
  uri: string;
  version: number;
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
}
export const UpdateRequest = new RequestType<UpdateParams, UpdateResult, void>('handoff/update');

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
