// The demo workspace: a small git repository whose handoff note has drifted in the ways real
// notes do. Used by `npm start` (scripts/demo.mjs, in .cache/demo/workspace) and by the browser
// UI test (test/vscode/ui.mjs, in a temporary folder), so both show the same problems.
//
// Reproducible: fixed author, committer and dates, no user or system git configuration, so the
// commit hashes are the same on every machine and every run.
//
// What is wrong with HANDOFF.md, on purpose:
//   - the "Decisions (and links)" section is missing            (required-sections, fix: insert)
//   - "Parser â€” tokens" carries an encoding-damaged em dash     (mojibake, fix: repair)
//   - the next steps count 1, 2, 4, 5                            (list-numbering, fix: renumber)
//   - branch `feature/parser` and the HEAD it records are stale: the work was merged to main and
//     two commits landed since                                    (git snapshot rules)
//   - `src/parser.ts` was moved to `src/parse/markdown.ts`        (references, "did you mean")
//   - `npm run lint` names no script (package.json has `lint:md`) (commands)
//   - DEMO-02 is reported as landed but still open in docs/ROADMAP.md (roadmap alignment)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const DEMO_NOTE = 'HANDOFF.md';
export const DEMO_ROADMAP = 'docs/ROADMAP.md';

const AUTHOR = { name: 'Dana Demo', email: 'dana@example.com' };

const packageJson = `${JSON.stringify({
  name: 'demo-notes-app',
  version: '0.3.0',
  private: true,
  type: 'module',
  scripts: {
    build: 'tsc -p .',
    test: 'node --test',
    'lint:md': 'markdownlint "**/*.md"',
    start: 'node dist/index.js',
  },
}, null, 2)}\n`;

const readme = `# demo-notes-app

A tiny Markdown parser used to demonstrate the Handoff extension.
`;

const parserV1 = `// Splits a Markdown document into tokens.
export function tokenize(text: string): string[] {
  return text.split(/\\n{2,}/).filter(Boolean);
}
`;

const indexTs = `export { tokenize } from './parse/markdown';
`;

const roadmap = `# Roadmap

## Phase 1: Parser

- [x] DEMO-01 Tokenize paragraphs
- [ ] DEMO-02 Parse headings and lists
- [ ] DEMO-03 Keep source positions on every token

## Phase 2: Editor

- [ ] DEMO-04 Show parse errors as you type
- [ ] DEMO-05 Outline view
`;

/** The handoff note as written at the end of the first session (HEAD was the first commit). */
function handoffNote(recordedHead) {
  return `# Session Handoff

Keep this file updated so the next session can pick up work quickly.

## Snapshot

- Date: 2025-06-02
- Branch / commit: \`feature/parser\` (${recordedHead})
- Goal of the session: land the paragraph tokenizer and start on headings (DEMO-02).

## What changed

- Parser â€” tokens: \`src/parser.ts\` splits a document into paragraphs (DEMO-01).
- DEMO-02 landed: headings and lists parse into their own tokens.
- \`README.md\` describes the package.

## How to run / verify

- \`npm run build && npm test\`
- Lint the docs: \`npm run lint\`

## Known issues / risks

- Source positions are lost after tokenizing (DEMO-03).

## Next steps (recommended order)

1. Keep source positions on every token (DEMO-03).
2. Report parse errors in the editor (DEMO-04).
4. Add an outline view (DEMO-05).
5. Move the parser under \`src/parse/\`.

## Notes

- Do not include secrets or tokens in this file.
`;
}

function gitRunner(dir) {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir, // no user configuration (templates, hooks, signing) leaks in
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: AUTHOR.name,
    GIT_AUTHOR_EMAIL: AUTHOR.email,
    GIT_COMMITTER_NAME: AUTHOR.name,
    GIT_COMMITTER_EMAIL: AUTHOR.email,
    LC_ALL: 'C',
    TZ: 'UTC',
  };
  return (args, date) => execFileSync('git', args, {
    cwd: dir,
    env: date ? { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

function write(dir, rel, text) {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/**
 * Creates the demo workspace in `dir`, removing whatever was there. Returns the paths of the
 * note and the roadmap, and the commits it made (oldest first).
 */
export function createDemoWorkspace(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const git = gitRunner(dir);
  git(['init', '--quiet', '--initial-branch=main']);

  // 1. The first session's work, on a feature branch.
  git(['checkout', '--quiet', '-b', 'feature/parser']);
  write(dir, 'package.json', packageJson);
  write(dir, 'README.md', readme);
  write(dir, 'src/parser.ts', parserV1);
  write(dir, DEMO_ROADMAP, roadmap);
  git(['add', '.']);
  git(['commit', '--quiet', '-m', 'Paragraph tokenizer'], '2025-06-02T09:00:00Z');
  const first = git(['rev-parse', '--short=7', 'HEAD']);

  // 2. The handoff note written at the end of that session, recording that HEAD.
  write(dir, DEMO_NOTE, handoffNote(first));
  git(['add', DEMO_NOTE]);
  git(['commit', '--quiet', '-m', 'Session handoff'], '2025-06-02T17:30:00Z');

  // 3. The branch is merged into main, and the next session moves the parser: the note is now
  //    stale (branch, HEAD, a moved path).
  git(['checkout', '--quiet', '-B', 'main']); // main did not exist yet: a fast-forward merge
  git(['branch', '--quiet', '-d', 'feature/parser']);
  fs.mkdirSync(path.join(dir, 'src/parse'), { recursive: true });
  git(['mv', 'src/parser.ts', 'src/parse/markdown.ts']);
  write(dir, 'src/index.ts', indexTs);
  git(['add', 'src/index.ts']);
  git(['commit', '--quiet', '-m', 'Move the parser under src/parse/'], '2025-06-03T11:00:00Z');

  const commits = git(['log', '--reverse', '--format=%h %s']).split('\n');
  return { dir, note: path.join(dir, DEMO_NOTE), roadmap: path.join(dir, DEMO_ROADMAP), commits };
}

// `node scripts/demo-workspace.mjs DIR` creates the workspace on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/demo-workspace.mjs DIR');
    process.exit(2);
  }
  const ws = createDemoWorkspace(path.resolve(dir));
  console.log(`demo workspace in ${ws.dir}`);
  for (const c of ws.commits) console.log(`  ${c}`);
}
