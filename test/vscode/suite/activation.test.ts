// The extension is installed, activates with a window whose workspace holds a handoff note (or
// on the first Markdown file opened elsewhere) and registers its commands.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ClientTimings, HandoffApi } from '../../../client/src/extension';
import { EXTENSION_ID, openInEditor, ours, waitForDiagnostics, waitUntil, workspaceRoot, workspaceUri } from './util';

/**
 * Where the time from opening a note to its first diagnostics went, from the extension's and the
 * server's own timings, as ms after `t0` (when the test opened the note) on this host's clock.
 */
function breakdown(t: ClientTimings, t0: number, uri: vscode.Uri, cold: boolean): string {
  // Negative: before the note was opened (the extension started with the window).
  const ms = (x: number) => `${Math.round(x)} ms`;
  const parts: string[] = [];
  if (cold) {
    parts.push(`bundle evaluated in ${ms(t.loaded - t.loadStarted)} (at ${ms(t.loadStarted - t0)})`, `activate() ${ms(t.activateMs)} (at ${ms(t.activated - t0)})`);
    if (t.clientStarted !== null) parts.push(`server answered initialize at ${ms(t.activated + t.clientStarted - t0)}`);
  }
  const told = t.documentOpened[uri.toString()];
  if (told !== undefined) parts.push(`the editor gave the extension the document at ${ms(told - t0)}`);
  const s = t.server;
  if (s) {
    // The server's clock starts with its process: line it up with this one through the epoch.
    const at = (x: number) => ms(s.origin + x - (performance.timeOrigin + t0));
    if (cold) parts.push(`server process started at ${at(0)}, Node ready ${ms(s.bootstrapped)} later, its bundle loaded in ${ms(s.loaded - s.bootstrapped)}, initialize at ${at(s.initialize ?? NaN)}`);
    const open = s.opens.find((o) => o.uri === uri.toString());
    if (open?.published != null) {
      parts.push(`didOpen at ${at(open.opened)} → text findings ${ms(open.published - open.opened)} (configuration ${ms(open.configMs ?? 0)}, waiting for the thread ${ms((open.linting ?? open.opened) - open.opened - (open.configMs ?? 0))}, lint ${ms(open.lintMs ?? 0)})`);
      if (open.settled != null) parts.push(`git facts in ${ms(open.settled - open.published)} after`);
    }
    const got = t.diagnosticsReceived[uri.toString()];
    if (got !== undefined) parts.push(`the extension got the first diagnostics at ${ms(got - t0)}`);
    if (cold && s.scanStarted !== null) parts.push(`workspace scan started at ${at(s.scanStarted)}`);
  }
  return parts.join('; ');
}

/**
 * Shows `doc` and waits for its first diagnostics at once (the squiggle shows once both are
 * done, so neither's time is added to the other's): when each happened, in ms after `t0`.
 */
async function showAndDiagnose(doc: vscode.TextDocument, t0: number, what: string): Promise<[number, number]> {
  let shown = NaN;
  let diagnosed = NaN;
  await Promise.all([
    vscode.window.showTextDocument(doc, { preview: false }).then(() => (shown = performance.now() - t0)),
    waitForDiagnostics(doc.uri, () => ours(doc.uri).length > 0, what, 60000).then(() => (diagnosed = performance.now() - t0)),
  ]);
  return [shown, diagnosed];
}

/** Whether the suite runs in a workspace that holds a handoff note (the default fixture). */
const holdsHandoff = (): boolean => existsSync(workspaceUri('HANDOFF.md').fsPath);

describe('activation', () => {
  before(function () {
    if (!holdsHandoff()) this.skip();
  });

  it('runs in a trusted workspace', () => {
    assert.equal(vscode.workspace.isTrusted, true);
  });

  it(`finds the extension ${EXTENSION_ID}`, () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed; installed: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ') || '(none but built-ins)'}`);
  });

  it('activates with the window, before any note is opened, in a workspace that holds HANDOFF.md', async () => {
    const ext = vscode.extensions.getExtension<HandoffApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    // The manifest's workspaceContains events, as case-insensitive as the default globs.
    await waitUntil(() => ext.isActive, `${EXTENSION_ID} to activate on workspaceContains (HANDOFF.md)`, 30000);
    const root = workspaceRoot();
    const opened = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file' && d.uri.fsPath.startsWith(root));
    assert.deepEqual(opened.map((d) => d.uri.fsPath), [], 'no note of the workspace was opened before the extension activated');
  });

  it('prints the time from opening the window\'s first note to its diagnostics', async () => {
    const ext = vscode.extensions.getExtension<HandoffApi>(EXTENSION_ID)!;
    const t0 = performance.now();
    const doc = await vscode.workspace.openTextDocument(workspaceUri('HANDOFF.md'));
    assert.equal(doc.languageId, 'markdown');
    const [shown, first] = await showAndDiagnose(doc, t0, 'the first diagnostics of HANDOFF.md');
    // A figure, not an assertion (machines are noisy): a new window's time to the first squiggle.
    console.log(`figure: new window (the extension started with it): open the first note → first diagnostics ${first.toFixed(0)} ms (the editor showed the note at ${shown.toFixed(0)} ms)`);
    console.log(`figure: new window, where the time went: ${breakdown(await ext.exports.timings(), t0, doc.uri, true)}`);
  });

  it('prints the time from opening a note to its diagnostics with the extension active', async () => {
    const t0 = performance.now();
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Session Handoff\n\n## Snapshot\n\n- Date: 2026-13-45\n' });
    const [shown, diagnosed] = await showAndDiagnose(doc, t0, 'the diagnostics of a new note');
    console.log(`figure: active window: open → first diagnostics ${diagnosed.toFixed(0)} ms (the editor showed the note at ${shown.toFixed(0)} ms)`);
    const api = vscode.extensions.getExtension<HandoffApi>(EXTENSION_ID)!.exports;
    console.log(`figure: active window, where the time went: ${breakdown(await api.timings(), t0, doc.uri, false)}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('registers its commands', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    const missing = ['handoff.restartServer', 'handoff.showOutput', 'handoff.fixAll'].filter((c) => !all.has(c));
    assert.deepEqual(missing, [], `commands not registered: ${missing.join(', ')}`);
  });
});

// Run in a workspace with no handoff note (scripts/test.sh: --workspace=test/vscode/workspace-plain):
// the extension is not active until a Markdown file is opened, and that is enough.
describe('activation on opening Markdown', () => {
  before(function () {
    if (holdsHandoff()) this.skip();
  });

  it('is not active before a Markdown file is opened, and activates when one is', async () => {
    const ext = vscode.extensions.getExtension<HandoffApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    assert.equal(ext.isActive, false, 'nothing in this workspace activates the extension before a Markdown file is opened');
    const t0 = performance.now();
    const editor = await openInEditor(workspaceUri('notes', 'todo.md'));
    assert.equal(editor.document.languageId, 'markdown');
    // Opening the file must be enough: never call ext.activate() here.
    await waitUntil(() => ext.isActive, `${EXTENSION_ID} to activate on onLanguage:markdown`, 30000);
    const active = performance.now() - t0;
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Session Handoff\n\n## Snapshot\n\n- Date: 2026-13-45\n' });
    const [, diagnosed] = await showAndDiagnose(doc, t0, 'the diagnostics of a new note');
    console.log(`figure: cold window (activated by opening Markdown): open → extension active ${active.toFixed(0)} ms, → a new note's first diagnostics ${diagnosed.toFixed(0)} ms`);
    console.log(`figure: cold window, where the time went: ${breakdown(await ext.exports.timings(), t0, doc.uri, true)}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
