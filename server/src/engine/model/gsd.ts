// GSD ("get-shit-done") planning files. STATE.md records the current position ("Phase: 4 of 6
// (Name)", "Plan: 1 of 3", "Status:", "Progress: [████░░] 33%") and, under Session Continuity,
// the resume file; ROADMAP.md lists the phases as a checklist, details each phase under
// "### Phase N: Name" with its plans as task items, and sums them up in a Progress table. Both
// are read from the mdast model (sections, paragraphs, table cells, the roadmap's items); only
// the values inside a line are read as text.
import type { Code, Paragraph, RootContent, Table } from 'mdast';
import type { Note } from './note';
import type { Phase, RoadmapItem } from './roadmap';
import { normalizeLabel } from './labels';
import { startOf, endOf } from '../parse/parse';
import { plainText } from '../parse/walk';

/** A value of the state with the range it was read from. */
export interface GsdValue {
  text: string;
  start: number;
  end: number;
}

export interface GsdState {
  /** The current phase's number as the roadmap writes it ("4", "2.1"), without leading zeros. */
  phase: (GsdValue & { number: string }) | null;
  plan: GsdValue | null;
  status: GsdValue | null;
  /** The progress percentage, where the state draws its bar. */
  progress: (GsdValue & { percent: number }) | null;
  /** The resume file's path; null when the state has none ("Resume file: None"). */
  resumeFile: GsdValue | null;
}

export interface GsdPhase {
  number: string;
  name: string;
  /** The phase checklist's item ("- [x] **Phase 1: Foundation** - …"). */
  item: RoadmapItem | null;
  /** Its "### Phase 1: Foundation" section. */
  detail: Phase | null;
  /** Plans: the task items of its section. */
  plans: RoadmapItem[];
  /** Its row of the Progress table. */
  row: RoadmapItem | null;
  /** The row's status cell says the phase is complete. */
  rowComplete: boolean;
}

const POSITION = new Set(['current position', 'position', 'session continuity', 'progress', 'progress bar']);
const PHASE_TITLE = /^phase\s+(\d+(?:\.\d+)?)\s*[:.—–-]\s*(.*)$/iu;
const ROW_PHASE = /^(\d+(?:\.\d+)?)\.?\s+(\S.*?)\s*(?:\||$)/u;
const BAR = /\[[█▓▒░■□#=\-. ]{3,}\]/u;
const COMPLETE_CELL = /^\s*(?:[✓✔✅]\s*)?(?:complete|completed|done|shipped)\s*$/iu;

/** "04" → "4", "2.10" stays; the number a phase is compared by. */
export function phaseNumber(raw: string): string {
  return raw.replace(/^0+(?=\d)/, '');
}

/** The state's position and continuity, or null when the note is not a GSD state. */
export function gsdState(note: Note): GsdState | null {
  const state: GsdState = { phase: null, plan: null, status: null, progress: null, resumeFile: null };
  let found = false;
  for (const s of note.allSections) {
    if (!POSITION.has(normalizeLabel(s.heading.text))) continue;
    found = true;
    for (const node of s.ownNodes) readNode(note.text, node, state);
  }
  return found ? state : null;
}

function readNode(text: string, node: RootContent, state: GsdState): void {
  if (node.type === 'paragraph') {
    const p = node as Paragraph;
    let offset = startOf(p);
    for (const line of text.slice(startOf(p), endOf(p)).split('\n')) {
      readLine(line, offset, state);
      offset += line.length + 1;
    }
  } else if (node.type === 'table') {
    // "| **Current Phase** | 04-distribution |"
    for (const row of (node as Table).children.slice(1)) {
      const [label, value] = row.children;
      if (label && value) assign(plainText(label), { text: plainText(value).trim(), start: startOf(value), end: endOf(value) }, state);
    }
  } else if (node.type === 'code' && !state.progress) {
    // A bar drawn in a fence ("[████░░░░] 40% (2/5 phases complete)").
    const code = node as Code;
    const m = /(\d{1,3})\s*%/u.exec(code.value);
    if (m && BAR.test(code.value)) {
      const at = text.indexOf(m[0], startOf(code));
      state.progress = { text: m[0], start: at, end: at + m[0].length, percent: Number(m[1]) };
    }
  }
}

function readLine(line: string, offset: number, state: GsdState): void {
  const m = /^(\s*(?:[*_]{2})?\s*)([A-Za-z][A-Za-z ]{1,30}?)\s*(?:[*_]{2})?\s*:\s*(?:[*_]{2})?\s*(.*?)\s*$/u.exec(line);
  if (!m) return;
  const start = offset + line.indexOf(m[3], m[1].length + m[2].length);
  assign(m[2], { text: m[3], start, end: start + m[3].length }, state);
}

function assign(label: string, value: GsdValue, state: GsdState): void {
  const key = normalizeLabel(label);
  if (!value.text) return;
  if ((key === 'phase' || key === 'current phase') && !state.phase) {
    const m = /^(?:phase\s+)?(\d+(?:\.\d+)?)/iu.exec(value.text);
    if (m) state.phase = { ...value, number: phaseNumber(m[1]) };
  } else if ((key === 'plan' || key === 'current plan') && !state.plan) state.plan = value;
  else if (key === 'status' && !state.status) state.status = value;
  else if (key === 'progress' && !state.progress) {
    const m = /(\d{1,3})\s*%/u.exec(value.text);
    if (m) state.progress = { text: m[0], start: value.start + m.index, end: value.start + m.index + m[0].length, percent: Number(m[1]) };
  } else if (key === 'resume file' && !state.resumeFile) {
    const path = value.text.replace(/^`|`$/g, '').trim();
    if (!/^(?:none|n\/a|-|—|tbd)\.?$/iu.test(path)) {
      const at = value.start + value.text.indexOf(path);
      state.resumeFile = { text: path, start: at, end: at + path.length };
    }
  }
}

/** The phases of a GSD roadmap in order of their number, or null when it is not one. */
export function gsdRoadmap(roadmap: Note): GsdPhase[] | null {
  const rm = roadmap.roadmap;
  if (!rm) return null;
  const byNumber = new Map<string, GsdPhase>();
  const get = (number: string, name: string): GsdPhase => {
    let p = byNumber.get(number);
    if (!p) byNumber.set(number, (p = { number, name, item: null, detail: null, plans: [], row: null, rowComplete: false }));
    return p;
  };
  for (const phase of rm.phases) {
    const title = PHASE_TITLE.exec(phase.title);
    if (title) {
      const p = get(phaseNumber(title[1]), title[2]);
      p.detail ??= phase;
      if (p.detail === phase) p.plans.push(...phase.items.filter((i) => i.task));
      continue;
    }
    for (const item of phase.items) {
      if (item.kind === 'list' && item.task && item.depth === 0) {
        const m = PHASE_TITLE.exec(item.text);
        if (m) get(phaseNumber(m[1]), m[2].split(/\s+[-—–]\s+/u)[0]).item ??= item;
      } else if (item.kind === 'table' && /^progress$/iu.test(normalizeLabel(phase.title))) {
        const m = ROW_PHASE.exec(item.text);
        if (!m) continue;
        const p = get(phaseNumber(m[1]), m[2]);
        if (p.row) continue;
        p.row = item;
        p.rowComplete = roadmap.text.slice(item.start, item.end).split('|').some((cell) => COMPLETE_CELL.test(cell));
      }
    }
  }
  // Recognised by path, or by GSD's three listings of its phases (checklist, details, Progress table).
  const all = [...byNumber.values()];
  const atPath = /(?:^|\/)\.planning\/ROADMAP\.md$/iu.test(roadmap.path ?? '');
  if (!all.length || (!atPath && !(all.some((p) => p.item) && all.some((p) => p.detail) && all.some((p) => p.row)))) return null;
  return [...byNumber.values()].sort((a, b) => Number(a.number) - Number(b.number));
}

/** Whether the roadmap marks a phase done: its checkbox, or "Complete" in the Progress table. */
export function phaseDone(p: GsdPhase): boolean {
  return p.item?.status === 'done' || p.rowComplete;
}

/** The workspace-relative folder that holds `.planning/` for a note at `path`, with a trailing slash ('' at the root). */
export function planningRoot(path: string | null): string | null {
  if (!path) return null;
  const m = /^(.*?)\.planning\/[^/]+$/u.exec(path.replace(/\\/g, '/').replace(/^\.\//, ''));
  return m ? m[1] : null;
}
