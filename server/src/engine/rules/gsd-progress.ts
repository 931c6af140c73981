import { defineRule } from '../lint/rule';
import { gsdRoadmap, gsdState, phaseDone, type GsdPhase } from '../model/gsd';
import { GSD_ROADMAP, GSD_STATE, ROADMAP_PATH, STATE_PATH } from '../examples/gsd';

const roadmap = { text: GSD_ROADMAP, path: ROADMAP_PATH };

/** How far a recorded percentage may be from the roadmap's (GSD rounds either way). */
const TOLERANCE = 1;

export default defineRule({
  meta: {
    id: 'gsd-progress',
    description: 'The progress a GSD STATE.md records matches the checkboxes of its ROADMAP.md',
    rationale:
      'GSD draws a progress bar in `.planning/STATE.md` ("Progress: [██████░░░░] 60%") while the work is ticked off in `.planning/ROADMAP.md`, and the two are updated by different steps; users of GSD report that they silently drift apart. The recorded percentage is accepted when it matches any reading GSD uses: phases done (ticked, Complete in the Progress table, or with every plan ticked), plans ticked, or the plans of the current phase ticked (within one point for rounding). Otherwise the message gives the roadmap\'s counts.',
    tags: ['roadmap', 'gsd'],
    fixable: false,
    severity: 'warning',
    appliesTo: ['handoff'],
    hygiene: false,
    needs: ['roadmap'],
    examples: {
      ok: [
        { text: GSD_STATE, path: STATE_PATH, facts: { roadmap }, caption: '3 of 5 plans ticked.' },
        { text: GSD_STATE.replace('60%', '33%'), path: STATE_PATH, facts: { roadmap }, caption: '1 of 3 phases ticked.' },
        { text: GSD_STATE.replace('60%', '50%'), path: STATE_PATH, facts: { roadmap }, caption: '1 of the 2 plans of the current phase.' },
      ],
      notOk: [
        { text: GSD_STATE.replace('60%', '90%'), path: STATE_PATH, facts: { roadmap } },
        { text: GSD_STATE.replace('60%', '100%'), path: STATE_PATH, facts: { roadmap }, caption: 'Finished, says the state; the roadmap has open plans.' },
        { text: GSD_STATE.replace('Progress: [██████░░░░] 60%', '### Progress Bar\n\n```\n[████████░░] 80% (4/5 plans)\n```'), path: STATE_PATH, facts: { roadmap }, caption: 'A bar drawn in a fence.' },
      ],
    },
  },
  check({ note, roadmap, report }) {
    if (!roadmap) return;
    const state = gsdState(note);
    const phases = gsdRoadmap(roadmap);
    if (!state?.progress || !phases) return;
    const plans = phases.flatMap((p) => p.plans);
    const current = phases.find((p) => p.number === state.phase?.number);
    const readings: Array<[number, number]> = [
      [phases.filter(phaseDone).length, phases.length],
      [phases.filter((p) => phaseDone(p) || (p.plans.length > 0 && p.plans.every(ticked))).length, phases.length],
      [phases.filter((p) => p.item?.status === 'done').length, phases.filter((p) => p.item).length],
      [plans.filter(ticked).length, plans.length],
      ...(current ? [[current.plans.filter(ticked).length, current.plans.length] as [number, number]] : []),
    ];
    const percent = state.progress.percent;
    if (readings.some(([done, total]) => total > 0 && Math.abs((100 * done) / total - percent) <= TOLERANCE)) return;
    if (!readings.some(([, total]) => total > 0)) return;
    const counts = [`${count(phases, phaseDone)} phases`, `${count(plans, ticked)} plans`];
    report({
      start: state.progress.start,
      end: state.progress.end,
      message: `Unexpected progress ${percent}%, expected the progress of ${roadmap.path ?? 'the roadmap'}: ${counts.join(', ')} done`,
    });
  },
});

function ticked(i: GsdPhase['plans'][number]): boolean {
  return i.status === 'done';
}

function count<T>(all: T[], done: (t: T) => boolean): string {
  const n = all.filter(done).length;
  return `${n} of ${all.length} (${all.length ? Math.round((100 * n) / all.length) : 0}%)`;
}
