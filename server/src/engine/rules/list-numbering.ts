import { defineRule } from '../lint/rule';
import type { List } from 'mdast';
import type { TextEdit } from '../types';
import { nodesOfType } from '../parse/nodes';

export default defineRule({
  meta: {
    id: 'list-numbering',
    description: 'Ordered lists count up one by one',
    rationale:
      'Next steps are "in recommended order"; a list numbered 1, 2, 2, 4 after an edit makes the order ambiguous and references like "step 3" wrong. Lists that number every item "1." are fine. The fix renumbers from the first number.',
    tags: ['style'],
    fixable: true,
    severity: 'warning',
    appliesTo: ['handoff', 'roadmap'],
    hygiene: false,
    examples: {
      ok: [
        { text: '# Handoff\n\n1. a\n2. b\n3. c\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\n1. a\n1. b\n1. c\n', path: 'HANDOFF.md', caption: 'All ones.' },
        { text: '# Handoff\n\n3. c\n4. d\n', path: 'HANDOFF.md', caption: 'A list may start anywhere.' },
      ],
      notOk: [
        { text: '# Handoff\n\n1. a\n2. b\n2. c\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\n1. a\n3. b\n4. c\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\n1) a\n2) b\n5) c\n', path: 'HANDOFF.md' },
      ],
    },
  },
  check({ note, report }) {
    for (const list of nodesOfType<List>(note, 'list')) {
      if (!list.ordered) continue;
      const numbers = list.children.map((li) => {
        const start = li.position?.start.offset ?? 0;
        const m = /^(\d{1,9})(?=[.)])/.exec(note.text.slice(start, start + 12));
        return m ? { start, end: start + m[1].length, n: Number(m[1]) } : null;
      });
      if (numbers.some((x) => x === null) || numbers.length < 2) continue;
      const nums = numbers as Array<{ start: number; end: number; n: number }>;
      const first = nums[0].n;
      if (nums.every((x) => x.n === first) || nums.every((x, i) => x.n === first + i)) continue;
      const edits: TextEdit[] = [];
      nums.forEach((x, i) => { if (x.n !== first + i) edits.push({ start: x.start, end: x.end, text: String(first + i) }); });
      const bad = nums.findIndex((x, i) => x.n !== first + i);
      report({
        start: nums[bad].start,
        end: nums[bad].end,
        message: `Unexpected number ${nums[bad].n}, expected ${first + bad}`,
        fix: { title: 'Renumber the list', edits },
      });
    }
  },
});
