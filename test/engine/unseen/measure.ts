// The unseen corpus (test/fixtures/unseen): real notes from public repositories in many languages
// and layouts, split once by a fixed seed into a development half and a held-back half, plus
// fresh held-back sets collected after the first held-back half had been read (`fresh`, then
// `fresh3`, then `fresh4`; INDEX.tsv, column `half`). Each note is linted under the path it has in its
// repository, with that path added to the globs of its kind (as a user who points Handoff at the
// file configures it), a fixed today and no git or workspace facts: the rules that need them step
// aside.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultConfig, LineIndex, lint, templateDialect, type Dialect, type LintResult } from '../../../server/src/engine';

export const TODAY = '2026-12-06';
export const UNSEEN = resolve(__dirname, '../../fixtures/unseen');
export type Half = 'dev' | 'held' | 'fresh' | 'fresh3' | 'fresh4';
export const HALVES: readonly Half[] = ['dev', 'held', 'fresh', 'fresh3', 'fresh4'];
/** The sets collected after the seeded split, so not assigned by the seed. */
export const COLLECTED: readonly Half[] = ['fresh', 'fresh3', 'fresh4'];

export interface UnseenNote {
  file: string;
  repo: string;
  path: string;
  kind: string;
  lang: string;
  half: Half;
  bytes: number;
}

export interface Entry {
  kind: string;
  dialect: string;
  findings: string[];
}

export function unseenIndex(): UnseenNote[] {
  const [header, ...rows] = readFileSync(resolve(UNSEEN, 'INDEX.tsv'), 'utf8').split('\n').filter(Boolean);
  const cols = header.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    const get = (name: string) => cells[cols.indexOf(name)] ?? '';
    return { file: get('file'), repo: get('repo'), path: get('path'), kind: get('kind'), lang: get('lang'), half: get('half') as Half, bytes: Number(get('bytes')) };
  });
}

export function lintText(text: string, note: Pick<UnseenNote, 'path' | 'kind'>, template: Dialect | null = null): LintResult {
  const config = defaultConfig();
  if (note.kind === 'roadmap') config.roadmapGlobs.push(note.path);
  else config.handoffGlobs.push(note.path);
  if (template) config.dialect = 'template';
  return lint({ text, path: note.path, config, template, today: TODAY });
}

export function readNote(note: UnseenNote): string {
  return readFileSync(resolve(UNSEEN, note.file), 'utf8');
}

/** Findings of `rule` on a note of the unseen corpus, linted as `scripts/unseen.ts` lints it. */
export function findingsOnNote(file: string, rule: string): LintResult['findings'] {
  const note = unseenIndex().find((n) => n.file === file);
  if (!note) throw new Error(`${file} is not in the unseen corpus`);
  return lintText(readNote(note), note).findings.filter((f) => f.ruleId === rule);
}

/** Findings of `rule` on a text, linted as a note of that kind at `path` is. */
export function findingsOnText(text: string, path: string, rule: string, kind: 'handoff' | 'roadmap' = 'handoff'): LintResult['findings'] {
  return lintText(text, { path, kind }).findings.filter((f) => f.ruleId === rule);
}

/** Kind, dialect and every finding as `rule:line:severity:message`, or the rules that threw. */
export function entryOf(note: UnseenNote, text = readNote(note)): Entry & { failures: string[] } {
  const result = lintText(text, note);
  const lines = new LineIndex(text);
  return {
    kind: result.note.kind + (result.note.hygieneOnly ? ' (hygiene only)' : ''),
    dialect: result.note.dialect.id,
    findings: result.findings.map((f) => `${f.ruleId}:${lines.position(f.start).line + 1}:${f.severity}:${f.message}`),
    failures: result.failures.map((f) => f.ruleId),
  };
}

export function lintHalf(half: Half): Record<string, Entry> {
  const out: Record<string, Entry> = {};
  for (const note of unseenIndex().filter((n) => n.half === half)) {
    const { failures, ...entry } = entryOf(note);
    if (failures.length) throw new Error(`${note.file}: rules threw: ${failures.join(', ')}`);
    out[note.file] = entry;
  }
  return out;
}

// Planted defects: each kind is put into a copy of each note it applies to, and counts as found
// when its rule reports it where it was planted. Fake secrets are built here, never stored.
export type Plant = 'token' | 'aws-key-id' | 'mojibake' | 'long-code-block' | 'removed-section';

const fakeToken = () => ['ghp', 'R7kQ2mZ9xW4pL8vN3' + 'bT6yH1cJ5fD0sGaE2uK'].join('_');
const fakeAwsKeyId = () => ['AKIA', 'Z7Q4', 'M2XW', 'P9LN', 'T3VB'].join('');

/** The planted text, the rule that must find it, and the range of lines it lies on. */
export function plant(kind: Plant, text: string, note: UnseenNote): { text: string; rule: string; lines: [number, number]; heading?: string; template?: Dialect } | null {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const base = text.endsWith('\n') ? text : text + eol;
  const at = new LineIndex(base).position(base.length).line + 1;
  const add = (block: string[], rule: string) => ({ text: base + eol + block.join(eol) + eol, rule, lines: [at + 1, at + block.length] as [number, number] });
  switch (kind) {
    case 'token':
      return add([`- CI token: ${fakeToken()}`], 'no-secrets');
    case 'aws-key-id':
      return add([`- AWS access key: ${fakeAwsKeyId()}`], 'no-secrets');
    case 'mojibake':
      return add(['- Build â€” green, deploy â€” pending'], 'mojibake');
    case 'long-code-block': {
      if (note.kind !== 'handoff') return null;
      const body = Array.from({ length: 45 }, (_, i) => `echo step ${i + 1}`);
      return add(['```sh', ...body, '```'], 'code-block-length');
    }
    case 'removed-section': {
      // The note's own layout as the project's template (its top-level headings, all required),
      // and one of its sections gone: the rule must name it.
      if (note.kind !== 'handoff') return null;
      const template = templateDialect(text);
      const result = lintText(text, note, template);
      const n = result.note;
      if (n.hygieneOnly || n.dialect.id !== 'template') return null;
      const names = n.sections.map((sec) => normalizeName(sec.heading.text));
      const unique = n.sections.filter((sec, k) => names[k] && names.indexOf(names[k]) === names.lastIndexOf(names[k]) && sec.spec >= 0);
      const gone = unique[1] ?? unique[0];
      if (!gone) return null;
      return { text: text.slice(0, gone.start) + text.slice(gone.end), rule: 'required-sections', lines: [1, Number.MAX_SAFE_INTEGER], heading: `"${n.dialect.sections[gone.spec].heading}"`, template };
    }
  }
}

const normalizeName = (s: string) => s.trim().toLowerCase();

export const PLANTS: readonly Plant[] = ['token', 'aws-key-id', 'mojibake', 'long-code-block', 'removed-section'];

/** Planted defects per kind on a half: how many were planted and how many found. */
export function plantedRecall(half: Half): Record<Plant, { planted: number; found: number; missed: string[] }> {
  const out = Object.fromEntries(PLANTS.map((p) => [p, { planted: 0, found: 0, missed: [] as string[] }])) as Record<Plant, { planted: number; found: number; missed: string[] }>;
  for (const note of unseenIndex().filter((n) => n.half === half)) {
    const text = readNote(note);
    for (const kind of PLANTS) {
      const p = plant(kind, text, note);
      if (!p) continue;
      out[kind].planted++;
      const result = lintText(p.text, note, p.template ?? null);
      const lines = new LineIndex(p.text);
      const hit = result.findings.some((f) => {
        if (f.ruleId !== p.rule) return false;
        const line = lines.position(f.start).line + 1;
        return line >= p.lines[0] && line <= p.lines[1] && (!p.heading || f.message.includes(p.heading));
      });
      if (hit) out[kind].found++;
      else out[kind].missed.push(note.file);
    }
  }
  return out;
}
