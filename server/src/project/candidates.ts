// Which files are notes by their path, one policy for the editor's index and the CLI's walk: the
// project's template is a skeleton, never a note; the configured roadmap and the roadmap globs
// name roadmaps; the handoff globs name handoffs. A file none of these name may still be a note
// by its first lines (scan.ts: looksLikeNote).
import { resolve } from 'node:path';
import { matchesGlobs } from '../engine';
import type { ProjectConfig } from './config';
import { notePath } from './paths';
import { looksLikeNote, markdownFiles } from './scan';

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

/** Front matter may open the text. */
const FRONT_MATTER = /^\uFEFF?\s*---/;
/** The type line the engine reads from a note it cannot parse (engine/lint/lint.ts, unparsedNote). */
const TYPE_LINE = /^---\r?\n[\s\S]*?^type:\s*(handoff|roadmap)\b/im;

/**
 * Whether a note is a handoff by its path alone, read without parsing it: a handoff glob names
 * it, no roadmap glob nor the configured roadmap does, and nothing in its text could declare
 * another type (front matter, or a `type:` line after a `---` line in its first 4,096
 * characters). Anything else needs the parse to know its kind (the engine's detectKind).
 */
export function handoffByPath(file: string, project: ProjectConfig, text: string): boolean {
  const by = byPath(file, project);
  if (by.skeleton || by.roadmap || !matchesGlobs(notePath(file, project.root), project.config.handoffGlobs)) return false;
  return !FRONT_MATTER.test(text) && !TYPE_LINE.test(text.slice(0, 4096));
}

/** Whether a walked file is a note: by its configuration's globs or roadmap, or by its first lines. */
export async function isNoteFile(file: string, configs: { forFile(file: string): ProjectConfig }): Promise<boolean> {
  const by = byPath(file, configs.forFile(file));
  return !by.skeleton && (by.named || looksLikeNote(file));
}

/** The notes under a folder, walked as the editor's index walks it, sorted. */
export async function noteFilesUnder(folder: string, configs: { forFile(file: string): ProjectConfig }): Promise<string[]> {
  const notes: string[] = [];
  for await (const { file } of markdownFiles(folder, () => false)) if (await isNoteFile(file, configs)) notes.push(file);
  return notes.sort();
}
