// The history messages as the server will declare them in server/src/protocol.ts (replaced by
// imports from there once they land).
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

export interface HistoryParams { uri: string }
export interface HistoryVersion {
  commit: string; date: string; author: string; subject: string;
  path: string;
  steps: { added: string[]; done: string[]; dropped: string[] };
  risks: { added: string[]; resolved: string[] };
  results?: Array<{ command: string; result: string; before: string | null }>;
}
export interface HistoryStep {
  text: string; line: number;
  sessions: number; since: { commit: string; date: string } | null; days: number | null;
  reopened: { commit: string; date: string; how: 'done' | 'dropped' } | null;
}
export interface HistoryResult {
  uri: string;
  state: 'ok' | 'no-git' | 'untrusted' | 'not-handoff' | 'untracked' | 'error';
  message?: string;
  versions: HistoryVersion[];
  steps: HistoryStep[];
}
export const HistoryRequest = new RequestType<HistoryParams, HistoryResult, void>('handoff/history');
export const HistoryChangedNotification = new NotificationType<{ uri: string }>('handoff/historyChanged');
export interface NoteVersionParams { uri: string; commit: string }
export const NoteVersionRequest = new RequestType<NoteVersionParams, { text: string } | null, void>('handoff/noteVersion');
