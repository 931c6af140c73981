// The secret scan of a note's text, made at most once per note and text: the secret rules, the
// masker of a lint's findings and every front end's masker for that note read the same hits.
// Piece by piece (chunked-secrets.ts): a new version of the note rescans only the pieces it changed.
import type { Note } from '../model/note';
import { scanSecrets } from './chunked-secrets';
import type { SecretHit } from './secrets';

/** Per note, its text's scan and, when a lint reads the whole of a capped note, the whole text's. */
const scans = new WeakMap<Note, Map<string, readonly SecretHit[]>>();

export function secretsOf(note: Note, text: string = note.text): readonly SecretHit[] {
  let byText = scans.get(note);
  if (!byText) scans.set(note, (byText = new Map()));
  let hits = byText.get(text);
  if (!hits) {
    hits = scanSecrets(text);
    if (byText.size >= 2) byText.clear();
    byText.set(text, hits);
  }
  return hits;
}
