// The Roadmap view: each roadmap's phases with their progress and their items with status; a
// click reveals the line.
import * as vscode from 'vscode';
import type { FileOutline, OutlineStatus } from '../../../server/src/protocol';
import type { OutlineStore } from './outline-store';
import { labelOf, node, revealCommand, type Node } from './tree';

const ICON: Record<OutlineStatus, string> = { done: 'pass-filled', 'in-progress': 'sync', planned: 'circle-large-outline', blocked: 'debug-pause', dropped: 'close' };

function phasesOf(f: FileOutline): Node[] {
  return (f.roadmap?.phases ?? [])
    .map((p, i) => {
      const items = p.items.map((it, j) => {
        const item = new vscode.TreeItem(it.text || '(empty)', vscode.TreeItemCollapsibleState.None);
        item.id = `${f.uri}#phase${i}#item${j}`;
        item.iconPath = new vscode.ThemeIcon(it.status ? ICON[it.status] : 'circle-small');
        item.description = it.status ?? undefined;
        item.tooltip = new vscode.MarkdownString().appendText(it.text).appendMarkdown(`\n\n${it.status ?? 'no status'} · \`${f.path}\`, line ${it.range.start.line + 1}`);
        item.command = revealCommand(f.uri, it.textRange);
        item.contextValue = 'roadmapItem';
        return node(item, [], { file: f, roadmapItem: it, text: it.text });
      });
      // Open phases start expanded, finished ones collapsed.
      const open = p.done < p.total || p.status === 'in-progress';
      const item = new vscode.TreeItem(p.title || labelOf(f), !items.length ? vscode.TreeItemCollapsibleState.None : open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `${f.uri}#phase${i}`;
      item.description = [p.total ? `${p.done}/${p.total}` : null, p.status].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon(p.total && p.done === p.total ? 'pass-filled' : p.status ? ICON[p.status] : 'milestone');
      item.command = revealCommand(f.uri, p.range);
      item.contextValue = 'roadmapPhase';
      return node(item, items, { file: f, text: p.title });
    })
    .filter((n, i) => n.children.length || f.roadmap!.phases[i].status);
}

export function roadmapNodes(store: OutlineStore): Node[] {
  const roadmaps = store.roadmaps();
  if (roadmaps.length === 1) return phasesOf(roadmaps[0]);
  return roadmaps.map((f) => {
    const item = new vscode.TreeItem(labelOf(f), vscode.TreeItemCollapsibleState.Expanded);
    item.id = `${f.uri}#roadmap`;
    item.description = `${f.roadmap?.done ?? 0}/${f.roadmap?.total ?? 0} · ${f.path}`;
    item.iconPath = new vscode.ThemeIcon('milestone');
    item.contextValue = 'roadmapNote';
    return node(item, phasesOf(f), { file: f, text: f.path });
  });
}
