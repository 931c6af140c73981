import { defineRule } from '../lint/rule';
import { gsdState, planningRoot } from '../model/gsd';
import { GSD_FILES, GSD_STATE, STATE_PATH } from '../examples/gsd';

/** Statuses before any plan of the phase is written: its folder may not exist yet. */
const NOT_STARTED = /\b(?:not started|ready to (?:plan|discuss)|discuss|research|context gathering|defining|milestone complete|shipped)\b/iu;

export default defineRule({
  meta: {
    id: 'gsd-phase-folder',
    description: 'The current phase of a GSD STATE.md has its folder under .planning/phases/',
    rationale:
      'GSD keeps each phase\'s plans, summaries and resume notes in `.planning/phases/NN-name/`. When STATE.md says a phase is being planned or executed and no folder of that number exists, the folder was renamed or deleted, or STATE points at the wrong phase: the next session finds no plan to execute. A phase that is not started yet ("Ready to plan") is not checked.',
    tags: ['references', 'gsd'],
    fixable: false,
    severity: 'warning',
    appliesTo: ['handoff'],
    hygiene: false,
    needs: ['workspace'],
    examples: {
      ok: [
        { text: GSD_STATE, path: STATE_PATH, facts: { files: GSD_FILES } },
        { text: GSD_STATE.replace('Phase: 2 of 3 (Editor)', 'Phase: 3 of 3 (Sharing)').replace('Status: In progress', 'Status: Ready to plan'), path: STATE_PATH, facts: { files: GSD_FILES }, caption: 'Not started: no folder yet.' },
        { text: GSD_STATE.replace('Phase: 2 of 3 (Editor)', 'Phase: 02 (editor) — EXECUTING'), path: STATE_PATH, facts: { files: GSD_FILES } },
      ],
      notOk: [
        { text: GSD_STATE.replace('Phase: 2 of 3 (Editor)', 'Phase: 3 of 3 (Sharing)'), path: STATE_PATH, facts: { files: GSD_FILES } },
        { text: GSD_STATE, path: STATE_PATH, facts: { files: ['.planning/phases/01-foundation/01-01-PLAN.md', '.planning/phases/2.1-hotfix/PLAN.md'] }, caption: 'Only an inserted phase 2.1.' },
        { text: GSD_STATE, path: STATE_PATH, facts: { files: ['.planning/ROADMAP.md'] }, caption: 'No phases folder at all.' },
      ],
    },
  },
  check({ note, workspace, report }) {
    const state = gsdState(note);
    const root = planningRoot(note.path);
    if (!workspace || !state?.phase || root === null) return;
    if (state.status && NOT_STARTED.test(state.status.text)) return;
    const folder = `${root}.planning/phases`;
    const planning = workspace.entries(`${root}.planning`);
    if (planning === undefined) return;
    const entries = workspace.entries(folder) ?? [];
    const number = state.phase.number.replace('.', '\\.');
    if (entries.some((e) => new RegExp(`^0*${number}(?:[-_ ]|$)`, 'u').test(e))) return;
    report({ start: state.phase.start, end: state.phase.end, message: `Unexpected phase ${state.phase.number} without a folder, expected ${folder}/${state.phase.number.padStart(2, '0')}-…` });
  },
});
