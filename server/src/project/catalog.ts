// The scripts and targets a workspace defines, read from its manifest files (never by running
// anything): package.json, node_modules/.bin, pyproject.toml, Makefile, justfile, Cargo.toml.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { CommandCatalog } from '../engine';
import { MAX_SIDE_FILE_BYTES, readText } from './read';

/** A manifest's text; null when absent, not a regular file (a link to /dev/zero), too large or binary. */
function read(file: string): string | null {
  const r = readText(file, MAX_SIDE_FILE_BYTES);
  return 'problem' in r ? null : r.text;
}

function list(dir: string, filter: (name: string) => boolean = () => true): string[] | null {
  try {
    return readdirSync(dir).filter(filter);
  } catch {
    return null;
  }
}

function keysOf(value: unknown): string[] {
  return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
}

/** Targets of a Makefile: `name:` rules that are not variable assignments or special targets. */
export function makeTargets(text: string): string[] {
  const out = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Za-z0-9_./%-]+(?:\s+[A-Za-z0-9_./%-]+)*)\s*:(?![=:])/.exec(line);
    if (!m) continue;
    for (const t of m[1].split(/\s+/)) if (!t.startsWith('.') && !t.includes('%')) out.add(t);
  }
  return [...out];
}

/** Recipes of a justfile: `name args:` at the start of a line (not `:=` assignments). */
export function justRecipes(text: string): string[] {
  const out = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^@?([A-Za-z_][A-Za-z0-9_-]*)(?:\s+[^:=#]*)?:(?!=)/.exec(line);
    if (m && !['set', 'alias', 'export', 'import', 'mod'].includes(m[1])) out.add(m[1]);
  }
  return [...out];
}

export function readCatalog(root: string): CommandCatalog {
  const pkg = read(join(root, 'package.json'));
  let npmScripts: string[] | null = null;
  if (pkg !== null) {
    try {
      npmScripts = keysOf((JSON.parse(pkg) as { scripts?: unknown }).scripts);
    } catch {
      npmScripts = null;
    }
  }
  const npmBins = pkg !== null ? list(join(root, 'node_modules', '.bin')) : null;

  let pdmScripts: string[] | null = null;
  let pythonScripts: string[] | null = null;
  const pyproject = read(join(root, 'pyproject.toml'));
  if (pyproject !== null) {
    try {
      const t = parseToml(pyproject) as { tool?: { pdm?: { scripts?: unknown }; poetry?: { scripts?: unknown } }; project?: { scripts?: unknown } };
      pdmScripts = keysOf(t.tool?.pdm?.scripts).filter((k) => k !== '_');
      pythonScripts = [...keysOf(t.tool?.poetry?.scripts), ...keysOf(t.project?.scripts)];
    } catch {
      /* unreadable pyproject: unknown */
    }
  }

  const makefile = read(join(root, 'Makefile')) ?? read(join(root, 'makefile')) ?? read(join(root, 'GNUmakefile'));
  const justfile = read(join(root, 'justfile')) ?? read(join(root, 'Justfile')) ?? read(join(root, '.justfile'));

  let cargoTests: string[] | null = null;
  let cargoBins: string[] | null = null;
  const cargo = read(join(root, 'Cargo.toml'));
  if (cargo !== null) {
    cargoTests = (list(join(root, 'tests'), (n) => n.endsWith('.rs')) ?? []).map((n) => n.slice(0, -3));
    cargoBins = (list(join(root, 'src', 'bin'), (n) => n.endsWith('.rs')) ?? []).map((n) => n.slice(0, -3));
    for (const d of list(join(root, 'tests'), (n) => !n.includes('.')) ?? []) if (read(join(root, 'tests', d, 'main.rs')) !== null) cargoTests.push(d);
    try {
      const t = parseToml(cargo) as { package?: { name?: string }; test?: Array<{ name?: string }>; bin?: Array<{ name?: string }> };
      for (const x of t.test ?? []) if (x.name) cargoTests.push(x.name);
      for (const x of t.bin ?? []) if (x.name) cargoBins.push(x.name);
      if (t.package?.name && read(join(root, 'src', 'main.rs')) !== null) cargoBins.push(t.package.name);
    } catch {
      /* keep what the folders say */
    }
  }

  return {
    npmScripts,
    npmBins,
    pdmScripts,
    pythonScripts,
    makeTargets: makefile !== null ? makeTargets(makefile) : null,
    justRecipes: justfile !== null ? justRecipes(justfile) : null,
    cargoTests,
    cargoBins,
  };
}

/** Files whose change changes the catalog. */
export const CATALOG_FILES = ['package.json', 'pyproject.toml', 'Makefile', 'makefile', 'GNUmakefile', 'justfile', 'Justfile', '.justfile', 'Cargo.toml'];
