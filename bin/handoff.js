#!/usr/bin/env node
'use strict';
// `handoff mcp ...` starts the MCP server and `handoff lsp --stdio` the language server, each its
// own bundle (the CLI bundle stays lean); anything else is the CLI.
const [, , command] = process.argv;
if (command === 'mcp' || command === 'lsp') {
  process.argv.splice(2, 1);
  require(command === 'mcp' ? '../out/mcp/handoff-mcp.js' : '../out/server/server.js');
} else {
  require('../out/cli/handoff.js');
}
