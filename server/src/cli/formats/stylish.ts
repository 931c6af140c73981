// Human-readable output, grouped by file, in the manner of ESLint's "stylish".
import type { Severity } from '../../engine';
import { countBySeverity, type FileReport } from '../../project/findings';
import type { FormatContext } from './format';

const COLORS: Record<Severity | 'dim' | 'bold', [string, string]> = {
  error: ['\x1b[31m', '\x1b[39m'],
  warning: ['\x1b[33m', '\x1b[39m'],
  info: ['\x1b[36m', '\x1b[39m'],
  dim: ['\x1b[2m', '\x1b[22m'],
  bold: ['\x1b[1m', '\x1b[22m'],
};

export function stylish(reports: FileReport[], { color }: FormatContext): string {
  const paint = (style: keyof typeof COLORS, s: string) => (color ? COLORS[style][0] + s + COLORS[style][1] : s);
  const out: string[] = [];
  for (const report of reports) {
    if (!report.findings.length) continue;
    out.push(paint('bold', report.file));
    const rows = report.findings.map((f) => [`${f.line}:${f.column}`, f.severity, f.message, f.rule] as const);
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    const w2 = Math.max(...rows.map((r) => r[2].length));
    for (const [where, severity, message, rule] of rows) {
      out.push(`  ${paint('dim', where.padEnd(w0))}  ${paint(severity, severity.padEnd(w1))}  ${message.padEnd(w2)}  ${paint('dim', rule)}`);
    }
    out.push('');
  }
  const counts = countBySeverity(reports);
  const total = counts.error + counts.warning + counts.info;
  if (!total) return '';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = `${counts.error ? '✖' : '⚠'} ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info)`;
  out.push(paint(counts.error ? 'error' : 'warning', summary));
  const fixable = reports.reduce((n, r) => n + r.findings.filter((f) => f.fixable).length, 0);
  if (fixable) out.push(`  ${plural(fixable, 'problem')} fixable with --fix`);
  return out.join('\n') + '\n';
}
