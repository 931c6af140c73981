// What a lint run reports for one file, in the shape every CLI output format and the MCP server's
// handoff_lint read. Lines and columns are 1-based; columns count UTF-16 code units, as editors
// and LSP do.
import { LineIndex, type Finding, type Severity } from '../engine';

/** One finding as `--format json` prints it: a public contract, keep it stable. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Severity;
  message: string;
  fixable: boolean;
}

export interface FileReport {
  /** Path relative to the working directory, POSIX separators. */
  file: string;
  findings: JsonFinding[];
  /** Why the file was not linted (binary), or null. */
  skipped: string | null;
  /** A file named on the command line that is not a regular file (a FIFO, a device): exit 2. */
  unusable?: boolean;
  /** Notices about the file (invalid UTF-8, not written back). */
  notes: string[];
  /** Whether fixing wrote the file. */
  fixed: boolean;
}

export function toJsonFindings(file: string, text: string, findings: Finding[]): JsonFinding[] {
  const lines = new LineIndex(text);
  return findings.map((f) => {
    const start = lines.position(f.start);
    const end = lines.position(Math.max(f.end, f.start));
    return {
      file,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      rule: f.ruleId,
      severity: f.severity,
      message: f.message,
      fixable: Boolean(f.fix),
    };
  });
}

export function countBySeverity(reports: FileReport[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of reports) for (const f of r.findings) counts[f.severity]++;
  return counts;
}
