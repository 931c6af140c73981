import { defineRule } from '../lint/rule';
import { placeAfter, placeBefore, sectionMove } from '../update/sections-edit';

export default defineRule({
  meta: {
    id: 'section-order',
    description: 'Sections follow the order of the dialect',
    rationale:
      'Readers scan a handoff top to bottom in the agreed order: where things stand, what changed, how to verify, what could bite, what to do next. A section out of place is easy to miss. The fix moves the section, with its whole body, to where the dialect puts it; it is not offered when the move would cut an HTML element that spans sections (such as `<details>`) or take the section into or out of one.',
    tags: ['structure'],
    fixable: true,
    severity: 'warning',
    appliesTo: ['handoff'],
    hygiene: false,
    examples: {
      ok: [
        { text: '# Next Chat Handoff\n\n## Current Status\n\n1. Fine.\n\n## What Landed\n\n1. A fix.\n\n## Next Priority Work\n\n1. More.\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\n## Next\n\n1. a\n\n## Status\n\nok\n', path: 'HANDOFF.md', caption: 'Free-form notes choose their own order.' },
        { text: '# Session Handoff\n\n## Snapshot\n\n- Date: 2025-01-02\n\n## What changed\n\n- x\n\n## Notes\n\n- y\n', path: 'HANDOFF.md' },
      ],
      notOk: [
        { text: '---\nhandoff: next-chat-handoff\n---\n# Next Chat Handoff\n\n## What Landed\n\n1. A fix.\n\n## Current Status\n\n1. Fine.\n', path: 'HANDOFF.md' },
        { text: '---\nhandoff: session-handoff\n---\n# Session Handoff\n\n## Next steps (recommended order)\n\n1. a\n\n## Snapshot\n\n- Date: 2025-01-02\n', path: 'HANDOFF.md' },
        { text: '---\nhandoff: session-handoff\n---\n# Session Handoff\n\n## Snapshot\n\n- x\n\n## Notes\n\n- n\n\n## What changed\n\n- c\n', path: 'HANDOFF.md' },
      ],
    },
  },
  check({ note, report }) {
    if (note.dialect.lenient) return;
    // A second section for the same slot is a duplicate (duplicate-sections reports it), not misplaced.
    const placed = note.sections.filter((s, i, all) => s.spec >= 0 && all.findIndex((o) => o.spec === s.spec) === i);
    const keep = longestIncreasing(placed.map((s) => s.spec));
    placed.forEach((s, i) => {
      if (keep.has(i)) return;
      const kept = placed.filter((_, k) => keep.has(k));
      const next = kept.find((k) => k.spec > s.spec);
      const prev = [...kept].reverse().find((k) => k.spec < s.spec);
      const to = next ? placeBefore(note, s, next) : prev ? placeAfter(note, s, prev) : note.text.length;
      const where = next ? `before "${next.heading.text}"` : prev ? `after "${prev.heading.text}"` : 'at the end';
      const move = sectionMove(note, s, to);
      report({
        start: s.heading.textStart,
        end: s.heading.textEnd,
        message: `Unexpected position of section "${s.heading.text}", expected ${where}` + ('refused' in move ? ` (not moved automatically: ${move.refused})` : ''),
        fix: 'edits' in move ? { title: `Move "${s.heading.text}" ${where}`, edits: move.edits } : undefined,
      });
    });
  },
});

/** Indices of a longest strictly increasing subsequence (the sections to leave in place). */
function longestIncreasing(values: number[]): Set<number> {
  const len = values.map(() => 1);
  const prev = values.map(() => -1);
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < i; j++) {
      if (values[j] < values[i] && len[j] + 1 > len[i]) {
        len[i] = len[j] + 1;
        prev[i] = j;
      }
    }
  }
  let best = -1;
  len.forEach((l, i) => { if (best < 0 || l > len[best]) best = i; });
  const out = new Set<number>();
  for (let i = best; i >= 0; i = prev[i]) out.add(i);
  return out;
}
