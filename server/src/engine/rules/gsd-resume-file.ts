import { defineRule } from '../lint/rule';
import { gsdState, planningRoot } from '../model/gsd';
import { GSD_FILES, GSD_STATE, STATE_PATH } from '../examples/gsd';

const RESUME = '.planning/phases/02-editor/.continue-here.md';

export default defineRule({
  meta: {
    id: 'gsd-resume-file',
    description: 'The resume file a GSD STATE.md names exists',
    rationale:
      'A paused GSD session writes a `.continue-here.md` in the phase folder and records it under Session Continuity ("Resume file: …"); the next session starts by reading it. A resume file that was deleted, renamed or never written leaves the next session without its context. The path is read relative to the folder that holds `.planning/`; "None" means there is nothing to resume.',
    tags: ['references', 'gsd'],
    fixable: false,
    severity: 'warning',
    appliesTo: ['handoff'],
    hygiene: false,
    needs: ['workspace'],
    examples: {
      ok: [
        { text: GSD_STATE, path: STATE_PATH, facts: { files: GSD_FILES }, caption: 'Nothing to resume.' },
        { text: GSD_STATE.replace('Resume file: None', `Resume file: ${RESUME}`), path: STATE_PATH, facts: { files: [...GSD_FILES, RESUME] } },
        { text: GSD_STATE.replace('Resume file: None', `Resume file: \`${RESUME}\``), path: `app/${STATE_PATH}`, facts: { files: [`app/${RESUME}`] }, caption: 'A project in a subfolder of the workspace.' },
      ],
      notOk: [
        { text: GSD_STATE.replace('Resume file: None', `Resume file: ${RESUME}`), path: STATE_PATH, facts: { files: GSD_FILES } },
        { text: GSD_STATE.replace('Resume file: None', 'Resume file: .planning/phases/01-foundation/.continue-here.md'), path: STATE_PATH, facts: { files: GSD_FILES }, caption: 'Left over from a finished phase.' },
        { text: GSD_STATE.replace('Resume file: None', `Resume file: ${RESUME}`), path: `app/${STATE_PATH}`, facts: { files: [RESUME] }, caption: 'The file is in another project of the workspace.' },
      ],
    },
  },
  check({ note, workspace, report }) {
    const resume = gsdState(note)?.resumeFile;
    const root = planningRoot(note.path);
    if (!workspace || !resume || root === null || /^(?:[/\\~]|[A-Za-z]:)/.test(resume.text)) return;
    const path = root + resume.text.replace(/^\.\//, '');
    if (workspace.exists(path) !== false) return;
    report({ start: resume.start, end: resume.end, message: `Unexpected resume file "${resume.text}", expected a file that exists (${path} does not)` });
  },
});
