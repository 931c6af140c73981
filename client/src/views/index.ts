// The "Handoff" view container: Status, Next Steps, Risks and Roadmap, fed by the outline store,
// and Timeline, fed by the history store, with their commands, the open-steps badge, the welcome
// view's context keys and the freshness status item. Registered from extension.ts with one call.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Range } from 'vscode-languageserver-protocol';
import { OutlineStore } from './outline-store';
import { NodeTree, REVEAL_COMMAND, labelText, type Node } from './tree';
import { statusNodes } from './status-view';
import { askForAges, carriedOverThresholds, nextStepNodes, openSteps, type StepsOrder } from './next-steps-view';
import { riskCount, riskNodes } from './risks-view';
import { roadmapNodes } from './roadmap-view';
import { toggleStep } from './toggle-step';
import { FreshnessItem } from './freshness-item';
import { freshnessOf } from './freshness';
import { HistoryStore } from './history-store';
import { TimelineView } from './timeline';
import { registerNoteVersions } from './note-version';
import { registerTimelineProvider } from './timeline-provider';
import type { TimelineProvider } from '../vscode-next';

interface NodeJson {
  label: string;
  description?: string;
  checked?: boolean;
  tooltip?: string;
  /** What a click runs. */
  command?: { command: string; arguments: unknown[] };
  contextValue?: string;
  children?: NodeJson[];
}

function json(n: Node): NodeJson {
  const out: NodeJson = { label: labelText(n.item) };
  if (typeof n.item.description === 'string' && n.item.description) out.description = n.item.description;
  const box = n.item.checkboxState;
  if (box !== undefined) out.checked = (typeof box === 'object' ? box.state : box) === vscode.TreeItemCheckboxState.Checked;
  const tip = n.item.tooltip;
  if (tip) out.tooltip = typeof tip === 'string' ? tip : tip.value;
  if (n.item.command) out.command = { command: n.item.command.command, arguments: n.item.command.arguments ?? [] };
  if (n.item.contextValue) out.contextValue = n.item.contextValue;
  if (n.children.length) out.children = n.children.map(json);
  return out;
}

function noCarriedOverMessage(thresholds: number[]): string {
  const versions = thresholds.length === 1 ? `${thresholds[0]} or more` : 'as many';
  return `No carried-over steps: none has been open in ${versions} committed versions of its note (history.staleSteps in .handoff.json, default 4).`;
}

/** The Next Steps view's order and filter, kept per workspace. */
function stepsOrder(context: vscode.ExtensionContext): StepsOrder {
  return {
    sort: context.workspaceState.get<StepsOrder['sort']>('handoff.nextSteps.sort') === 'age' ? 'age' : 'position',
    onlyCarriedOver: context.workspaceState.get<boolean>('handoff.nextSteps.onlyCarriedOver') === true,
  };
}

export interface Views {
  outlines: OutlineStore;
  /** The provider of VS Code's Timeline panel, when the running VS Code let it register. */
  timelinePanel: TimelineProvider | undefined;
}

export function registerViews(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.OutputChannel): Views {
  const store = new OutlineStore(client);
  const history = new HistoryStore(client);
  const trees = {
    status: new NodeTree(() => statusNodes(store)),
    nextSteps: new NodeTree(() => nextStepNodes(store, history, stepsOrder(context))),
    risks: new NodeTree(() => riskNodes(store)),
    roadmap: new NodeTree(() => roadmapNodes(store)),
  };
  const status = vscode.window.createTreeView('handoff.status', { treeDataProvider: trees.status, showCollapseAll: true });
  const nextSteps = vscode.window.createTreeView('handoff.nextSteps', { treeDataProvider: trees.nextSteps, manageCheckboxStateManually: true });
  const risks = vscode.window.createTreeView('handoff.risks', { treeDataProvider: trees.risks });
  const roadmap = vscode.window.createTreeView('handoff.roadmap', { treeDataProvider: trees.roadmap, showCollapseAll: true });
  const freshness = new FreshnessItem(store);
  const timeline = new TimelineView(client, store, history);
  registerNoteVersions(context, client, history);
  const timelinePanel = registerTimelineProvider(context, client, history, output);

  const render = () => {
    // Ages are read from git: only while someone can see them.
    if (nextSteps.visible) askForAges(store, history);
    for (const t of Object.values(trees)) t.refresh();
    const handoffs = store.handoffs();
    const stale = handoffs.filter((f) => freshnessOf(f).stale).length;
    status.description = store.indexing && !handoffs.length ? 'indexing…' : `${handoffs.length} note${handoffs.length === 1 ? '' : 's'}${stale ? `, ${stale} stale` : ''}`;
    const open = openSteps(store);
    const order = stepsOrder(context);
    nextSteps.description = `${open} open${order.sort === 'age' ? ' · by age' : ''}`;
    nextSteps.message = order.onlyCarriedOver && !trees.nextSteps.getChildren().length ? noCarriedOverMessage(carriedOverThresholds(store, history)) : undefined;
    void vscode.commands.executeCommand('setContext', 'handoff.nextSteps.sort', order.sort);
    void vscode.commands.executeCommand('setContext', 'handoff.nextSteps.onlyCarriedOver', order.onlyCarriedOver);
    nextSteps.badge = open ? { value: open, tooltip: `${open} open next step${open === 1 ? '' : 's'}` } : undefined;
    risks.description = String(riskCount(store));
    const rm = store.roadmaps();
    const done = rm.reduce((n, f) => n + (f.roadmap?.done ?? 0), 0);
    const total = rm.reduce((n, f) => n + (f.roadmap?.total ?? 0), 0);
    roadmap.description = rm.length ? `${done}/${total} done` : 'no roadmap';
    void vscode.commands.executeCommand('setContext', 'handoff.indexReady', store.ready && !store.indexing);
    void vscode.commands.executeCommand('setContext', 'handoff.hasHandoff', handoffs.length > 0);
  };

  const openNote = async (uri: string, range?: Range): Promise<vscode.TextEditor> => {
    const doc = await vscode.workspace.openTextDocument(client.protocol2CodeConverter.asUri(uri));
    const selection = range ? client.protocol2CodeConverter.asRange(range) : undefined;
    return vscode.window.showTextDocument(doc, { selection: selection && new vscode.Range(selection.start, selection.start), preview: false });
  };
  const fileOf = (n?: Node) => n?.file ?? (vscode.window.activeTextEditor ? store.forDocument(vscode.window.activeTextEditor.document) : undefined);

  const setOrder = async (key: string, value: unknown) => {
    await context.workspaceState.update(key, value);
    render();
  };

  context.subscriptions.push(
    store,
    history,
    timeline,
    freshness,
    status,
    nextSteps,
    risks,
    roadmap,
    ...Object.values(trees),
    store.onDidChange(render),
    nextSteps.onDidChangeVisibility(render),
    history.onDidChange(render),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('handoff.staleness') && render()),
    vscode.commands.registerCommand('handoff.nextSteps.sortByAge', () => setOrder('handoff.nextSteps.sort', 'age')),
    vscode.commands.registerCommand('handoff.nextSteps.sortByPosition', () => setOrder('handoff.nextSteps.sort', 'position')),
    vscode.commands.registerCommand('handoff.nextSteps.showCarriedOver', () => setOrder('handoff.nextSteps.onlyCarriedOver', true)),
    vscode.commands.registerCommand('handoff.nextSteps.showAll', () => setOrder('handoff.nextSteps.onlyCarriedOver', false)),
    vscode.commands.registerCommand('handoff.timeline.refresh', () => timeline.refresh()),
    vscode.commands.registerCommand('handoff.timeline.copyCommit', async (n?: Node) => {
      if (n?.version) await vscode.env.clipboard.writeText(n.version.commit);
    }),
    vscode.commands.registerCommand(REVEAL_COMMAND, async (uri: string, range: Range) => {
      const editor = await openNote(uri, range);
      const r = client.protocol2CodeConverter.asRange(range);
      editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    vscode.commands.registerCommand('handoff.sidebar.open', (n?: Node) => {
      const f = fileOf(n);
      return f && openNote(f.uri);
    }),
    vscode.commands.registerCommand('handoff.sidebar.update', async (n?: Node) => {
      const f = fileOf(n);
      if (!f) return false;
      const editor = await openNote(f.uri);
      return vscode.commands.executeCommand('handoff.update', editor.document.uri);
    }),
    vscode.commands.registerCommand('handoff.sidebar.fixAll', async (n?: Node) => {
      const f = fileOf(n);
      if (!f) return false;
      const editor = await openNote(f.uri);
      return vscode.commands.executeCommand('handoff.fixAll', editor.document.uri);
    }),
    vscode.commands.registerCommand('handoff.sidebar.showProblems', async (uri: string) => {
      await openNote(uri);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),
    vscode.commands.registerCommand('handoff.sidebar.copyText', async (n?: Node) => {
      if (n?.text) await vscode.env.clipboard.writeText(n.text);
    }),
    vscode.commands.registerCommand('handoff.sidebar.revealItem', async (n?: Node) => {
      const c = n?.item.command;
      if (c) await vscode.commands.executeCommand(c.command, ...(c.arguments ?? []));
    }),
    vscode.commands.registerCommand('handoff.sidebar.refresh', () => store.refresh()),
    vscode.commands.registerCommand('handoff.sidebar.toggleStep', async (uri: string, order: number, checked: boolean) => {
      const f = store.get(uri);
      const step = f?.nextSteps.find((s) => s.order === order);
      if (!f || !step) return 'stale';
      return toggleStep(client, f, step, checked);
    }),
    nextSteps.onDidChangeCheckboxState(async (e) => {
      for (const [n, state] of e.items) {
        if (!n.file || !n.step) continue;
        const outcome = await toggleStep(client, n.file, n.step, state === vscode.TreeItemCheckboxState.Checked);
        if (outcome === 'stale') void vscode.window.showWarningMessage('Handoff: the note changed since the list was built; try again.');
        else if (outcome === 'failed') void vscode.window.showWarningMessage('Handoff: the step could not be ticked.');
        if (outcome !== 'applied') trees.nextSteps.reset();
      }
    }),
    // For tests and troubleshooting: what the views show now, as plain data.
    vscode.commands.registerCommand('handoff.sidebar.describe', async () => {
      await store.settled();
      await history.settled();
      return {
        ready: store.ready,
        indexing: store.indexing,
        status: trees.status.getChildren().map(json),
        nextSteps: trees.nextSteps.getChildren().map(json),
        risks: trees.risks.getChildren().map(json),
        roadmap: trees.roadmap.getChildren().map(json),
        timeline: { note: timeline.note ?? null, items: timeline.tree.getChildren().map(json), message: timeline.view.message ?? null, panel: timelinePanel !== undefined },
        descriptions: { status: status.description, nextSteps: nextSteps.description, risks: risks.description, roadmap: roadmap.description, timeline: timeline.view.description },
        messages: { nextSteps: nextSteps.message ?? null },
        badge: nextSteps.badge?.value ?? 0,
        freshness: freshness.shown,
        skipped: store.skipped(),
      };
    }),
  );
  store.listen();
  history.listen();
  render();
  return { outlines: store, timelinePanel };
}
