// Which notes are handoffs and which are roadmaps: configured globs, the H1, front matter.
// A file that only looks like a handoff by its name (feature documentation called
// SESSION_HANDOFF.md) is recognised by its content and gets hygiene rules only.
import picomatch from 'picomatch';
import { LRUCache } from 'lru-cache';
import type { NoteKind, Role } from '../types';
import { normalizeLabel } from './labels';

export const DEFAULT_HANDOFF_GLOBS = [
  '**/*handoff*.md',
  '**/.agent/**/handoff*.md',
  '**/NEXT_SESSION*.md',
  '**/memory-bank/activeContext.md',
  '**/.planning/STATE.md',
];
export const DEFAULT_ROADMAP_GLOBS = ['**/ROADMAP.md', '**/roadmap*.md', '**/*_ROADMAP.md', '**/memory-bank/progress.md'];

// Compiled glob sets, by their globs: a handful per workspace (one per configuration), bounded
// so that configurations read over a long session cannot grow it without end.
const matchers = new LRUCache<string, (path: string) => boolean>({ max: 64 });
function matcher(globs: string[]): (path: string) => boolean {
  const key = globs.join('\0');
  let m = matchers.get(key);
  if (!m) {
    m = picomatch(globs, { nocase: true, dot: true });
    matchers.set(key, m);
  }
  return m;
}

export function matchesGlobs(path: string, globs: string[]): boolean {
  return globs.length > 0 && matcher(globs)(path.replace(/\\/g, '/').replace(/^\.\//, ''));
}

export interface KindEvidence {
  path: string | null;
  title: string | null;
  frontmatterType: string | null;
  handoffGlobs: string[];
  roadmapGlobs: string[];
}

export function detectKind(e: KindEvidence): { kind: NoteKind; by: 'frontmatter' | 'path' | 'title' | 'none' } {
  const fm = e.frontmatterType?.toLowerCase();
  if (fm === 'handoff' || fm === 'roadmap') return { kind: fm, by: 'frontmatter' };
  const title = e.title ? normalizeLabel(e.title) : '';
  if (e.path) {
    if (matchesGlobs(e.path, e.roadmapGlobs)) return { kind: 'roadmap', by: 'path' };
    if (matchesGlobs(e.path, e.handoffGlobs)) return { kind: 'handoff', by: 'path' };
  }
  if (/hand-?off|session notes|next session|next chat/.test(title)) return { kind: 'handoff', by: 'title' };
  if (/road-?map/.test(title)) return { kind: 'roadmap', by: 'title' };
  return { kind: 'other', by: 'none' };
}

const HANDOFF_ROLES: ReadonlySet<Role> = new Set(['snapshot', 'changes', 'wip', 'next', 'risks', 'decisions']);
const DOCS_HEADING = /^(?:overview|quick ?start|getting started|how it works|installation|install|usage|configuration|api|faq|commands|features|examples?|architecture|reference|troubleshooting)$/;

/**
 * Whether a note called a handoff reads like documentation instead: no handoff roles among
 * its top-level sections, no snapshot fields, and several documentation headings.
 */
export function looksLikeDocumentation(topLabels: string[], topRoles: Array<Role | null>, fieldCount: number): boolean {
  if (fieldCount > 0 || topRoles.some((r) => r !== null && HANDOFF_ROLES.has(r))) return false;
  return topLabels.filter((l) => DOCS_HEADING.test(normalizeLabel(l))).length >= 2;
}
