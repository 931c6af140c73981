// A tree built from the outline store on each change: nodes carry their TreeItem, children and
// the outline data they stand for. Ids are stable, so expansion and selection survive rebuilds.
import * as vscode from 'vscode';
import type { Range } from 'vscode-languageserver-protocol';
import type { FileOutline, OutlineRisk, OutlineStep, OutlineRoadmapItem } from '../../../server/src/protocol';

export interface Node {
  item: vscode.TreeItem;
  children: Node[];
  parent?: Node;
  file?: FileOutline;
  step?: OutlineStep;
  risk?: OutlineRisk;
  roadmapItem?: OutlineRoadmapItem;
  /** A past version of a note (Timeline view). */
  version?: { note: string; commit: string };
  /** What "Copy Text" copies. */
  text?: string;
}

export const REVEAL_COMMAND = 'handoff.sidebar.reveal';

/** The command a click runs: reveal a range of a note. */
export function revealCommand(uri: string, range: Range, title = 'Reveal in Note'): vscode.Command {
  return { command: REVEAL_COMMAND, title, arguments: [uri, range] };
}

export function node(item: vscode.TreeItem, children: Node[] = [], data: Omit<Node, 'item' | 'children' | 'parent'> = {}): Node {
  const n: Node = { item, children, ...data };
  for (const c of children) c.parent = n;
  if (children.length && item.collapsibleState === undefined) item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
  return n;
}

export function labelOf(f: FileOutline): string {
  return f.title ?? f.path.split('/').pop() ?? f.path;
}

export class NodeTree implements vscode.TreeDataProvider<Node> {
  private roots: Node[] = [];
  private readonly emitter = new vscode.EventEmitter<Node | undefined | void>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly build: () => Node[]) {}

  private signature = '';

  /** Rebuilds the tree; the view re-renders only when something it shows changed. */
  refresh(): void {
    const roots = this.build();
    const signature = JSON.stringify(roots, (key, value) => (key === 'parent' || key === 'file' || key === 'step' || key === 'risk' || key === 'roadmapItem' || key === 'version' ? undefined : value));
    this.roots = roots;
    if (signature === this.signature) return;
    this.signature = signature;
    this.emitter.fire();
  }

  /** Re-renders even when nothing changed (a checkbox the user clicked must be put back). */
  reset(): void {
    this.signature = '';
    this.refresh();
  }

  getTreeItem(n: Node): vscode.TreeItem {
    return n.item;
  }

  getChildren(n?: Node): Node[] {
    return n ? n.children : this.roots;
  }

  getParent(n: Node): Node | undefined {
    return n.parent;
  }

  /** Every node, depth first (for tests and "reveal"). */
  nodes(): Node[] {
    const out: Node[] = [];
    const walk = (list: Node[]) => {
      for (const n of list) {
        out.push(n);
        walk(n.children);
      }
    };
    walk(this.roots);
    return out;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** A tree item's label as text. */
export function labelText(item: vscode.TreeItem): string {
  const l = item.label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}
