// One JSON array of findings: { file, line, column, endLine, endColumn, rule, severity,
// message, fixable }. A public contract: fields are only ever added.
import type { FileReport } from '../../project/findings';

export function json(reports: FileReport[]): string {
  return JSON.stringify(reports.flatMap((r) => r.findings), null, 2) + '\n';
}
