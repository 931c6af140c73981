// The note's own history, read from the versions git holds of it (newest first): what each
// version changed in the next steps and risks, and for each open step of the current text, how
// many versions in a row it has stood open, since when, and whether it came back after it was
// ticked or dropped. Pure: the caller reads the versions and parses them with the note's options.
import type { Note } from '../model/note';
import { outlineNote } from '../outline/outline';
import { bestMatch, normalizeStep, StepIndex } from './step-match';
import { verifySections } from '../model/verify';

/** One committed version of a note. */
export interface NoteVersion {
  commit: string;
  /** ISO 8601 author date. */
  date: string;
  author: string;
  subject: string;
  /** The note's repository-relative path in that commit (notes get renamed). */
  path: string;
}

/** What a version says: its next steps (open or done) and its risks. */
export interface VersionContent {
  steps: Array<{ text: string; done: boolean; start: number; end: number }>;
  risks: string[];
  /** Results recorded next to verify commands (`npm test` — 680 passing). */
  results: Array<{ command: string; result: string }>;
}

export interface TimelineEntry extends NoteVersion {
  steps: { added: string[]; done: string[]; dropped: string[] };
  risks: { added: string[]; resolved: string[] };
  /** Recorded results that differ from the version before (absent when none do). */
  results?: Array<{ command: string; result: string; before: string | null }>;
}

export interface CarriedStep {
  text: string;
  /** Offsets of the step in the current text. */
  start: number;
  end: number;
  /** Versions in a row, newest first, in which the step stood open. */
  sessions: number;
  /** The oldest version of that run. */
  since: NoteVersion | null;
  /** It stood open before, then was ticked or dropped in `reopened.in`, and is open again. */
  reopened: { in: NoteVersion; how: 'done' | 'dropped' } | null;
}

export function contentOf(note: Note): VersionContent {
  const outline = outlineNote(note);
  return {
    steps: outline.nextSteps.map((s) => ({ text: s.text, done: s.done, start: s.start, end: s.end })),
    risks: outline.risks.map((r) => r.text),
    results: verifySections(note).flatMap((v) => v.commands.flatMap((c) => (c.result === null ? [] : [{ command: c.command, result: c.result }]))),
  };
}

/** Pairs each step of `newer` with the same step of `older` (index, or -1). */
function pair(newer: readonly string[], older: readonly string[]): number[] {
  const taken = new Set<number>();
  return newer.map((text) => {
    const i = bestMatch(text, older, taken);
    if (i >= 0) taken.add(i);
    return i;
  });
}

/** What each version changed against the one before it (the oldest: everything it holds). */
export function timeline(versions: ReadonlyArray<{ version: NoteVersion; content: VersionContent }>): TimelineEntry[] {
  return versions.map(({ version, content }, i) => {
    const older = versions[i + 1]?.content ?? { steps: [], risks: [], results: [] };
    const olderSteps = older.steps.map((s) => normalizeStep(s.text));
    const matched = pair(content.steps.map((s) => normalizeStep(s.text)), olderSteps);
    const steps = { added: [] as string[], done: [] as string[], dropped: [] as string[] };
    content.steps.forEach((s, j) => {
      const before = matched[j] >= 0 ? older.steps[matched[j]] : null;
      if (!before) {
        if (s.done) steps.done.push(s.text);
        else steps.added.push(s.text);
      } else if (s.done && !before.done) steps.done.push(s.text);
    });
    const kept = new Set(matched.filter((m) => m >= 0));
    older.steps.forEach((s, k) => {
      if (!kept.has(k) && !s.done) steps.dropped.push(s.text);
    });
    const risksNow = content.risks.map(normalizeStep);
    const risksBefore = older.risks.map(normalizeStep);
    const riskPairs = pair(risksNow, risksBefore);
    const keptRisks = new Set(riskPairs.filter((m) => m >= 0));
    const results = changedResults(content.results, older.results);
    return {
      ...version,
      steps,
      risks: {
        added: content.risks.filter((_, j) => riskPairs[j] < 0),
        resolved: older.risks.filter((_, k) => !keptRisks.has(k)),
      },
      ...(results.length ? { results } : {}),
    };
  });
}

/** Results of `now` that differ from the result the same command had in `before` (or are new). */
function changedResults(now: VersionContent['results'], before: VersionContent['results']): NonNullable<TimelineEntry['results']> {
  return now.flatMap(({ command, result }) => {
    const old = before.find((b) => b.command === command)?.result ?? null;
    return old === result ? [] : [{ command, result, before: old }];
  });
}

/**
 * For each open step of the current text: the run of versions (newest first) in which the same
 * step stood open, following small rewordings from version to version, and whether an older
 * version had it before a version that ticked or dropped it.
 */
export function carriedSteps(current: VersionContent, versions: ReadonlyArray<{ version: NoteVersion; content: VersionContent }>): CarriedStep[] {
  // Each version's steps are indexed once, and each step's answer kept by its normalised text:
  // while typing, the same versions are asked about the same steps keystroke after keystroke.
  let memo = MEMO.get(versions);
  if (!memo) MEMO.set(versions, (memo = { indexes: versions.map((v) => indexOf(v.content)), answers: new Map() }));
  const { indexes, answers } = memo;
  return current.steps
    .filter((s) => !s.done)
    .map((s) => {
      const key = normalizeStep(s.text);
      let answer = answers.get(key);
      if (!answer) {
        answer = carry(key, versions, indexes);
        if (answers.size > 1000) answers.clear();
        answers.set(key, answer);
      }
      return { text: s.text, start: s.start, end: s.end, ...answer };
    });
}

type Carry = Pick<CarriedStep, 'sessions' | 'since' | 'reopened'>;

const MEMO = new WeakMap<object, { indexes: StepIndex[]; answers: Map<string, Carry> }>();
const INDEXES = new WeakMap<VersionContent, StepIndex>();

function indexOf(content: VersionContent): StepIndex {
  let index = INDEXES.get(content);
  if (!index) INDEXES.set(content, (index = new StepIndex(content.steps.map((s) => normalizeStep(s.text)))));
  return index;
}

function carry(step: string, versions: ReadonlyArray<{ version: NoteVersion; content: VersionContent }>, indexes: readonly StepIndex[]): Carry {
  let text = step;
  let sessions = 0;
  let since: NoteVersion | null = null;
  let broke: { in: NoteVersion; how: 'done' | 'dropped' } | null = null;
  let reopened: CarriedStep['reopened'] = null;
  for (let i = 0; i < versions.length; i++) {
    const found = indexes[i].match(text);
    const step = found >= 0 ? versions[i].content.steps[found] : null;
    if (broke === null) {
      if (step && !step.done) {
        sessions++;
        since = versions[i].version;
        text = indexes[i].candidates[found];
        continue;
      }
      broke = { in: versions[i].version, how: step ? 'done' : 'dropped' };
      continue;
    }
    if (step) {
      // Gone from a version after one that ticked it: it came back after it was done.
      reopened = broke.how === 'dropped' && step.done ? { in: versions[i].version, how: 'done' } : broke;
      break;
    }
  }
  return { sessions, since, reopened };
}
