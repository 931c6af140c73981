// Which roadmap a handoff is checked against, and which handoffs a roadmap is checked against:
// one policy for the CLI and the editor. The configured roadmap when there is one; else the
// nearest roadmap in the note's folder or a folder above it; else the project's main roadmap
// (ROADMAP.md, then docs/ROADMAP.md at the root, then the shortest path).
import { dirname, resolve, sep } from 'node:path';
import type { ProjectConfig } from './config';
import { isInside, notePath } from './paths';

/** A roadmap is checked against its most recent handoffs, at most this many. */
export const MAX_HANDOFFS_PER_ROADMAP = 20;

/** The absolute path of the roadmap a project's configuration names, or null. */
export function configuredRoadmap(project: ProjectConfig): string | null {
  return project.config.roadmap ? resolve(project.root, project.config.roadmap) : null;
}

/**
 * The roadmap for a handoff among the project's roadmaps (absolute paths). `configured` is the
 * absolute path the configuration names, or null; `root` bounds the search.
 */
export function chooseRoadmap(file: string, roadmaps: readonly string[], configured: string | null, root: string): string | null {
  if (configured) return roadmaps.includes(resolve(configured)) ? resolve(configured) : null;
  const own = resolve(file);
  const candidates = roadmaps.filter((r) => r !== own && isInside(root, r)).sort((a, b) => a.localeCompare(b));
  if (!candidates.length) return null;
  const dir = dirname(own);
  let best: string | null = null;
  let bestDepth = -1;
  for (const r of candidates) {
    const rdir = dirname(r);
    if (isInside(rdir, dir)) {
      const depth = rdir.split(sep).length;
      if (depth > bestDepth) [best, bestDepth] = [r, depth];
    }
  }
  if (best) return best;
  const rank = (r: string) => {
    const rel = notePath(r, root).toLowerCase();
    return rel === 'roadmap.md' ? 0 : rel === 'docs/roadmap.md' ? 1 : 2;
  };
  return [...candidates].sort((a, b) => rank(a) - rank(b) || a.split(sep).length - b.split(sep).length || a.localeCompare(b))[0];
}

export interface HandoffCandidate {
  file: string;
  /** Open in an editor: those come first. */
  open: boolean;
  /** When it last changed (ms). */
  changed: number;
}

/** The handoffs a roadmap is checked against: open ones first, then the most recently changed. */
export function handoffsOfRoadmap<T extends HandoffCandidate>(roadmap: string, handoffs: readonly T[], roadmapOf: (h: T) => string | null): T[] {
  return handoffs
    .filter((h) => roadmapOf(h) === roadmap)
    .sort((a, b) => Number(b.open) - Number(a.open) || b.changed - a.changed || a.file.localeCompare(b.file))
    .slice(0, MAX_HANDOFFS_PER_ROADMAP);
}
