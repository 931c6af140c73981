// The text of a new handoff note, the one way the editor's New Handoff and the MCP server's
// handoff_new make it: the chosen dialect (or the project's template, when it has one), filled
// with today's date and, when git may run, the branch, HEAD and worktree state.
import { DIALECTS, newNoteText, type Dialect } from '../engine';
import { isGitUnavailable, type GitFactsProvider } from '../git';
import type { ProjectConfig } from './config';

export interface NewNote {
  text: string;
  /** The dialects a new note can be made from (the template last, when there is one). */
  dialects: string[];
  /** The dialect used. */
  dialect: string;
}

/** The dialects a new note can be made from in this project. */
export function newNoteDialects(project: ProjectConfig): string[] {
  return [...Object.keys(DIALECTS).filter((d) => !DIALECTS[d].lenient), ...(project.template ? ['template'] : [])];
}

/** `git`: the hardened provider, or null where git may not run (Restricted Mode, --no-git). */
export async function newNote(folder: string, dialect: string, project: ProjectConfig, git: GitFactsProvider | null, today: string): Promise<NewNote> {
  const chosen: Dialect = dialect === 'template' && project.template ? project.template : DIALECTS[dialect] && !DIALECTS[dialect].lenient ? DIALECTS[dialect] : DIALECTS['session-handoff'];
  let values: { branch?: string | null; head?: string | null; dirty?: boolean | null } = {};
  if (git) {
    const facts = await git.repoFacts(folder);
    if (!isGitUnavailable(facts)) values = { branch: facts.detached && facts.head ? `(detached at ${facts.head.slice(0, 7)})` : facts.branch, head: facts.head, dirty: facts.dirty };
  }
  return { text: newNoteText(chosen, { date: today, ...values }), dialects: newNoteDialects(project), dialect: chosen === project.template ? 'template' : chosen.id };
}
