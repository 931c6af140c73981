// The project configuration (.handoff.json / .handoff.jsonc): rule severities and options,
// globs, dialect, template. Parsed with jsonc-parser so comments and trailing commas are fine;
// every problem is reported with its range and the defaults apply.
import { parseTree, findNodeAtLocation, getNodeValue, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { Severity, SeveritySetting } from '../types';
import type { Rule } from './rule';
import { DEFAULT_HANDOFF_GLOBS, DEFAULT_ROADMAP_GLOBS } from '../model/detect';
import { DIALECTS } from '../dialects';

export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>];

export interface HandoffConfig {
  dialect: string;
  /** Workspace-relative path of the project's template note. */
  template: string | null;
  /** Workspace-relative path of the roadmap handoffs are checked against. */
  roadmap: string | null;
  handoffGlobs: string[];
  roadmapGlobs: string[];
  /** Notes larger than this many UTF-8 bytes are linted structurally only up to this many bytes. */
  maxLintBytes: number;
  /** How much of a note's own history git reads, and when an open step is stale. */
  history: HistoryConfig;
  rules: Record<string, RuleSetting>;
}

export interface HistoryConfig {
  /** At most this many versions of the note, newest first. */
  maxVersions: number;
  /** Only versions committed in the last this many days. */
  maxDays: number;
  /** Versions in a row an open next step may stand before stale-next-steps reports it. */
  staleSteps: number;
}

export const DEFAULT_HISTORY: Readonly<HistoryConfig> = { maxVersions: 50, maxDays: 180, staleSteps: 4 };
const HISTORY_BOUNDS: Record<keyof HistoryConfig, number> = { maxVersions: 1000, maxDays: 3650, staleSteps: 1000 };

export interface ResolvedRule {
  severity: Severity;
  options: Record<string, unknown>;
}

export interface ConfigProblem {
  message: string;
  start: number;
  end: number;
}

export const CONFIG_FILE_NAMES = ['.handoff.json', '.handoff.jsonc'];

export function defaultConfig(): HandoffConfig {
  return {
    dialect: 'auto',
    template: null,
    roadmap: null,
    handoffGlobs: [...DEFAULT_HANDOFF_GLOBS],
    roadmapGlobs: [...DEFAULT_ROADMAP_GLOBS],
    maxLintBytes: 2_000_000,
    history: { ...DEFAULT_HISTORY },
    rules: {},
  };
}

const SEVERITIES = ['off', 'info', 'warning', 'error'];

/** Parses a config file's text. Invalid parts are reported and replaced by defaults. */
export function parseConfig(text: string, rules: readonly Rule[]): { config: HandoffConfig; problems: ConfigProblem[] } {
  const config = defaultConfig();
  const problems: ConfigProblem[] = [];
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) problems.push({ message: `Invalid JSON: ${printParseErrorCode(e.error)}`, start: e.offset, end: e.offset + e.length });
  if (!tree || errors.length) return { config, problems };
  if (tree.type !== 'object') {
    problems.push({ message: 'Expected an object at the top of the configuration', start: tree.offset, end: tree.offset + tree.length });
    return { config, problems };
  }
  const at = (n: JsonNode) => ({ start: n.offset, end: n.offset + n.length });
  const known = new Set(['$schema', 'dialect', 'template', 'roadmap', 'handoffGlobs', 'roadmapGlobs', 'maxLintBytes', 'history', 'rules']);
  for (const prop of tree.children ?? []) {
    const key = prop.children?.[0];
    if (key && !known.has(key.value)) problems.push({ message: `Unknown setting "${key.value}"`, ...at(key) });
  }
  const str = (name: 'dialect' | 'template' | 'roadmap') => {
    const n = findNodeAtLocation(tree, [name]);
    if (!n) return;
    if (n.type === 'string') (config as unknown as Record<string, unknown>)[name] = n.value;
    else if (!(n.type === 'null' && name !== 'dialect')) problems.push({ message: `Expected a string for "${name}"`, ...at(n) });
  };
  str('dialect');
  str('template');
  str('roadmap');
  if (!(config.dialect in DIALECTS) && config.dialect !== 'template') {
    const n = findNodeAtLocation(tree, ['dialect'])!;
    problems.push({ message: `Unknown dialect "${config.dialect}", expected one of ${[...Object.keys(DIALECTS), 'template'].join(', ')}`, ...at(n) });
    config.dialect = 'auto';
  }
  if (config.dialect === 'template' && !config.template) {
    problems.push({ message: 'Dialect "template" needs a "template" file', ...at(findNodeAtLocation(tree, ['dialect'])!) });
    config.dialect = 'auto';
  }
  for (const name of ['handoffGlobs', 'roadmapGlobs'] as const) {
    const n = findNodeAtLocation(tree, [name]);
    if (!n) continue;
    const v = getNodeValue(n) as unknown;
    if (Array.isArray(v) && v.every((g) => typeof g === 'string')) {
      const kept: string[] = [];
      v.forEach((g: string, i) => {
        const why = globTooComplex(g);
        if (why) problems.push({ message: `Glob "${g.slice(0, 80)}" refused: ${why}`, ...at(n.children?.[i] ?? n) });
        else kept.push(g);
      });
      config[name] = kept;
    } else problems.push({ message: `Expected an array of glob strings for "${name}"`, ...at(n) });
  }
  const max = findNodeAtLocation(tree, ['maxLintBytes']);
  if (max) {
    if (typeof max.value === 'number' && max.value > 0) config.maxLintBytes = max.value;
    else problems.push({ message: 'Expected a positive number for "maxLintBytes"', ...at(max) });
  }
  const history = findNodeAtLocation(tree, ['history']);
  if (history && history.type !== 'object') problems.push({ message: 'Expected an object for "history"', ...at(history) });
  for (const prop of history?.type === 'object' ? history.children ?? [] : []) {
    const [k, v] = prop.children ?? [];
    if (!k || !v) continue;
    const key = k.value as keyof HistoryConfig;
    if (!(key in HISTORY_BOUNDS)) problems.push({ message: `Unknown history setting "${k.value}", expected one of ${Object.keys(HISTORY_BOUNDS).join(', ')}`, ...at(k) });
    else if (typeof v.value === 'number' && Number.isInteger(v.value) && v.value >= 1 && v.value <= HISTORY_BOUNDS[key]) config.history[key] = v.value;
    else problems.push({ message: `Expected a whole number from 1 to ${HISTORY_BOUNDS[key]} for "history.${key}"`, ...at(v) });
  }
  const rulesNode = findNodeAtLocation(tree, ['rules']);
  if (rulesNode) {
    if (rulesNode.type !== 'object') problems.push({ message: 'Expected an object for "rules"', ...at(rulesNode) });
    for (const prop of rulesNode.type === 'object' ? rulesNode.children ?? [] : []) {
      const [k, v] = prop.children ?? [];
      if (!k || !v) continue;
      const rule = rules.find((r) => r.meta.id === k.value);
      if (!rule) {
        problems.push({ message: `Unknown rule "${k.value}"`, ...at(k) });
        continue;
      }
      const problem = checkRuleSetting(rule, getNodeValue(v));
      if (problem) problems.push({ message: `Rule "${k.value}": ${problem}`, ...at(v) });
      else config.rules[k.value] = getNodeValue(v) as RuleSetting;
    }
  }
  return { config, problems };
}

/** Limits on a glob from config: picomatch's regexes backtrack, so the shape is bounded. */
export const GLOB_LIMITS = { length: 256, starsPerSegment: 3, wildcards: 6, globstars: 4 } as const;

/**
 * Why a glob from config is refused, or null. A segment with many `*` (`*a*a*a*a*b.md`) makes the
 * matcher's regex backtrack polynomially on long names; extglobs and nested braces are not needed
 * for note names and can be worse.
 */
export function globTooComplex(glob: string): string | null {
  if (glob.length > GLOB_LIMITS.length) return `longer than ${GLOB_LIMITS.length} characters`;
  if (/[!?+*@]\(/.test(glob)) return 'extglob patterns ("*(…)", "+(…)", "@(…)", "!(…)", "?(…)") are not supported';
  if (/\{[^}]*\{/.test(glob)) return 'nested braces are not supported';
  const segments = glob.split('/');
  const globstars = segments.filter((x) => x === '**').length;
  if (globstars > GLOB_LIMITS.globstars) return `more than ${GLOB_LIMITS.globstars} "**" segments`;
  let wildcards = 0;
  for (const seg of segments) {
    if (seg === '**') continue;
    const stars = (seg.match(/\*+/g) ?? []).length;
    if (stars > GLOB_LIMITS.starsPerSegment) return `more than ${GLOB_LIMITS.starsPerSegment} "*" in one path segment ("${seg.slice(0, 40)}")`;
    wildcards += stars + (seg.match(/\?/g) ?? []).length;
  }
  if (wildcards > GLOB_LIMITS.wildcards) return `more than ${GLOB_LIMITS.wildcards} "*" or "?" wildcards`;
  return null;
}

function checkRuleSetting(rule: Rule, value: unknown): string | null {
  const [severity, options] = Array.isArray(value) ? value : [value, undefined];
  if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) return `expected a severity (${SEVERITIES.join(', ')}) or [severity, options]`;
  if (Array.isArray(value) && (value.length !== 2 || typeof options !== 'object' || options === null || Array.isArray(options))) return 'expected [severity, { options }]';
  for (const [name, v] of Object.entries((options as Record<string, unknown>) ?? {})) {
    const spec = rule.meta.options?.[name];
    if (!spec) return `unknown option "${name}"`;
    const ok = spec.type === 'string[]' ? Array.isArray(v) && v.every((x) => typeof x === 'string') : typeof v === spec.type;
    if (!ok) return `option "${name}" expects a ${spec.type}`;
  }
  return null;
}

/** Severity and options of a rule under a configuration; null when the rule is off. */
export function resolveRule(rule: Rule, config: HandoffConfig): ResolvedRule | null {
  const setting = config.rules[rule.meta.id];
  const [severity, options] = setting === undefined ? [rule.meta.severity, {}] : Array.isArray(setting) ? setting : [setting, {}];
  if (severity === 'off') return null;
  const defaults = Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([k, o]) => [k, o.default]));
  return { severity, options: { ...defaults, ...options } };
}
