// handoff_new: a new handoff note from a dialect or the project's template, filled with today's
// date and git's branch, HEAD and worktree state (none of them with --no-git). It never writes over
// an existing file; the note is created atomically.
import { existsSync, lstatSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { maskerForNote } from '../../engine';
import { encodeNote } from '../../project/decode';
import { newNote } from '../../project/new-note';
import { createNote } from '../../project/write';
import { ToolRefusal, type McpContext } from '../context';
import { toolResult } from '../result';
import type { ToolDefinition } from './tool';

export const newInput = {
  path: z.string().optional().describe('Where to create the note, relative to the project root (default HANDOFF.md); an existing file is never overwritten'),
  dialect: z.string().optional().describe('"session-handoff" (default), "next-chat-handoff", or "template" for the project\'s template'),
};

function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

export const newTool: ToolDefinition<typeof newInput> = {
  name: 'handoff_new',
  title: 'Create a handoff note',
  description: "Create a new handoff note from a dialect or the project's template, filled with today's date and git's branch, HEAD and worktree state. Refuses to overwrite an existing file.",
  inputSchema: newInput,
  outputSchema: { file: z.string(), dialect: z.string(), dialects: z.array(z.string()), text: z.string() },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  async run(ctx: McpContext, { path, dialect }) {
    const requested = path ?? 'HANDOFF.md';
    if (!/\.(?:md|markdown)$/i.test(requested)) throw new ToolRefusal(`Refused: a note is a Markdown file (.md), not ${JSON.stringify(requested)}`);
    const file = ctx.inside(requested);
    if (exists(file)) throw new ToolRefusal(`Refused: ${ctx.display(file)} already exists (handoff_update refreshes it)`);
    if (!existsSync(dirname(file))) throw new ToolRefusal(`Refused: the folder ${ctx.display(dirname(file))} does not exist`);
    const session = ctx.session();
    try {
      const project = session.configs.forFile(join(dirname(file), 'HANDOFF.md'));
      const made = await newNote(dirname(file), dialect ?? 'session-handoff', project, session.gitProvider(), ctx.today());
      if (dialect !== undefined && !made.dialects.includes(dialect)) throw new ToolRefusal(`Unknown dialect "${dialect}", expected one of ${made.dialects.join(', ')}`);
      const wrote = createNote(file, encodeNote(made.text, false), ctx.root);
      if (!wrote.written) throw new ToolRefusal(`Refused: ${wrote.reason}`);
      const mask = maskerForNote(session.noteOf(file, made.text));
      return toolResult(`Created ${ctx.display(file)} (${made.dialect}):\n\n${made.text}`, { file: ctx.display(file), dialect: made.dialect, dialects: made.dialects, text: made.text }, [mask]);
    } finally {
      session.dispose();
    }
  },
};
