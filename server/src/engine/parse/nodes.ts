// The mdast nodes of a note by type, collected in one walk and kept per note, so rules that
// look at every list or code block do not each walk the whole tree.
import type { Node, Parent } from 'mdast';
import type { Note } from '../model/note';
import { oncePerNote } from '../model/once';

const byNote = new WeakMap<Note, Map<string, Node[]>>();

/** Every node of the tree by type, each list in document order. */
export function nodesByType(root: Node): Map<string, Node[]> {
  const index = new Map<string, Node[]>();
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const list = index.get(node.type);
    if (list) list.push(node);
    else index.set(node.type, [node]);
    const children = (node as Parent).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return index;
}

/** Keeps the index the note was built with (`buildNote` walks the tree once for both). */
export function keepNodesByType(note: Note, index: Map<string, Node[]>): void {
  byNote.set(note, index);
}

export function nodesOfType<T extends Node>(note: Note, type: T['type']): T[] {
  return (oncePerNote(byNote, note, (n) => nodesByType(n.root)).get(type) ?? []) as T[];
}
