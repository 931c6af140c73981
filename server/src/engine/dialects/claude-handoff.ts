// `.claude/HANDOFF.md`: the note Claude Code handoff commands and plugins keep for the next
// session. Free-form like `auto` (headings vary by plugin and language); its date (front matter
// `updated:`, a "Date:" line) and branch are the snapshot the git rules check for staleness.
// The date is not required: many of these notes are rewritten in place and carry none.
import type { Dialect } from './dialect';

export const claudeHandoff: Dialect = {
  id: 'claude-handoff',
  title: 'Handoff',
  sectionLevel: 2,
  fieldsIn: 'preamble',
  fieldStyle: 'line',
  lenient: true,
  fields: [{ key: 'date', label: 'Date', required: false }],
  paths: ['**/.claude/HANDOFF.md'],
  sections: [
    { heading: 'Next Steps', aliases: ['next'], role: 'next', required: true, skeleton: '1. \n' },
    { heading: 'Current State', aliases: ['where things stand', 'status'], role: 'status', required: false, skeleton: '- \n' },
    { heading: 'What Was Done', aliases: ['completed', 'done'], role: 'changes', required: false, skeleton: '- \n' },
    { heading: 'Decisions', aliases: ['decisions made'], role: 'decisions', required: false, skeleton: '- \n' },
    { heading: 'Blockers and Open Questions', aliases: ['open questions', 'blockers'], role: 'risks', required: false, skeleton: '- \n' },
  ],
};
