// handoff_brief: what a new session needs first, from the newest handoff (or the one named), as
// short plain Markdown within a character budget.
import { z } from 'zod';
import { briefOf, newestHandoff } from '../../project/brief';
import { ToolRefusal, type McpContext } from '../context';
import { briefMarkdown } from '../brief-markdown';
import { toolResult } from '../result';
import { onePath } from '../schemas';
import type { ToolDefinition } from './tool';

export const DEFAULT_BRIEF_CHARS = 4000;

export const briefInput = {
  path: onePath.describe('A handoff note relative to the project root; absent means the newest handoff'),
  maxChars: z.number().int().min(400).max(100_000).optional().describe(`Budget of the Markdown in characters (default ${DEFAULT_BRIEF_CHARS})`),
};

export const briefTool: ToolDefinition<typeof briefInput> = {
  name: 'handoff_brief',
  title: 'Brief from the newest handoff',
  description: 'What a new session needs first, from the newest handoff note: next steps (and for how many sessions each has been carried over), risks, the recorded commit and what changed since, open problems, roadmap items in progress. Short Markdown. Read-only.',
  inputSchema: briefInput,
  outputSchema: {
    file: z.string(),
    markdown: z.string(),
    truncated: z.boolean(),
    brief: z.record(z.string(), z.unknown()),
  },
  annotations: { readOnlyHint: true, idempotentHint: true },
  async run(ctx: McpContext, { path, maxChars }) {
    const session = ctx.session();
    try {
      let file: string;
      if (path !== undefined) file = ctx.inside(path);
      else {
        const newest = await newestHandoff(session);
        if (!newest) throw new ToolRefusal('No handoff note found in the project (handoff_new makes one)');
        file = newest.file;
      }
      const made = await briefOf(session, file, ctx.display(file), ctx.today());
      if ('problem' in made) throw new ToolRefusal(`No brief for ${ctx.display(file)}: ${made.problem}`);
      const { markdown, truncated } = briefMarkdown(made.brief, maxChars ?? DEFAULT_BRIEF_CHARS);
      return toolResult(markdown, { file: made.brief.file, markdown, truncated, brief: { ...made.brief } }, [made.mask]);
    } finally {
      session.dispose();
    }
  },
};
