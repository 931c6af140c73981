// The corpus of real notes: test/fixtures/corpus when the repository has its copy, else the
// shared folder beside the checkout.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './engine';

export interface CorpusNote {
  file: string;
  /** Path the note pretends to have: the corpus name after "NN-owner__repo__". */
  path: string;
  text: string;
  bytes: number;
}

export function corpusDir(): string | null {
  for (const d of [join(ROOT, 'test/fixtures/corpus'), join(ROOT, '../shared/corpus')]) {
    if (existsSync(d) && readdirSync(d).some((f) => f.endsWith('.md'))) return d;
  }
  return null;
}

export function loadCorpus(): { dir: string | null; notes: CorpusNote[] } {
  const dir = corpusDir();
  if (!dir) return { dir, notes: [] };
  const notes = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const parts = file.split('__');
      return { file, path: parts.length >= 3 ? parts.slice(2).join('/') : file, text, bytes: Buffer.byteLength(text) };
    });
  return { dir, notes };
}
