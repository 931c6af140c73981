// Generates snippets/handoff.code-snippets from the built-in dialects: one snippet per section
// heading (with its skeleton), one whole skeleton per dialect, and the suppression comments.
// `--check` exits 1 when the committed file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DIALECTS } from '../server/src/engine';

type Snippet = { prefix: string[]; body: string[]; description: string };

const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/\$/g, '\\$');
const vars = (s: string) =>
  escape(s)
    .replace(/\\\$\{date\}/g, '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}')
    .replace(/\\\$\{branch\}/g, '${1:main}')
    .replace(/\\\$\{head\}/g, '${2:HEAD}');
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function snippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const d of Object.values(DIALECTS)) {
    // `auto` has no layout of its own; the other lenient dialects (memory bank, .claude/HANDOFF.md) do.
    if (d.id === 'auto') continue;
    const hashes = '#'.repeat(d.sectionLevel);
    for (const s of d.sections) {
      out[`${d.id}: ${s.heading}`] = {
        prefix: [`handoff-${slug(s.heading)}`, `${hashes} ${s.heading}`],
        body: `${hashes} ${s.heading}\n\n${vars(s.skeleton)}$0`.split('\n'),
        description: `${s.required ? 'Required' : 'Optional'} section of the ${d.id} dialect (${s.role ?? 'no role'})`,
      };
    }
    const preamble = d.fieldsIn === 'preamble' ? d.fields.map((f) => `${f.label}: ${f.key === 'date' ? '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}' : f.key === 'worktree' ? '${3|clean,dirty|}' : f.key === 'branch' ? '`${1:main}`' : '`${2:HEAD}`'}`).join('\n') + '\n\n' : '';
    const body = d.sections.map((s) => `${hashes} ${s.heading}\n\n${vars(s.skeleton)}`).join('\n');
    out[`${d.id}: whole note`] = {
      prefix: [`handoff-${d.id}`],
      body: `${d.title ? `# ${d.title}\n\n` : ''}${preamble}${body}`.replace(/\n+$/, '').split('\n'),
      description: `A whole ${d.id} handoff note`,
    };
  }
  out['Disable a rule for the next line'] = { prefix: ['handoff-disable-next-line'], body: ['<!-- handoff-disable-next-line ${1:rule-id} -- ${2:reason} -->'], description: 'Suppress one Handoff rule on the next line' };
  out['Disable a rule for a block'] = { prefix: ['handoff-disable'], body: ['<!-- handoff-disable ${1:rule-id} -->', '$0', '<!-- handoff-enable ${1:rule-id} -->'], description: 'Suppress one Handoff rule between two comments' };
  out['Disable a rule for the file'] = { prefix: ['handoff-disable-file'], body: ['<!-- handoff-disable-file ${1:rule-id} -->'], description: 'Suppress one Handoff rule in the whole file' };
  return out;
}

const file = resolve(__dirname, '../snippets/handoff.code-snippets');
const text = JSON.stringify(snippets(), null, 2) + '\n';
if (require.main === module) {
  if (process.argv.includes('--check')) {
    let current = '';
    try { current = readFileSync(file, 'utf8'); } catch { /* missing */ }
    if (current !== text) {
      console.error('snippets/handoff.code-snippets is out of date: run npm run snippets');
      process.exit(1);
    }
  } else writeFileSync(file, text);
}
