import { defineRule } from '../lint/rule';
import { similarity } from '../model/labels';
import { idMentions, prefixOf, roadmapIds } from '../roadmap/roadmap-link';

const ROADMAP = '# Roadmap\n\n## EPIC-04: Scripting\n\n- [x] ST-04-01 Versioned script model\n- [ ] ST-04-02 Docker runner\n- [ ] ST-04-03 Admin editor\n';

export default defineRule({
  meta: {
    id: 'roadmap-ids',
    description: 'Roadmap ids the handoff names exist in the roadmap',
    rationale:
      'A handoff points the next session at roadmap items by id (ST-04-02, EPIC-04). An id the roadmap does not have was mistyped, renumbered or removed, and the pointer leads nowhere. Only ids shaped like the roadmap\'s own (same prefix) are checked, so ADR-0015 or UTF-8 in a roadmap of ST- items are left alone; the fix offers the closest id of the roadmap when there is one.',
    tags: ['roadmap'],
    fixable: true,
    severity: 'warning',
    appliesTo: ['handoff'],
    hygiene: false,
    needs: ['roadmap'],
    examples: {
      ok: [
        { text: '# Handoff\n\n## Next steps\n\n1. Implement ST-04-02 (see EPIC-04).\n', path: 'HANDOFF.md', facts: { roadmap: { text: ROADMAP } } },
        { text: '# Handoff\n\n## Next steps\n\n1. Confirm ADR-0015, then ST-04-03.\n', path: 'HANDOFF.md', facts: { roadmap: { text: ROADMAP } }, caption: 'ADR- is not a prefix the roadmap uses.' },
        { text: '# Handoff\n\n```\nST-04-99\n```\n', path: 'HANDOFF.md', facts: { roadmap: { text: ROADMAP } }, caption: 'Code blocks are not prose.' },
      ],
      notOk: [
        { text: '# Handoff\n\n## Next steps\n\n1. Implement ST-04-09.\n', path: 'HANDOFF.md', facts: { roadmap: { text: ROADMAP } } },
        { text: '# Handoff\n\n## What changed\n\n- `ST-04-20` runner skeleton\n', path: 'HANDOFF.md', facts: { roadmap: { text: ROADMAP } }, caption: 'A close id of the roadmap is offered as the fix.' },
        { text: '# Handoff\n\nGoal: close EPIC-05.\n', path: 'HANDOFF.md', facts: { roadmap: { text: ROADMAP } } },
      ],
    },
  },
  check({ note, roadmap, report }) {
    if (!roadmap) return;
    const ids = roadmapIds(roadmap);
    if (!ids.prefixes.size) return;
    const where = roadmap.path ?? 'the roadmap';
    for (const m of idMentions(note)) {
      if (!ids.prefixes.has(prefixOf(m.id)) || ids.items.has(m.id) || ids.phases.has(m.id)) continue;
      const known = [...ids.items.keys(), ...ids.phases.keys()].filter((k) => prefixOf(k) === prefixOf(m.id));
      const [best, second] = known.map((k) => ({ k, s: similarity(k, m.id) })).sort((a, b) => b.s - a.s);
      // Only an unambiguous near miss is offered ("ST-04-20" for "ST-04-02").
      const close = best && best.s >= 0.75 && (!second || second.s < best.s) ? best.k : null;
      report({
        start: m.start,
        end: m.end,
        message: `Unexpected roadmap id "${m.id}", expected an id of ${where}${close ? ` ("${close}"?)` : ''}`,
        fix: close ? { title: `Replace with "${close}"`, edits: [{ start: m.start, end: m.end, text: close }] } : undefined,
      });
    }
  },
});
