import { defineRule, option } from '../lint/rule';
import type { Code } from 'mdast';
import { nodesOfType } from '../parse/nodes';

export default defineRule({
  meta: {
    id: 'code-block-length',
    description: 'Fenced code blocks stay short: link to a file instead',
    rationale:
      'A 60-line code block in a handoff buries the note and goes stale the moment the file changes. Point to the file (and line) instead; keep blocks for the few commands the next session runs.',
    tags: ['style'],
    fixable: false,
    severity: 'warning',
    appliesTo: ['handoff'],
    hygiene: false,
    options: { max: { type: 'number', default: 30, description: 'Most lines a fenced code block may have.' } },
    examples: {
      ok: [
        { text: '# Handoff\n\n```sh\nnpm test\n```\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\nSee `src/app.ts` lines 10-80.\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\n```\n' + 'line\n'.repeat(30) + '```\n', path: 'HANDOFF.md', caption: 'Exactly at the limit.' },
      ],
      notOk: [
        { text: '# Handoff\n\n```ts\n' + 'const a = 1;\n'.repeat(40) + '```\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\n~~~\n' + 'x\n'.repeat(31) + '~~~\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\n- item\n\n  ```\n' + '  y\n'.repeat(35) + '  ```\n', path: 'HANDOFF.md', caption: 'Inside a list item too.' },
      ],
    },
  },
  check(context) {
    const { note, report } = context;
    const max = option<number>(context, 'max');
    for (const code of nodesOfType<Code>(note, 'code')) {
      const lines = code.value ? code.value.split(/\r\n|\r|\n/).length : 0;
      if (lines <= max) continue;
      const start = code.position?.start.offset ?? 0;
      report({ start, end: note.lines.lineEnd(note.lines.position(start).line), message: `Code block of ${lines} lines, expected at most ${max}: link to a file instead` });
    }
  },
});
