// Linting one file, the one way the CLI and the MCP server lint: read its bytes (bounded, a
// regular file only), decode, lint against its project (facts, roadmap, handoffs), and when fixing
// apply fixes (all, or one rule's) until none is left (or ten passes), writing the file once, only
// if it changed, with its BOM and line endings; a dry run keeps the fixed text and writes nothing.
import { applyFixes, lint, lintBinary, type Finding, type LintInput } from '../engine';
import { encodeNote } from './decode';
import { MAX_NOTE_BYTES, readText, skipReason } from './read';
import { writeNote } from './write';
import type { ProjectSession } from './session';
import { toJsonFindings, type FileReport } from './findings';

export const MAX_FIX_PASSES = 10;

/** The file a lint looks at. */
export interface LintTarget {
  absolute: string;
  /** How reports name it (POSIX, relative to where the run started). */
  display: string;
  /** Named by the user (not found in a folder): a FIFO or device named is unusable. */
  named: boolean;
}

export interface LintFileOptions {
  project: ProjectSession;
  today: string;
  fix: boolean;
  /** Apply the fixes of this rule only. */
  fixRule?: string | null;
  /** Compute the fixed text, write nothing. */
  dryRun?: boolean;
  /** Write through a link whose target is outside the root. */
  followSymlinks?: boolean;
}

/** A lint report, with the text before and after fixing when fixes changed it. */
export type LintFileReport = FileReport & { change?: { before: string; after: string } };

export async function lintFile(target: LintTarget, options: LintFileOptions): Promise<LintFileReport> {
  const report: LintFileReport = { file: target.display, findings: [], skipped: null, notes: [], fixed: false };
  const read = readText(target.absolute, MAX_NOTE_BYTES);
  if ('problem' in read) {
    report.skipped = skipReason(read);
    report.unusable = target.named && read.code === 'not-a-file';
    if (read.code === 'binary') {
      // Not linted, still scanned for secrets: a token behind a NUL byte is a token.
      const configured = options.project.configs.forFile(target.absolute);
      const path = options.project.noteOf(target.absolute, '').path;
      const result = lintBinary({ text: read.text, path, config: configured.config, template: configured.template, today: options.today, git: null, workspace: null, roadmap: null, handoffs: [] });
      report.findings = toJsonFindings(target.display, read.text, result.findings);
      if (report.findings.length) report.skipped += '; scanned for secrets only';
    }
    return report;
  }
  const decoded = read.decoded;
  if (decoded.invalidSequences > 0) {
    report.notes.push(`invalid UTF-8: ${decoded.invalidSequences} byte sequence${decoded.invalidSequences > 1 ? 's' : ''} decoded as U+FFFD`);
  }
  const { project } = options;
  await project.startGit(target.absolute);
  const configured = project.configs.forFile(target.absolute);
  const note = project.noteOf(target.absolute, decoded.text);
  const facts = await project.gitFor(target.absolute, note, { history: true });
  if (facts.problem) report.notes.push(`git checks off: ${facts.problem}`);
  if (facts.gap) report.notes.push(`some git checks skipped: ${facts.gap}`);
  const input: Omit<LintInput, 'rules' | 'text'> = {
    path: note.path,
    config: configured.config,
    template: configured.template,
    today: options.today,
    git: facts.git,
    workspace: project.workspaceFor(target.absolute),
    roadmap: note.kind === 'handoff' ? await project.roadmapFor(target.absolute) : null,
    handoffs: note.kind === 'roadmap' ? await project.handoffsFor(target.absolute) : [],
  };
  let text = decoded.text;
  // The note above was built from this text with these options: the lint reuses it.
  let result = lint({ ...input, text, note });
  const fixable = (findings: Finding[]) => findings.some((f) => f.fix && (!options.fixRule || f.ruleId === options.fixRule));
  if (options.fix && fixable(result.findings)) {
    const refusal =
      decoded.encoding !== 'utf-8'
        ? `not fixed: the file is ${decoded.encoding.toUpperCase()} and --fix writes UTF-8 only, which would change its encoding`
        : decoded.invalidSequences > 0
          ? 'not fixed: writing it back would replace its invalid UTF-8 bytes with U+FFFD'
          : null;
    if (refusal) report.notes.push(refusal);
    else {
      for (let pass = 0; pass < MAX_FIX_PASSES && fixable(result.findings); pass++) {
        const next = applyFixes(text, options.fixRule ? result.findings.filter((f) => f.ruleId === options.fixRule) : result.findings);
        if (next === text) break;
        text = next;
        result = lint({ ...input, text });
      }
      if (text !== decoded.text) report.change = { before: decoded.text, after: text };
      if (text !== decoded.text && !options.dryRun) {
        const wrote = writeNote(target.absolute, encodeNote(text, decoded.bom), { expected: read.bytes, root: project.configs.rootOf(target.absolute), followSymlinks: options.followSymlinks, maxBytes: MAX_NOTE_BYTES });
        if (wrote.written) {
          project.updated(target.absolute, text);
          report.fixed = true;
        } else {
          report.notes.push(wrote.reason);
          report.change = undefined;
          text = decoded.text;
          result = lint({ ...input, text });
        }
      }
    }
  }
  report.findings = toJsonFindings(target.display, text, result.findings);
  return report;
}
