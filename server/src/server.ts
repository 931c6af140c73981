// The Handoff language server. Transport from the command line: --stdio, --node-ipc or
// --socket=N, so any LSP editor can run it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { exitOnSignals } from './git';
import { startServer } from './lsp/start';
import { gitFeature } from './lsp/git-feature';
import { workspaceIndexFeature } from './lsp/index-feature';
import { serveIndexJobs } from './lsp/index-workers';
import { largeDocumentsFeature, serveLintJobs } from './lsp/lint-worker';
import { Timeline } from './lsp/timeline';

// The bundle is loaded and evaluated once this line runs.
const loaded = performance.now();

// The same bundle runs the workspace index's worker threads (they parse notes read from disk)
// and the lint worker (large open documents).
if (!serveIndexJobs() && !serveLintJobs()) {
  exitOnSignals();
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection, [largeDocumentsFeature, gitFeature, workspaceIndexFeature], new Timeline(loaded));
}
