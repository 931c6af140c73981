// Helpers for the extension-host specs: wait on VS Code events with a deadline, never sleep.
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { VscodeNext } from '../../../client/src/vscode-next';

export const EXTENSION_ID = 'handoff-notes.handoff';
export const SOURCE = 'handoff';

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test run has no workspace folder');
  return folder.uri.fsPath;
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), ...segments));
}

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** The rule id of a diagnostic: LSP `code` may arrive as a string or as {value, target}. */
export function ruleId(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function describeDiagnostics(list: vscode.Diagnostic[]): string {
  if (list.length === 0) return '(none)';
  return list.map((d) => `${d.source}/${ruleId(d)}@${d.range.start.line + 1}: ${d.message}`).join('; ');
}

/**
 * Resolves with the file's diagnostics (all sources) as soon as `accept` returns true for them,
 * checking now and on every onDidChangeDiagnostics event for that file; rejects after timeoutMs.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 30000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    let done = false;
    const check = (): boolean => {
      const list = vscode.languages.getDiagnostics(uri);
      if (!accept(list)) return false;
      done = true;
      sub.dispose();
      clearTimeout(timer);
      resolve(list);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!done && e.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      sub.dispose();
      const now = vscode.languages.getDiagnostics(uri);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics now: ${describeDiagnostics(now)}`));
    }, timeoutMs);
    check();
  });
}

/**
 * For state that VS Code announces with no event (an extension becoming active): re-checks
 * `condition` on a short interval until it holds, rejecting after timeoutMs.
 */
export function waitUntil(condition: () => boolean, what: string, timeoutMs = 30000, everyMs = 50): Promise<void> {
  return new Promise((resolve, reject) => {
    if (condition()) return resolve();
    const started = Date.now();
    const timer = setInterval(() => {
      if (condition()) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }
    }, everyMs);
  });
}

/** Replaces the whole text of an open document (unsaved), e.g. to restore a fixture. */
export async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  if (doc.getText() === text) return;
  const edit = new vscode.WorkspaceEdit();
  const all = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  edit.replace(doc.uri, all, text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not reset ${doc.uri.fsPath}`);
}

/** Fake secrets built at run time (no token-shaped literal in the source). */
export function fakeToken(seed: number, length: number): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out += chars[(s >>> 16) % chars.length];
  }
  return out;
}

/** Calls a tool as an agent would and returns its text parts. */
export async function invokeTool(name: string, input: object): Promise<string> {
  const lm = (vscode as unknown as VscodeNext).lm;
  assert.ok(lm?.invokeTool, `VS Code ${vscode.version} has vscode.lm.invokeTool`);
  const result = await lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((p) => (p && typeof p === 'object' && 'value' in p ? String((p as { value: unknown }).value) : '')).join('');
}

