// A project's own template file is its schema: its headings, in order, are the sections, and a
// heading followed by `<!-- optional -->` is optional. No second format to learn.
import type { Heading, Html, Root } from 'mdast';
import type { Dialect, FieldSpec, SectionSpec } from './dialect';
import { parseMarkdown, startOf, endOf } from '../parse/parse';
import { tooComplex } from '../parse/complexity';
import { fastParse } from '../parse/fast/blocks';
import { plainText } from '../parse/walk';
import { roleOf } from '../model/roles';
import { fieldsInNodes } from '../model/fields';
import { buildSections, flatten } from '../model/sections';

/** Throws when the template is too complex to parse (see complexity.ts); callers report it. */
export function templateDialect(text: string, id = 'template'): Dialect {
  // The guard is remark's: text the line scanner takes is parsed in linear time.
  const tooHard = tooComplex(text);
  const fast = tooHard ? fastParse(text) : null;
  if (tooHard && !fast) throw new Error(`too complex to parse: ${tooHard}`);
  const root: Root = fast ?? parseMarkdown(text);
  const headings = root.children.filter((n): n is Heading => n.type === 'heading');
  const h1 = headings.find((h) => h.depth === 1);
  const rest = headings.filter((h) => h !== h1);
  const sectionLevel = rest.length ? Math.min(...rest.map((h) => h.depth)) : 2;
  const top = rest.filter((h) => h.depth === sectionLevel);
  const sections: SectionSpec[] = top.map((h) => {
    const index = root.children.indexOf(h);
    const next = root.children.slice(index + 1).find((n) => n.type === 'heading' && n.depth <= sectionLevel);
    const bodyStart = endOf(h);
    const bodyEnd = next ? startOf(next) : text.length;
    const body = text.slice(bodyStart, bodyEnd);
    const optional = root.children
      .slice(index + 1, next ? root.children.indexOf(next) : undefined)
      .some((n) => n.type === 'html' && /<!--\s*optional\s*-->/i.test((n as Html).value));
    const skeleton = body.replace(/<!--\s*optional\s*-->/gi, '').replace(/^\s*\n/, '').replace(/\s+$/, '');
    return { heading: plainText(h).trim(), aliases: [], role: roleOf(plainText(h)), required: !optional, skeleton: skeleton ? skeleton + '\n' : '' };
  });
  // Fields the template writes ("- Date:" or "Branch:") are the fields it expects.
  const { preamble, sections: tree } = buildSections(text, root);
  const found = [...fieldsInNodes(text, preamble, 'preamble'), ...flatten(tree).flatMap((s) => fieldsInNodes(text, s.ownNodes, 'section'))];
  const fields: FieldSpec[] = [];
  for (const f of found) if (!fields.some((g) => g.key === f.key)) fields.push({ key: f.key, label: f.label, required: true });
  const snapshot = sections.find((s) => s.role === 'snapshot');
  return {
    id,
    title: h1 ? plainText(h1).trim() : null,
    sections,
    sectionLevel,
    fields,
    fieldsIn: snapshot ? 'snapshot' : 'preamble',
    fieldStyle: found.some((f) => f.source === 'bullet') ? 'bullet' : 'line',
    lenient: false,
  };
}
