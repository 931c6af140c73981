// handoff_outline: what `handoff outline --json` gives (status, next steps in order, risks,
// roadmap phases and progress), for one note, a list, or every note.
import { z } from 'zod';
import { maskerForNote, outlineNote, type Masker } from '../../engine';
import { outlineJson, outlineText } from '../../project/outline';
import { MAX_NOTE_BYTES, readText, skipReason } from '../../project/read';
import type { McpContext } from '../context';
import { toolResult } from '../result';
import { pathList } from '../schemas';
import { targetsOf } from '../targets';
import type { ToolDefinition } from './tool';

export const outlineInput = { path: pathList };

const snapshotShape = z.object({ date: z.string().nullable(), branch: z.string().nullable(), commit: z.string().nullable(), upstream: z.string().nullable(), worktree: z.string().nullable() });

export const outlineTool: ToolDefinition<typeof outlineInput> = {
  name: 'handoff_outline',
  title: 'Outline handoff notes',
  description: 'The outline of handoff notes and roadmaps: snapshot (date, branch, commit, worktree), next steps in order, risks, roadmap phases and progress. Read-only.',
  inputSchema: outlineInput,
  outputSchema: {
    files: z.array(
      z.object({
        file: z.string(),
        kind: z.enum(['handoff', 'roadmap', 'other']),
        dialect: z.string(),
        title: z.string().nullable(),
        snapshot: snapshotShape,
        nextSteps: z.array(z.object({ text: z.string(), line: z.number(), done: z.boolean() })),
        risks: z.array(z.object({ text: z.string(), line: z.number() })),
        roadmap: z.object({ phases: z.array(z.object({ title: z.string(), line: z.number(), items: z.array(z.object({ id: z.string().nullable(), text: z.string(), line: z.number(), status: z.string().nullable() })) })) }).nullable(),
      }),
    ),
    skipped: z.array(z.object({ file: z.string(), reason: z.string() })),
  },
  annotations: { readOnlyHint: true, idempotentHint: true },
  async run(ctx: McpContext, { path }) {
    const session = ctx.session();
    try {
      const files = [];
      const skipped = [];
      const masks: Masker[] = [];
      for (const target of await targetsOf(ctx, session, path)) {
        const read = readText(target.absolute, MAX_NOTE_BYTES);
        if ('problem' in read) {
          skipped.push({ file: target.display, reason: skipReason(read) });
          continue;
        }
        const note = session.noteOf(target.absolute, read.text);
        masks.push(maskerForNote(note));
        files.push(outlineJson(target.display, note, outlineNote(note)));
      }
      const text = [...files.map(outlineText), ...skipped.map((s) => `${s.file}: skipped, ${s.reason}\n`)].join('\n') || 'No handoff note or roadmap found.';
      return toolResult(text, { files, skipped }, masks);
    } finally {
      session.dispose();
    }
  },
};
