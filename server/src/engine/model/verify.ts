// The commands of a note's run/verify section, each with the result recorded next to it
// (`npm test` — 680 passing), and what each command checks: a test runner or a whole-project
// command covers the whole tree, a command scoped to a workspace package covers that folder.
import type { Note } from './note';
import type { Section } from './sections';
import { commandRefs, type CommandRef } from './references';

export interface VerifyCommand {
  command: string;
  start: number;
  end: number;
  /** The result written after it on its line ("680 passing"); null when none. */
  result: string | null;
  /** Repository folders it covers ('' for the whole tree). */
  covers: string[];
}

export interface VerifySection {
  section: Section;
  commands: VerifyCommand[];
}

// A result follows the command after a dash, colon or arrow: "`npm test` — 680 passing".
const RESULT = /^[`\s]*(?:—|–|-{1,2}|:|→|->|=>)\s*(.+?)\s*$/u;

/** Verify sections (role 'verify') with the commands they hold, in document order. */
export function verifySections(note: Note): VerifySection[] {
  const refs = commandRefs(note);
  const out: VerifySection[] = [];
  for (const section of note.allSections) {
    if (section.role !== 'verify' || section.children.some((c) => c.role === 'verify')) continue;
    const inside = refs.filter((r) => r.start >= section.start && r.end <= section.end);
    if (inside.length) out.push({ section, commands: inside.map((r) => verifyCommand(note, r)) });
  }
  return out;
}

function verifyCommand(note: Note, ref: CommandRef): VerifyCommand {
  const line = note.lines.position(ref.end).line;
  const rest = note.lines.lineText(line).slice(note.lines.position(ref.end).character);
  const m = RESULT.exec(rest);
  const result = m && /\d|pass|fail|ok\b|green|red\b|error/i.test(m[1]) ? m[1].replace(/[`*_]+/g, '').trim() : null;
  return { command: ref.command, start: ref.start, end: ref.end, result, covers: coveredFolders(ref.command) };
}

/**
 * What a command checks, conservatively: a folder when it is scoped to one (`npm -w pkg test`,
 * `npm --prefix pkg test`, `make -C pkg`, `pnpm --dir pkg test`), else the whole tree ('').
 */
export function coveredFolders(command: string): string[] {
  const words = command.split(/\s+/);
  for (let i = 0; i < words.length - 1; i++) {
    const flag = words[i];
    const next = words[i + 1];
    if (['-w', '--workspace', '--prefix', '-C', '--dir', '--cwd'].includes(flag) && isFolder(next)) return [clean(next)];
    const eq = /^--(?:workspace|prefix|dir|cwd)=(.+)$/.exec(flag);
    if (eq && isFolder(eq[1])) return [clean(eq[1])];
  }
  return [''];
}

const isFolder = (w: string) => /^[\w.@/-]+$/.test(w) && !w.startsWith('-') && !w.split('/').includes('..') && !w.startsWith('/');
const clean = (w: string) => w.replace(/^\.\/+/, '').replace(/\/+$/, '');
