// A Note does not change once built: what is derived from one is found once, kept while the note
// lives, and only read by callers.
import type { Note } from './note';

/** `find(note)`, found once per note and kept in `memo`. */
export function oncePerNote<T>(memo: WeakMap<Note, T>, note: Note, find: (note: Note) => T): T {
  let value = memo.get(note);
  if (value === undefined) memo.set(note, (value = find(note)));
  return value;
}
