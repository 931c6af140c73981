// What a rule is. A rule declares metadata (its stable id, description, tags, whether it can
// fix, its options and documented examples) and a check that reports findings through its
// context. Severity comes from configuration, never from the rule.
import type { Fix, NoteKind, Severity } from '../types';
import type { CommandCatalog, GitFacts, WorkspaceFacts } from '../facts';
import type { Note } from '../model/note';
import type { SecretHit } from '../scan/types';

export interface OptionSpec {
  type: 'number' | 'string' | 'boolean' | 'string[]';
  default: number | string | boolean | string[];
  description: string;
}

export interface RuleExample {
  /** The note's text. */
  text: string;
  /** File name the example pretends to have (decides the kind of note). */
  path?: string;
  /** What the example shows, for the docs. */
  caption?: string;
  /** The repository and workspace the example assumes (see `exampleFacts`). */
  facts?: ExampleFacts;
}

/** A compact description of git and workspace state for rule examples and tests. */
export interface ExampleFacts {
  git?: Partial<GitFacts>;
  /** Workspace-relative files that exist. */
  files?: string[];
  commands?: Partial<CommandCatalog>;
  /** The roadmap a handoff example is checked against (default path docs/ROADMAP.md). */
  roadmap?: { text: string; path?: string };
  /** The handoffs a roadmap example is checked against (default path HANDOFF.md). */
  handoffs?: Array<{ text: string; path?: string }>;
}

export interface RuleMeta {
  /** Stable kebab-case id: users configure and suppress by it. */
  id: string;
  description: string;
  /** Longer rationale for the docs page. */
  rationale: string;
  /** More for the docs page, under "What it finds" (Markdown). */
  finds?: string;
  tags: string[];
  fixable: boolean;
  /** Default severity; configuration overrides it. */
  severity: Severity;
  /** Kinds of note it checks. */
  appliesTo: NoteKind[];
  /** Runs on every note Handoff looks at, also on files that only look like a handoff by name. */
  hygiene: boolean;
  /** Facts it cannot work without; the rule steps aside when they are absent. */
  needs?: Array<'git' | 'workspace' | 'roadmap' | 'handoffs'>;
  options?: Record<string, OptionSpec>;
  examples: { ok: RuleExample[]; notOk: RuleExample[] };
}

export interface Report {
  start: number;
  end: number;
  message: string;
  fix?: Fix;
  /** Edits offered one by one (a choice for the reader), never applied by Fix All or `--fix`. */
  suggestions?: Fix[];
}

export interface RuleContext {
  note: Note;
  /** The whole text, also when the note was parsed from a capped prefix. */
  text: string;
  options: Record<string, unknown>;
  /** Today as YYYY-MM-DD, injected so that rules are deterministic. */
  today: string;
  git: GitFacts | null;
  workspace: WorkspaceFacts | null;
  /** The roadmap this handoff is checked against. */
  roadmap: Note | null;
  /** The handoffs that point at this roadmap. */
  handoffs: Note[];
  report(report: Report): void;
  /** The secrets in `text`: one scan per note and text, the same the findings' masker reads. */
  secrets(): readonly SecretHit[];
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Option value with its declared default. */
export function option<T>(context: RuleContext, name: string): T {
  return context.options[name] as T;
}
