// handoff_update: the Update Handoff plan (date, branch, HEAD/upstream, worktree, changed files
// not yet mentioned) as a diff; with apply it writes. Prose is never touched. It refuses what the
// editor's command refuses, with the same words: no git (--no-git is Restricted Mode), a file
// that is not a handoff note, a note that changed while git ran.
import { z } from 'zod';
import { type Masker } from '../../engine';
import { skipReason } from '../../project/read';
import { UPDATE_REFUSALS, updateNoteFile, type UpdateOutcome } from '../../project/update-note';
import { ToolRefusal, type McpContext } from '../context';
import { toolResult } from '../result';
import { pathList } from '../schemas';
import { targetsOf } from '../targets';
import type { ToolDefinition } from './tool';

export const updateInput = {
  path: pathList,
  apply: z.boolean().optional().describe('Write the update; without it the diff is returned and nothing is written'),
};

/** What happened to one note, in the editor's words where the editor has them. */
function describe(outcome: UpdateOutcome): { status: string; message: string } {
  switch (outcome.status) {
    case 'unreadable':
      return { status: 'refused', message: `Cannot read the note: ${skipReason(outcome.problem)}` };
    case 'not-a-handoff':
      return { status: 'refused', message: UPDATE_REFUSALS.notHandoff };
    case 'no-git':
      return { status: 'refused', message: outcome.problem ?? 'Not a git repository' };
    case 'refused':
      return { status: 'refused', message: outcome.reason };
    case 'encoding':
      return { status: 'refused', message: `Not written: ${outcome.reason}; writing it would change its bytes` };
    case 'changed':
      return { status: 'refused', message: UPDATE_REFUSALS.changed };
    case 'not-written':
      return { status: 'refused', message: outcome.reason };
    case 'up-to-date':
      return { status: 'up-to-date', message: 'Up to date' };
    case 'updated':
      return outcome.written ? { status: 'updated', message: `Updated (${outcome.summary.join('; ')})` } : { status: 'planned', message: `Would update (${outcome.summary.join('; ')})` };
  }
}

export const updateTool: ToolDefinition<typeof updateInput> = {
  name: 'handoff_update',
  title: 'Update handoff notes from git',
  description: 'Refresh what git knows in handoff notes (date, branch, HEAD/upstream, worktree, changed files not yet mentioned); returns the diff, writes only with apply: true. Prose is never touched.',
  inputSchema: updateInput,
  outputSchema: {
    files: z.array(z.object({ file: z.string(), status: z.enum(['planned', 'updated', 'up-to-date', 'refused']), message: z.string(), diff: z.string(), summary: z.array(z.string()) })),
    applied: z.boolean(),
  },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  async run(ctx: McpContext, { path, apply }) {
    if (!ctx.options.git) throw new ToolRefusal(UPDATE_REFUSALS.untrusted);
    const session = ctx.session();
    const masks: Masker[] = [];
    try {
      const targets = await targetsOf(ctx, session, path);
      const files = [];
      for (const target of targets) {
        const { outcome, mask } = await updateNoteFile(target.absolute, { project: session, today: ctx.today(), display: target.display, dryRun: !apply });
        // Every note of the project is walked when none is named: only handoffs are reported then.
        if (path === undefined && outcome.status === 'not-a-handoff') continue;
        masks.push(mask);
        const { status, message } = describe(outcome);
        files.push({ file: target.display, status: status as 'planned' | 'updated' | 'up-to-date' | 'refused', message, diff: outcome.status === 'updated' ? outcome.diff : '', summary: outcome.status === 'updated' ? outcome.summary : [] });
      }
      if (!files.length) throw new ToolRefusal('No handoff note found (name one, e.g. path: "HANDOFF.md")');
      const text = [...files.map((f) => `${f.file}: ${f.message}`), ...files.map((f) => f.diff).filter(Boolean)].join('\n');
      const result = toolResult(text, { files, applied: Boolean(apply) }, masks);
      // One note named and refused: a tool error, as the editor shows its refusal.
      if (files.length === 1 && files[0].status === 'refused') result.isError = true;
      return result;
    } finally {
      session.dispose();
    }
  },
};
