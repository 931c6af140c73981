// The outline of a note: snapshot fields, next steps in recommended order, risks, work in
// progress, what landed, and a roadmap's phases with their items and status. The sidebar, the
// CLI's `handoff outline` and the roadmap rules all read this one model.
//
// Next steps come from every section with the `next` role and risks from every `risks` role, and
// from labelled blocks inside other sections ("Remaining risks / TODO:" followed by a list), in
// document order. Numbered, bulleted, checkbox and table forms all count; nested items count when
// they are task items of their own ("- [ ] sub-step"), the rest are details of their parent.
import type { RootContent } from 'mdast';
import type { FieldKey, NoteKind, Role } from '../types';
import type { Note } from '../model/note';
import { oncePerNote } from '../model/once';
import type { Section } from '../model/sections';
import { itemsIn, labelledBlocks, type Item } from '../model/items';
import { roleOf } from '../model/roles';
import { normalizeLabel } from '../model/labels';
import { ID_PATTERN, statusOfText, type ItemStatus, type RoadmapItem } from '../model/roadmap';
import { startOf, endOf } from '../parse/parse';
import { gsdRoadmap, phaseDone, type GsdPhase } from '../model/gsd';
import { verifySections } from '../model/verify';

export interface OutlineField {
  value: string;
  start: number;
  end: number;
}

export type OutlineSnapshot = Record<Exclude<FieldKey, 'goal'> | 'goal', OutlineField | null>;

export interface OutlineEntry {
  text: string;
  /** The whole item (list item or table row). */
  start: number;
  end: number;
  /** Its first line's content, after the list marker. */
  textStart: number;
  textEnd: number;
  /** The heading or label it sits under. */
  group: string;
  /** Roadmap ids it names (ST-04-02, EPIC-04, #12). */
  ids: string[];
  kind: 'list' | 'table';
  /** List nesting depth (0 for top-level items). */
  depth: number;
}

export interface OutlineStep extends OutlineEntry {
  done: boolean;
  /** 1-based place in the note's recommended order. */
  order: number;
  /** The number an ordered list gives it ("3." → 3). */
  number: number | null;
  /** Range of its "[ ]" / "[x]" when it is a task item. */
  checkbox: { start: number; end: number } | null;
  /** Where "[ ] " goes to make a plain list item a task item; null for task items and table rows. */
  taskInsert: number | null;
}

export interface OutlinePhase {
  title: string;
  start: number;
  end: number;
  headingStart: number;
  headingEnd: number;
  depth: number;
  status: ItemStatus | null;
  items: RoadmapItem[];
  /** Items done, and items that count (dropped ones do not). */
  done: number;
  total: number;
}

export interface RoadmapOutline {
  phases: OutlinePhase[];
  done: number;
  total: number;
}

export interface NoteOutline {
  kind: NoteKind;
  dialect: string;
  title: { text: string; start: number; end: number } | null;
  snapshot: OutlineSnapshot;
  nextSteps: OutlineStep[];
  risks: OutlineEntry[];
  wip: OutlineEntry[];
  /** What the note reports as landed (its `changes` role), nested items included. */
  changes: OutlineEntry[];
  /** Commands of the run/verify sections, with the result recorded next to each (`npm test` — 680 passing). */
  verify: Array<{ command: string; result: string | null; start: number; end: number }>;
  roadmap: RoadmapOutline | null;
}

/** Next-step headings the role vocabulary does not name: "First actions (do these now)", "Future polish". */
const NEXT_LABEL = /^(?:(?:first|immediate|recommended) (?:actions?|steps|tasks)|future (?:work|polish|improvements?|tasks)|action plan)\b/u;
const RISK_LABEL = /\brisks?\b|\bgotchas?\b|\bcaveats?\b|\bpitfalls?\b|riesgos?|rischi|risques?|risiken|riscos|リスク|风险|風險|위험|риск/iu;

/**
 * The role of a labelled block, from the first words of its label ("Remaining risks / TODO:",
 * "Next steps:"), so that "Local validation run for next-phase work:" is not a next step. A label
 * that names risks is about risks, also with "TODO" in it.
 */
export function labelRole(label: string): Role | null {
  // A heading that opens with a date is an entry of a log ("2026-03-22 — follow-up on …").
  if (/^\W*\d{4}-\d{2}-\d{2}\b/.test(label)) return null;
  const words = normalizeLabel(label).split(' ').map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
  const head = words.slice(0, 3).join(' ');
  if (/\brisk management\b/u.test(head)) return null;
  if (RISK_LABEL.test(head)) return 'risks';
  if (NEXT_LABEL.test(head)) return 'next';
  return roleOf(head);
}

interface Block {
  role: Role;
  group: string;
  nodes: RootContent[];
}

/**
 * Runs of nodes playing a role, in document order: section bodies and labelled blocks. A section
 * that matches its dialect plays its role; any other plays the role its heading's first words
 * name ("Immediate next steps", not "Working rules for next agents" nor a dated log entry that
 * mentions a follow-up), else its parent's.
 */
function blocksOf(note: Note): Block[] {
  return oncePerNote(blockMemo, note, findBlocks);
}

// The index, the roadmap rules, hovers and history each outline the same note: each piece is
// built once per Note.
const blockMemo = new WeakMap<Note, Block[]>();
const stepMemo = new WeakMap<Note, OutlineStep[]>();
const outlineMemo = new WeakMap<Note, NoteOutline>();

function findBlocks(note: Note): Block[] {
  const out: Block[] = [];
  const scan = (nodes: RootContent[], role: Role | null, group: string) => {
    const labelled = labelledBlocks(nodes, true);
    const claimed = new Set<RootContent>();
    for (const b of labelled) {
      const r = labelRole(b.label);
      const list = nodes.find((n) => startOf(n) >= b.start && endOf(n) === b.end && (n.type === 'list' || n.type === 'table'));
      if (!list) continue;
      if (r && r !== role && (r === 'next' || r === 'risks' || r === 'wip' || r === 'changes')) {
        out.push({ role: r, group: b.label.replace(/[:：]\s*$/u, ''), nodes: [list] });
        claimed.add(list);
      }
    }
    if (role) out.push({ role, group, nodes: nodes.filter((n) => !claimed.has(n)) });
  };
  scan(note.preamble, null, note.title?.text ?? '');
  const walk = (sections: Section[], parentRole: Role | null) => {
    for (const s of sections) {
      // Under "Next steps" every subsection is a group of steps unless it is about risks, and
      // under "Risks" every subsection is about risks unless it lists next steps.
      const own = s.spec >= 0 && !parentRole ? s.role : labelRole(s.heading.text) ?? (s.spec >= 0 ? s.role : null);
      const role =
        parentRole === 'next' && own !== 'risks' ? 'next' : parentRole === 'risks' && own !== 'next' ? 'risks' : own ?? parentRole;
      scan(s.ownNodes, role, s.heading.text);
      walk(s.children, role);
    }
  };
  walk(note.sections, null);
  return out.sort((a, b) => (a.nodes[0] ? startOf(a.nodes[0]) : 0) - (b.nodes[0] ? startOf(b.nodes[0]) : 0));
}

const PLACEHOLDER = /^(?:none(?: yet| so far)?|n\/a|nothing(?: yet)?|tbd|todo|-|—|\.\.\.|…)\.?$/iu;

/** A short label over sub-items ("**Performance Improvements**:"): its sub-items are the steps. */
function isGroupLabel(item: Item): boolean {
  return /[:：]$/u.test(item.text) && item.text.split(/\s+/).length <= 3;
}

/**
 * Items of a block. `tasks`: top-level items and nested task items; `steps`: the same, with the
 * sub-items of a short label item taking its place; `all`: every item to depth 1.
 */
function entriesOf(block: Block, nested: 'tasks' | 'steps' | 'all'): Array<{ entry: OutlineEntry; item: Item | null }> {
  const all = itemsIn(block.nodes, 0, 1);
  const items: Array<{ item: Item; group: string }> = [];
  for (let i = 0; i < all.length; i++) {
    const item = all[i];
    if (item.depth > 0) {
      if (nested === 'all' || item.checked !== null) items.push({ item, group: block.group });
      continue;
    }
    let j = i + 1;
    while (j < all.length && all[j].depth > 0) j++;
    if (nested === 'steps' && j > i + 1 && isGroupLabel(item)) {
      const group = `${block.group} › ${item.text.replace(/[:：]$/u, '')}`;
      for (const sub of all.slice(i + 1, j)) items.push({ item: sub, group });
      i = j - 1;
      continue;
    }
    items.push({ item, group: block.group });
  }
  const out: Array<{ entry: OutlineEntry; item: Item | null }> = items
    .filter(({ item }) => !PLACEHOLDER.test(item.text))
    .map(({ item, group }) => ({
      entry: {
        text: item.text,
        start: item.start,
        end: item.end,
        textStart: item.textStart,
        textEnd: item.textEnd,
        group,
        ids: idsIn(item.text),
        kind: item.kind,
        depth: item.depth,
      },
      item,
    }));
  return out;
}

export function idsIn(text: string): string[] {
  ID_PATTERN.lastIndex = 0;
  const ids = [...new Set([...text.matchAll(ID_PATTERN)].map((m) => m[0]))];
  ID_PATTERN.lastIndex = 0;
  return ids;
}

function step(note: Note, entry: OutlineEntry, item: Item | null, order: number): OutlineStep {
  const text = note.text;
  let checkbox: OutlineStep['checkbox'] = null;
  let taskInsert: number | null = null;
  let number: number | null = null;
  let done = false;
  if (item?.kind === 'list') {
    const marker = text.slice(item.start, item.textStart);
    const num = /^\s*(\d{1,9})[.)]/.exec(marker);
    if (num) number = Number(num[1]);
    if (item.checked !== null) {
      const box = /\[[ xX]\]/.exec(marker);
      if (box) checkbox = { start: item.start + box.index, end: item.start + box.index + 3 };
      done = item.checked;
    } else {
      const line = text.slice(item.textStart, item.textEnd);
      // Task markers remark does not know ("[-] dropped", "[!] blocked", "[/] started"): no
      // conversion; a dropped one is closed.
      const pseudo = /^\\?\[([^\]\s])\\?\]/.exec(line);
      // After "- " / "1. ": where a task item's "[ ] " goes.
      const m = /^(\s*(?:[-*+]|\d{1,9}[.)])[ \t]+)/.exec(marker);
      taskInsert = m && !pseudo ? item.start + m[1].length : null;
      done = (pseudo !== null && /[-~xX]/.test(pseudo[1])) || struckThrough(item) || statusOfText(line, { strict: true })?.status === 'done';
    }
  } else if (item?.kind === 'table') {
    done = text
      .slice(item.start, item.end)
      .split('|')
      .some((cell) => statusOfText(cell.trim(), { strict: true })?.status === 'done');
  }
  return { ...entry, done, order, number, checkbox, taskInsert };
}

function struckThrough(item: Item): boolean {
  const first = item.node?.children[0];
  if (first?.type !== 'paragraph') return false;
  return first.children.some((c) => c.type === 'delete') && first.children.every((c) => c.type === 'delete' || (c.type === 'text' && !c.value.trim()));
}

function snapshotOf(note: Note): OutlineSnapshot {
  const snap: OutlineSnapshot = { date: null, branch: null, commit: null, upstream: null, worktree: null, goal: null };
  for (const f of note.fields) {
    if (snap[f.key]) continue;
    const value = f.key === 'upstream' && f.upstreamName ? f.upstreamName : f.value;
    snap[f.key] = { value, start: f.valueStart, end: f.valueEnd };
  }
  return snap;
}

function roadmapOutline(note: Note): RoadmapOutline | null {
  const rm = note.roadmap;
  if (!rm) return null;
  const gsd = gsdRoadmap(note);
  if (gsd) return gsdOutline(gsd);
  const phases = rm.phases.map((p) => {
    const counted = p.items.filter((i) => i.status !== 'dropped');
    return {
      title: p.title,
      start: p.start,
      end: p.end,
      headingStart: p.headingStart,
      headingEnd: p.headingEnd,
      depth: p.depth,
      status: p.status,
      items: p.items,
      done: counted.filter((i) => i.status === 'done').length,
      total: counted.length,
    };
  });
  return { phases, done: phases.reduce((n, p) => n + p.done, 0), total: phases.reduce((n, p) => n + p.total, 0) };
}

/**
 * A GSD roadmap lists each phase three times (checklist, details, Progress table): its outline
 * has one phase per GSD phase, with its plans as items (the checklist item when it has none).
 */
function gsdOutline(gsd: GsdPhase[]): RoadmapOutline {
  const phases = gsd.map((g): OutlinePhase => {
    const items = g.plans.length ? g.plans : g.item ? [g.item] : [];
    const counted = items.filter((i) => i.status !== 'dropped');
    const done = counted.filter((i) => i.status === 'done').length;
    const anchor = g.detail ?? { start: g.item?.start ?? g.row!.start, end: g.item?.end ?? g.row!.end, headingStart: g.item?.textStart ?? g.row!.start, headingEnd: g.item?.textEnd ?? g.row!.end, depth: 0 };
    return {
      title: `Phase ${g.number}: ${g.name}`,
      start: anchor.start,
      end: anchor.end,
      headingStart: anchor.headingStart,
      headingEnd: anchor.headingEnd,
      depth: anchor.depth,
      status: phaseDone(g) ? 'done' : done > 0 ? 'in-progress' : 'planned',
      items,
      done,
      total: counted.length,
    };
  });
  return { phases, done: phases.reduce((n, p) => n + p.done, 0), total: phases.reduce((n, p) => n + p.total, 0) };
}

/** The next steps alone (what outlineNote lists), for a rule on the typing path. */
export function nextStepsOf(note: Note): OutlineStep[] {
  return oncePerNote(stepMemo, note, findNextSteps);
}

function findNextSteps(note: Note): OutlineStep[] {
  const nextSteps: OutlineStep[] = [];
  if (note.kind !== 'handoff' || note.hygieneOnly) return nextSteps;
  for (const block of blocksOf(note)) {
    if (block.role !== 'next') continue;
    // "Follow-ups — ALL COMPLETE ✅": every step under it is done (a checkbox still decides for itself).
    const groupDone = statusOfText(block.group)?.status === 'done';
    for (const { entry, item } of entriesOf(block, 'steps')) {
      const s = step(note, entry, item, nextSteps.length + 1);
      if (groupDone && !s.checkbox) s.done = true;
      nextSteps.push(s);
    }
  }
  return nextSteps;
}

export function outlineNote(note: Note): NoteOutline {
  return oncePerNote(outlineMemo, note, buildOutline);
}

function buildOutline(note: Note): NoteOutline {
  const nextSteps = nextStepsOf(note);
  const risks: OutlineEntry[] = [];
  const wip: OutlineEntry[] = [];
  const changes: OutlineEntry[] = [];
  if (note.kind === 'handoff' && !note.hygieneOnly) {
    for (const block of blocksOf(note)) {
      if (block.role === 'risks') risks.push(...entriesOf(block, 'tasks').map((e) => e.entry));
      else if (block.role === 'wip') wip.push(...entriesOf(block, 'tasks').map((e) => e.entry));
      else if (block.role === 'changes') changes.push(...entriesOf(block, 'all').map((e) => e.entry));
    }
  }
  return {
    kind: note.kind,
    dialect: note.dialect.id,
    title: note.title ? { text: note.title.text, start: note.title.start, end: note.title.end } : null,
    snapshot: snapshotOf(note),
    nextSteps,
    risks,
    wip,
    changes,
    verify: note.kind === 'handoff' && !note.hygieneOnly ? verifySections(note).flatMap((v) => v.commands.map(({ command, result, start, end }) => ({ command, result, start, end }))) : [],
    roadmap: roadmapOutline(note),
  };
}
