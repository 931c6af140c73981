#!/usr/bin/env node
'use strict';
// `handoff mcp ...` starts the MCP server from its own bundle (the CLI bundle stays lean);
// anything else is the CLI.
if (process.argv[2] === 'mcp') {
  process.argv.splice(2, 1);
  require('../out/mcp/handoff-mcp.js');
} else {
  require('../out/cli/cached-start.js');
}
