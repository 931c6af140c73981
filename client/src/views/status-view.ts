// The Status view: one node per handoff note with its date and age, branch, recorded commit
// (and how far HEAD is ahead of it, when the server has git facts), problem counts and the
// progress of the roadmap it is checked against. A stale note is marked.
import * as vscode from 'vscode';
import type { FileOutline } from '../../../server/src/protocol';
import type { OutlineStore } from './outline-store';
import { ageText, freshnessOf, limits } from './freshness';
import { labelOf, node, revealCommand, type Node } from './tree';

const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function fact(id: string, label: string, description: string, icon: string, click?: vscode.Command, tooltip?: string, children: Node[] = []): Node {
  const item = new vscode.TreeItem(label, children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.description = description;
  item.iconPath = new vscode.ThemeIcon(icon);
  item.command = click;
  item.tooltip = tooltip;
  return node(item, children);
}

export function statusNodes(store: OutlineStore): Node[] {
  const l = limits();
  return store.handoffs().map((f) => noteNode(store, f, l));
}

function noteNode(store: OutlineStore, f: FileOutline, l: ReturnType<typeof limits>): Node {
  const fresh = freshnessOf(f, l);
  const p = f.problems;
  const children: Node[] = [];
  const date = f.snapshot.date;
  if (date) {
    const age = fresh.days === null ? 'date not understood' : ageText(fresh.days) + (fresh.days > 0 ? ' old' : '');
    children.push(fact(`${f.uri}#date`, `Date ${date.value}`, age + (fresh.days !== null && fresh.days > l.days ? ' · stale' : ''), fresh.days !== null && fresh.days > l.days ? 'warning' : 'calendar', revealCommand(f.uri, date.range)));
  } else children.push(fact(`${f.uri}#date`, 'No date', 'the note records none', 'calendar', revealCommand(f.uri, ZERO)));
  if (f.snapshot.branch) {
    const current = f.git?.branch;
    const other = current && current !== f.snapshot.branch.value ? `HEAD is on ${current}` : '';
    children.push(fact(`${f.uri}#branch`, `Branch ${f.snapshot.branch.value}`, other, 'git-branch', revealCommand(f.uri, f.snapshot.branch.range)));
  }
  const commit = f.snapshot.commit;
  if (commit) {
    const ahead = f.git?.ahead;
    const description = ahead === null || ahead === undefined ? '' : ahead === 0 ? 'HEAD' : `HEAD is ${ahead} commit${ahead === 1 ? '' : 's'} ahead`;
    const staleCommits = ahead !== null && ahead !== undefined && ahead > l.commits;
    children.push(fact(`${f.uri}#commit`, `Commit ${commit.value}`, description + (staleCommits ? ' · stale' : ''), staleCommits ? 'warning' : 'git-commit', revealCommand(f.uri, commit.range)));
  }
  if (f.snapshot.worktree) children.push(fact(`${f.uri}#worktree`, `Worktree ${f.snapshot.worktree.value}`, f.git ? (f.git.dirty ? 'dirty now' : 'clean now') : '', 'files', revealCommand(f.uri, f.snapshot.worktree.range)));
  if (p) {
    const total = p.errors + p.warnings + p.infos;
    const text = total ? [p.errors && `${p.errors} error${p.errors === 1 ? '' : 's'}`, p.warnings && `${p.warnings} warning${p.warnings === 1 ? '' : 's'}`, p.infos && `${p.infos} info`].filter(Boolean).join(', ') : 'none';
    children.push(fact(`${f.uri}#problems`, 'Problems', text, p.errors ? 'error' : p.warnings ? 'warning' : 'pass', { command: 'handoff.sidebar.showProblems', title: 'Show Problems', arguments: [f.uri] }));
  }
  const roadmap = f.roadmapUri ? store.get(f.roadmapUri) : undefined;
  if (roadmap?.roadmap) {
    const r = roadmap.roadmap;
    const phases = r.phases
      .filter((ph) => ph.total > 0)
      .map((ph, i) => fact(`${f.uri}#roadmap#${i}`, ph.title || labelOf(roadmap), `${ph.done}/${ph.total}`, ph.total && ph.done === ph.total ? 'pass-filled' : 'milestone', revealCommand(roadmap.uri, ph.range)));
    children.push(fact(`${f.uri}#roadmap`, `Roadmap ${roadmap.path}`, `${r.done}/${r.total} done`, 'milestone', revealCommand(roadmap.uri, ZERO), undefined, phases));
  }
  const open = f.nextSteps.filter((s) => !s.done).length;
  const item = new vscode.TreeItem(labelOf(f), vscode.TreeItemCollapsibleState.Expanded);
  item.id = f.uri;
  item.resourceUri = vscode.Uri.parse(f.uri);
  const age = fresh.days === null ? 'no date' : ageText(fresh.days);
  item.description = [fresh.stale ? 'stale' : null, age, f.snapshot.branch?.value, f.path].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(fresh.stale ? 'warning' : p?.errors ? 'error' : 'note', fresh.stale ? new vscode.ThemeColor('list.warningForeground') : undefined);
  item.contextValue = 'handoffNote';
  item.command = revealCommand(f.uri, ZERO, 'Open Note');
  const tip = new vscode.MarkdownString();
  tip.appendMarkdown(`**${labelOf(f)}** — \`${f.path}\`\n\n`);
  if (fresh.stale) tip.appendMarkdown(`Stale: ${fresh.reasons.join('; ')}\n\n`);
  tip.appendMarkdown(`${open} open next step${open === 1 ? '' : 's'}, ${f.risks.length} risk${f.risks.length === 1 ? '' : 's'}`);
  item.tooltip = tip;
  return node(item, children, { file: f, text: f.path });
}
