// The Note: one parsed handoff or roadmap with its title, sections (with roles and their match
// in the dialect), snapshot fields, items and labelled blocks. Built once per text version;
// every rule, the outline and Update Handoff read it.
import type { Html, Node, Root, Yaml } from 'mdast';
import { parseDocument, isMap } from 'yaml';
import type { NoteKind } from '../types';
import type { Dialect } from '../dialects/dialect';
import { DIALECTS } from '../dialects';
import { parseMarkdown } from '../parse/parse';
import { LineIndex } from '../parse/lines';
import { keepNodesByType, nodesByType } from '../parse/nodes';
import { Suppressions } from '../lint/suppress';
import { detectKind, looksLikeDocumentation, matchesGlobs } from './detect';
import { normalizeLabel, stripQualifiers } from './labels';
import { roleOf } from './roles';
import { buildSections, flatten, type HeadingInfo, type Section } from './sections';
import { fieldsInFrontmatter, fieldsInNodes, type Field } from './fields';
import { matchSections } from './match';
import { parseRoadmap, type Roadmap } from './roadmap';

export interface NoteOptions {
  path?: string | null;
  /** Parses the text; the editor passes an incremental parser that reuses unchanged chunks. */
  parse?: (text: string) => Root;
  /** The parsed tree's nodes by type; the editor's incremental parser keeps them per chunk. */
  nodesByType?: (root: Root) => Map<string, Node[]>;
  /** Dialect id from configuration: 'auto', a built-in id, or 'template'. */
  dialect?: string;
  /** The project's template, already turned into a dialect. */
  template?: Dialect | null;
  handoffGlobs: string[];
  roadmapGlobs: string[];
}

export interface Note {
  text: string;
  path: string | null;
  lines: LineIndex;
  root: Root;
  kind: NoteKind;
  /** Detected as a handoff by name only; gets hygiene rules only. */
  hygieneOnly: boolean;
  dialect: Dialect;
  /** Pinned in front matter or configuration, rather than detected. */
  dialectPinned: boolean;
  title: HeadingInfo | null;
  preamble: Root['children'];
  /** Top-level sections. */
  sections: Section[];
  /** All sections, depth first. */
  allSections: Section[];
  fields: Field[];
  frontmatter: { start: number; end: number; data: Record<string, unknown> | null } | null;
  suppressions: Suppressions;
  /** Why the Markdown was not parsed (too deeply nested, too many delimiters); only text rules run then. */
  unparsed?: string;
  roadmap: Roadmap | null;
}

export function buildNote(text: string, options: NoteOptions): Note {
  const root = (options.parse ?? parseMarkdown)(text);
  const lines = new LineIndex(text);
  const yaml = root.children.find((n): n is Yaml => n.type === 'yaml') ?? null;
  const data = yaml ? frontmatterData(yaml.value) : null;
  const { title, preamble, sections } = buildSections(text, root);
  const { kind } = detectKind({
    path: options.path ?? null,
    title: title?.text ?? null,
    frontmatterType: typeof data?.type === 'string' ? data.type : data && 'handoff' in data ? 'handoff' : null,
    handoffGlobs: options.handoffGlobs,
    roadmapGlobs: options.roadmapGlobs,
  });
  const pinned = typeof data?.handoff === 'string' ? data.handoff : typeof data?.dialect === 'string' ? data.dialect : null;
  const { dialect, dialectPinned } = chooseDialect(kind, title, sections, pinned, options);
  matchSections(sections, dialect);
  // Matching and roles change no section's place: one flat list serves every pass below.
  const allSections = flatten(sections);
  for (const s of allSections) if (s.role === null) s.role = roleOf(s.heading.text);
  inheritRoles(sections);

  const fields: Field[] = [];
  if (yaml) fields.push(...fieldsInFrontmatter(text, yaml));
  fields.push(...fieldsInNodes(text, preamble, 'preamble'));
  for (const s of allSections) if (s.role === 'snapshot') fields.push(...fieldsInNodes(text, s.ownNodes, 'section'));
  if (!fields.length && dialect.lenient && sections[0]) fields.push(...fieldsInNodes(text, sections[0].ownNodes, 'section'));

  const hygieneOnly = kind === 'handoff' && looksLikeDocumentation(sections.map((s) => s.heading.text), sections.map((s) => s.role), fields.length);
  const byType = (options.nodesByType ?? nodesByType)(root);
  const note: Note = {
    text,
    path: options.path ?? null,
    lines,
    root,
    kind,
    hygieneOnly,
    dialect,
    dialectPinned,
    title,
    preamble,
    sections,
    allSections,
    fields,
    frontmatter: yaml ? { start: yaml.position?.start.offset ?? 0, end: yaml.position?.end.offset ?? 0, data } : null,
    suppressions: new Suppressions((byType.get('html') ?? []) as Html[], lines),
    roadmap: kind === 'roadmap' ? parseRoadmap(text, root, sections) : null,
  };
  keepNodesByType(note, byType);
  return note;
}

function frontmatterData(value: string): Record<string, unknown> | null {
  try {
    const doc = parseDocument(value);
    if (doc.errors.length || !isMap(doc.contents)) return null;
    const data = doc.toJS() as unknown;
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function chooseDialect(kind: NoteKind, title: HeadingInfo | null, sections: Section[], pinned: string | null, options: NoteOptions): { dialect: Dialect; dialectPinned: boolean } {
  const byId = (id: string | null | undefined): Dialect | null => {
    if (!id) return null;
    if (id === 'template') return options.template ?? null;
    return DIALECTS[id] ?? null;
  };
  const fromPin = byId(pinned);
  if (fromPin) return { dialect: fromPin, dialectPinned: true };
  // An agent's own layout lives at a known path (.planning/STATE.md, memory-bank/progress.md):
  // the path decides, before the project's dialect and for roadmaps too.
  const path = options.path ?? null;
  const byPath = path ? Object.values(DIALECTS).find((d) => d.paths && matchesGlobs(path, d.paths)) : undefined;
  if (byPath && kind !== 'other') return { dialect: byPath, dialectPinned: false };
  if (kind !== 'handoff') return { dialect: DIALECTS.auto, dialectPinned: false };
  const configured = options.dialect && options.dialect !== 'auto' ? byId(options.dialect) : null;
  if (configured) return { dialect: configured, dialectPinned: true };
  // A dialect is detected when most of its required headings are there: at least 60 %, or 40 %
  // when the note also carries the dialect's title. A title alone does not make a free-form note strict.
  const t = title ? normalizeLabel(title.text) : '';
  let have: Set<string> | null = null;
  for (const d of [options.template, ...Object.values(DIALECTS)]) {
    if (!d || d.lenient) continue;
    const required = d.sections.filter((s) => s.required).map((s) => stripQualifiers(normalizeLabel(s.heading)));
    // The note's headings, normalised once for every dialect.
    const headings = (have ??= new Set(sections.map((s) => stripQualifiers(normalizeLabel(s.heading.text)))));
    const share = required.length ? required.filter((r) => headings.has(r)).length / required.length : 0;
    const titled = d.title !== null && normalizeLabel(d.title) === t;
    if (share >= 0.6 || (titled && share >= 0.4)) return { dialect: d, dialectPinned: false };
  }
  return { dialect: DIALECTS.auto, dialectPinned: false };
}

/** Subsections without a role of their own play their parent's. */
function inheritRoles(sections: Section[], parent: Section | null = null): void {
  for (const s of sections) {
    if (s.role === null && parent) s.role = parent.role;
    inheritRoles(s.children, s);
  }
}
