// The project around the notes a CLI run or the MCP server looks at, built as the language server
// builds it: each note's configuration, its workspace facts, git's answers to its questions, and
// its links (the roadmap a handoff is checked against, the handoffs a roadmap is checked
// against), found among the notes of the project root. Git runs hardened as everywhere, and not
// at all when the session is built without it (no git process is started).
import { dirname, resolve } from 'node:path';
import { noteOf, type GitFacts, type Note } from '../engine';
import { GitFactsProvider, isGitUnavailable, relativeToWorkspace, type GitUnavailable } from '../git';
import { askGit } from './facts';
import { NoteHistories, type ReadHistory } from './history';
import { WorkspaceFolderFacts } from './files';
import { chooseRoadmap, configuredRoadmap, handoffsOfRoadmap } from './link';
import { handoffByPath, noteFilesUnder } from './candidates';
import { notePath } from './paths';
import { MAX_NOTE_BYTES, readText } from './read';
import type { RootConfigs } from './root-configs';

export interface SessionGit {
  git: GitFacts | null;
  /** Why git facts are missing, when git was wanted. */
  problem: string | null;
  /** Why some of git's answers are missing (the checks that need them are skipped). */
  gap: string | null;
}

export interface SessionOptions {
  /** Run git (hardened); false starts no git process at all. */
  git: boolean;
  /** An absolute path to the git executable, else git from PATH. */
  gitPath: string | null;
}

export interface ProjectNote {
  file: string;
  kind: 'handoff' | 'roadmap';
  changed: number;
  note: Note;
}

/**
 * A project note parsed when its model is first read: linting one handoff reads the project's
 * roadmaps, not the other handoffs, which their paths name without a parse.
 */
class LazyProjectNote implements ProjectNote {
  private parsed: Note | null = null;

  constructor(
    readonly file: string,
    readonly kind: 'handoff' | 'roadmap',
    readonly changed: number,
    private readonly parse: () => Note,
  ) {}

  get note(): Note {
    return (this.parsed ??= this.parse());
  }

  set note(note: Note) {
    this.parsed = note;
  }
}

export class ProjectSession {
  private provider: GitFactsProvider | null = null;
  private readonly workspaces = new Map<string, WorkspaceFolderFacts>();
  private notes: Map<string, ProjectNote> | null = null;
  private readonly built = new Map<string, { text: string; note: Note }>();
  private readonly histories = new NoteHistories(() => this.gitProvider());

  constructor(
    readonly configs: RootConfigs,
    private readonly options: SessionOptions,
  ) {}

  get gitEnabled(): boolean {
    return this.options.git;
  }

  /** The hardened git provider; null when the session runs no git. */
  gitProvider(): GitFactsProvider | null {
    if (!this.options.git) return null;
    this.provider ??= new GitFactsProvider({ trusted: true, gitPath: this.options.gitPath });
    return this.provider;
  }

  /**
   * A note's text parsed with its own configuration. The last note built for each file is kept:
   * the note a command lints is also one of the project's notes (its roadmap's handoffs, the
   * roadmap it links to), and the same text is not parsed twice.
   */
  noteOf(file: string, text: string): Note {
    const key = resolve(file);
    const last = this.built.get(key);
    if (last && last.text === text) return last.note;
    const project = this.configs.forFile(file);
    const note = noteOf({ text, path: notePath(file, project.root), config: project.config, template: project.template });
    this.built.set(key, { text, note });
    return note;
  }

  workspaceFor(file: string): WorkspaceFolderFacts {
    const root = this.configs.rootOf(file);
    let w = this.workspaces.get(root);
    if (!w) this.workspaces.set(root, (w = new WorkspaceFolderFacts(root)));
    return w;
  }

  /**
   * Starts git's answers that do not depend on the note's text (its repository, branch and
   * status) and lets the processes start, so that git runs while the caller parses the note;
   * gitFor then finds them in the provider's cache.
   */
  async startGit(file: string): Promise<void> {
    const provider = this.gitProvider();
    if (!provider) return;
    void provider.repoFacts(dirname(resolve(file))).catch(() => undefined); // gitFor reports failures
    await new Promise<void>((started) => setImmediate(started));
  }

  async gitFor(file: string, note: Note, options: { history?: boolean } = {}): Promise<SessionGit> {
    const provider = this.gitProvider();
    if (!provider) return { git: null, problem: null, gap: null };
    const workspace = this.workspaceFor(file);
    const asked = await askGit(provider, file, note, workspace, { again: true });
    const { facts } = asked;
    if (isGitUnavailable(facts)) return { git: null, problem: facts.reason === 'not-a-repository' ? null : facts.message, gap: null };
    // The note's own history feeds the history rules; a note that cannot have one gets none.
    const history = options.history && note.kind === 'handoff' ? await this.historyOf(file) : null;
    return { git: relativeToWorkspace({ ...facts, history: history && !isGitUnavailable(history) ? history.facts : null }, workspace.root), problem: null, gap: asked.gap?.message ?? null };
  }

  /** The versions git holds of a note (with the limits of its configuration), each parsed once. */
  historyOf(file: string): Promise<ReadHistory | GitUnavailable> {
    const project = this.configs.forFile(file);
    const flavour = JSON.stringify([project.file, project.config.dialect, project.config.template, project.config.handoffGlobs]);
    return this.histories.read(file, (text) => this.noteOf(file, text), project.config.history, flavour);
  }

  /** The roadmap a handoff is checked against, by the project layer's policy. */
  async roadmapFor(file: string): Promise<Note | null> {
    const notes = await this.projectNotes();
    const chosen = this.linkedRoadmap(file, notes);
    return chosen ? (notes.get(chosen)?.note ?? null) : null;
  }

  /** The handoffs a roadmap is checked against: the most recently changed that link to it. */
  async handoffsFor(file: string): Promise<Note[]> {
    const notes = await this.projectNotes();
    const handoffs = [...notes.values()].filter((n) => n.kind === 'handoff').map((entry) => ({ file: entry.file, changed: entry.changed, open: false, entry }));
    return handoffsOfRoadmap(resolve(file), handoffs, (h) => this.linkedRoadmap(h.file, notes)).map((h) => h.entry.note);
  }

  /** The absolute path of the roadmap `file` links to among the project's notes. */
  private linkedRoadmap(file: string, notes: Map<string, ProjectNote>): string | null {
    const roadmaps = [...notes.values()].filter((n) => n.kind === 'roadmap').map((n) => n.file);
    return chooseRoadmap(file, roadmaps, configuredRoadmap(this.configs.forFile(file)), this.configs.rootOf(file));
  }

  /** The handoffs and roadmaps of the project root, by absolute path. */
  async allNotes(): Promise<ProjectNote[]> {
    return [...(await this.projectNotes()).values()];
  }

  /** Replaces a note's text after --fix, so the notes linked to it read the fixed text. */
  updated(file: string, text: string): void {
    const entry = this.notes?.get(resolve(file));
    if (entry) entry.note = this.noteOf(entry.file, text);
  }

  /** The handoffs and roadmaps of the project root, read once per run. */
  private async projectNotes(): Promise<Map<string, ProjectNote>> {
    if (this.notes) return this.notes;
    const notes = new Map<string, ProjectNote>();
    for (const file of await noteFilesUnder(this.configs.root, this.configs)) {
      const read = readText(file, MAX_NOTE_BYTES);
      if ('problem' in read) continue;
      const parse = () => this.noteOf(file, read.text);
      if (handoffByPath(file, this.configs.forFile(file), read.text)) {
        notes.set(resolve(file), new LazyProjectNote(resolve(file), 'handoff', read.mtimeMs, parse));
        continue;
      }
      const note = parse();
      if (note.kind === 'other') continue;
      notes.set(resolve(file), new LazyProjectNote(resolve(file), note.kind, read.mtimeMs, () => note));
    }
    this.notes = notes;
    return notes;
  }

  dispose(): void {
    this.provider?.dispose();
    this.provider = null;
  }
}
