// Linting one file: read its bytes (bounded, a regular file only), decode, lint against its
// project (facts, roadmap, handoffs), and with --fix apply fixes until none is left (or ten
// passes), writing the file once, only if it changed, with its BOM and line endings.
import { applyFixes, lint, lintBinary, type LintInput } from '../engine';
import { encodeNote } from '../project/decode';
import { MAX_NOTE_BYTES, readText, skipReason } from '../project/read';
import { writeNote } from '../project/write';
import type { Target } from './files';
import type { CliProject } from './project';
import { toCliFindings, type FileReport } from './report';

export const MAX_FIX_PASSES = 10;

export interface LintFileOptions {
  project: CliProject;
  today: string;
  fix: boolean;
  /** --follow-symlinks: write through a link whose target is outside the root. */
  followSymlinks?: boolean;
}

export async function lintFile(target: Target, options: LintFileOptions): Promise<FileReport> {
  const report: FileReport = { file: target.display, findings: [], skipped: null, notes: [], fixed: false };
  const read = readText(target.absolute, MAX_NOTE_BYTES);
  if ('problem' in read) {
    report.skipped = skipReason(read);
    report.unusable = target.named && read.code === 'not-a-file';
    if (read.code === 'binary') {
      // Not linted, still scanned for secrets: a token behind a NUL byte is a token.
      const configured = options.project.configs.forFile(target.absolute);
      const path = options.project.noteOf(target.absolute, '').path;
      const result = lintBinary({ text: read.text, path, config: configured.config, template: configured.template, today: options.today, git: null, workspace: null, roadmap: null, handoffs: [] });
      report.findings = toCliFindings(target.display, read.text, result.findings);
      if (report.findings.length) report.skipped += '; scanned for secrets only';
    }
    return report;
  }
  const decoded = read.decoded;
  if (decoded.invalidSequences > 0) {
    report.notes.push(`invalid UTF-8: ${decoded.invalidSequences} byte sequence${decoded.invalidSequences > 1 ? 's' : ''} decoded as U+FFFD`);
  }
  const { project } = options;
  const configured = project.configs.forFile(target.absolute);
  const note = project.noteOf(target.absolute, decoded.text);
  const facts = await project.gitFor(target.absolute, note);
  if (facts.problem) report.notes.push(`git checks off: ${facts.problem}`);
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
  let result = lint({ ...input, text });
  if (options.fix && result.findings.some((f) => f.fix)) {
    const refusal =
      decoded.encoding !== 'utf-8'
        ? `not fixed: the file is ${decoded.encoding.toUpperCase()} and --fix writes UTF-8 only, which would change its encoding`
        : decoded.invalidSequences > 0
          ? 'not fixed: writing it back would replace its invalid UTF-8 bytes with U+FFFD'
          : null;
    if (refusal) report.notes.push(refusal);
    else {
      for (let pass = 0; pass < MAX_FIX_PASSES && result.findings.some((f) => f.fix); pass++) {
        const next = applyFixes(text, result.findings);
        if (next === text) break;
        text = next;
        result = lint({ ...input, text });
      }
      if (text !== decoded.text) {
        const wrote = writeNote(target.absolute, encodeNote(text, decoded.bom), { expected: read.bytes, root: project.configs.rootOf(target.absolute), followSymlinks: options.followSymlinks, maxBytes: MAX_NOTE_BYTES });
        if (wrote.written) {
          project.updated(target.absolute, text);
          report.fixed = true;
        } else {
          report.notes.push(wrote.reason);
          text = decoded.text;
          result = lint({ ...input, text });
        }
      }
    }
  }
  report.findings = toCliFindings(target.display, text, result.findings);
  return report;
}
