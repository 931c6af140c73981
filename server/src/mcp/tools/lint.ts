// handoff_lint: the findings `handoff lint --format json` gives for the same notes, each with its
// fix available or not and its rule's docs page.
import { z } from 'zod';
import { ruleDocUrl } from '../../engine';
import { countBySeverity, type JsonFinding } from '../../project/findings';
import { lintFile } from '../../project/lint-note';
import type { McpContext } from '../context';
import { toolResult } from '../result';
import { fileShape, findingShape, pathList } from '../schemas';
import { targetsOf } from '../targets';
import type { ToolDefinition } from './tool';

/** Findings listed in the text result; the structured result has them all. */
const TEXT_FINDINGS = 30;

export const lintInput = { path: pathList };

export const lintTool: ToolDefinition<typeof lintInput> = {
  name: 'handoff_lint',
  title: 'Lint handoff notes',
  description: 'Check handoff notes and roadmaps (structure, git-aware snapshot, references, secrets, hygiene): one note, a list, or every note of the project. Read-only.',
  inputSchema: lintInput,
  outputSchema: {
    findings: z.array(findingShape),
    files: z.array(fileShape),
    counts: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
  },
  annotations: { readOnlyHint: true, idempotentHint: true },
  async run(ctx: McpContext, { path }) {
    const session = ctx.session();
    try {
      const reports = [];
      for (const target of await targetsOf(ctx, session, path)) reports.push(await lintFile(target, { project: session, today: ctx.today(), fix: false }));
      const findings = reports.flatMap((r) => r.findings).map((f: JsonFinding) => ({ ...f, docs: ruleDocUrl(f.rule) }));
      const counts = countBySeverity(reports);
      const files = reports.map((r) => ({ file: r.file, skipped: r.skipped, notes: r.notes }));
      const lines = [`${findings.length} finding${findings.length === 1 ? '' : 's'} in ${reports.length} note${reports.length === 1 ? '' : 's'} (${counts.error} errors, ${counts.warning} warnings, ${counts.info} info)`];
      for (const f of findings.slice(0, TEXT_FINDINGS)) lines.push(`${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule}${f.fixable ? ' (fixable)' : ''}: ${f.message}`);
      if (findings.length > TEXT_FINDINGS) lines.push(`…and ${findings.length - TEXT_FINDINGS} more (all in the structured result)`);
      for (const r of reports) {
        if (r.skipped) lines.push(`${r.file}: skipped, ${r.skipped}`);
        for (const n of r.notes) lines.push(`${r.file}: ${n}`);
      }
      return toolResult(lines.join('\n'), { findings, files, counts });
    } finally {
      session.dispose();
    }
  },
};
