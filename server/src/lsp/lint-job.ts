// Linting one large open document, the same in the lint worker thread and in the server's own
// thread: plain data in (the text, configuration, template, facts, and the roadmap or handoffs
// as text), diagnostics and the counts the status item shows out, so a job can cross to a worker.
// The thread that runs the jobs keeps an incremental parser per document, as the server's own
// thread does for the documents it lints, so a keystroke in a large note re-parses its chunk only.
import type { Diagnostic } from 'vscode-languageserver/node';
import { LRUCache } from 'lru-cache';
import { lint, noteOf, textFindings, type IncrementalParser, type Dialect, type GitFacts, type HandoffConfig, type WorkspaceFacts } from '../engine';
import { toDiagnostic } from './convert';

export interface LintJob {
  version: number;
  text: string;
  path: string;
  config: HandoffConfig;
  template: Dialect | null;
  today: string;
  git: GitFacts | null;
  workspace: WorkspaceFacts | null;
  roadmap: { path: string | null; text: string } | null;
  handoffs: Array<{ path: string | null; text: string }>;
  /** The document has no whole lint out yet: its text findings are sent on before the structure is modelled. */
  textFirst: boolean;
}

export interface LintSummary {
  kind: 'handoff' | 'roadmap' | 'other';
  dialect: string | null;
  hygieneOnly: boolean;
  errors: number;
  warnings: number;
  infos: number;
}

export type LintJobResult = { diagnostics: Diagnostic[]; summary: LintSummary; failures: Array<{ ruleId: string; error: string }> } | null;

/**
 * The parsers of the documents a thread lints, by document. Few: each holds the tree of up to
 * `maxLintBytes` of its note, and large documents are seldom open together.
 */
export function lintJobParsers(): LRUCache<string, IncrementalParser> {
  return new LRUCache({ max: 3 });
}

/**
 * `early` is given the text findings (secrets, personal data, characters, the size cap) of a
 * job marked `textFirst`, before the note is modelled, when they are sure to be among the whole
 * lint's (engine's `textFindings`): a large note's first diagnostics wait for no parse.
 */
export function runLintJob(job: LintJob, parser?: IncrementalParser, early?: (diagnostics: Diagnostic[]) => void): LintJobResult {
  const { text, path, config, template } = job;
  if (job.textFirst && early) {
    const first = textFindings({ text, path, config, template, today: job.today });
    if (first) early(first.findings.map((f) => toDiagnostic(first.lines, f, job.version)));
  }
  const note = noteOf({ text, path, config, template, parser });
  if (note.kind === 'other') return null;
  const other = (n: { path: string | null; text: string }) => noteOf({ text: n.text, path: n.path ?? undefined, config, template });
  const result = lint({ text, path, config, template, today: job.today, note, git: job.git, workspace: job.workspace, roadmap: job.roadmap && note.kind === 'handoff' ? other(job.roadmap) : null, handoffs: note.kind === 'roadmap' ? job.handoffs.map(other) : [] });
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  return {
    diagnostics: result.findings.map((f) => toDiagnostic(result.lines, f, job.version)),
    summary: { kind: note.kind, dialect: note.dialect.id, hygieneOnly: note.hygieneOnly, errors: count('error'), warnings: count('warning'), infos: count('info') },
    failures: result.failures.map((f) => ({ ruleId: f.ruleId, error: f.error instanceof Error ? f.error.message : String(f.error) })),
  };
}
