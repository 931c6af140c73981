// The engine's public surface: pure functions over text and injected facts.
export * from './types';
export type { GitFacts, WorkspaceFacts, CommitInfo, FileChange, PathHistory, CommandCatalog, NoteHistoryFacts, HistoryVersionFacts } from './facts';
export type { Rule, RuleMeta, RuleContext, RuleExample, OptionSpec } from './lint/rule';
export { RULES };
import { lintWith, type LintInput, type LintResult } from './lint/lint';
import { RULES } from './rules';
export { lintWith, noteOf, ruleApplies, type LintInput, type LintResult, type RuleFailure } from './lint/lint';

/** Lints a note with every rule unless told otherwise. */
export function lint(input: Omit<LintInput, 'rules'> & { rules?: LintInput['rules'] }): LintResult {
  return lintWith({ ...input, rules: input.rules ?? RULES });
}
/**
 * A file read as binary (a NUL byte, not UTF-16) is not linted, but it is still scanned for secrets:
 * only the rules that read any text, never its structure, run (no-secrets), over its bytes as Latin-1 or
 * as the editor decoded them; NUL bytes are skipped by the scan's reader view.
 */
export function lintBinary(input: Omit<LintInput, 'rules'>): LintResult {
  const result = lintWith({ ...input, rules: RULES.filter((r) => BINARY_RULES.has(r.meta.id)) });
  // No fix: writing text back into a binary file would change bytes nobody saw.
  return { ...result, findings: result.findings.map(({ fix: _fix, ...f }) => f) };
}
const BINARY_RULES = new Set(['no-secrets']);
export { applyFixes, applyEdits, fixEdits, compatibleFixes } from './lint/fix';
export { parseConfig, defaultConfig, resolveRule, CONFIG_FILE_NAMES, type HandoffConfig, type ConfigProblem } from './lint/config';
export { buildNote, type Note } from './model/note';
export { DIALECTS, templateDialect, type Dialect, type SectionSpec } from './dialects';
export { LineIndex } from './parse/lines';
export { matchesGlobs, DEFAULT_HANDOFF_GLOBS, DEFAULT_ROADMAP_GLOBS } from './model/detect';
export { IncrementalParser } from './parse/incremental';
export { parseMarkdown } from './parse/parse';
export { factQuestions, type FactQuestions } from './model/questions';
export { candidates, nonPaths } from './model/paths';
export { commitRefs, pathRefs } from './model/references';
export { ruleDocUrl } from './lint/docs-url';
export { localDate } from './model/dates';
export { planUpdate } from './update/update';
export { outlineNote, type NoteOutline, type OutlineEntry } from './outline/outline';
export { withSecretsMasked } from './scan/secrets';
export type { Section } from './model/sections';
export { ID_PATTERN } from './model/roadmap';
export { roadmapIds } from './roadmap/roadmap-link';
export { visit } from './parse/walk';
export { fillSkeleton } from './update/sections-edit';
export { newNoteText } from './update/new-note';
export { lazyMaskerForNote, maskerForNote } from './scan/note-masker';
export { masksNothing, maskTokenShapes, type Masker } from './scan/masker';
export { contentOf, timeline, carriedSteps, type NoteVersion, type VersionContent, type TimelineEntry, type CarriedStep } from './history/history';
