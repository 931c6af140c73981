// Loads Handoff's engine from source. When the whole rule list loads, that is what we bench;
// when some rule's module cannot load yet (another engineer is still writing the scanners),
// each rule file is loaded on its own and the ones that fail are listed as missing, so the
// bench still runs with every rule that does load (via `lintWith`).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const ENGINE_DIR = join(ROOT, 'server/src/engine');

// Typed loosely on purpose: the engine's types are still moving and the bench must not break
// its typecheck when they do.
/* eslint-disable @typescript-eslint/no-explicit-any */
export interface Engine {
  lintWith: (input: any) => { note: any; findings: any[]; failures: any[] };
  noteOf: (input: any) => any;
  defaultConfig: () => any;
  rules: any[];
  /** Rule files that failed to load, with the first line of the error. */
  missing: Array<{ file: string; error: string }>;
  /** True when `server/src/engine/index.ts` (all rules) loaded. */
  complete: boolean;
  /** Building blocks of the Note, timed separately in the profile. */
  parts: {
    parseMarkdown: (text: string) => any;
    /** remark alone, without the line scanner. */
    parseWithRemark: (text: string) => any;
    fastParse: (text: string) => any;
    LineIndex: new (text: string) => any;
    buildSections: (text: string, root: any) => any;
    /** Every node by type, in one walk (the note keeps it; suppressions read its `html` list). */
    nodesByType: (root: any) => Map<string, any[]>;
    Suppressions: new (html: any[], lines: any) => any;
    /** The secret scan of a text: a lint makes it once per note and text, and the rules read it. */
    findSecrets: (text: string) => any[];
    /** The same scan piece by piece, as a lint makes it: pieces scanned before are reused. Absent before it existed. */
    scanSecrets?: (text: string) => any[];
  };
}

export async function loadEngine(): Promise<Engine> {
  const parts = {
    parseMarkdown: (await import(join(ENGINE_DIR, 'parse/parse'))).parseMarkdown,
    parseWithRemark: (await import(join(ENGINE_DIR, 'parse/parse'))).parseWithRemark,
    fastParse: (await import(join(ENGINE_DIR, 'parse/fast/blocks'))).fastParse,
    LineIndex: (await import(join(ENGINE_DIR, 'parse/lines'))).LineIndex,
    buildSections: (await import(join(ENGINE_DIR, 'model/sections'))).buildSections,
    nodesByType: (await import(join(ENGINE_DIR, 'parse/nodes'))).nodesByType,
    Suppressions: (await import(join(ENGINE_DIR, 'lint/suppress'))).Suppressions,
    findSecrets: (await import(join(ENGINE_DIR, 'scan/secrets'))).findSecrets,
    scanSecrets: (await import(join(ENGINE_DIR, 'scan/chunked-secrets')).catch(() => null))?.scanSecrets,
  };
  const { defaultConfig } = await import(join(ENGINE_DIR, 'lint/config'));
  try {
    const idx = await import(join(ENGINE_DIR, 'index'));
    return { lintWith: idx.lintWith, noteOf: idx.noteOf, defaultConfig, rules: [...idx.RULES], missing: [], complete: true, parts };
  } catch {
    // fall through to rule-by-rule loading
  }
  const lintMod = await import(join(ENGINE_DIR, 'lint/lint'));
  const listing = readFileSync(join(ENGINE_DIR, 'rules/index.ts'), 'utf8');
  const files = [...listing.matchAll(/^import\s+\w+\s+from\s+'\.\/([\w-]+)'/gm)].map((m) => m[1]);
  const rules: any[] = [];
  const missing: Engine['missing'] = [];
  for (const f of files) {
    try {
      const mod = await import(join(ENGINE_DIR, 'rules', f));
      rules.push(mod.default ?? mod);
    } catch (e) {
      missing.push({ file: `rules/${f}.ts`, error: String((e as Error).message ?? e).split('\n')[0] });
    }
  }
  return { lintWith: lintMod.lintWith, noteOf: lintMod.noteOf, defaultConfig, rules, missing, complete: false, parts };
}
