// The Next Steps view: the next steps of each handoff in recommended order (grouped by note when
// there are several), each with a checkbox that ticks it in the file and, from the note's
// history, its age; sorted by position or by age, optionally only the carried-over ones.
import * as vscode from 'vscode';
import type { FileOutline, HistoryStep, OutlineStep } from '../../../server/src/protocol';
import type { HistoryStore } from './history-store';
import type { OutlineStore } from './outline-store';
import { ageText, ageTooltip, agesOf, byAge } from './step-age';
import { labelOf, node, revealCommand, type Node } from './tree';

export interface StepsOrder {
  sort: 'position' | 'age';
  /** Only the steps open in at least the project's `history.staleSteps` committed versions. */
  onlyCarriedOver: boolean;
}

export function stepNode(f: FileOutline, s: OutlineStep, showGroup: boolean, age?: HistoryStep): Node {
  const item = new vscode.TreeItem(s.text || '(empty)', vscode.TreeItemCollapsibleState.None);
  item.id = `${f.uri}#step${s.order}`;
  if (s.checkbox || s.taskInsert) {
    item.checkboxState = {
      state: s.done ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
      tooltip: s.checkbox ? 'Tick this step in the note' : 'Tick this step (the list item becomes a task item)',
    };
  } else item.iconPath = new vscode.ThemeIcon(s.done ? 'pass-filled' : 'circle-large-outline');
  item.description = [showGroup ? s.group : undefined, ageText(age)].filter(Boolean).join(' · ') || undefined;
  const tooltip = new vscode.MarkdownString().appendText(s.text).appendMarkdown(`\n\n\`${f.path}\`, line ${s.range.start.line + 1} · ${s.group}`);
  ageTooltip(tooltip, age);
  item.tooltip = tooltip;
  item.command = revealCommand(f.uri, { start: s.textRange.start, end: s.textRange.end });
  item.contextValue = 'handoffStep';
  return node(item, [], { file: f, step: s, text: s.text });
}

// The threshold of stale-next-steps (the note's project's, from the server): one meaning of "carried over".
const carried = (age: HistoryStep | undefined, staleSteps: number) => (age?.sessions ?? 0) >= staleSteps;

/** The carried-over thresholds of the notes the view shows (known once their history arrived). */
export function carriedOverThresholds(store: OutlineStore, history: HistoryStore): number[] {
  return [...new Set(store.handoffs().flatMap((f) => history.get(f.uri)?.staleSteps ?? []))].filter(Number.isFinite).sort((a, b) => a - b);
}

export function nextStepNodes(store: OutlineStore, history: HistoryStore, order: StepsOrder): Node[] {
  const notes = store.handoffs().filter((f) => f.nextSteps.length);
  const forNote = (f: FileOutline) => {
    const groups = new Set(f.nextSteps.map((s) => s.group));
    const ages = agesOf(f.nextSteps, history.get(f.uri));
    let steps = [...f.nextSteps].sort((a, b) => a.order - b.order);
    if (order.sort === 'age') steps.sort((a, b) => byAge(ages.get(a), ages.get(b)));
    const staleSteps = history.get(f.uri)?.staleSteps ?? Number.POSITIVE_INFINITY;
    if (order.onlyCarriedOver) steps = steps.filter((s) => carried(ages.get(s), staleSteps));
    return steps.map((s) => stepNode(f, s, groups.size > 1, ages.get(s)));
  };
  if (notes.length === 1) return forNote(notes[0]);
  return notes.flatMap((f) => {
    const children = forNote(f);
    if (order.onlyCarriedOver && !children.length) return [];
    const open = f.nextSteps.filter((s) => !s.done).length;
    const item = new vscode.TreeItem(labelOf(f), vscode.TreeItemCollapsibleState.Expanded);
    item.id = `${f.uri}#steps`;
    item.description = `${open} open · ${f.path}`;
    item.iconPath = new vscode.ThemeIcon('note');
    item.contextValue = 'handoffNote';
    return [node(item, children, { file: f, text: f.path })];
  });
}

export function openSteps(store: OutlineStore): number {
  return store.handoffs().reduce((n, f) => n + f.nextSteps.filter((s) => !s.done).length, 0);
}

/** Notes whose steps' ages the view asks for: each costs the server a read of git's history. */
const AGES_FOR_NOTES = 30;

/** What the Next Steps view asks the history for: each note's open steps (their text and line). */
export function askForAges(store: OutlineStore, history: HistoryStore): void {
  let asked = 0;
  for (const f of store.handoffs()) {
    const open = f.nextSteps.filter((s) => !s.done);
    if (!open.length) continue;
    if (asked++ >= AGES_FOR_NOTES) return;
    history.ensure(f.uri, JSON.stringify(open.map((s) => [s.text, s.textRange.start.line])));
  }
}
