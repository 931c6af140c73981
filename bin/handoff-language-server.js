#!/usr/bin/env node
'use strict';
// The Handoff language server for any LSP client: `handoff-language-server --stdio`.
require('../out/server/server.js');
