import { defineRule } from '../lint/rule';
import { outlineNote } from '../outline/outline';
import { roadmapIds } from '../roadmap/roadmap-link';

const ROADMAP = '# Roadmap\n\n- [x] ST-04-02 Docker runner\n- [ ] ST-04-03 Admin editor\n';

export default defineRule({
  meta: {
    id: 'roadmap-done-next',
    description: 'Next steps are not already done in the roadmap',
    rationale:
      'A next step whose roadmap item is marked done sends the next session to work that is finished, or the roadmap claims too much. Either tick the step or reopen the item. The step is matched by the first roadmap id it names; the fix ticks it off (a plain list item becomes a task item).',
    tags: ['roadmap'],
    fixable: true,
    severity: 'warning',
    appliesTo: ['handoff'],
    hygiene: false,
    needs: ['roadmap'],
    examples: {
      ok: [
        { text: '# Handoff\n\n## Next steps\n\n1. Implement ST-04-03 admin editor.\n', path: 'HANDOFF.md', facts: { roadmap: { text: ROADMAP } } },
        { text: '# Handoff\n\n## Next steps\n\n- [x] ST-04-02 Docker runner\n', path: 'HANDOFF.md', facts: { roadmap: { text: ROADMAP } }, caption: 'Already ticked.' },
        { text: '# Handoff\n\n## What changed\n\n- ST-04-02 runner landed.\n', path: 'HANDOFF.md', facts: { roadmap: { text: ROADMAP } }, caption: 'Not a next step.' },
      ],
      notOk: [
        { text: '# Handoff\n\n## Next steps\n\n1. Implement ST-04-02 runner.\n2. Implement ST-04-03 admin editor.\n', path: 'HANDOFF.md', facts: { roadmap: { text: ROADMAP } } },
        { text: '# Handoff\n\n## Next steps\n\n- [ ] ST-04-02 Docker runner\n', path: 'HANDOFF.md', facts: { roadmap: { text: ROADMAP } } },
        { text: '# Handoff\n\n## Status\n\nTODO:\n\n- Finish ST-04-02 cleanup.\n', path: 'HANDOFF.md', facts: { roadmap: { text: ROADMAP } }, caption: 'Steps under a label in another section count too.' },
      ],
    },
  },
  check({ note, roadmap, report }) {
    if (!roadmap) return;
    const ids = roadmapIds(roadmap);
    if (!ids.items.size) return;
    for (const step of outlineNote(note).nextSteps) {
      const id = step.ids[0];
      const item = id ? ids.items.get(id) : undefined;
      if (step.done || !item || item.status !== 'done') continue;
      const at = note.text.indexOf(id!, step.textStart);
      const start = at >= 0 && at < step.end ? at : step.textStart;
      const line = roadmap.lines.position(item.start).line + 1;
      const edit = step.checkbox
        ? { start: step.checkbox.start, end: step.checkbox.end, text: '[x]' }
        : step.taskInsert !== null
          ? { start: step.taskInsert, end: step.taskInsert, text: '[x] ' }
          : null;
      report({
        start,
        end: start + id!.length,
        message: `Unexpected next step ${id}, expected open work: ${roadmap.path ?? 'the roadmap'} marks it done (line ${line})`,
        fix: edit ? { title: `Tick off ${id}`, edits: [edit] } : undefined,
      });
    }
  },
});
