// A real repository with a scripted history of a handoff note, for the history tests of every
// front end: steps added, carried, reworded, ticked, dropped and reopened, a rename of the note
// file, a side branch merged back, results recorded next to the verify command, and code
// committed after the note. Dates are whole days before today (noon UTC), so ages are exact.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DAY = 86_400_000;

/** Noon UTC `days` whole days before today (UTC). */
export function daysAgo(days: number): string {
  const today = new Date(new Date().toISOString().slice(0, 10) + 'T12:00:00Z').getTime();
  return new Date(today - days * DAY).toISOString().replace(/\.\d+Z$/, 'Z');
}

export function historyNote(steps: string[], risks: string[], verify: string[] = ['- `npm test`']): string {
  // Enough lines that stay the same for git to see the rename of a rewritten note.
  const status = ['## Status', '', 'Work on the importer.', '', '- The reader takes CSV and TSV.', '- The writer streams rows.', '- The CLI has an --out flag.', '- Tests run in CI on Linux.', '- Docs live in docs/.', '- The schema is versioned.', '- Errors name the row.', '- Config is read once.'];
  return ['# Session Handoff', '', ...status, '', '## Next steps', '', ...steps, '', '## Risks', '', ...risks.map((r) => `- ${r}`), '', '## How to run / verify', '', ...verify, ''].join('\n');
}

export interface ScriptedRepo {
  dir: string;
  /** Commit hashes by subject. */
  commits: Record<string, string>;
  git(args: string[], date?: string): string;
  remove(): void;
}

export function emptyRepo(prefix = 'handoff-history-'): ScriptedRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const commits: Record<string, string> = {};
  const git = (args: string[], date?: string) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
    }).trim();
  git(['init', '-q', '-b', 'main']);
  git(['config', 'commit.gpgsign', 'false']);
  return { dir, commits, git, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Commits everything as `subject`, `days` days ago. */
export function commitAll(repo: ScriptedRepo, subject: string, days: number): string {
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', subject], daysAgo(days));
  return (repo.commits[subject] = repo.git(['rev-parse', 'HEAD']));
}

/**
 * The scripted history (newest last):
 * - 40 days: "Start the note" (H-handoff.md): Release 1.2, Fix flaky importer test, Write docs; 600 passing.
 * - 30 days: "Second session": the flaky test ticked, Add CSV export added; 640 passing.
 * - 20 days: "Third session": renamed to HANDOFF.md, Release reworded and numbered, docs dropped.
 * - 15 days: "Side work" on branch side: Profile the writer added.
 * - 12 days: "Flaky again" on main: the flaky test is back (reopened).
 * - 10 days: "Merge side": both.
 * - 5 days: "Fourth session": 680 passing.
 * - 2 days: "Speed up the reader": code only (src/reader.ts, packages/web/index.ts).
 * The working copy is the last committed note.
 */
export function scriptedNoteRepo(): ScriptedRepo {
  const repo = emptyRepo();
  const write = (name: string, text: string) => writeFileSync(join(repo.dir, name), text);
  mkdirSync(join(repo.dir, 'src'));
  write('src/reader.ts', 'export const rows = 1;\n');
  write('package.json', JSON.stringify({ name: 'importer', scripts: { test: 'mocha' } }));
  write('H-handoff.md', historyNote(['- [ ] Release 1.2', '- [ ] Fix flaky importer test', '- [ ] Write docs'], ['Parser is slow'], ['- `npm test` — 600 passing']));
  commitAll(repo, 'Start the note', 40);
  write('H-handoff.md', historyNote(['- [ ] Release 1.2', '- [x] Fix flaky importer test', '- [ ] Write docs', '- [ ] Add CSV export'], ['Parser is slow', 'Disk fills up'], ['- `npm test` — 640 passing']));
  commitAll(repo, 'Second session', 30);
  repo.git(['mv', 'H-handoff.md', 'HANDOFF.md']);
  const third = ['1. Release **v1.2**.', '2. Add CSV export'];
  write('HANDOFF.md', historyNote(third, ['Disk fills up'], ['- `npm test` — 640 passing']));
  commitAll(repo, 'Third session', 20);
  repo.git(['checkout', '-q', '-b', 'side']);
  write('HANDOFF.md', historyNote([...third, '3. Profile the writer'], ['Disk fills up'], ['- `npm test` — 640 passing']));
  commitAll(repo, 'Side work', 15);
  repo.git(['checkout', '-q', 'main']);
  write('HANDOFF.md', historyNote([...third, '3. Fix flaky importer test'], ['Disk fills up'], ['- `npm test` — 640 passing']));
  commitAll(repo, 'Flaky again', 12);
  const merged = historyNote([...third, '3. Fix flaky importer test', '4. Profile the writer'], ['Disk fills up'], ['- `npm test` — 640 passing']);
  try {
    repo.git(['merge', '-q', '--no-ff', '--no-commit', 'side'], daysAgo(10));
  } catch {
    // Both branches added a third step: the conflict is resolved by keeping both.
  }
  write('HANDOFF.md', merged);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'Merge side'], daysAgo(10));
  repo.commits['Merge side'] = repo.git(['rev-parse', 'HEAD']);
  write('HANDOFF.md', historyNote([...third, '3. Fix flaky importer test', '4. Profile the writer'], ['Disk fills up'], ['- `npm test` — 680 passing']));
  commitAll(repo, 'Fourth session', 5);
  mkdirSync(join(repo.dir, 'packages', 'web'), { recursive: true });
  write('src/reader.ts', 'export const rows = 2;\n');
  write('packages/web/index.ts', 'export {};\n');
  commitAll(repo, 'Speed up the reader', 2);
  return repo;
}
