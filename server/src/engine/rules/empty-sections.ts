import { defineRule } from '../lint/rule';
import { visit } from '../parse/walk';
import type { Node } from 'mdast';
import { normalizeLabel } from '../model/labels';

function hasImage(node: Node): boolean {
  let found = false;
  visit(node, (n) => {
    if (n.type === 'image' || n.type === 'imageReference') found = true;
    return found ? 'skip' : undefined;
  });
  return found;
}

/**
 * A heading that carries its own value is a field or a statement, not a section waiting for
 * content: "Status: READY FOR TESTING", "Live URL: www.example.com", "**ЦЕЛЬ:** 85%+", "결과: 성공",
 * "2. Railway — redeploy automático tras el push". The label is a name: one that counts ("Phase 7:
 * Mobile view", "Giai đoạn 7: …", "Part B: …") makes the rest a title. After a spaced dash the value is a
 * phrase (three words or more), so that a qualifier ("Next steps — draft") still leaves it empty.
 */
function carriesValue(heading: string): boolean {
  const text = normalizeLabel(heading);
  const field = /^([^:：()（）[\]]{1,40}?)\s*[:：]\s+(\S.*)$/u.exec(text);
  if (field) return named(field[1], field[2]);
  const statement = /^([^()（）[\]]{1,40}?)\s+[—–-]\s+(\S.*)$/u.exec(text);
  return statement !== null && named(statement[1], statement[2]) && statement[2].split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= 3;
}

// A label that counts ("Phase 7", "Part B", "Step IV") numbers a section; it does not name a field.
const counts = (label: string) => /\d/u.test(label) || /\s(?:[a-z]|[ivx]+)$/u.test(label);
const named = (label: string, value: string) => !counts(label) && /\p{L}/u.test(label) && /[\p{L}\p{N}]/u.test(value) && !PLACEHOLDER.test(value.trim());

const PLACEHOLDER = /^(?:tbd|tbc|todo|fixme|xxx|\.{2,}|…|-+|—|–|\?+|n\/?a|\(empty\)|\(none yet\)|<[^>]*>|lorem ipsum.*|placeholder)$/i;

const WORD = /\S+/g;

/**
 * The words of the nodes' plain text when every one is a placeholder (none at all included); null
 * at the first that is not, so a section with content costs its first words, not all its text.
 */
function placeholderWords(nodes: readonly Node[]): string[] | null {
  const words: string[] = [];
  for (const w of wordsOf(nodes)) {
    if (!PLACEHOLDER.test(w)) return null;
    words.push(w);
  }
  return words;
}

/**
 * The words of `plainText` of each node, the nodes' texts joined by spaces (what splitting the
 * joined text at whitespace gives), read leaf by leaf as they are asked for.
 */
function* wordsOf(nodes: readonly Node[]): Generator<string> {
  for (const node of nodes) {
    // The word the text read so far ends in, which the next leaf may continue.
    let open = '';
    const stack: Node[] = [node];
    while (stack.length) {
      const n = stack.pop() as Node & { value?: string; children?: Node[] };
      if (n.type !== 'text' && n.type !== 'inlineCode' && n.type !== 'break') {
        if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
        continue;
      }
      const piece = n.type === 'break' ? ' ' : (n.value ?? '');
      if (!piece) continue;
      let end = 0;
      for (const m of piece.matchAll(WORD)) {
        if (m.index === 0 && open) open += m[0];
        else {
          if (open) yield open;
          open = m[0];
        }
        end = m.index + m[0].length;
        if (end < piece.length) {
          yield open;
          open = '';
        }
      }
      if (end === 0 && open) {
        // Whitespace only: it ends the open word.
        yield open;
        open = '';
      }
    }
    if (open) yield open;
  }
}

export default defineRule({
  meta: {
    id: 'empty-sections',
    description: 'Sections have content, not just a placeholder',
    rationale:
      'An empty section, or one holding only "TBD", "..." or "-", reads as if the previous session ran out of time. Write "None" when there is nothing to say, so the next session knows it was considered.',
    tags: ['structure'],
    fixable: false,
    severity: 'warning',
    appliesTo: ['handoff'],
    hygiene: false,
    examples: {
      ok: [
        { text: '# Handoff\n\n## Known issues\n\nNone.\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\n## Status\n\n### Backend\n\nGreen.\n', path: 'HANDOFF.md', caption: 'A section whose content is in its subsections.' },
        { text: '# Handoff\n\n## Next steps\n\n1. Release.\n', path: 'HANDOFF.md' },
        { text: '# Passkey migration\n\n## Status: READY FOR TESTING\n\n## Branch: feat/passkey-auth\n\n## Next steps\n\n1. Test on a phone.\n', path: 'HANDOFF.md', caption: 'A heading that carries its value ("Label: value") is a field, not an empty section.' },
        { text: '# ✅ Server running\n\n## 🎉 Congratulations! Your API server works!\n\n---\n\n## Next steps\n\n1. Open the docs.\n', path: 'HANDOFF.md', caption: 'A heading that exclaims is a banner, not a section.' },
      ],
      notOk: [
        { text: '# Handoff\n\n## Known issues\n\nTBD\n\n## Next steps\n\n1. a\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\n## Known issues\n\n## Next steps\n\n1. a\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\n## Next steps\n\n- ...\n', path: 'HANDOFF.md' },
      ],
    },
  },
  check({ note, report }) {
    for (const s of note.allSections) {
      // "🎉 Congratulations! Your server is running!": a heading that exclaims is a banner, not a section.
      // "Status: READY FOR TESTING": a heading that carries its value has nothing missing under it.
      if (s.children.length || /[!！]\s*$/u.test(s.heading.text) || carriesValue(s.heading.text)) continue;
      const content = s.nodes.filter((n) => n.type !== 'html' && n.type !== 'thematicBreak');
      if (content.some((n) => n.type === 'code' || n.type === 'table' || n.type === 'image')) continue;
      const words = placeholderWords(content);
      if (words === null || content.some(hasImage)) continue;
      const emptyItems = content.some((n) => n.type === 'list');
      if (!words.length && !emptyItems) {
        report({ start: s.heading.textStart, end: s.heading.textEnd, message: `Empty section "${s.heading.text}"` });
      } else {
        report({ start: s.heading.textStart, end: s.heading.textEnd, message: `Section "${s.heading.text}" holds only a placeholder` });
      }
    }
  },
});
