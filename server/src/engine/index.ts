// The engine's public surface: pure functions over text and injected facts.
export * from './types';
export type { GitFacts, WorkspaceFacts, CommitInfo, FileChange, PathHistory, CommandCatalog } from './facts';
export type { Rule, RuleMeta, RuleContext, RuleExample, OptionSpec } from './rule';
export { RULES };
import { lintWith, type LintInput, type LintResult } from './lint';
import { RULES } from './rules';
export { lintWith, noteOf, ruleApplies, type LintInput, type LintResult, type RuleFailure } from './lint';

/** Lints a note with every rule unless told otherwise. */
export function lint(input: Omit<LintInput, 'rules'> & { rules?: LintInput['rules'] }): LintResult {
  return lintWith({ ...input, rules: input.rules ?? RULES });
}
export { applyFixes, applyEdits, fixEdits, compatibleFixes } from './fix';
export { parseConfig, defaultConfig, resolveRule, CONFIG_FILE_NAMES, type HandoffConfig, type ConfigProblem } from './config';
export { buildNote, type Note } from './model/note';
export { DIALECTS, templateDialect, type Dialect, type SectionSpec } from './dialects';
export { LineIndex } from './lines';
export { matchesGlobs, DEFAULT_HANDOFF_GLOBS, DEFAULT_ROADMAP_GLOBS } from './detect';
export { IncrementalParser } from './incremental';
export { parseMarkdown } from './parse';
