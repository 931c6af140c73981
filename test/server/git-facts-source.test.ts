// The server's git facts source (lsp/git-facts.ts) when git or its settings change while a
// lookup runs: the answer asked before the change is neither kept for the same questions later
// nor used over one asked after it, and settings that leave the git path alone stop nothing.
// Real repositories and a real git; the lookup is held at its commit lookup until released.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { lint, type GitFacts } from '../../server/src/engine';
import { createGitFactsSource, type GitFactsSource } from '../../server/src/lsp/git-facts';
import type { ServerState } from '../../server/src/lsp/start';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';
import { Scratch, realGit, waitForFile } from '../git/helpers';

describe('server: git facts when git or the settings change while git runs', function () {
  this.timeout(60_000);
  let scratch: Scratch;
  let repo: string;
  let recorded: string;
  let source: GitFactsSource;
  let relinted: () => Promise<void>;
  let state: ServerState;

  beforeEach(() => {
    scratch = new Scratch();
    repo = scratch.repo('repo');
    recorded = scratch.git(repo, ['rev-parse', 'HEAD']);
    scratch.commit(repo, { 'src/a.ts': 'export const a = 1;\n' }, 'more work');
    scratch.age(repo); // the first answer finds git unchanged since it was asked
  });
  afterEach(() => {
    source?.provider.dispose();
    scratch.cleanup();
  });

  /** A source over a minimal server state whose linter records when everything is linted again. */
  function start(gitPath: string) {
    let onLintAll: () => void = () => {};
    relinted = () => new Promise((resolve) => (onLintAll = resolve));
    state = {
      trusted: true,
      settings: { ...DEFAULT_SETTINGS, gitPath },
      roots: [repo],
      configs: { rootOf: () => repo },
      linter: { factsFor: () => null, lintAll: () => onLintAll(), relint: () => {} },
      log: { info: () => {}, warn: () => {} },
      connection: { window: { showWarningMessage: async () => undefined } },
      documents: { get: () => undefined, onDidClose: () => ({ dispose: () => {} }) },
    } as unknown as ServerState;
    source = createGitFactsSource(state);
    const file = path.join(repo, 'HANDOFF.md');
    const text = `# Session Handoff\n\n## Snapshot\n\n- Branch / commit: \`main\` (${recorded.slice(0, 7)})\n`;
    fs.writeFileSync(file, text);
    const doc = TextDocument.create(pathToFileURL(file).toString(), 'markdown', 1, text);
    const result = lint({ text, path: 'HANDOFF.md', today: '2026-01-01' });
    return () => source.factsFor(doc, result);
  }

  const commitOf = (git: GitFacts | null | undefined) => git?.commits[recorded.slice(0, 7)] ?? null;

  it('a commit lands while the lookup runs: its answer is not used over the one asked after, nor kept', async () => {
    const holding = scratch.holdingGit('bin', false);
    const ask = start(holding.git);
    assert.equal(commitOf((await ask())?.git)?.behind, 1); // the repository is watched from the first answer on
    source.provider.invalidate(); // the next ask runs git
    source.changed();
    holding.arm();
    const before = ask();
    await waitForFile(holding.held);
    const relint = relinted();
    const head = scratch.commit(repo, { 'src/b.ts': 'export const b = 1;\n' }, 'landed meanwhile');
    await relint; // the repository's watcher saw the commit
    const after = await ask();
    assert.equal(after?.git?.head, head);
    assert.equal(commitOf(after?.git)?.behind, 2);
    holding.release();
    const late = await before;
    assert.equal(late?.superseded, true, 'the answer asked before the commit is not linted with');
    const again = await ask();
    assert.equal(again?.git?.head, head, 'the same questions get the answer asked after the commit');
    assert.equal(holding.lookups(), 3);
  });

  it('the git path changes while the lookup runs: the stopped lookup\'s answer is not kept for the same questions', async () => {
    const holding = scratch.holdingGit('bin');
    const ask = start(holding.git);
    const before = ask();
    await waitForFile(holding.held);
    state.settings = { ...state.settings, gitPath: realGit() };
    source.onSettingsChanged(); // stops the held lookup
    const stopped = await before;
    assert.equal(commitOf(stopped?.git), null, 'the stopped lookup left the commit unknown');
    const after = await ask();
    assert.equal(commitOf(after?.git)?.behind, 1, 'asked again with the new git: the commit is known');
    assert.equal(commitOf((await ask())?.git)?.behind, 1);
  });

  it('settings that leave the git path alone stop no lookup', async () => {
    const holding = scratch.holdingGit('bin');
    const ask = start(holding.git);
    const before = ask();
    await waitForFile(holding.held);
    state.settings = { ...state.settings, enable: true };
    source.onSettingsChanged();
    holding.release();
    assert.equal(commitOf((await before)?.git)?.behind, 1);
    assert.equal(holding.lookups(), 1, 'the held lookup finished: nothing was asked again');
  });
});
