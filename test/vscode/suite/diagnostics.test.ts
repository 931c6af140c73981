// The language server's diagnostics, quick fixes and Fix All, seen through the real VS Code API.
// Fixture: test/vscode/workspace/HANDOFF.md, a session handoff with a mojibake sequence and no
// "Next steps" section. Each test starts from the fixture's text (restored unsaved in the editor).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { SOURCE, openInEditor, ours, ruleId, setText, waitForDiagnostics, workspaceUri } from './util';

const has = (id: string) => (list: vscode.Diagnostic[]) => list.some((d) => d.source === SOURCE && ruleId(d) === id);
const lacks = (id: string) => (list: vscode.Diagnostic[]) => !has(id)(list);

async function codeActionsAt(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    d.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  // A provider may return bare Commands (whose `command` is a string); keep the CodeActions.
  return (actions ?? []).filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

function pickFix(actions: vscode.CodeAction[]): vscode.CodeAction | undefined {
  return actions.find((a) => a.isPreferred) ?? actions.find((a) => /^fix/i.test(a.title));
}

async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit failed for "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  assert.ok(action.edit || action.command, `code action "${action.title}" has neither an edit nor a command`);
}

describe('diagnostics', () => {
  const uri = () => workspaceUri('HANDOFF.md');
  let fixture = '';
  let editor: vscode.TextEditor;

  before(() => {
    fixture = fs.readFileSync(uri().fsPath, 'utf8');
  });

  beforeEach(async () => {
    editor = await openInEditor(uri());
    await setText(editor.document, fixture);
  });

  it('reports mojibake and the missing "Next steps" section with source "handoff"', async () => {
    const list = await waitForDiagnostics(uri(), (l) => has('mojibake')(l) && has('required-sections')(l), 'mojibake and required-sections');
    const mojibake = ours(uri()).find((d) => ruleId(d) === 'mojibake');
    assert.ok(mojibake);
    assert.match(editor.document.getText(mojibake.range), /â€/, 'the mojibake diagnostic covers the garbled text');
    assert.ok(list.filter((d) => d.source === SOURCE).length >= 2);
  });

  it('fixes mojibake with its quick fix', async () => {
    await waitForDiagnostics(uri(), has('mojibake'), 'a mojibake diagnostic');
    const d = ours(uri()).find((x) => ruleId(x) === 'mojibake');
    assert.ok(d);
    const actions = await codeActionsAt(uri(), d);
    const fix = pickFix(actions);
    assert.ok(fix, `no preferred / "Fix..." quick fix at the mojibake diagnostic; offered: ${actions.map((a) => a.title).join(' | ') || '(nothing)'}`);
    await apply(fix);
    await waitForDiagnostics(uri(), lacks('mojibake'), 'the mojibake diagnostic to go after the quick fix');
    assert.doesNotMatch(editor.document.getText(), /â€/);
  });

  it('Fix All (handoff.fixAll) removes every fixable diagnostic', async () => {
    await waitForDiagnostics(uri(), (l) => has('mojibake')(l) && has('required-sections')(l), 'the fixture diagnostics');
    // "Fixable" = offers a preferred or "Fix..." quick fix; remember those diagnostics by rule id.
    const fixable = new Set<string>();
    for (const d of ours(uri())) {
      if (pickFix(await codeActionsAt(uri(), d))) fixable.add(ruleId(d) ?? '');
    }
    assert.ok(fixable.has('mojibake'), `mojibake should be fixable; fixable: ${[...fixable].join(', ')}`);
    await vscode.window.showTextDocument(editor.document, { preview: false });
    await vscode.commands.executeCommand('handoff.fixAll');
    await waitForDiagnostics(
      uri(),
      (l) => !l.some((d) => d.source === SOURCE && fixable.has(ruleId(d) ?? '')),
      `the fixable diagnostics (${[...fixable].join(', ')}) to go after handoff.fixAll`,
    );
  });
});
