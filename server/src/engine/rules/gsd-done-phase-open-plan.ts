import { defineRule } from '../lint/rule';
import { gsdRoadmap, phaseDone } from '../model/gsd';
import { GSD_ROADMAP, ROADMAP_PATH } from '../examples/gsd';

export default defineRule({
  meta: {
    id: 'gsd-done-phase-open-plan',
    description: 'A phase a GSD ROADMAP.md marks done has no open plan',
    rationale:
      'In a GSD roadmap a phase is done when its checkbox is ticked or its Progress row says Complete, and its plans are the task items of its "### Phase N" section. A done phase with an open plan is a roadmap that drifted: either the plan was finished and not ticked, or the phase was closed too early and work is lost. Each open plan is reported.',
    tags: ['roadmap', 'gsd'],
    fixable: false,
    severity: 'warning',
    appliesTo: ['roadmap'],
    hygiene: false,
    examples: {
      ok: [
        { text: GSD_ROADMAP, path: ROADMAP_PATH },
        { text: GSD_ROADMAP.replace('- [ ] 02-02', '- [x] 02-02').replace('- [ ] **Phase 2', '- [x] **Phase 2'), path: ROADMAP_PATH, caption: 'Phase 2 closed with all its plans.' },
        { text: '# Roadmap\n\n## Phase 1: Setup\n\n- [x] Done\n- [ ] Open\n', path: 'ROADMAP.md', caption: 'Not a GSD roadmap: no phase is marked done.' },
      ],
      notOk: [
        { text: GSD_ROADMAP.replace('- [ ] **Phase 2', '- [x] **Phase 2'), path: ROADMAP_PATH },
        { text: GSD_ROADMAP + '\n## Progress\n\n| Phase | Plans Complete | Status | Completed |\n|---|---|---|---|\n| 1. Foundation | 2/2 | Complete | 2026-11-01 |\n| 2. Editor | 2/2 | Complete | 2026-11-20 |\n', path: ROADMAP_PATH, caption: 'Complete in the Progress table.' },
        { text: GSD_ROADMAP.replace('- [x] 01-02', '- [ ] 01-02'), path: ROADMAP_PATH, caption: 'A plan of a ticked phase left open.' },
      ],
    },
  },
  check({ note, report }) {
    for (const phase of gsdRoadmap(note) ?? []) {
      if (!phaseDone(phase)) continue;
      for (const plan of phase.plans) {
        if (plan.status === 'done' || plan.status === 'dropped') continue;
        report({
          start: plan.markerStart < plan.markerEnd ? plan.markerStart : plan.textStart,
          end: plan.markerStart < plan.markerEnd ? plan.markerEnd : plan.textEnd,
          message: `Unexpected open plan in phase ${phase.number}, which is marked done: tick the plan or reopen the phase`,
        });
      }
    }
  },
});
