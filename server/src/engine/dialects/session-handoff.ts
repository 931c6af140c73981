// The shape of examples/session-handoff.md: "# Session Handoff", a Snapshot section with
// bulleted fields, then changes, decisions, verification, risks and ordered next steps.
import type { Dialect } from './dialect';

export const sessionHandoff: Dialect = {
  id: 'session-handoff',
  title: 'Session Handoff',
  sectionLevel: 2,
  fieldsIn: 'snapshot',
  fieldStyle: 'bullet',
  lenient: false,
  fields: [
    { key: 'date', label: 'Date', required: true },
    { key: 'branch', label: 'Branch / commit', required: true },
    { key: 'goal', label: 'Goal of the session', required: true },
  ],
  sections: [
    { heading: 'Editing Rules (do not break structure)', aliases: ['editing rules', 'rules'], role: 'notes', required: false, skeleton: '- Keep the headings and section order exactly as-is; only fill in content.\n' },
    { heading: 'Snapshot', aliases: ['session snapshot', 'state snapshot'], role: 'snapshot', required: true, skeleton: '- Date: ${date}\n- Branch / commit: `${branch}` (${head})\n- Goal of the session: \n' },
    { heading: 'What changed', aliases: ['changes', 'what landed', 'what was done', 'completed', 'changed'], role: 'changes', required: true, skeleton: '- \n' },
    { heading: 'Decisions (and links)', aliases: ['decisions', 'key decisions', 'decisions and links'], role: 'decisions', required: true, skeleton: '- \n' },
    { heading: 'How to run / verify', aliases: ['how to run', 'how to verify', 'verification', 'verify', 'run / verify', 'how to run/verify'], role: 'verify', required: true, skeleton: '- \n' },
    { heading: 'Known issues / risks', aliases: ['known issues', 'risks', 'issues / risks', 'known issues and risks', 'risks / known issues'], role: 'risks', required: true, skeleton: '- \n' },
    { heading: 'Next steps (recommended order)', aliases: ['next steps', 'next', 'recommended next steps', 'next actions'], role: 'next', required: true, skeleton: '1. \n' },
    { heading: 'Notes', aliases: ['other notes', 'misc'], role: 'notes', required: false, skeleton: '- \n' },
  ],
};
