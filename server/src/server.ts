// The Handoff language server. Transport from the command line: --stdio, --node-ipc or
// --socket=N, so any LSP editor can run it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/start';
import { gitFeature } from './lsp/git-feature';
import { workspaceIndexFeature } from './lsp/index-feature';

const connection = createConnection(ProposedFeatures.all);
startServer(connection, [gitFeature, workspaceIndexFeature]);
