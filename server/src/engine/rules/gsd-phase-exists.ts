import { defineRule } from '../lint/rule';
import { gsdRoadmap, gsdState } from '../model/gsd';
import { GSD_ROADMAP, GSD_STATE, ROADMAP_PATH, STATE_PATH } from '../examples/gsd';

const roadmap = { text: GSD_ROADMAP, path: ROADMAP_PATH };

export default defineRule({
  meta: {
    id: 'gsd-phase-exists',
    description: 'The current phase of a GSD STATE.md exists in its ROADMAP.md',
    rationale:
      'GSD keeps the current position in `.planning/STATE.md` and the phases in `.planning/ROADMAP.md`, and the next session resumes at the phase STATE names. When a phase is renumbered, removed or inserted, or a milestone starts a new roadmap, STATE can point at a phase the roadmap no longer has, and the resume starts in the wrong place. Checked only against a roadmap that lists GSD phases ("Phase 2: Name").',
    tags: ['roadmap', 'gsd'],
    fixable: false,
    severity: 'warning',
    appliesTo: ['handoff'],
    hygiene: false,
    needs: ['roadmap'],
    examples: {
      ok: [
        { text: GSD_STATE, path: STATE_PATH, facts: { roadmap } },
        { text: GSD_STATE.replace('Phase: 2 of 3 (Editor)', 'Phase: 03 (sharing) — PLANNING'), path: STATE_PATH, facts: { roadmap }, caption: 'Zero-padded, with the phase folder\'s slug.' },
        { text: GSD_STATE, path: STATE_PATH, facts: { roadmap: { text: '# Roadmap\n\n- [ ] Ship it\n', path: 'docs/ROADMAP.md' } }, caption: 'A roadmap without GSD phases is not compared.' },
      ],
      notOk: [
        { text: GSD_STATE.replace('Phase: 2 of 3 (Editor)', 'Phase: 4 of 4 (Launch)'), path: STATE_PATH, facts: { roadmap } },
        { text: GSD_STATE.replace('Phase: 2 of 3 (Editor)', 'Phase: 2.1 (Hotfix)'), path: STATE_PATH, facts: { roadmap }, caption: 'An inserted phase the roadmap does not list.' },
        { text: GSD_STATE.replace('Phase: 2 of 3 (Editor)', 'Phase: 7'), path: STATE_PATH, facts: { roadmap }, caption: 'A number from another milestone.' },
      ],
    },
  },
  check({ note, roadmap, report }) {
    if (!roadmap) return;
    const phase = gsdState(note)?.phase;
    const phases = gsdRoadmap(roadmap);
    if (!phase || !phases || phases.some((p) => p.number === phase.number)) return;
    const numbers = phases.map((p) => p.number);
    report({
      start: phase.start,
      end: phase.end,
      message: `Unexpected phase ${phase.number}, expected a phase of ${roadmap.path ?? 'the roadmap'} (${numbers.length > 6 ? `${numbers[0]}–${numbers[numbers.length - 1]}` : numbers.join(', ')})`,
    });
  },
});
