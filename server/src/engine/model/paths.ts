// The paths a note names, resolved against the workspace: where a reference points (from the
// root and from the note's folder), which are missing, and which values are not paths at all.
// Shared by path-exists, Update Handoff and the questions a note asks of git.
import { pathRefs, type PathRef } from './references';
import type { Note } from './note';
import type { WorkspaceFacts } from '../facts';

/** The workspace-relative path a reference names, tried from the root and from the note's folder. */
export function candidates(note: Note, ref: PathRef): string[] {
  const dir = note.path?.includes('/') ? note.path.slice(0, note.path.lastIndexOf('/')) : '';
  const join = (base: string, p: string) => {
    const parts = (base ? base.split('/') : []).concat(p.split('/'));
    const out: string[] = [];
    for (const part of parts) {
      if (part === '' || part === '.') continue;
      if (part === '..') out.pop();
      else out.push(part);
    }
    return out.join('/') + (p.endsWith('/') ? '/' : '');
  };
  const fromNote = join(dir, ref.path);
  const fromRoot = join('', ref.path);
  return ref.via === 'link' ? [fromNote] : [...new Set([fromRoot, fromNote])];
}

export function missingPaths(note: Note, workspace: WorkspaceFacts, exclude: ReadonlySet<string>): Array<{ ref: PathRef; path: string }> {
  const out: Array<{ ref: PathRef; path: string }> = [];
  // A note names the same paths many times: each is resolved and looked up once.
  const missing = new Map<string, string | null>();
  for (const ref of pathRefs(note, exclude)) {
    const key = `${ref.via}\0${ref.path}`;
    let path = missing.get(key);
    if (path === undefined) {
      const paths = candidates(note, ref);
      path = paths.every((p) => workspace.exists(p) === false) ? paths[0] : null;
      missing.set(key, path);
    }
    if (path !== null) out.push({ ref, path });
  }
  return out;
}

/** Values that are not paths even when they look like one: the branch and upstream names. */
export function nonPaths(note: Note): Set<string> {
  return new Set(note.fields.filter((f) => f.key === 'branch' || f.key === 'upstream').flatMap((f) => [f.value, f.upstreamName ?? '']).filter(Boolean));
}
