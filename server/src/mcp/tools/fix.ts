// handoff_fix: applies the fixes of one rule (or all) to the named notes (or every note), on disk
// through the project layer's atomic write, and returns the unified diff; dryRun writes nothing.
import { z } from 'zod';
import { maskerForNote, RULES, type Masker } from '../../engine';
import { unifiedDiff } from '../../project/diff';
import { lintFile } from '../../project/lint-note';
import { ToolRefusal, type McpContext } from '../context';
import { toolResult } from '../result';
import { pathList } from '../schemas';
import { targetsOf } from '../targets';
import type { ToolDefinition } from './tool';

export const fixInput = {
  path: pathList,
  rule: z.string().optional().describe('Apply only this rule\'s fixes (a rule id such as "list-numbering"); absent means every fixable rule'),
  dryRun: z.boolean().optional().describe('Return the diff and write nothing'),
};

export const fixTool: ToolDefinition<typeof fixInput> = {
  name: 'handoff_fix',
  title: 'Fix handoff notes',
  description: 'Apply the fixes of one rule or all to handoff notes on disk and return the unified diff; dryRun returns the diff only.',
  inputSchema: fixInput,
  outputSchema: {
    files: z.array(z.object({ file: z.string(), written: z.boolean(), diff: z.string(), remaining: z.number(), notes: z.array(z.string()) })),
    diff: z.string(),
    dryRun: z.boolean(),
  },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  async run(ctx: McpContext, { path, rule, dryRun }) {
    if (rule !== undefined && !RULES.some((r) => r.meta.id === rule)) throw new ToolRefusal(`Unknown rule "${rule}" (handoff_lint lists each finding's rule)`);
    const rules = rule ? RULES.filter((r) => r.meta.id === rule && r.meta.fixable) : [];
    if (rule && !rules.length) throw new ToolRefusal(`The rule "${rule}" has no fix`);
    const session = ctx.session();
    const masks: Masker[] = [];
    try {
      const files = [];
      for (const target of await targetsOf(ctx, session, path)) {
        const report = await lintFile(target, { project: session, today: ctx.today(), fix: true, fixRule: rule ?? null, dryRun: Boolean(dryRun) });
        if (report.change) masks.push(maskerForNote(session.noteOf(target.absolute, report.change.before)));
        const diff = report.change ? unifiedDiff(target.display, report.change.before, report.change.after) : '';
        files.push({ file: target.display, written: report.fixed, diff, remaining: report.findings.filter((f) => f.fixable && (!rule || f.rule === rule)).length, notes: report.skipped ? [`skipped, ${report.skipped}`, ...report.notes] : report.notes });
      }
      const diff = files.map((f) => f.diff).join('');
      const changed = files.filter((f) => f.diff);
      const head = !changed.length
        ? 'Nothing to fix.'
        : dryRun
          ? `Would fix ${changed.length} note${changed.length === 1 ? '' : 's'} (dry run, nothing written):`
          : `Fixed ${files.filter((f) => f.written).length} of ${changed.length} note${changed.length === 1 ? '' : 's'}:`;
      const notes = files.flatMap((f) => f.notes.map((n) => `${f.file}: ${n}`));
      return toolResult([head, ...notes, diff].filter(Boolean).join('\n'), { files, diff, dryRun: Boolean(dryRun) }, masks);
    } finally {
      session.dispose();
    }
  },
};
