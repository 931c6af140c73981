// The Handoff language server. Transport from the command line: --stdio, --node-ipc or
// --socket=N, so any LSP editor can run it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/start';
import { gitFeature } from './lsp/git-feature';
import { workspaceIndexFeature } from './lsp/index-feature';
import { serveIndexJobs } from './lsp/index-workers';
import { largeDocumentsFeature, serveLintJobs } from './lsp/lint-worker';

// The same bundle runs the workspace index's worker threads (they parse notes read from disk)
// and the lint worker (large open documents).
if (!serveIndexJobs() && !serveLintJobs()) {
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection, [largeDocumentsFeature, gitFeature, workspaceIndexFeature]);
}
