// The shape of examples/next-chat-handoff.md: "# Next Chat Handoff" with Date / Branch /
// HEAD / Worktree lines under the title, then status, what landed, local work, analysis,
// validation, and two next-step sections.
import type { Dialect } from './dialect';

export const nextChatHandoff: Dialect = {
  id: 'next-chat-handoff',
  title: 'Next Chat Handoff',
  sectionLevel: 2,
  fieldsIn: 'preamble',
  fieldStyle: 'line',
  lenient: false,
  fields: [
    { key: 'date', label: 'Date', required: true },
    { key: 'branch', label: 'Branch', required: true },
    { key: 'commit', label: 'HEAD / upstream', required: true },
    { key: 'worktree', label: 'Worktree', required: true },
  ],
  sections: [
    { heading: 'Current Status', aliases: ['status', 'current state', 'state'], role: 'status', required: true, skeleton: '1. \n' },
    { heading: 'What Landed', aliases: ['landed', 'what changed', 'changes', 'completed'], role: 'changes', required: true, skeleton: '1. \n' },
    { heading: 'Local Work In Progress', aliases: ['work in progress', 'local work', 'in progress', 'wip', 'uncommitted work'], role: 'wip', required: false, skeleton: '1. \n' },
    { heading: 'Code Analysis', aliases: ['analysis', 'code review', 'findings'], role: 'analysis', required: false, skeleton: 'Scope reviewed:\n1. \n\nRemaining risks / TODO:\n1. \n' },
    { heading: 'Validation Status', aliases: ['validation', 'verification', 'verification status', 'tests'], role: 'verify', required: true, skeleton: '1. \n\nResult: \n' },
    { heading: 'Next Priority Work', aliases: ['next steps', 'next priorities', 'priority work', 'next work'], role: 'next', required: true, skeleton: '1. \n' },
    { heading: 'Suggested Starting Point For Next Chat', aliases: ['suggested starting point', 'starting point', 'where to start'], role: 'next', required: false, skeleton: '1. \n' },
  ],
};
