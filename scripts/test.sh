#!/usr/bin/env bash
# The whole test suite, as CI runs it: types, generated files in sync, unit and engine tests,
# the language server over stdio, the CLI, the installable package with pre-commit, the GitHub
# Action and Neovim, and the extension inside a real VS Code (normal and Restricted Mode, and the
# MCP provider on a newer VS Code). Installs what the VS Code and distribution tests need on
# first use.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "types"
npx tsc --noEmit -p .
step "layer boundaries (dependency-cruiser) and dead files or dependencies (knip)"
npx depcruise server/src client/src --config .dependency-cruiser.cjs
npx knip --no-progress
step "build"
node scripts/build.mjs
step "generated files are up to date"
node --import tsx scripts/gen-docs.ts --check
node --import tsx scripts/gen-snippets.ts --check
step "engine, git, server and CLI tests"
npx mocha
step "engine coverage (floor: 90 % lines and branches)"
npm run --silent coverage
step "distribution: the packed CLI on Node 20 and 22, pre-commit, the GitHub Action, Neovim"
bash scripts/dist-setup.sh
npx mocha --no-config --node-option import=tsx --timeout 900000 --reporter dot 'test/dist/**/*.test.ts'
node scripts/build.mjs   # npm pack left bundles without source maps in out/
step "extension in VS Code (code-server)"
bash scripts/vscode-setup.sh
node test/vscode/run.mjs
# A workspace with no handoff note: the extension waits for the first Markdown file opened.
node test/vscode/run.mjs --workspace=test/vscode/workspace-plain --grep "^activation on opening Markdown "
step "MCP server definition provider in VS Code 1.103 (code-server 4.103.2, its own Node 22)"
# VS Code 1.101+ only: the specs that need it run on the newer line, the rest stays on 4.100.3.
bash scripts/vscode-setup.sh --next
NEXT_CACHE="${HANDOFF_VSCODE_NEXT_CACHE:-$PWD/.cache/vscode-next}"
HANDOFF_VSCODE_CACHE="$NEXT_CACHE" node test/vscode/run.mjs --grep "^MCP server definition provider "
HANDOFF_VSCODE_CACHE="$NEXT_CACHE" node test/vscode/run.mjs --trust=no --grep "^MCP server definition provider "
step "extension in VS Code, Restricted Mode"
node test/vscode/run.mjs --trust=no
step "extension UI in a browser (packaged .vsix, code-server + Chromium)"
node test/vscode/ui.mjs
step "Handoff sidebar in a browser (code-server + Chromium: real clicks on the trees)"
node test/vscode/sidebar-ui.mjs --shot=test-results/screenshots/sidebar-ui/sidebar.png
step "a note's history in a browser (Timeline view, step ages, a diff, VS Code's Timeline panel)"
node test/vscode/history-ui.mjs --shot=test-results/screenshots/history-ui/timeline.png
