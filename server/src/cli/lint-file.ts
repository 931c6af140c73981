// Linting one file: read its bytes, decode, lint, and with --fix apply fixes until none is left
// (or ten passes), writing the file once, only if it changed, with its BOM and line endings.
import { readFileSync, writeFileSync } from 'node:fs';
import { applyFixes, lint, noteOf, type LintInput, type Note } from '../engine';
import type { LoadedConfig } from './config';
import { decodeNote, encodeNote } from './decode';
import type { Target } from './files';
import { gitFactsFor, workspaceFor } from './git';
import { toCliFindings, type FileReport } from './report';

export const MAX_FIX_PASSES = 10;

export interface LintFileOptions {
  loaded: LoadedConfig;
  today: string;
  fix: boolean;
  env: NodeJS.ProcessEnv;
  /** The configured roadmap, for handoffs checked against it. */
  roadmap: { absolute: string; note: Note } | null;
}

export async function lintFile(target: Target, options: LintFileOptions): Promise<FileReport> {
  const report: FileReport = { file: target.display, findings: [], skipped: null, notes: [], fixed: false };
  let bytes: Buffer;
  try {
    bytes = readFileSync(target.absolute);
  } catch (error) {
    report.skipped = `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    return report;
  }
  const decoded = decodeNote(bytes);
  if (decoded.kind === 'binary') {
    report.skipped = 'binary file (NUL byte in its first 8 KB)';
    return report;
  }
  if (decoded.invalidSequences > 0) {
    report.notes.push(`invalid UTF-8: ${decoded.invalidSequences} byte sequence${decoded.invalidSequences > 1 ? 's' : ''} decoded as U+FFFD`);
  }
  const base = { path: target.notePath, config: options.loaded.config, template: options.loaded.template };
  const facts = await gitFactsFor(target, noteOf({ ...base, text: decoded.text }), options.loaded.root, options.env);
  if (facts.problem) report.notes.push(`git checks off: ${facts.problem}`);
  const input: Omit<LintInput, 'rules' | 'text'> = {
    ...base,
    today: options.today,
    git: facts.git,
    workspace: workspaceFor(options.loaded.root),
    roadmap: options.roadmap && options.roadmap.absolute !== target.absolute ? options.roadmap.note : null,
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
        writeFileSync(target.absolute, encodeNote(text, decoded.bom));
        report.fixed = true;
      }
    }
  }
  report.findings = toCliFindings(target.display, text, result.findings);
  return report;
}
