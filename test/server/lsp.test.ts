import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeActionRequest, CompletionRequest, DocumentSymbolRequest, FoldingRangeRequest, type CodeAction, type CompletionItem, type TextEdit } from 'vscode-languageserver-protocol';
import { TestClient } from './client';

const BROKEN = `# Session Handoff

## Snapshot

- Date: 2025-12-14
- Branch / commit: \`main\` (HEAD)
- Goal of the session: Ship â€” fast.

## What changed

- \`src/app.ts\`

## Next steps (recommended order)

1. Ship.
3. Celebrate.
`;

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe('language server over stdio', function () {
  this.timeout(30000);
  let dir: string;
  let client: TestClient;
  const uri = () => 'file://' + join(dir, 'HANDOFF.md');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'handoff-lsp-'));
    writeFileSync(join(dir, 'HANDOFF.md'), BROKEN);
    client = new TestClient();
  });
  afterEach(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('declares incremental sync, UTF-16 positions and the features', async () => {
    const result = await client.initialize(dir);
    const caps = result.capabilities;
    assert.equal(caps.positionEncoding, 'utf-16');
    assert.deepEqual(caps.textDocumentSync && typeof caps.textDocumentSync === 'object' ? caps.textDocumentSync.change : null, 2);
    assert.ok(caps.codeActionProvider);
    assert.ok(caps.completionProvider);
    assert.equal(caps.documentSymbolProvider, true);
  });

  it('publishes diagnostics on open with source, code and doc link', async () => {
    await client.initialize(dir);
    await client.open(uri(), BROKEN);
    const p = await client.diagnostics(uri(), (p) => p.diagnostics.length > 0);
    const rules = p.diagnostics.map((d) => d.code).sort();
    assert.deepEqual(rules, ['list-numbering', 'mojibake', 'required-sections', 'required-sections', 'required-sections'].sort());
    const moji = p.diagnostics.find((d) => d.code === 'mojibake')!;
    assert.equal(moji.source, 'handoff');
    assert.deepEqual(moji.range, { start: { line: 6, character: 28 }, end: { line: 6, character: 31 } });
    assert.match(moji.codeDescription!.href, /docs\/rules\/mojibake\.md$/);
    assert.equal(p.version, 1);
  });

  it('re-lints on incremental change and drops stale versions', async () => {
    await client.initialize(dir);
    await client.open(uri(), BROKEN);
    await client.diagnostics(uri(), (p) => p.version === 1);
    // Versions 2..6 in quick succession: only the latest may be published after them.
    for (let v = 2; v <= 6; v++) {
      await client.change(uri(), v, [{ range: { start: { line: 6, character: 28 }, end: { line: 6, character: 31 } }, text: v % 2 ? '—' : 'â€”' }]);
    }
    const last = await client.diagnostics(uri(), (p) => p.version === 6);
    assert.ok(last.diagnostics.some((d) => d.code === 'mojibake'));
    assert.ok(!client.published.some((p) => p.version !== undefined && p.version > 1 && p.version < 6), 'stale versions were published');
    await client.change(uri(), 7, [{ range: { start: { line: 6, character: 28 }, end: { line: 6, character: 31 } }, text: '—' }]);
    const fixed = await client.diagnostics(uri(), (p) => p.version === 7);
    assert.ok(!fixed.diagnostics.some((d) => d.code === 'mojibake'));
  });

  it('offers a quick fix that applies cleanly, fix-all, and disable actions', async () => {
    await client.initialize(dir);
    await client.open(uri(), BROKEN);
    const p = await client.diagnostics(uri(), (p) => p.diagnostics.length > 0);
    const moji = p.diagnostics.find((d) => d.code === 'mojibake')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri() }, range: moji.range, context: { diagnostics: [moji] } })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Repair to "—"'), titles.join(', '));
    assert.ok(titles.includes('Disable "mojibake" for this line'));
    assert.ok(titles.includes('Disable "mojibake" for this file'));
    const fix = actions.find((a) => a.title === 'Repair to "—"')!;
    assert.equal(fix.isPreferred, true);
    const change = (fix.edit!.documentChanges![0] as { edits: TextEdit[]; textDocument: { version: number } });
    assert.equal(change.textDocument.version, 1);
    const fixed = applyEdits(BROKEN, change.edits);
    assert.equal(fixed, BROKEN.replace('â€”', '—'));

    const all = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri() }, range: moji.range, context: { diagnostics: [], only: ['source.fixAll.handoff'] } })) as CodeAction[];
    assert.equal(all.length, 1);
    const allText = applyEdits(BROKEN, (all[0].edit!.documentChanges![0] as { edits: TextEdit[] }).edits);
    assert.ok(allText.includes('2. Celebrate.'));
    assert.ok(allText.includes('## Known issues / risks'));
    assert.ok(!allText.includes('â€”'));

    const disable = actions.find((a) => a.title === 'Disable "mojibake" for this line')!;
    const disabled = applyEdits(BROKEN, (disable.edit!.documentChanges![0] as { edits: TextEdit[] }).edits);
    await client.change(uri(), 2, [{ text: disabled }]);
    const after = await client.diagnostics(uri(), (p) => p.version === 2);
    assert.ok(!after.diagnostics.some((d) => d.code === 'mojibake'));
  });

  it('completes the next missing section heading in schema order', async () => {
    await client.initialize(dir);
    const text = BROKEN.replace('## Next steps', '## \n\n## Next steps');
    await client.open(uri(), text);
    await client.diagnostics(uri());
    const line = text.split('\n').indexOf('## ');
    const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri() }, position: { line, character: 3 } })) as CompletionItem[];
    assert.equal(items[0].label, '## Decisions (and links)');
    assert.deepEqual(items.map((i) => i.label), ['## Decisions (and links)', '## How to run / verify', '## Known issues / risks', '## Notes']);
  });

  it('gives document symbols and folding by section, and [] on close', async () => {
    await client.initialize(dir);
    await client.open(uri(), BROKEN);
    await client.diagnostics(uri());
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri() } })) as Array<{ name: string; children: Array<{ name: string }> }>;
    assert.equal(symbols[0].name, 'Session Handoff');
    assert.deepEqual(symbols[0].children.map((c) => c.name), ['Snapshot', 'What changed', 'Next steps (recommended order)']);
    const folds = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: uri() } })) as Array<{ startLine: number }>;
    assert.deepEqual(folds.map((f) => f.startLine), [2, 8, 12]);
    await client.close(uri());
    await client.diagnostics(uri(), (p) => p.diagnostics.length === 0 && p.version === undefined);
  });

  it('leaves notes that are not handoffs or roadmaps alone', async () => {
    await client.initialize(dir);
    const readme = 'file://' + join(dir, 'README.md');
    await client.open(readme, '# Readme\n\nDocs â€” here.\n');
    const p = await client.diagnostics(readme);
    assert.equal(p.diagnostics.length, 0);
  });

  it('New Handoff offers the dialects a HANDOFF.md follows, not the agent layouts bound to a path', async () => {
    await client.initialize(dir);
    const offer = (await client.connection.sendRequest('handoff/newNote', { folderUri: 'file://' + dir, dialect: 'gsd-state' })) as { text: string; dialects: string[] };
    assert.deepEqual(offer.dialects, ['session-handoff', 'next-chat-handoff']);
    assert.match(offer.text, /^# Session Handoff\n/);
  });

  it('checks a GSD state against the roadmap and phase folders on disk', async () => {
    const state = '# Project State\n\n## Current Position\n\nPhase: 3 of 3 (Sharing)\nStatus: In progress\n\nProgress: [██░░] 20%\n\n## Session Continuity\n\nResume file: .planning/phases/03-sharing/.continue-here.md\n';
    const roadmap = '# Roadmap\n\n## Phases\n\n- [x] **Phase 1: Core** - a\n- [ ] **Phase 2: Editor** - b\n';
    mkdirSync(join(dir, '.planning/phases/01-core'), { recursive: true });
    writeFileSync(join(dir, '.planning/ROADMAP.md'), roadmap);
    writeFileSync(join(dir, '.planning/STATE.md'), state);
    await client.initialize(dir);
    const stateUri = 'file://' + join(dir, '.planning/STATE.md');
    await client.open(stateUri, state);
    const p = await client.diagnostics(stateUri, (d) => d.diagnostics.some((x) => x.code === 'gsd-phase-exists'));
    assert.deepEqual(p.diagnostics.map((d) => `${d.code}:${d.range.start.line}`).sort(), ['gsd-phase-exists:4', 'gsd-phase-folder:4', 'gsd-progress:7', 'gsd-resume-file:11']);
  });
});
