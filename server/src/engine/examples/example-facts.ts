// Turns an example's compact facts into the GitFacts and WorkspaceFacts the rules read, so rule
// examples (docs) and tests can show git-based rules without a repository.
import type { CommandCatalog, GitFacts, WorkspaceFacts } from '../facts';
import type { ExampleFacts } from '../lint/rule';
import type { Note } from '../model/note';
import { noteOf } from '../lint/lint';

export const EXAMPLE_HEAD = '4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39';

export function exampleGit(facts: ExampleFacts | undefined): GitFacts | null {
  if (!facts?.git) return null;
  return {
    root: '/repo',
    branch: 'main',
    detached: false,
    unborn: false,
    head: EXAMPLE_HEAD,
    upstream: null,
    dirty: false,
    status: [],
    shallow: false,
    commits: {},
    paths: {},
    noteLastCommitDate: null,
    changedSince: null,
    ...facts.git,
  };
}

export function emptyCatalog(): CommandCatalog {
  return { npmScripts: null, npmBins: null, pdmScripts: null, pythonScripts: null, makeTargets: null, justRecipes: null, cargoTests: null, cargoBins: null };
}

export function exampleWorkspace(facts: ExampleFacts | undefined): WorkspaceFacts | null {
  if (!facts?.files && !facts?.commands) return null;
  const files = new Set(facts.files ?? []);
  const folders = new Set([...files].flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  return {
    exists: (p) => files.has(p.replace(/\/$/, '')) || folders.has(p.replace(/\/$/, '')),
    findByName: (name) => [...files].filter((f) => f.split('/').pop() === name),
    entries: (p) => {
      const dir = p.replace(/\/$/, '');
      if (dir && !folders.has(dir)) return undefined;
      const prefix = dir ? dir + '/' : '';
      return [...new Set([...files, ...folders].filter((f) => f.startsWith(prefix) && f.length > prefix.length).map((f) => f.slice(prefix.length).split('/')[0]))].sort();
    },
    commands: { ...emptyCatalog(), ...facts.commands },
  };
}

/** The roadmap and handoffs an example is checked against, as notes. */
export function exampleNotes(facts: ExampleFacts | undefined): { roadmap: Note | null; handoffs: Note[] } {
  return {
    roadmap: facts?.roadmap ? noteOf({ text: facts.roadmap.text, path: facts.roadmap.path ?? 'docs/ROADMAP.md' }) : null,
    handoffs: (facts?.handoffs ?? []).map((h) => noteOf({ text: h.text, path: h.path ?? 'HANDOFF.md' })),
  };
}
