import { defineRule } from '../lint/rule';
import { findMojibake } from '../scan/mojibake';

export default defineRule({
  meta: {
    id: 'mojibake',
    description: 'No text damaged by a wrong encoding',
    rationale:
      'UTF-8 read as Windows-1252 turns "—" into "â€”" and "é" into "Ã©"; saved again, the damage is permanent. Replacement characters (U+FFFD) mean bytes were lost when the file was decoded. The fix repairs the mojibake runs; lost bytes cannot be repaired.',
    tags: ['hygiene', 'encoding'],
    fixable: true,
    severity: 'warning',
    appliesTo: ['handoff', 'roadmap'],
    hygiene: true,
    examples: {
      ok: [
        { text: '# Handoff\n\nDocs — updated.\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\nCafé, São Paulo, Größe.\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\n次のステップ — 完了\n', path: 'HANDOFF.md' },
      ],
      notOk: [
        { text: '# Handoff\n\nDocs â€” updated.\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\nCafÃ© opened.\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\nBroken \uFFFD emoji.\n', path: 'HANDOFF.md' },
      ],
    },
  },
  check({ text, report }) {
    for (const hit of findMojibake(text)) {
      const bad = text.slice(hit.start, hit.end);
      report({
        start: hit.start,
        end: hit.end,
        message: `Unexpected "${bad}", expected "${hit.repaired}" (text decoded with the wrong encoding)`,
        fix: { title: `Repair to "${hit.repaired}"`, edits: [{ start: hit.start, end: hit.end, text: hit.repaired }] },
      });
    }
    for (const m of text.matchAll(/\uFFFD+/g)) {
      report({ start: m.index, end: m.index + m[0].length, message: `Replacement character${m[0].length > 1 ? `s (${m[0].length})` : ''}: bytes were lost to invalid UTF-8` });
    }
  },
});
