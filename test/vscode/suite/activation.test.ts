// The extension is installed, activates on a Markdown file and registers its commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClientTimings, HandoffApi } from '../../../client/src/extension';
import { EXTENSION_ID, openInEditor, ours, waitForDiagnostics, waitUntil, workspaceUri } from './util';

/**
 * Where the time from opening a note to its first diagnostics went, from the extension's and the
 * server's own timings, as ms after `t0` (when the test opened the note) on this host's clock.
 */
function breakdown(t: ClientTimings, t0: number, uri: vscode.Uri, cold: boolean): string {
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

describe('activation', () => {
  it('runs in a trusted workspace', () => {
    assert.equal(vscode.workspace.isTrusted, true);
  });

  it(`finds the extension ${EXTENSION_ID}`, () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed; installed: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ') || '(none but built-ins)'}`);
  });

  it('activates when a Markdown file of the workspace is opened', async () => {
    const ext = vscode.extensions.getExtension<HandoffApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    const t0 = performance.now();
    const editor = await openInEditor(workspaceUri('HANDOFF.md'));
    assert.equal(editor.document.languageId, 'markdown');
    // Opening the file must be enough: never call ext.activate() here.
    await waitUntil(() => ext.isActive, `${EXTENSION_ID} to activate on onLanguage:markdown`, 30000);
    const active = performance.now() - t0;
    await waitForDiagnostics(editor.document.uri, () => ours(editor.document.uri).length > 0, 'the first diagnostics of HANDOFF.md', 60000);
    // A figure, not an assertion (machines are noisy): the cold window's time to the first squiggle.
    const first = performance.now() - t0;
    const timings = await ext.exports.timings();
    console.log(`figure: cold window: open → extension active ${active.toFixed(0)} ms, → first diagnostics ${first.toFixed(0)} ms`);
    console.log(`figure: cold window, where the time went: ${breakdown(timings, t0, editor.document.uri, true)}`);
  });

  it('prints the time from opening a note to its diagnostics with the extension active', async () => {
    const t0 = performance.now();
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Session Handoff\n\n## Snapshot\n\n- Date: 2026-13-45\n' });
    // The squiggle shows once both the editor is up and the diagnostics are in: wait for both at
    // once, so neither's time is added to the other's.
    let shown = NaN;
    let diagnosed = NaN;
    await Promise.all([
      vscode.window.showTextDocument(doc).then(() => (shown = performance.now() - t0)),
      waitForDiagnostics(doc.uri, () => ours(doc.uri).length > 0, 'the diagnostics of a new note', 60000).then(() => (diagnosed = performance.now() - t0)),
    ]);
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
