// The mdast nodes of a note by type, collected in one walk and kept per note, so rules that
// look at every list or code block do not each walk the whole tree.
import type { Node, Parent } from 'mdast';
import type { Note } from '../model/note';

const byNote = new WeakMap<Note, Map<string, Node[]>>();

export function nodesOfType<T extends Node>(note: Note, type: T['type']): T[] {
  let index = byNote.get(note);
  if (!index) {
    index = new Map();
    const stack: Node[] = [note.root];
    const order: Node[] = [];
    while (stack.length) {
      const node = stack.pop()!;
      order.push(node);
      const children = (node as Parent).children;
      if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
    for (const node of order) {
      const list = index.get(node.type);
      if (list) list.push(node);
      else index.set(node.type, [node]);
    }
    byNote.set(note, index);
  }
  return (index.get(type) ?? []) as T[];
}
