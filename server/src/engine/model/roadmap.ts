// Roadmaps: headings are phases or milestones; task items, bullets and table rows are items.
// Status comes from a checkbox, an emoji, a status word, a status column, a "Status:" field or a
// legend the roadmap defines ("`[0.5]` | In progress"); an item without one takes the status of
// the label above its list ("Already landed:") or of its phase heading ("Phase 1 ✅",
// "## What's Left to Build"), and a sub-phase that of its parent. A heading whose body is a
// "Status:" field is an item of its parent phase (a card). Ids look like ST-04-02, EPIC-04 or #12.
import type { Heading, ListItem, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Section } from './sections';
import { itemsIn, labelledBlocks, type Item } from './items';
import { startOf, endOf } from '../parse/parse';
import { plainText } from '../parse/walk';
import { inRunningText, isStrongEmoji, statusOfText, type ItemStatus, type StatusHit } from './status';
import { findLegend, PRIORITY, statusHeading, type Legend } from './legend';

export { statusOfText, type ItemStatus, type StatusHit } from './status';

export type StatusStyle = 'checkbox' | 'emoji' | 'word' | 'column' | 'field';

export interface RoadmapItem {
  id: string | null;
  text: string;
  start: number;
  end: number;
  /** Range of the item's first line after its list marker (a card: its heading's text). */
  textStart: number;
  textEnd: number;
  /** The status its author meant: its own marker, else its label's, else its phase's. */
  status: ItemStatus | null;
  /** Style of the item's own marker; null when the status is inherited or absent. */
  style: StatusStyle | null;
  /** Where the status comes from. */
  source: 'item' | 'label' | 'phase' | null;
  /** Range of the own status marker ("[ ]", "⏳", "planned", the cell or field value). */
  markerStart: number;
  markerEnd: number;
  /** Index of its phase in `Roadmap.phases`. */
  phase: number;
  /** List nesting: 0 for top-level items (nested ones count only with a status of their own). */
  depth: number;
  kind: 'list' | 'table' | 'card';
  /** A task-list item ("- [ ]"); its checkbox decides its status. */
  task: boolean;
}

export interface Phase {
  title: string;
  start: number;
  end: number;
  headingStart: number;
  headingEnd: number;
  /** Heading depth; 0 for the items before the first heading. */
  depth: number;
  /** Index of the enclosing phase. */
  parent: number | null;
  status: ItemStatus | null;
  /** The status comes from an enclosing phase. */
  statusInherited: boolean;
  /** The items before the first section (under the title, if any). */
  preamble: boolean;
  /** Its items follow a label ("Current status by milestone:"): an overview, not stray items. */
  overview: boolean;
  items: RoadmapItem[];
}

export interface Roadmap {
  phases: Phase[];
  /** Items by id (first occurrence). */
  ids: Map<string, RoadmapItem>;
  /** Markers a legend table defines ("[0.5]" → in-progress). */
  legend: Map<string, ItemStatus>;
}

export const ID_PATTERN = /(?<![\w-])(?:[A-Z][A-Z0-9]{0,9}-\d+(?:[-.]\d+)*|#\d+)(?![\w-])/g;

export function firstId(s: string): string | null {
  ID_PATTERN.lastIndex = 0;
  const m = ID_PATTERN.exec(s);
  ID_PATTERN.lastIndex = 0;
  return m ? m[0] : null;
}

const STATUS_HEADER = /^(?:status|state|estado|stato|état|статус|состояние|状态|狀態|状況|ステータス|상태|trạng thái|tình trạng|progress|done)$/iu;
const FIELD = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?\s*(?:status|state|estado|stato|état|статус|состояние|状态|狀態|状況|ステータス|상태)\s*(?:[:：]\s*(?:\*\*|__)|(?:\*\*|__)?\s*[:：])\s*/iu;

interface Container {
  title: string;
  start: number;
  end: number;
  hs: number;
  he: number;
  depth: number;
  parent: number | null;
  nodes: RootContent[];
  section: Section | null;
  preamble: boolean;
}

export function parseRoadmap(text: string, root: Root, sections: Section[]): Roadmap {
  const legend = findLegend(root);
  const first = parseWith(text, root, sections, legend);
  const named = headingLegend(text, first.phases, legend);
  return named.size ? parseWith(text, root, sections, { ...legend, markers: new Map([...legend.markers, ...named]) }) : first;
}

/**
 * Markers that the section headings define, like a legend: a marker used only under headings that
 * name one status and nothing much else ("## In Progress" over 🔄, "## Planned Features" over ⏳),
 * and the only marker there, means that status in this file. Two markers under two status
 * headings are two statuses, whatever each would mean alone. A done marker (✅) keeps its meaning.
 */
function headingLegend(text: string, phases: Phase[], legend: Legend): Map<string, ItemStatus> {
  const named = new Map<string, ItemStatus>();
  const sectionStatus = (p: number | null): ItemStatus | null => {
    if (p === null) return null;
    const own = statusHeading(phases[p].title);
    if (own) return own;
    return phases[p].status && !phases[p].statusInherited ? null : sectionStatus(phases[p].parent);
  };
  const seen = new Map<string, { statuses: Set<ItemStatus | null>; read: Set<ItemStatus | null>; count: number }>();
  const perSection = new Map<number, Set<string>>();
  for (const [k, p] of phases.entries()) {
    for (const i of p.items) {
      if (i.style !== 'emoji' || i.source !== 'item') continue;
      const marker = text.slice(i.markerStart, i.markerEnd);
      const entry = seen.get(marker) ?? { statuses: new Set(), read: new Set(), count: 0 };
      entry.statuses.add(sectionStatus(k));
      entry.read.add(i.status);
      entry.count++;
      seen.set(marker, entry);
      const markers = perSection.get(k) ?? new Set<string>();
      perSection.set(k, markers.add(marker));
    }
  }
  for (const [marker, e] of seen) {
    const [status] = e.statuses;
    if (e.statuses.size !== 1 || !status || e.count < 2 || legend.markers.has(marker) || legend.others.has(marker)) continue;
    if (e.read.has('done') || (e.read.size === 1 && e.read.has(status))) continue;
    // The only marker of each section it is used in.
    const alone = [...perSection].every(([, markers]) => !markers.has(marker) || markers.size === 1);
    if (alone) named.set(marker, status);
  }
  return named;
}

function parseWith(text: string, root: Root, sections: Section[], legend: Legend): Roadmap {
  const containers = containersOf(text, root, sections);
  const icons = iconHeadings(containers.filter((c) => !c.preamble).map((c) => c.title));
  // A roadmap that grades one heading by colour ("🔴 URGENT", "🟡 IMPORTANT") grades them all so:
  // its "🟢 FUTUR" is a priority too, not a done phase.
  const graded = containers.some((c) => colourPriority(c.title));
  const phases: Phase[] = [];
  // Index of the phase a container's items go to (cards go to their parent's).
  const phaseOf: number[] = [];
  const cards: Array<{ container: number; field: StatusField }> = [];
  for (let i = 0; i < containers.length; i++) {
    const c = containers[i];
    const field = statusField(text, c.nodes, legend);
    const parentPhase = c.parent === null ? null : phaseOf[c.parent];
    if (field && parentPhase !== null && parentPhase !== undefined && !hasStatusItems(text, c.nodes, field, legend)) {
      phaseOf.push(parentPhase);
      cards.push({ container: i, field });
      continue;
    }
    const priority = graded || (c.parent !== null && PRIORITY.test(containers[c.parent].title));
    const heading = field ? null : headingStatus(c.title, legend, icons, priority);
    const own = field?.hit ?? heading;
    const parent = parentPhase ?? null;
    const inherited = !own && parent !== null ? phases[parent].status : null;
    phaseOf.push(phases.length);
    phases.push({
      title: c.title,
      start: c.start,
      end: c.end,
      headingStart: c.hs,
      headingEnd: c.he,
      depth: c.depth,
      parent,
      status: own?.status ?? inherited,
      statusInherited: !own && inherited !== null,
      preamble: c.preamble,
      overview: c.preamble && labelledBlocks(c.nodes).some((b) => b.items.length > 0),
      items: [],
    });
    const p = phases.length - 1;
    // Under a priority heading ("🔴 Alta Prioridad", "Impact par Priorité") colours are priorities too.
    const marks = PRIORITY.test(c.title) ? { ...legend, others: new Set([...legend.others, ...COLOURS]) } : legend;
    phases[p].items = itemsOf(text, c.nodes, p, phases[p].status, marks, field, legend);
    if (heading?.style === 'emoji' && !agrees(phases[p].items, heading.status, heading.weak)) {
      // A heading marker the phase's items contradict is an icon, not the phase's status.
      phases[p].status = parent !== null ? phases[parent].status : null;
      phases[p].statusInherited = phases[p].status !== null;
      phases[p].items = itemsOf(text, c.nodes, p, phases[p].status, marks, field, legend);
    }
  }
  for (const { container, field } of cards) {
    const c = containers[container];
    const p = phaseOf[container];
    const heading = c.section!.heading;
    const item: RoadmapItem = {
      id: firstId(c.title),
      text: c.title,
      start: c.start,
      end: c.end,
      textStart: heading.textStart,
      textEnd: heading.textEnd,
      status: field.hit?.status ?? phases[p].status,
      style: field.hit ? 'field' : null,
      source: field.hit ? 'item' : phases[p].status ? 'phase' : null,
      markerStart: field.valueStart,
      markerEnd: field.valueEnd,
      phase: p,
      depth: 0,
      kind: 'card',
      task: false,
    };
    phases[p].items.push(item);
  }
  for (const p of phases) p.items.sort((a, b) => a.start - b.start);
  const ids = new Map<string, RoadmapItem>();
  for (const p of phases) for (const it of p.items) if (it.id && !ids.has(it.id)) ids.set(it.id, it);
  return { phases, ids, legend: legend.markers };
}

/**
 * Headings decorated with icons ("## 🎯 Goals", "## 🔧 Commands", "## 📋 Tasks"): three or more
 * lead with an emoji that is no status, and they are at least half of those that lead with one;
 * or the leading emoji never repeat and two of them are no status ("✅ Done", "📋 Priorities",
 * "🔄 Improvements", "📈 Future", "🎯 Recommendations"): a scheme of statuses repeats its markers.
 */
function iconHeadings(titles: string[]): boolean {
  const leading = titles.map((t) => /^\p{Extended_Pictographic}\ufe0f?/u.exec(t.trim())?.[0]?.replace(/\ufe0f/gu, '')).filter((e): e is string => !!e);
  const plain = leading.filter((e) => !statusOfText(e));
  if (plain.length >= 3 && plain.length * 2 >= leading.length) return true;
  return leading.length >= 4 && plain.length >= 2 && new Set(leading).size === leading.length;
}

function colourPriority(title: string): boolean {
  COLOUR_PRIORITY.lastIndex = 0;
  return COLOUR_PRIORITY.test(title);
}

interface HeadingStatus extends StatusHit {
  /** From an emoji that is also an icon or a colour ("🟢", "🔧"), not named by the legend. */
  weak: boolean;
}

/**
 * A heading's status. An emoji that doubles as an icon or a colour counts only where the roadmap
 * uses it so: not on a priority heading ("🟢 P2", "🔴 Critical"), nor as a colour where the
 * roadmap grades by colour or under a heading that names priorities, not as the leading icon of a
 * roadmap whose headings carry icons; the caller drops it when the phase's items disagree.
 */
function headingStatus(title: string, legend: Legend, icons: boolean, priority: boolean): HeadingStatus | null {
  let t = title;
  for (let k = 0; k < 4; k++) {
    const hit = readStatus(t, legend);
    if (!hit) return null;
    const marker = t.slice(hit.index, hit.index + hit.length);
    const emoji = hit.style === 'emoji' && !legend.markers.has(marker);
    const weak = emoji && !isStrongEmoji(marker);
    const leading = !/[\p{L}\p{N}]/u.test(t.slice(0, hit.index));
    const colour = COLOURS.includes(marker.replace(/\ufe0f/gu, ''));
    const icon = (weak && (PRIORITY.test(title) || (icons && leading) || (priority && colour))) || (emoji && hit.status === 'done' && CHECKLIST.test(title));
    if (!icon) return { ...hit, weak };
    t = t.slice(0, hit.index) + ' '.repeat(hit.length) + t.slice(hit.index + hit.length);
  }
  return null;
}

/**
 * Whether a phase's own items bear out the status its heading marker gives: with two or more
 * items, half of them share it (an icon or colour marker), or with three or more, at least one
 * does ("✅ Checklist" over twelve open boxes is an icon too).
 */
function agrees(items: RoadmapItem[], status: ItemStatus, weak: boolean): boolean {
  const own = items.filter((i) => i.source === 'item');
  const same = own.filter((i) => i.status === status).length;
  return weak ? own.length < 2 || same * 2 >= own.length : own.length < 3 || same > 0;
}

/** A heading that names a checklist ("✅ Checkliste für dich", "✅ Чек-лист готовности"): its tick is an icon. */
const CHECKLIST = /check-?list|checkliste|чек-?лист|lista de (?:verificaci[óo]n|control|comprobaci[óo]n)|liste de contr[ôo]le|チェックリスト|检查清单|清单|체크리스트/iu;

const COLOURS = ['🔴', '🟠', '🟡', '🟢', '🔵', '🟣', '🟤', '⚪', '⚫'];
/** A colour that grades what follows it ("🔴 P0", "🟡 Medium", "🔴 Critique", "🟠 严重"): a priority. */
const COLOUR_PRIORITY = /(?:🔴|🟠|🟡|🟢|🔵|🟣|🟤|⚪|⚫)\ufe0f?(?=\s*(?:\*\*|__)?\s*(?:P[0-4](?![\p{L}\p{N}])|priority|critical|critique|cr[íi]tic[oa]|urgent|severe|major|minor|important|high|medium|low|must|should|nice|優先|优先|우선|alta|media|baja|haute|basse|moyenne|hoch|mittel|niedrig|严重|紧急|重要|一般|高|中|低))/giu;

const blank = (m: string) => ' '.repeat(m.length);

/** The status `s` states, reading the legend's markers by the legend (same offsets as `s`). */
function readStatus(s: string, legend: Legend, options: { anywhere?: boolean; strict?: boolean } = {}): StatusHit | null {
  const plain = s.replace(COLOUR_PRIORITY, blank);
  const hit = legendHit(plain, legend);
  if (hit) return hit;
  let rest = plain;
  for (const marker of [...legend.others, ...legend.markers.keys()]) rest = rest.split(marker).join(blank(marker));
  return statusOfText(rest, options);
}

/** The part before the first heading (when it holds items) and every section, in order. */
function containersOf(text: string, root: Root, sections: Section[]): Container[] {
  const out: Container[] = [];
  const firstStart = sections[0]?.start ?? text.length;
  const title = root.children.find((n): n is Heading => n.type === 'heading');
  const titled = title && title.depth === 1 && startOf(title) < firstStart ? title : null;
  const preamble = root.children.filter((n) => startOf(n) < firstStart && n !== titled && n.type !== 'yaml' && n.type !== 'heading');
  if (itemsIn(preamble).length) {
    out.push({
      title: titled ? plainText(titled).trim() : '',
      start: titled ? startOf(titled) : 0,
      end: firstStart,
      hs: titled ? startOf(titled) : 0,
      he: titled ? endOf(titled) : 0,
      depth: titled ? titled.depth : 0,
      parent: null,
      nodes: preamble,
      section: null,
      preamble: true,
    });
  }
  const walk = (list: Section[], parent: number | null) => {
    for (const s of list) {
      out.push({ title: s.heading.text, start: s.start, end: s.end, hs: s.heading.start, he: s.heading.end, depth: s.heading.depth, parent, nodes: s.ownNodes, section: s, preamble: false });
      walk(s.children, out.length - 1);
    }
  };
  walk(sections, null);
  return out;
}

interface StatusField {
  hit: { status: ItemStatus; index: number; length: number } | null;
  valueStart: number;
  valueEnd: number;
  /** The list item that holds the field, when it is one. */
  item: ListItem | null;
}

/** The first "Status: …" line among a container's paragraphs and top-level list items. */
function statusField(text: string, nodes: RootContent[], legend: Legend): StatusField | null {
  const lines: Array<{ start: number; end: number; item: ListItem | null }> = [];
  // A "Status:" line below the section's lists and tables is a footer, not the phase's status.
  let below = false;
  for (const node of nodes) {
    if (node.type === 'paragraph' && !below) {
      let at = startOf(node);
      for (const line of text.slice(at, endOf(node)).split(/(?<=\r\n|\r|\n)/)) {
        lines.push({ start: at, end: at + line.replace(/\r?\n$|\r$/, '').length, item: null });
        at += line.length;
      }
    } else if (node.type === 'list') {
      for (const li of node.children) {
        const first = li.children[0];
        if (first?.type !== 'paragraph') continue;
        const s = startOf(first);
        const nl = text.slice(s, endOf(first)).search(/\r|\n/);
        lines.push({ start: s, end: nl < 0 ? endOf(first) : s + nl, item: li });
      }
      below = true;
    } else if (node.type === 'table') below = true;
  }
  for (const l of lines) {
    const raw = text.slice(l.start, l.end);
    const m = FIELD.exec(raw);
    if (!m) continue;
    let valueStart = l.start + m[0].length;
    let valueEnd = l.end;
    let value = text.slice(valueStart, valueEnd).replace(/\s+$/, '');
    valueEnd = valueStart + value.length;
    const code = /^(\*\*|__)?`([^`]+)`/.exec(value);
    if (code) {
      valueStart += (code[1]?.length ?? 0) + 1;
      valueEnd = valueStart + code[2].length;
      value = code[2];
    }
    const hit = readStatus(value, legend, { anywhere: true });
    return { hit: hit ? { status: hit.status, index: valueStart + hit.index, length: hit.length } : null, valueStart, valueEnd, item: l.item };
  }
  return null;
}

function hasStatusItems(text: string, nodes: RootContent[], field: StatusField, legend: Legend): boolean {
  for (const item of itemsIn(nodes, 0, 1)) {
    if (item.node && item.node === field.item) continue;
    if (item.kind === 'list' && ownStatus(text, item, legend)) return true;
  }
  return false;
}

/** The legend's marker in `s` (the longest, if several), unless it sits inside running text. */
function legendHit(s: string, legend: Legend): StatusHit | null {
  let best: StatusHit | null = null;
  for (const [marker, status] of legend.markers) {
    const emoji = /^\p{Extended_Pictographic}/u.test(marker);
    for (let at = s.indexOf(marker); at >= 0; at = s.indexOf(marker, at + 1)) {
      if (emoji && inRunningText(s, at, marker.length)) continue;
      if (!best || marker.length > best.length) best = { status, style: emoji ? 'emoji' : 'word', index: at, length: marker.length };
      break;
    }
  }
  return best;
}

interface Own {
  status: ItemStatus;
  style: StatusStyle | null;
  markerStart: number;
  markerEnd: number;
}

/** The status an item states itself: checkbox, strikethrough, legend marker, emoji or word. */
function ownStatus(text: string, item: Item, legend: Legend): Own | null {
  if (item.checked !== null) {
    const src = text.slice(item.start, item.textStart);
    const box = /\[[ xX]\]/.exec(src);
    const at = box ? item.start + box.index : item.textStart;
    return { status: item.checked ? 'done' : 'planned', style: 'checkbox', markerStart: at, markerEnd: box ? at + 3 : at };
  }
  const first = item.node?.children[0];
  if (first?.type === 'paragraph' && first.children.some((c) => c.type === 'delete') && first.children.every((c) => c.type === 'delete' || (c.type === 'text' && !c.value.trim()))) {
    return { status: 'done', style: null, markerStart: item.textStart, markerEnd: item.textStart };
  }
  const line = text.slice(item.textStart, item.textEnd);
  const s = readStatus(line, legend, { strict: true });
  if (s && labelIcon(line, s, legend)) return null;
  return s ? { status: s.status, style: s.style, markerStart: item.textStart + s.index, markerEnd: item.textStart + s.index + s.length } : null;
}

/** "💡 **Suggestion**: …": an icon emoji before a bold label is the label's icon, not a status. */
function labelIcon(line: string, hit: StatusHit, legend: Legend): boolean {
  const marker = line.slice(hit.index, hit.index + hit.length);
  if (hit.style !== 'emoji' || isStrongEmoji(marker) || legend.markers.has(marker)) return false;
  return /^\ufe0f?\s*(?:\*\*|__)[^*_]{1,40}(?:[:：](?:\*\*|__)|(?:\*\*|__)\s*[:：])/u.test(line.slice(hit.index + hit.length));
}

function itemsOf(
  text: string,
  nodes: RootContent[],
  phase: number,
  phaseStatus: ItemStatus | null,
  legend: Legend,
  field: StatusField | null,
  /** The file's legend, for status columns (a phase's may also take colours as priorities). */
  columns: Legend,
): RoadmapItem[] {
  const labels = new Map<RootContent, ItemStatus>();
  for (let i = 0; i + 1 < nodes.length; i++) {
    const block = labelledBlocks(nodes.slice(i, i + 2))[0];
    const s = block ? statusOfText(block.label) : null;
    if (s) labels.set(nodes[i + 1], s.status);
  }
  const out: RoadmapItem[] = [];
  for (const node of nodes) {
    if (node.type === 'table') {
      if (!legend.nodes.has(node)) out.push(...tableItems(text, node, phase, phaseStatus, legend, columns));
      continue;
    }
    if (node.type !== 'list' && node.type !== 'blockquote') continue;
    if (node.type === 'list' && legend.nodes.has(node)) continue;
    const labelStatus = labels.get(node) ?? null;
    const items = itemsIn([node], 0, 1).filter((it) => it.kind === 'list' && !(field?.item && it.node === field.item));
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const own = ownStatus(text, item, legend);
      if (item.depth > 0 && !own) continue;
      if (item.depth === 0 && !own) {
        // A grouping item ("Infrastructure" over its checkboxes) is not an item of its own.
        let j = i + 1;
        let childStatus = false;
        for (; j < items.length && items[j].depth > 0; j++) if (ownStatus(text, items[j], legend)) childStatus = true;
        if (childStatus) continue;
      }
      out.push(roadmapItem(item, own, labelStatus, phaseStatus, phase));
    }
  }
  return out;
}

function roadmapItem(item: Item, own: Own | null, label: ItemStatus | null, phaseStatus: ItemStatus | null, phase: number): RoadmapItem {
  let status: ItemStatus | null = own?.status ?? label ?? phaseStatus;
  // An open checkbox under a phase in progress (or blocked) is in progress (or blocked) too.
  if (own?.style === 'checkbox' && status === 'planned' && (phaseStatus === 'in-progress' || phaseStatus === 'blocked')) status = phaseStatus;
  return {
    id: firstId(item.text),
    text: item.text,
    start: item.start,
    end: item.end,
    textStart: item.textStart,
    textEnd: item.textEnd,
    status,
    style: own?.style ?? null,
    source: own ? 'item' : label ? 'label' : phaseStatus ? 'phase' : null,
    markerStart: own?.markerStart ?? item.textStart,
    markerEnd: own?.markerEnd ?? item.textStart,
    phase,
    depth: item.depth,
    kind: 'list',
    task: item.checked !== null,
  };
}

function cellRange(text: string, cell: TableCell): { start: number; end: number; raw: string } {
  const start = cell.children[0] ? startOf(cell.children[0]) : startOf(cell);
  const end = cell.children.length ? endOf(cell.children[cell.children.length - 1]) : start;
  return { start, end, raw: text.slice(start, end) };
}

function tableItems(text: string, table: Table, phase: number, phaseStatus: ItemStatus | null, legend: Legend, columns: Legend): RoadmapItem[] {
  const [header, ...rows] = table.children as TableRow[];
  if (!header) return [];
  const names = header.children.map((c) => plainText(c).replace(/[*_]/g, '').trim());
  const col = names.findIndex((n) => STATUS_HEADER.test(n));
  return rows.map((row) => {
    const cells = row.children.map((c) => plainText(c).trim());
    const rowText = cells.filter((_, i) => i !== col).filter(Boolean).join(' | ');
    let own: Own | null = null;
    if (col >= 0 && row.children[col]) {
      const cell = cellRange(text, row.children[col]);
      const s = readStatus(cell.raw, columns, { anywhere: true });
      if (s) own = { status: s.status, style: 'column', markerStart: cell.start, markerEnd: cell.end };
    } else {
      for (const c of row.children) {
        const cell = cellRange(text, c);
        const s = readStatus(cell.raw, legend, { strict: true });
        if (s) {
          own = { status: s.status, style: s.style, markerStart: cell.start + s.index, markerEnd: cell.start + s.index + s.length };
          break;
        }
      }
    }
    return {
      id: firstId(cells.join(' ')),
      text: rowText,
      start: startOf(row),
      end: endOf(row),
      textStart: startOf(row),
      textEnd: endOf(row),
      status: own?.status ?? phaseStatus,
      style: own?.style ?? null,
      source: own ? 'item' : phaseStatus ? 'phase' : null,
      markerStart: own?.markerStart ?? startOf(row),
      markerEnd: own?.markerEnd ?? startOf(row),
      phase,
      depth: 0,
      kind: 'table' as const,
      task: false,
    };
  });
}
