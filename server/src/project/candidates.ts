// Which files are notes by their path, one policy for the editor's index and the CLI's walk: the
// project's template is a skeleton, never a note; the configured roadmap and the roadmap globs
// name roadmaps; the handoff globs name handoffs. A file none of these name may still be a note
// by its first lines (scan.ts: looksLikeNote).
import { resolve } from 'node:path';
import { matchesGlobs } from '../engine';
import type { ProjectConfig } from './config';
import { notePath } from './paths';

export interface ByPath {
  /** The project's template: a skeleton, not a note. */
  skeleton: boolean;
  /** The configured roadmap, or a roadmap glob matches. */
  roadmap: boolean;
  /** The configured roadmap, or a handoff or roadmap glob matches. */
  named: boolean;
}

export function byPath(file: string, project: ProjectConfig): ByPath {
  const { config, root } = project;
  const path = notePath(file, root);
  const configured = config.roadmap !== null && resolve(root, config.roadmap) === resolve(file);
  const roadmap = configured || matchesGlobs(path, config.roadmapGlobs);
  return {
    skeleton: config.template !== null && resolve(root, config.template) === resolve(file),
    roadmap,
    named: roadmap || matchesGlobs(path, config.handoffGlobs),
  };
}
