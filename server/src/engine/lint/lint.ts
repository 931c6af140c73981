// Linting one note: build the model, run each applicable rule with its configured severity and
// options, drop suppressed findings. A rule that throws costs one finding, never the lint.
import type { Root } from 'mdast';
import type { Finding } from '../types';
import type { GitFacts, WorkspaceFacts } from '../facts';
import type { Rule, RuleContext } from './rule';
import type { Dialect } from '../dialects/dialect';
import { buildNote, type Note } from '../model/note';
import { LineIndex } from '../parse/lines';
import { tooComplex } from '../parse/complexity';
import { fastParse } from '../parse/fast/blocks';
import { detectKind } from '../model/detect';
import type { IncrementalParser } from '../parse/incremental';
import { defaultConfig, resolveRule, type HandoffConfig } from './config';
import { maskerForNote } from '../scan/note-masker';
import { masksNothing, type Masker } from '../scan/masker';
import { secretsOf } from '../scan/note-secrets';

/**
 * At most this many findings of one rule in one file; beyond it, one more finding of that rule
 * says how many were left out ("…and N more of this rule"). Every front end lints through here.
 */
export const MAX_FINDINGS_PER_RULE = 100;

export interface LintInput {
  text: string;
  /** Workspace-relative POSIX path; decides the kind of note by glob. */
  path?: string | null;
  config?: HandoffConfig;
  template?: Dialect | null;
  /** Today as YYYY-MM-DD. */
  today: string;
  git?: GitFacts | null;
  workspace?: WorkspaceFacts | null;
  roadmap?: Note | null;
  handoffs?: Note[];
  rules: readonly Rule[];
  /** A note already built from this exact text and options. */
  note?: Note;
}

export interface RuleFailure {
  ruleId: string;
  error: unknown;
}

export interface LintResult {
  note: Note;
  /** Line index of the whole text (the note's own covers only the part that was parsed). */
  lines: LineIndex;
  findings: Finding[];
  failures: RuleFailure[];
  /** The note's masker (scan/masker.ts): every other text shown about this note passes through it. */
  mask: Masker;
}

export function noteOf(input: Pick<LintInput, 'text' | 'path' | 'config' | 'template'> & { parser?: IncrementalParser }): Note {
  const config = input.config ?? defaultConfig();
  const cut = utf8Cut(input.text, config.maxLintBytes);
  const text = cut === null ? input.text : capAtLine(input.text, cut);
  const options = {
    path: input.path ?? null,
    dialect: config.dialect,
    template: input.template ?? null,
    handoffGlobs: config.handoffGlobs,
    roadmapGlobs: config.roadmapGlobs,
    parse: input.parser ? (t: string) => input.parser!.parse(t) : undefined,
    nodesByType: input.parser ? (root: Root) => input.parser!.nodesByType(root) : undefined,
  };
  // The guard is remark's: text the line scanner takes is parsed in linear time whatever it holds,
  // so without a parser of the caller's the scanner goes first and the guard only runs after it
  // declines.
  const first = options.parse ? null : fastParse(text);
  const tooHard = first ? null : input.parser ? input.parser.tooComplex(text) : tooComplex(text);
  const fast = first ?? (tooHard && options.parse ? fastParse(text) : null);
  if (tooHard && !fast) return unparsedNote(text, options, tooHard);
  try {
    return buildNote(text, fast ? { ...options, parse: () => fast } : options);
  } catch (error) {
    // Nesting deeper than the guard saw: the parser's own recursion ran out of stack.
    if (error instanceof RangeError) return unparsedNote(text, options, 'nested too deeply to parse');
    throw error;
  }
}

/**
 * A note whose Markdown is not parsed: the structure of an empty note, the real text, and only
 * the rules that read the text itself (secrets, personal data, invisible and broken characters).
 * Its kind comes from its path, front matter type or first heading line.
 */
function unparsedNote(text: string, options: Parameters<typeof buildNote>[1], why: string): Note {
  // An empty root spanning the text: parsing even a blank copy of it costs as much as its lines.
  const lines = new LineIndex(text);
  const endAt = lines.position(text.length);
  const root: Root = { type: 'root', children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: { line: endAt.line + 1, column: endAt.character + 1, offset: text.length } } };
  const head = text.slice(0, 4096);
  const title = /^\uFEFF?#[ \t]+(.+)$/m.exec(head)?.[1] ?? null;
  const type = /^---\r?\n[\s\S]*?^type:\s*(handoff|roadmap)\b/im.exec(head)?.[1] ?? null;
  const note = buildNote(text, { ...options, parse: () => root });
  const { kind } = detectKind({ path: options.path ?? null, title, frontmatterType: type, handoffGlobs: options.handoffGlobs, roadmapGlobs: options.roadmapGlobs });
  return { ...note, text, lines, kind, hygieneOnly: true, unparsed: why };
}

/**
 * `maxLintBytes` counts UTF-8 bytes, as a file's size does (the workspace index skips a file by
 * the same number): the string offset where the first `maxBytes` bytes end, or null when the
 * whole text fits. Counted only when the text could be over (a UTF-16 unit is 1 to 3 bytes).
 */
export function utf8Cut(text: string, maxBytes: number): number | null {
  if (text.length * 3 <= maxBytes) return null;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : c >= 0xdc00 && c <= 0xdfff ? 0 : 3;
    if (bytes + size > maxBytes) return i;
    bytes += size;
  }
  return null;
}

/**
 * The text up to the last line break at or before `max` (LF, CRLF or a lone CR, so that the cut
 * is the same line for every line ending); when the first line alone is longer, `max` units,
 * never half of a surrogate pair.
 */
export function capAtLine(text: string, max: number): string {
  for (let i = Math.min(max, text.length - 1); i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return text.slice(0, i + 1);
    if (c === 13) return text.slice(0, text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1);
  }
  const high = text.charCodeAt(max - 1);
  return text.slice(0, high >= 0xd800 && high <= 0xdbff ? max - 1 : max);
}

/** Whether a rule has anything to say about this note with these facts. */
export function ruleApplies(rule: Rule, note: Note, input: Pick<LintInput, 'git' | 'workspace' | 'roadmap' | 'handoffs'>): boolean {
  const m = rule.meta;
  if (note.hygieneOnly || note.kind === 'other') {
    if (!m.hygiene) return false;
  } else if (!m.hygiene && !m.appliesTo.includes(note.kind)) return false;
  for (const need of m.needs ?? []) {
    if (need === 'git' && !input.git) return false;
    if (need === 'workspace' && !input.workspace) return false;
    if (need === 'roadmap' && !input.roadmap) return false;
    if (need === 'handoffs' && !input.handoffs?.length) return false;
  }
  return true;
}

/** Lints with the given rules; `lint` in the engine's index defaults them to every rule. */
export function lintWith(input: LintInput): LintResult {
  const config = input.config ?? defaultConfig();
  const note = input.note ?? noteOf({ ...input, config });
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  const lines = note.text.length === input.text.length ? note.lines : new LineIndex(input.text);
  const secrets = () => secretsOf(note, input.text);
  for (const rule of input.rules) {
    if (!ruleApplies(rule, note, input)) continue;
    const resolved = resolveRule(rule, config);
    if (!resolved) continue;
    const found: Finding[] = [];
    let omitted = 0;
    let firstOmitted = 0;
    const context: RuleContext = {
      note,
      text: input.text,
      options: resolved.options,
      today: input.today,
      git: input.git ?? null,
      workspace: input.workspace ?? null,
      roadmap: input.roadmap ?? null,
      handoffs: input.handoffs ?? [],
      secrets,
      report: (r) => {
        // Suppression first, so that suppressed findings do not count against the cap.
        if (note.suppressions.isSuppressed(rule.meta.id, lines.position(r.start).line)) return;
        if (found.length < MAX_FINDINGS_PER_RULE) found.push({ ruleId: rule.meta.id, severity: resolved.severity, message: r.message, start: r.start, end: r.end, fix: r.fix, ...(r.suggestions?.length ? { suggestions: r.suggestions } : {}) });
        else if (omitted++ === 0) firstOmitted = r.start;
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      failures.push({ ruleId: rule.meta.id, error });
      findings.push({ ruleId: rule.meta.id, severity: 'info', message: `Internal error in rule "${rule.meta.id}" (see the Handoff output)`, start: 0, end: 0 });
      continue;
    }
    findings.push(...found);
    if (omitted > 0) {
      findings.push({
        ruleId: rule.meta.id,
        severity: resolved.severity,
        message: `…and ${omitted} more of this rule (at most ${MAX_FINDINGS_PER_RULE} are listed per file)`,
        start: firstOmitted,
        end: firstOmitted,
      });
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  // One masking step for every rule: no message or fix title shows a secret found in the note.
  // Made on first use, from the scan the secret rules read: a lint with nothing to mask and no
  // secret rule does not scan the text.
  // The texts are masked as one first: most lints show no secret, and then none changes.
  let masker: Masker | null = null;
  const mask: Masker = (s) => (masker ??= maskerForNote(note, input.text))(s);
  const shown = findings.flatMap((f) => [f.message, ...(f.fix ? [f.fix.title] : []), ...(f.suggestions ?? []).map((s) => s.title)]);
  if (masksNothing(shown, mask)) return { note, lines, findings, failures, mask };
  const masked = findings.map((f) => {
    const message = mask(f.message);
    const title = f.fix ? mask(f.fix.title) : undefined;
    const suggestions = f.suggestions?.map((s) => ({ ...s, title: mask(s.title) }));
    if (message === f.message && title === f.fix?.title && (suggestions ?? []).every((s, i) => s.title === f.suggestions![i].title)) return f;
    return { ...f, message, ...(f.fix ? { fix: { ...f.fix, title: title as string } } : {}), ...(suggestions ? { suggestions } : {}) };
  });
  return { note, lines, findings: masked, failures, mask };
}
