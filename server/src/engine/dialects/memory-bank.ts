// Cline / Roo Code memory-bank files (`memory-bank/activeContext.md`, `progress.md`, …): the
// sections their documentation lists, found by meaning (the files are written in any language
// and headings vary), so only the roles users of the format expect are required: the current
// focus and the next steps of the active context, what works and what is left in progress.md.
import type { Dialect } from './dialect';

export const memoryBankActiveContext: Dialect = {
  id: 'memory-bank-active-context',
  title: 'Active Context',
  sectionLevel: 2,
  fieldsIn: 'preamble',
  fieldStyle: 'line',
  lenient: true,
  fields: [],
  paths: ['**/memory-bank/activeContext.md'],
  sections: [
    { heading: 'Current Work Focus', aliases: ['current focus', 'work focus'], role: 'status', required: true, skeleton: '- \n' },
    { heading: 'Recent Changes', aliases: ['recent work'], role: 'changes', required: false, skeleton: '- \n' },
    { heading: 'Next Steps', aliases: ['next'], role: 'next', required: true, skeleton: '1. \n' },
    { heading: 'Active Decisions and Considerations', aliases: ['active decisions', 'decisions'], role: 'decisions', required: false, skeleton: '- \n' },
  ],
};

export const memoryBankProgress: Dialect = {
  id: 'memory-bank-progress',
  title: 'Progress',
  sectionLevel: 2,
  fieldsIn: 'preamble',
  fieldStyle: 'line',
  lenient: true,
  fields: [],
  paths: ['**/memory-bank/progress.md'],
  sections: [
    { heading: "What's Left to Build", aliases: ['what is left', 'remaining'], role: 'next', required: true, skeleton: '- [ ] \n' },
    { heading: 'What Works', aliases: ['working', 'done'], role: 'changes', required: true, skeleton: '- [x] \n' },
    { heading: 'Current Status', aliases: ['status'], role: 'status', required: false, skeleton: '\n' },
    { heading: 'Known Issues', aliases: ['issues'], role: 'risks', required: false, skeleton: '- \n' },
  ],
};
