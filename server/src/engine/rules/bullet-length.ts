import { defineRule, option } from '../lint/rule';
import type { ListItem } from 'mdast';
import { plainTextLength } from '../parse/walk';
import { nodesOfType } from '../parse/nodes';

export default defineRule({
  meta: {
    id: 'bullet-length',
    description: 'Bullets stay short',
    rationale:
      'Handoffs are read in a hurry. A bullet that runs for several hundred characters hides the one fact that matters; split it, or move the detail to a linked file.',
    tags: ['style'],
    fixable: false,
    severity: 'info',
    appliesTo: ['handoff'],
    hygiene: false,
    options: { max: { type: 'number', default: 500, description: 'Most characters in one bullet\'s own text (nested bullets not counted).' } },
    examples: {
      ok: [
        { text: '# Handoff\n\n- Short bullet.\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\n- Parent\n  - ' + 'word '.repeat(60) + '\n  - ' + 'word '.repeat(60) + '\n', path: 'HANDOFF.md', caption: 'Nested bullets count on their own.' },
        { text: '# Handoff\n\n' + 'A long paragraph. '.repeat(40) + '\n', path: 'HANDOFF.md', caption: 'Paragraphs are not bullets.' },
      ],
      notOk: [
        { text: '# Handoff\n\n- ' + 'word '.repeat(120) + '\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\n1. ' + 'step and more '.repeat(40) + '\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\n- [ ] ' + 'task detail '.repeat(45) + '\n', path: 'HANDOFF.md' },
      ],
    },
  },
  check(context) {
    const { note, report } = context;
    const max = option<number>(context, 'max');
    for (const item of nodesOfType<ListItem>(note, 'listItem')) {
      // The length of the item's paragraphs' plain text joined by spaces.
      let length = -1;
      for (const c of item.children) if (c.type === 'paragraph') length += plainTextLength(c) + 1;
      length = Math.max(length, 0);
      if (length <= max) continue;
      const start = item.position?.start.offset ?? 0;
      report({ start, end: note.lines.lineEnd(note.lines.position(start).line), message: `Bullet of ${length} characters, expected at most ${max}` });
    }
  },
});
