// How a handoff and its roadmap refer to each other: the roadmap ids a handoff names, the work it
// reports as landed, and the edit that marks a roadmap item done in the roadmap's own style
// (its checkbox, its done emoji, its done word, the done text of its status column).
import type { Node } from 'mdast';
import type { Fix, TextEdit } from '../types';
import type { Note } from '../model/note';
import { oncePerNote } from '../model/once';
import type { ItemStatus, Phase, RoadmapItem, StatusStyle } from '../model/roadmap';
import { ID_PATTERN, firstId, statusOfText } from '../model/roadmap';
import { outlineNote } from '../outline/outline';
import { visit } from '../parse/walk';
import { startOf, endOf } from '../parse/parse';

export interface RoadmapIds {
  items: Map<string, RoadmapItem>;
  /** Ids named in phase headings ("## EPIC-04: Scripting"). */
  phases: Map<string, Phase>;
  /** Prefixes the roadmap's ids use ("ST", "EPIC", "#"): only ids like these are checked. */
  prefixes: Set<string>;
}

export function prefixOf(id: string): string {
  return id.startsWith('#') ? '#' : id.replace(/-\d.*$/, '');
}

// Every handoff linked to a roadmap asks for its ids (two rules each, and the index lints every
// handoff): found once per roadmap Note.
const idMemo = new WeakMap<Note, RoadmapIds>();

export function roadmapIds(roadmap: Note): RoadmapIds {
  return oncePerNote(idMemo, roadmap, findIds);
}

function findIds(roadmap: Note): RoadmapIds {
  const items = new Map<string, RoadmapItem>();
  const phases = new Map<string, Phase>();
  for (const p of roadmap.roadmap?.phases ?? []) {
    const id = firstId(p.title);
    if (id && !phases.has(id)) phases.set(id, p);
    for (const it of p.items) if (it.id && !items.has(it.id)) items.set(it.id, it);
  }
  const prefixes = new Set([...items.keys(), ...phases.keys()].map(prefixOf));
  return { items, phases, prefixes };
}

export interface IdMention {
  id: string;
  start: number;
  end: number;
}

/** Ids in a note's prose and inline code (not in code blocks, HTML or link targets), in order. */
export function idMentions(note: Note): IdMention[] {
  const out: IdMention[] = [];
  visit(note.root, (node: Node) => {
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml') return 'skip';
    if (node.type !== 'text' && node.type !== 'inlineCode') return;
    const start = startOf(node);
    const raw = note.text.slice(start, endOf(node));
    ID_PATTERN.lastIndex = 0;
    for (const m of raw.matchAll(ID_PATTERN)) out.push({ id: m[0], start: start + m.index, end: start + m.index + m[0].length });
    ID_PATTERN.lastIndex = 0;
  });
  return out.sort((a, b) => a.start - b.start);
}

export const OPEN: ReadonlySet<ItemStatus> = new Set(['planned', 'in-progress', 'blocked']);

const DONE_VERB = /\b(?:implemented|completed?|finished|shipped|landed|merged|closed|done|delivered|resolved|fixed)\b/i;

export interface Landed {
  id: string;
  /** Where the handoff says so. */
  start: number;
  end: number;
  how: 'changes' | 'checked';
}

/**
 * Work a handoff reports as done: an item of its `changes` role whose subject is the id (it opens
 * with it, or says it was implemented, completed, shipped…), and a checked next step.
 * "Documentation (EPIC-04 alignment)" mentions EPIC-04 without reporting it done.
 */
export function landedWork(handoff: Note): Landed[] {
  const outline = outlineNote(handoff);
  const out: Landed[] = [];
  const seen = new Set<string>();
  const add = (id: string, start: number, end: number, how: Landed['how']) => {
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ id, start, end, how });
  };
  for (const e of outline.changes) {
    const line = handoff.text.slice(e.textStart, e.textEnd);
    const lead = /^[\s*_~`>[\]]*(?:\p{Extended_Pictographic}\ufe0f?\s*)?[*_`]*((?:[A-Z][A-Z0-9]{0,9}-\d+(?:[-.]\d+)*|#\d+))(?![\w-])/u.exec(line);
    if (lead) {
      const at = e.textStart + lead.index + lead[0].length - lead[1].length;
      add(lead[1], at, at + lead[1].length, 'changes');
      continue;
    }
    const first = e.ids[0];
    if (!first) continue;
    const said = statusOfText(line, { strict: true })?.status === 'done' || DONE_VERB.test(line.replace(/\([^)]*\)/g, ''));
    if (said) {
      const at = line.indexOf(first);
      add(first, e.textStart + Math.max(0, at), e.textStart + Math.max(0, at) + first.length, 'changes');
    }
  }
  for (const s of outline.nextSteps) {
    if (!s.done || !s.ids[0]) continue;
    const at = handoff.text.indexOf(s.ids[0], s.textStart);
    add(s.ids[0], at, at + s.ids[0].length, 'checked');
  }
  return out;
}

/** The most common of a list, or null. */
function mostCommon<T>(values: T[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

/** The style most of a roadmap's own status markers use. */
export function dominantStyle(roadmap: Note): StatusStyle | null {
  const styles = (roadmap.roadmap?.phases ?? []).flatMap((p) => p.items).map((i) => i.style).filter((s): s is StatusStyle => s !== null);
  return mostCommon(styles);
}

function allItems(roadmap: Note): RoadmapItem[] {
  return (roadmap.roadmap?.phases ?? []).flatMap((p) => p.items);
}

/** How this roadmap writes "done" in a style: "✅", "Done", "[x]", "✅ Cerrada". */
function doneMarker(roadmap: Note, style: StatusStyle): string {
  const done = allItems(roadmap).filter((i) => i.status === 'done' && i.style === style);
  const text = roadmap.text;
  if (style === 'checkbox') return mostCommon(done.map((i) => text.slice(i.markerStart, i.markerEnd))) ?? '[x]';
  if (style === 'emoji') return mostCommon(done.map((i) => text.slice(i.markerStart, i.markerEnd))) ?? '✅';
  if (style === 'word' || style === 'field') {
    const legend = [...(roadmap.roadmap?.legend ?? [])].find(([, s]) => s === 'done')?.[0];
    if (style === 'field' && legend) return legend;
    return mostCommon(done.map((i) => text.slice(i.markerStart, i.markerEnd))) ?? 'done';
  }
  // A status column: the emoji and word the done cells use, without their dates and notes.
  const cells = done.map((i) => {
    const cell = text.slice(i.markerStart, i.markerEnd).replace(/[*_]/g, '');
    const emoji = statusOfText(cell)?.style === 'emoji' ? statusOfText(cell) : null;
    const rest = emoji ? cell.slice(0, emoji.index) + cell.slice(emoji.index + emoji.length) : cell;
    const word = statusOfText(rest, { anywhere: true });
    return [emoji ? cell.slice(emoji.index, emoji.index + emoji.length) : '', word ? rest.slice(word.index, word.index + word.length) : ''].filter(Boolean).join(' ');
  });
  return mostCommon(cells.filter(Boolean)) ?? 'Done';
}

/** Same letter case as the word it replaces ("Planned" → "Done", "PLANNED" → "DONE"). */
function matchCase(word: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase() && like !== like.toLowerCase()) return word.toUpperCase();
  if (like[0] && like[0] === like[0].toUpperCase() && like[0] !== like[0].toLowerCase()) return word[0].toUpperCase() + word.slice(1);
  return word;
}

/**
 * The edit that marks an item done the way this roadmap marks things done; null when the item
 * carries no marker of its own and the roadmap has no style to follow.
 */
export function markDoneFix(roadmap: Note, item: RoadmapItem): Fix | null {
  const text = roadmap.text;
  const title = `Mark ${item.id ?? 'the item'} done in the roadmap`;
  const edits: TextEdit[] = [];
  if (item.style) {
    const old = text.slice(item.markerStart, item.markerEnd);
    let marker = doneMarker(roadmap, item.style);
    if (item.style === 'word') marker = matchCase(marker, old);
    if (item.style === 'checkbox') marker = /\[[xX]\]/.test(marker) ? marker : '[x]';
    edits.push({ start: item.markerStart, end: item.markerEnd, text: marker });
  } else if (item.kind === 'list') {
    // No marker of its own: add one in the roadmap's style.
    const style = dominantStyle(roadmap);
    if (style === 'checkbox') edits.push({ start: item.textStart, end: item.textStart, text: `${doneMarker(roadmap, 'checkbox')} ` });
    else if (style === 'emoji') edits.push({ start: item.textStart, end: item.textStart, text: `${doneMarker(roadmap, 'emoji')} ` });
    else return null;
  } else return null;
  return { title, edits };
}
