// WorkspaceFacts over the file system of one workspace folder: whether a path exists, files
// with a given name (a bounded index built lazily, skipping node_modules and .git), the entries
// of a folder, and the command catalog. Never follows a path outside the folder.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommandCatalog, WorkspaceFacts } from '../engine';
import { readCatalog } from './catalog';
import { isInside } from './paths';
import { SKIPPED_DIRECTORIES } from './scan';

export const MAX_INDEXED_FILES = 50_000;
/** Entries of one folder a rule may list (a phase folder among `.planning/phases/`). */
const MAX_ENTRIES = 2_000;

export class WorkspaceFolderFacts implements WorkspaceFacts {
  private names: Map<string, string[]> | null = null;
  private catalog: CommandCatalog | null = null;
  /** Answers of exists() since the last file event (a note asks about the same paths on every keystroke). */
  private readonly existing = new Map<string, boolean>();
  /** The same answers by the path as asked (undefined: outside the folder). */
  private readonly asked = new Map<string, boolean | undefined>();
  /** Answers of entries() since the last file event; null: not a readable folder. */
  private readonly listed = new Map<string, string[] | null>();

  constructor(readonly root: string) {}

  get commands(): CommandCatalog {
    this.catalog ??= readCatalog(this.root);
    return this.catalog;
  }

  exists(path: string): boolean | undefined {
    // By the path as asked first: resolving it costs more than the lookup.
    if (this.asked.has(path)) return this.asked.get(path);
    const abs = resolve(this.root, path);
    let known: boolean | undefined;
    if (isInside(this.root, abs)) {
      known = this.existing.get(abs);
      if (known === undefined) this.existing.set(abs, (known = existsSync(abs)));
    }
    this.asked.set(path, known);
    return known;
  }

  entries(path: string): string[] | undefined {
    const abs = resolve(this.root, path);
    if (!isInside(this.root, abs)) return undefined;
    let known = this.listed.get(abs);
    if (known === undefined) {
      try {
        known = readdirSync(abs).slice(0, MAX_ENTRIES).sort();
      } catch {
        known = null;
      }
      this.listed.set(abs, known);
    }
    return known ?? undefined;
  }

  findByName(name: string): string[] {
    this.names ??= indexNames(this.root);
    return (this.names.get(name) ?? []).slice(0, 20);
  }

  /** Workspace-relative files whose path starts with a prefix, for completion. */
  filesStartingWith(prefix: string, max = 50): string[] {
    this.names ??= indexNames(this.root);
    const out: string[] = [];
    for (const paths of this.names.values()) {
      for (const p of paths) if (p.startsWith(prefix) && out.length < max) out.push(p);
    }
    return out.sort();
  }

  /** A file was created, deleted or renamed: forget what was read. */
  invalidate(kind: 'files' | 'catalog' | 'all'): void {
    if (kind !== 'catalog') {
      this.names = null;
      this.existing.clear();
      this.asked.clear();
      this.listed.clear();
    }
    if (kind !== 'files') this.catalog = null;
  }
}

function indexNames(root: string): Map<string, string[]> {
  const names = new Map<string, string[]>();
  let count = 0;
  const walk = (dir: string, rel: string) => {
    if (count >= MAX_INDEXED_FILES) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (count >= MAX_INDEXED_FILES) return;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(e.name)) walk(join(dir, e.name), r);
      } else if (e.isFile()) {
        count++;
        names.set(e.name, [...(names.get(e.name) ?? []), r]);
      }
      // Symbolic links are not followed: they may point outside the workspace or loop.
    }
  };
  walk(root, '');
  return names;
}
