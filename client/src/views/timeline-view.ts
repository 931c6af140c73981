// The Timeline view's items: one per committed version of the followed note, newest first, with
// what changed in the note (steps added, done and dropped, risks added and resolved, results of
// the verify commands) as its children and in its tooltip. All text comes from the server masked.
import * as vscode from 'vscode';
import type { HistoryResult, HistoryVersion } from '../../../server/src/protocol';
import { node, type Node } from './tree';

export const OPEN_DIFF_COMMAND = 'handoff.timeline.openDiff';

export const shortCommit = (commit: string) => commit.slice(0, 7);
/** The author's calendar day as git recorded it (the ISO date's own offset). */
export const dayOf = (iso: string) => iso.slice(0, 10);

interface Change {
  kind: 'step-added' | 'step-done' | 'step-dropped' | 'risk-added' | 'risk-resolved' | 'result';
  text: string;
}

const CHANGE_LOOK: Record<Change['kind'], { icon: string; color?: string; word: string }> = {
  'step-added': { icon: 'add', color: 'charts.green', word: 'step added' },
  'step-done': { icon: 'pass', color: 'charts.green', word: 'step done' },
  'step-dropped': { icon: 'remove', color: 'charts.orange', word: 'step dropped' },
  'risk-added': { icon: 'warning', color: 'charts.yellow', word: 'risk added' },
  'risk-resolved': { icon: 'shield', color: 'charts.green', word: 'risk resolved' },
  result: { icon: 'beaker', word: 'result' },
};

export function changesOf(v: HistoryVersion): Change[] {
  return [
    ...v.steps.added.map((text) => ({ kind: 'step-added' as const, text })),
    ...v.steps.done.map((text) => ({ kind: 'step-done' as const, text })),
    ...v.steps.dropped.map((text) => ({ kind: 'step-dropped' as const, text })),
    ...v.risks.added.map((text) => ({ kind: 'risk-added' as const, text })),
    ...v.risks.resolved.map((text) => ({ kind: 'risk-resolved' as const, text })),
    ...(v.results ?? []).map((r) => ({ kind: 'result' as const, text: `${r.command}: ${r.result}${r.before === null ? '' : ` (was ${r.before})`}` })),
  ];
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 steps added, 1 done · 1 risk resolved", or "no change to steps or risks". */
export function changeSummary(v: HistoryVersion): string {
  const steps = [
    v.steps.added.length && count(v.steps.added.length, 'step') + ' added',
    v.steps.done.length && `${v.steps.done.length} done`,
    v.steps.dropped.length && `${v.steps.dropped.length} dropped`,
  ].filter(Boolean);
  const risks = [
    v.risks.added.length && count(v.risks.added.length, 'risk') + ' added',
    v.risks.resolved.length && `${v.risks.resolved.length} resolved`,
  ].filter(Boolean);
  const results = v.results?.length ? [count(v.results.length, 'result') + ' changed'] : [];
  const parts = [steps.join(', '), risks.join(', '), ...results].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'no change to steps or risks';
}

function tooltipOf(v: HistoryVersion, changes: Change[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendText(v.subject || '(no subject)');
  md.appendMarkdown(`\n\n${dayOf(v.date)} · \`${shortCommit(v.commit)}\` · `).appendText(v.author);
  md.appendMarkdown('\n\n').appendText(changeSummary(v));
  for (const c of changes.slice(0, 12)) md.appendMarkdown(`\n- ${CHANGE_LOOK[c.kind].word}: `).appendText(c.text);
  if (changes.length > 12) md.appendMarkdown(`\n- … ${changes.length - 12} more`);
  return md;
}

export function versionNodes(history: HistoryResult): Node[] {
  return history.versions.map((v) => {
    const changes = changesOf(v);
    const item = new vscode.TreeItem(v.subject || '(no subject)', changes.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `${history.uri}@${v.commit}`;
    item.description = `${dayOf(v.date)} · ${shortCommit(v.commit)} · ${v.author}`;
    item.iconPath = new vscode.ThemeIcon('git-commit');
    item.tooltip = tooltipOf(v, changes);
    item.command = { command: OPEN_DIFF_COMMAND, title: 'Open Changes', arguments: [history.uri, v.commit] };
    item.contextValue = 'handoffVersion';
    const children = changes.map((c, i) => {
      const look = CHANGE_LOOK[c.kind];
      const child = new vscode.TreeItem(c.text || '(empty)', vscode.TreeItemCollapsibleState.None);
      child.id = `${item.id}#${i}`;
      child.description = look.word;
      child.iconPath = new vscode.ThemeIcon(look.icon, look.color ? new vscode.ThemeColor(look.color) : undefined);
      child.tooltip = `${look.word}: ${c.text}`;
      child.contextValue = 'handoffVersionChange';
      return node(child, [], { text: c.text });
    });
    return node(item, children, { text: v.commit, version: { note: history.uri, commit: v.commit } });
  });
}

/** Why the view is empty, in the user's words, with the server's reason where it names one. */
export function emptyMessage(history: HistoryResult | undefined, name: string | undefined): string | undefined {
  if (!name) return 'Open a handoff note to see its past versions.';
  if (!history) return `Reading the history of ${name}…`;
  const reason = history.message ? `: ${history.message}` : '.';
  switch (history.state) {
    case 'ok':
      return history.versions.length ? undefined : `${name} is not committed yet: its versions appear here once it is.`;
    case 'untrusted':
      return "Restricted Mode: the note's history needs git, which Handoff runs only in a trusted workspace.";
    case 'not-handoff':
      return `${name} is not a handoff note: the timeline follows handoff notes.`;
    case 'untracked':
      return `${name} is not committed yet: its versions appear here once it is.`;
    case 'no-git':
      return `No history for ${name}${reason}`;
    default:
      return `The history of ${name} could not be read${reason}`;
  }
}
