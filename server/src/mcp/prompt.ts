// The handoff_write prompt: the sections and snapshot fields a note's dialect expects, in order,
// with what each is for, so an agent writes a note the checks accept the first time.
import { join } from 'node:path';
import { z } from 'zod';
import { DIALECTS, type Dialect } from '../engine';
import type { McpContext } from './context';

export const writeArgs = {
  dialect: z.string().optional().describe('"session-handoff" (default), "next-chat-handoff", or "template" for the project\'s template'),
};

export function writeInstructions(ctx: McpContext, dialect: string | undefined): string {
  const project = ctx.configs().forFile(join(ctx.root, 'HANDOFF.md'));
  const chosen: Dialect = dialect === 'template' && project.template ? project.template : (DIALECTS[dialect ?? ''] ?? DIALECTS['session-handoff']);
  const name = chosen === project.template ? 'the project template' : chosen.id;
  const out: string[] = [`Write the session handoff note in the ${name} layout, in this order.`, ''];
  if (chosen.title) out.push(`Title: \`# ${chosen.title}\``);
  if (chosen.fields.length) {
    out.push(`Snapshot fields (${chosen.fieldsIn === 'preamble' ? 'right under the title' : 'in the snapshot section'}, written \`${chosen.fieldStyle === 'bullet' ? '- ' : ''}Label: value\`):`);
    for (const f of chosen.fields) out.push(`- ${f.label}${f.required ? ' (required)' : ''}`);
  }
  out.push('', `Sections (\`${'#'.repeat(chosen.sectionLevel)} Heading\`):`);
  for (const s of chosen.sections) out.push(`- ${s.heading}${s.required ? ' (required)' : ''}${s.role ? `: ${s.role}` : ''}`);
  out.push(
    '',
    'Record facts from git, not from memory: handoff_new fills the date, branch, HEAD and worktree; handoff_update refreshes them and lists the changed files.',
    'Write next steps as an ordered list, one action each; put risks under their own section; link files by path in backticks instead of pasting code; never paste a token or password.',
    'When the note is written, call handoff_lint on it and fix what it reports (handoff_fix applies the automatic fixes).',
  );
  return out.join('\n');
}
