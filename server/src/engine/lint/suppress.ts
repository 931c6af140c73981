// Inline suppression comments, read from the HTML nodes of the mdast tree:
//   <!-- handoff-disable-next-line RULE -- reason -->
//   <!-- handoff-disable RULE --> … <!-- handoff-enable RULE -->
//   <!-- handoff-disable-file RULE -->
// Without a rule id, a comment applies to every rule.
import type { Html } from 'mdast';
import type { LineIndex } from '../parse/lines';

interface Span {
  rules: Set<string> | null;
  from: number;
  to: number;
}

const COMMENT = /<!--\s*handoff(?:-lint)?-(disable-next-line|disable-line|disable-file|disable|enable)\b([\s\S]*?)-->/g;

export class Suppressions {
  private readonly spans: Span[] = [];

  /** `html`: the tree's HTML nodes in document order (`nodesByType`), where the comments are. */
  constructor(html: readonly Html[], lines: LineIndex) {
    const open = new Map<string, number>();
    for (const node of html) {
      if (!node.position) continue;
      const value = node.value;
      const base = node.position.start.offset ?? 0;
      for (const m of value.matchAll(COMMENT)) {
        const line = lines.position(base + m.index).line;
        const endLine = lines.position(base + m.index + m[0].length).line;
        const ids = idsOf(m[2]);
        const rules = ids.length ? new Set(ids) : null;
        switch (m[1]) {
          case 'disable-next-line':
            this.spans.push({ rules, from: endLine + 1, to: endLine + 1 });
            break;
          case 'disable-line':
            this.spans.push({ rules, from: line, to: line });
            break;
          case 'disable-file':
            this.spans.push({ rules, from: 0, to: Infinity });
            break;
          case 'disable':
            for (const id of ids.length ? ids : ['*']) if (!open.has(id)) open.set(id, line);
            break;
          case 'enable':
            for (const id of ids.length ? ids : [...open.keys()]) {
              const from = open.get(id);
              if (from === undefined) continue;
              this.spans.push({ rules: id === '*' ? null : new Set([id]), from, to: line });
              open.delete(id);
            }
            break;
        }
      }
    }
    for (const [id, from] of open) this.spans.push({ rules: id === '*' ? null : new Set([id]), from, to: Infinity });
  }

  isSuppressed(ruleId: string, line: number): boolean {
    return this.spans.some((s) => line >= s.from && line <= s.to && (s.rules === null || s.rules.has(ruleId)));
  }
}

/** The rule ids a comment names (before its `--` reason). */
function idsOf(rest: string): string[] {
  return rest.split(/\s--\s|\s—\s/)[0].split(/[\s,]+/).filter(Boolean);
}

/**
 * Whether the text holds anything that reads as a comment disabling one of these rules (or every
 * rule), wherever it stands: before the tree says which are real comments, what could hide one.
 */
export function mayDisable(text: string, ruleIds: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(COMMENT)) {
    if (m[1] === 'enable') continue;
    const ids = idsOf(m[2]);
    if (!ids.length || ids.some((id) => ruleIds.has(id))) return true;
  }
  return false;
}
