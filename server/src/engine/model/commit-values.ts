// Ranges the secret scan leaves alone: the note's own commit and upstream fields hold hashes,
// whose entropy looks like a secret's.
import type { Note } from './note';

export function commitValueRanges(note: Note): Array<[number, number]> {
  return note.fields.filter((f) => f.key === 'commit' || f.key === 'upstream').map((f) => [f.valueStart, f.valueEnd]);
}
