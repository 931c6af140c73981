// The history of a note, the same for every front end: the versions git holds of it (renames
// followed, bounded by the configuration's `history` limits), each version read and parsed once
// per `commit:path` (versions never change, so the parsed form is kept in a bounded cache), the
// facts the history rules read, and the timeline and carried-over steps the CLI, the language
// server and the MCP server show, every string masked.
import { dirname } from 'node:path';
import { LRUCache } from 'lru-cache';
import { carriedSteps, contentOf, lazyMaskerForNote, maskerForNote, timeline, type Masker, type Note, type NoteHistoryFacts, type NoteVersion, type TimelineEntry, type VersionContent, type HandoffConfig } from '../engine';
import { isGitUnavailable, type GitFactsProvider, type GitUnavailable } from '../git';

/** The configuration's `history` limits (maxVersions, maxDays, staleSteps). */
export type HistoryLimits = HandoffConfig['history'];

export const historyLimits = (config: HandoffConfig): HistoryLimits => config.history;

/** One version as read: what the rules compare, and the masker of its own text. */
interface ParsedVersion {
  content: VersionContent;
  mask: Masker;
}

export interface ReadHistory {
  /** What the history rules read (readable versions only, newest first). */
  facts: NoteHistoryFacts;
  /** Each version's own masker, parallel to `facts.versions`. */
  masks: Masker[];
}

export interface VersionRef {
  commit: string;
  date: string;
}

export interface HistoryStepView {
  text: string;
  /** 0-based line in the current text. */
  line: number;
  sessions: number;
  since: VersionRef | null;
  days: number | null;
  reopened: (VersionRef & { how: 'done' | 'dropped' }) | null;
}

export interface HistoryView {
  versions: TimelineEntry[];
  steps: HistoryStepView[];
}

/** Parses a version's text as the current note is parsed (its configuration, its path). */
export type ParseVersion = (text: string) => Note;

export class NoteHistories {
  /** Parsed versions by `flavour|commit:path` (`unreadable`: too large, or not text). */
  private readonly parsed: LRUCache<string, ParsedVersion | { unreadable: true }>;

  constructor(
    private readonly provider: () => GitFactsProvider | null,
    options: { maxParsed?: number } = {},
  ) {
    this.parsed = new LRUCache({ max: options.maxParsed ?? 2000 });
  }

  /**
   * The note's versions and the facts the rules read. `flavour` names how versions are parsed
   * (the note's configuration): a version is parsed again only when it changes.
   */
  async read(file: string, parse: ParseVersion, limits: HistoryLimits, flavour: string): Promise<ReadHistory | GitUnavailable> {
    const provider = this.provider();
    if (!provider) return NO_GIT;
    const versions = await provider.noteVersions(file, limits);
    if (isGitUnavailable(versions)) return versions;
    const key = (v: NoteVersion) => `${flavour}|${v.commit}:${v.path}`;
    const missing = versions.filter((v) => !this.parsed.has(key(v)));
    if (missing.length) {
      let slice = performance.now();
      const texts = await provider.versionTexts(file, missing.map((v) => `${v.commit}:${v.path}`));
      if (isGitUnavailable(texts)) return texts;
      for (const v of missing) {
        const text = texts.get(`${v.commit}:${v.path}`);
        if (text === undefined) {
          this.parsed.set(key(v), { unreadable: true });
          continue;
        }
        const note = parse(text);
        this.parsed.set(key(v), { content: contentOf(note), mask: lazyMaskerForNote(note) });
        // Parsing hundreds of versions must not hold up the lint of a keystroke: the event loop
        // gets a turn every few milliseconds.
        if (performance.now() - slice > SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          slice = performance.now();
        }
      }
    }
    const read: ReadHistory = { facts: { versions: [], staleSteps: limits.staleSteps, changedSinceNote: null }, masks: [] };
    for (const v of versions) {
      const p = this.parsed.get(key(v));
      if (!p || 'unreadable' in p) continue;
      read.facts.versions.push({ version: v, content: p.content });
      read.masks.push(p.mask);
    }
    if (versions.length) {
      const changes = await provider.changedSince(dirname(file), versions[0].commit);
      read.facts.changedSinceNote = isGitUnavailable(changes) || changes === null ? null : changes.changes;
    }
    return read;
  }

  /** The note's text in `commit` at the path it had there, masked with its own masker and `mask`; null when it has no such version. */
  async versionText(file: string, commit: string, parse: ParseVersion, limits: HistoryLimits, mask: Masker): Promise<string | null | GitUnavailable> {
    const provider = this.provider();
    if (!provider) return NO_GIT;
    const versions = await provider.noteVersions(file, limits);
    if (isGitUnavailable(versions)) return versions;
    const wanted = commit.toLowerCase();
    const version = /^[0-9a-f]{7,64}$/.test(wanted) ? versions.find((v) => v.commit.startsWith(wanted)) : undefined;
    if (!version) return null;
    const name = `${version.commit}:${version.path}`;
    const texts = await provider.versionTexts(file, [name]);
    if (isGitUnavailable(texts)) return texts;
    const text = texts.get(name);
    if (text === undefined) return null;
    return mask(maskerForNote(parse(text))(text));
  }
}

const SLICE_MS = 8;

const NO_GIT: GitUnavailable = { kind: 'git-unavailable', reason: 'untrusted', message: 'Git is off' };

/** The timeline and the carried-over steps of `note` (the current text), every string masked with the version's masker and `mask`. */
export function historyView(note: Note, read: ReadHistory, today: string, mask: Masker): HistoryView {
  const versions = read.facts.versions;
  const entries = timeline(versions).map((e, i) => {
    const m = (s: string) => mask(read.masks[i](s));
    return {
      ...e,
      path: m(e.path),
      author: m(e.author),
      subject: m(e.subject),
      steps: { added: e.steps.added.map(m), done: e.steps.done.map(m), dropped: e.steps.dropped.map(m) },
      risks: { added: e.risks.added.map(m), resolved: e.risks.resolved.map(m) },
      ...(e.results ? { results: e.results.map((r) => ({ command: m(r.command), result: m(r.result), before: r.before === null ? null : m(r.before) })) } : {}),
    };
  });
  const ref = (v: NoteVersion): VersionRef => ({ commit: v.commit, date: v.date });
  const steps = carriedSteps(contentOf(note), versions).map((s) => ({
    text: mask(s.text),
    line: note.lines.position(s.start).line,
    sessions: s.sessions,
    since: s.since && ref(s.since),
    days: s.since ? daysBetween(s.since.date, today) : null,
    reopened: s.reopened && { ...ref(s.reopened.in), how: s.reopened.how },
  }));
  return { versions: entries, steps };
}

/** Whole days from an ISO date (its calendar day) to `today` (YYYY-MM-DD). */
export function daysBetween(isoDate: string, today: string): number {
  return Math.max(0, Math.round((Date.parse(today) - Date.parse(isoDate.slice(0, 10))) / 86_400_000));
}
