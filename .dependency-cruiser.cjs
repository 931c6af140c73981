// The layers of Handoff, enforced in `npm test` (npx depcruise): the engine is pure, the front
// ends (CLI, language server, MCP server) stand on the project layer and never import each other, the client
// shares only the protocol module with the server, and rule files are reached through the rule
// list alone.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engine-is-pure',
      comment: 'The engine takes its facts through interfaces: no file system, processes, editor, LSP or git.',
      severity: 'error',
      from: { path: '^server/src/engine/' },
      to: {
        pathNot: '^server/src/engine/',
        path: ['^node:', '^(fs|child_process|path|os|worker_threads)$', 'node_modules/(vscode|vscode-languageserver[^/]*|vscode-languageclient|simple-git)/', '^server/src/(?!engine/)', '^client/'],
      },
    },
    {
      name: 'engine-declared-libraries',
      comment: 'The engine uses only the Markdown, config and matching libraries it declares.',
      severity: 'error',
      from: { path: '^server/src/engine/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        pathNot: 'node_modules/(@types/mdast|mdast-[^/]+|micromark[^/]*|unified|remark-[^/]+|jsonc-parser|picomatch|lru-cache|yaml|@secretlint/[^/]+|unist-[^/]+|vfile[^/]*)/',
      },
    },
    {
      name: 'cli-not-to-lsp',
      comment: 'The CLI and the language server both stand on the project layer.',
      severity: 'error',
      from: { path: '^server/src/cli/' },
      to: { path: '^server/src/lsp/' },
    },
    {
      name: 'lsp-not-to-cli',
      severity: 'error',
      from: { path: '^server/src/lsp/' },
      to: { path: '^server/src/cli/' },
    },
    {
      name: 'mcp-not-to-cli-or-lsp',
      comment: 'The MCP server stands on the project layer like the CLI and the language server.',
      severity: 'error',
      from: { path: '^server/src/mcp/' },
      to: { path: '^server/src/(cli|lsp)/' },
    },
    {
      name: 'front-ends-not-to-mcp',
      severity: 'error',
      from: { path: '^server/src/(cli|lsp|project|git|engine)/' },
      to: { path: '^server/src/mcp/' },
    },
    {
      name: 'project-not-to-front-ends',
      comment: 'The project layer serves the front ends; it never imports one.',
      severity: 'error',
      from: { path: '^server/src/(project|git)/' },
      to: { path: '^server/src/(cli|lsp)/' },
    },
    {
      name: 'engine-through-its-door',
      comment: 'The front ends and the project layer use the engine through engine/index.ts (and its facts interface).',
      severity: 'error',
      from: { path: '^server/src/(cli|lsp|mcp|project)/' },
      to: { path: '^server/src/engine/', pathNot: '^server/src/engine/(index|facts)\\.ts$' },
    },
    {
      name: 'client-only-protocol',
      comment: 'The client shares the protocol module with the server, nothing else.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/', pathNot: '^server/src/protocol\\.ts$' },
    },
    {
      name: 'rules-through-the-list',
      comment: 'Rule files export rules; helpers they share live in the model.',
      severity: 'error',
      from: { path: '^', pathNot: '^server/src/engine/rules/index\\.ts$' },
      to: { path: '^server/src/engine/rules/(?!index\\.ts$)[^/]+\\.ts$' },
    },
    {
      name: 'no-circular-front-ends',
      severity: 'error',
      from: { path: '^server/src/(cli|lsp|mcp|project)/' },
      to: { circular: true, path: '^server/src/(cli|lsp|mcp|project)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(out|node_modules|\\.cache)/' },
  },
};
