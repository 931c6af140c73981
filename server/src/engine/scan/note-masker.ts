// The masker for output about one note (see scan/masker.ts): the note's secrets, except its own
// commit and upstream fields (hashes, not secrets). Cached per note and text; its scan is the
// note's one scan (note-secrets.ts), shared with the secret rules.
import type { Note } from '../model/note';
import { commitValueRanges } from '../model/commit-values';
import { maskerFor, type Masker } from './masker';
import { scanSecrets } from './chunked-secrets';
import { secretsOf } from './note-secrets';

const cache = new WeakMap<Note, Map<string, Masker>>();

/**
 * The same masker, made on first use: what a reader of many versions of a note keeps for each
 * (the text and its commit fields, not the parsed note), paying the secret scan only for the
 * versions whose text is shown; versions share most pieces, so each scans only its own (chunked-secrets.ts).
 */
export function lazyMaskerForNote(note: Note): Masker {
  const text = note.text;
  const ranges = commitValueRanges(note);
  let masker: Masker | null = null;
  return (s) => (masker ??= maskerFor(text, ranges, scanSecrets(text)))(s);
}

export function maskerForNote(note: Note, text: string = note.text): Masker {
  let byText = cache.get(note);
  if (!byText) cache.set(note, (byText = new Map()));
  const cached = byText.get(text);
  if (cached) return cached;
  const masker = maskerFor(text, commitValueRanges(note), secretsOf(note, text));
  byText.clear();
  byText.set(text, masker);
  return masker;
}
