// GSD ("get-shit-done") planning state: `.planning/STATE.md` beside `.planning/ROADMAP.md` and
// the phase folders under `.planning/phases/`. The sections of the GSD state template; the
// resume workflow reads "Current Position" and "Session Continuity", so those two are required.
import type { Dialect } from './dialect';

export const gsdState: Dialect = {
  id: 'gsd-state',
  title: 'Project State',
  sectionLevel: 2,
  fieldsIn: 'preamble',
  fieldStyle: 'line',
  lenient: false,
  fields: [],
  paths: ['**/.planning/STATE.md'],
  sections: [
    { heading: 'Project Reference', aliases: ['reference'], role: 'notes', required: false, skeleton: 'See: .planning/PROJECT.md\n\n**Core value:** \n**Current focus:** \n' },
    { heading: 'Current Position', aliases: ['position', 'current state'], role: 'status', required: true, skeleton: 'Phase: 1 of 1 ()\nPlan: 1 of 1 in current phase\nStatus: Ready to plan\nLast activity: ${date} -- \n\nProgress: [░░░░░░░░░░] 0%\n' },
    { heading: 'Performance Metrics', aliases: ['metrics', 'velocity'], role: 'notes', required: false, skeleton: '**Velocity:**\n- Total plans completed: 0\n' },
    { heading: 'Accumulated Context', aliases: ['context'], role: 'decisions', required: false, skeleton: '### Decisions\n\n- \n\n### Pending Todos\n\nNone yet.\n\n### Blockers/Concerns\n\nNone yet.\n' },
    { heading: 'Session Continuity', aliases: ['continuity', 'session'], role: 'wip', required: true, skeleton: 'Last session: ${date}\nStopped at: \nResume file: None\n' },
  ],
};
