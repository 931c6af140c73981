// Update Handoff as a pure function of the note and the git facts: refresh the snapshot
// fields (date, branch, HEAD/upstream, worktree), add the files changed since the recorded
// commit that the note does not mention yet, and insert a snapshot or changes section where
// the dialect puts it when there is none. Everything else is left byte for byte.
import { maskerForNote } from '../scan/note-masker';
import type { TextEdit } from '../types';
import { applyEdits } from '../lint/fix';
import { buildNote } from '../model/note';
import { DEFAULT_HANDOFF_GLOBS, DEFAULT_ROADMAP_GLOBS } from '../model/detect';
import type { GitFacts, FileChange } from '../facts';
import type { Note } from '../model/note';
import type { Field } from '../model/fields';
import type { FieldSpec } from '../dialects/dialect';
import { findDate, formatDateLike } from '../model/dates';
import { dirtyBesidesNote } from '../model/worktree';
import { pathRefs } from '../model/references';
import { candidates } from '../model/paths';
import { insertBlock, openTail, sectionBlock, sectionInsertionPoint } from './sections-edit';
import { endOf } from '../parse/parse';
import { codeSpan } from '../model/code-span';
import { addFieldsEdit, fieldValueEdit } from '../model/field-write';
import { visit } from '../parse/walk';
import type { InlineCode } from 'mdast';

export interface UpdateOptions {
  today: string;
  now?: Date;
  /** Most changed files listed before "…and K more". */
  maxListed?: number;
  /** Builds the note for an updated text with the caller's configuration (default: the note's path and dialect, default globs). */
  reparse?: (text: string) => Note;
}

export interface UpdatePlan {
  edits: TextEdit[];
  /** What the update does, one line each, for the preview and the CLI. */
  summary: string[];
  /** Why nothing can be done safely; edits are empty then. */
  refused: string | null;
}

const refuse = (why: string): UpdatePlan => ({ edits: [], summary: [], refused: why });

export function branchText(git: GitFacts): string | null {
  if (git.detached && git.head) return `(detached at ${git.head.slice(0, 7)})`;
  return git.branch;
}

/**
 * The edits that bring a note up to date. What one pass adds can change how the note reads (a
 * changes section added to a free-form note can make it read as a session handoff, whose
 * required fields then are missing), so the result is planned again, up to twice, and the
 * passes are joined into one set of edits on the original text: running Update a second time
 * changes nothing.
 */
export function planUpdate(note: Note, git: GitFacts, options: UpdateOptions): UpdatePlan {
  const plan = planPasses(note, git, options);
  // Summaries and refusals are shown outside the editor: the note's secrets are masked in them.
  const mask = maskerForNote(note);
  return { ...plan, summary: plan.summary.map(mask), refused: plan.refused === null ? null : mask(plan.refused) };
}

function planPasses(note: Note, git: GitFacts, options: UpdateOptions): UpdatePlan {
  const first = planOnce(note, git, options);
  if (first.refused || !first.edits.length) return first;
  const reparse = options.reparse ?? ((text: string) => buildNote(text, {
    path: note.path,
    dialect: note.dialectPinned ? note.dialect.id : 'auto',
    template: note.dialect.id === 'template' ? note.dialect : null,
    handoffGlobs: DEFAULT_HANDOFF_GLOBS,
    roadmapGlobs: DEFAULT_ROADMAP_GLOBS,
  }));
  let plan = first;
  for (let pass = 0; pass < 2; pass++) {
    const text = applyEdits(note.text, plan.edits);
    const next = reparse(text);
    if (next.kind !== 'handoff') break;
    const again = planOnce(next, git, options);
    if (again.refused || !again.edits.length) break;
    const joined = composeEdits(note.text, plan.edits, again.edits);
    if (!joined) break;
    plan = { edits: joined, summary: [...plan.summary, ...again.summary.filter((l) => !plan.summary.includes(l))], refused: null };
  }
  return plan;
}

/**
 * Edits on `base` equal to applying `first` and then `second` (edits on the result of `first`),
 * or null when an edit of `second` straddles the text `first` wrote. Edits of `second` inside
 * that text change it; the others move back to `base`'s offsets.
 */
export function composeEdits(base: string, first: TextEdit[], second: TextEdit[]): TextEdit[] | null {
  let delta = 0;
  const regions = [...first]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((e) => {
      const region = { edit: { ...e }, from: e.start + delta, to: e.start + delta + e.text.length, shift: e.text.length - (e.end - e.start) };
      delta += region.shift;
      return region;
    });
  const moved: TextEdit[] = [];
  for (const e of [...second].sort((a, b) => b.start - a.start || b.end - a.end)) {
    const inside = regions.find((r) => e.start >= r.from && e.end <= r.to);
    if (inside) {
      inside.edit.text = inside.edit.text.slice(0, e.start - inside.from) + e.text + inside.edit.text.slice(e.end - inside.from);
      continue;
    }
    if (regions.some((r) => e.start < r.to && e.end > r.from)) return null;
    const shift = regions.filter((r) => r.to <= e.start).reduce((n, r) => n + r.shift, 0);
    moved.push({ start: e.start - shift, end: e.end - shift, text: e.text });
  }
  const joined = [...regions.map((r) => r.edit), ...moved];
  return applyEdits(base, joined) === applyEdits(applyEdits(base, first), second) ? joined : null;
}

function planOnce(note: Note, git: GitFacts, options: UpdateOptions): UpdatePlan {
  if (note.kind !== 'handoff') return refuse('Not a handoff note');
  const line = (o: number) => note.lines.position(o).line + 1;
  const snapshots = note.sections.filter((s) => s.role === 'snapshot');
  if (snapshots.length > 1) return refuse(`Ambiguous: snapshot sections at lines ${snapshots.map((s) => line(s.start)).join(', ')}`);
  const fieldText = note.fields.map((f) => note.text.slice(f.start, f.end)).join('');
  if (fieldText.includes('\uFFFD')) return refuse('The snapshot contains replacement characters (U+FFFD): repair the encoding first');

  const edits: TextEdit[] = [];
  const summary: string[] = [];
  // A token two fields share ("HEAD / upstream: `abc1234`") belongs to the first of them, HEAD,
  // also when it is already up to date: otherwise the next run would write the upstream's hash.
  const claimed = new Set<number>();
  const replace = (f: Field, text: string, what: string) => {
    if (claimed.has(f.valueStart)) return;
    claimed.add(f.valueStart);
    const edit = fieldValueEdit(note.text, f, text);
    if (!edit) return;
    edits.push(edit);
    summary.push(`${what}: ${f.value || '(empty)'} → ${text}`);
  };

  for (const f of note.fields) {
    switch (f.key) {
      case 'date': {
        const d = findDate(f.value);
        replace(f, formatDateLike(d, options.today, options.now), 'Date');
        break;
      }
      case 'branch': {
        const b = branchText(git);
        if (b && !(git.detached && /detached/i.test(f.value))) replace(f, b, 'Branch');
        break;
      }
      case 'commit':
        if (git.head && /^[0-9a-f]{7,40}$/.test(f.value)) replace(f, git.head.slice(0, Math.max(7, f.value.length)), 'HEAD');
        break;
      case 'upstream':
        if (git.upstream?.sha && /^[0-9a-f]{7,40}$/.test(f.value)) replace(f, git.upstream.sha.slice(0, Math.max(7, f.value.length)), 'Upstream');
        break;
      case 'worktree':
        if (/^(dirty|clean)$/i.test(f.value)) {
          const truth = dirtyBesidesNote(git, note) ? 'dirty' : 'clean';
          replace(f, f.value[0] === f.value[0].toUpperCase() ? truth[0].toUpperCase() + truth.slice(1) : truth, 'Worktree');
        }
        break;
      case 'goal':
        break;
    }
  }

  edits.push(...missingSnapshot(note, git, options, summary));
  edits.push(...newChanges(note, git, options, summary));
  return { edits, summary, refused: null };
}

function valueOf(spec: FieldSpec, git: GitFacts, options: UpdateOptions, dirty: boolean): string | null {
  const head = git.head?.slice(0, 7);
  switch (spec.key) {
    case 'date':
      return options.today;
    case 'branch': {
      const b = branchText(git);
      if (!b) return null;
      return /commit/i.test(spec.label) && head ? `${codeSpan(b)} (${codeSpan(head)})` : codeSpan(b);
    }
    case 'commit':
      return head ? codeSpan(head) : git.unborn ? '(no commits yet)' : null;
    case 'upstream':
      return git.upstream?.sha ? codeSpan(git.upstream.sha.slice(0, 7)) : null;
    case 'worktree':
      return dirty ? 'dirty' : 'clean';
    case 'goal':
      return null;
  }
}

/** Required fields the note lacks, or a whole snapshot section when it has none. */
function missingSnapshot(note: Note, git: GitFacts, options: UpdateOptions, summary: string[]): TextEdit[] {
  const d = note.dialect;
  const eol = note.lines.eol;
  const values = { date: options.today, branch: branchText(git) ?? '', head: git.head?.slice(0, 7) ?? 'HEAD' };
  if (d.lenient) {
    if (note.fields.length) return [];
    const lines = [`Date: ${options.today}`, `Branch: ${codeSpan(values.branch)}`, `HEAD: ${codeSpan(values.head)}`, `Worktree: ${dirtyBesidesNote(git, note) ? 'dirty' : 'clean'}`];
    const at = note.title ? note.lines.lineEnd(note.lines.position(note.title.end).line) : 0;
    summary.push('Snapshot: added date, branch, HEAD and worktree');
    const block = lines.join(eol);
    return [note.title ? { start: at, end: at, text: eol + eol + block } : { start: 0, end: 0, text: block + eol + eol }];
  }
  const snapshotSpec = d.sections.findIndex((s) => s.role === 'snapshot');
  const snapshot = note.allSections.find((s) => s.role === 'snapshot');
  // Fields written elsewhere (in the preamble, as a free-form note has them) are completed in place, not duplicated in a new section.
  if (d.fieldsIn === 'snapshot' && !snapshot && snapshotSpec >= 0 && !note.fields.length) {
    summary.push(`Section "${d.sections[snapshotSpec].heading}": inserted`);
    return [insertBlock(note, sectionInsertionPoint(note, snapshotSpec), sectionBlock(d.sections[snapshotSpec], d.sectionLevel, values))];
  }
  const missing = d.fields.filter((f) => f.required && !note.fields.some((g) => g.key === f.key));
  const added: Array<{ label: string; value: string }> = [];
  for (const spec of missing) {
    // Changes to the note itself do not make the worktree dirty (as the worktree-state rule reads it).
    const value = valueOf(spec, git, options, dirtyBesidesNote(git, note));
    if (value === null) continue;
    added.push({ label: spec.label, value });
    summary.push(`${spec.label}: added`);
  }
  if (!added.length) return [];
  return [addFieldsEdit(note, added, d.fieldsIn === 'snapshot' && snapshot ? snapshot.heading : note.title)];
}

const STATUS_NOTE: Record<FileChange['status'], string> = { added: ' (added)', deleted: ' (deleted)', renamed: '', modified: '', untracked: ' (new, untracked)' };

/** Bullets for changed files the note does not mention yet, grouped by folder. */
function newChanges(note: Note, git: GitFacts, options: UpdateOptions, summary: string[]): TextEdit[] {
  if (!git.changedSince) return [];
  const prefix = git.repoPrefix ? git.repoPrefix.replace(/\/$/, '') + '/' : '';
  const mentioned = new Set<string>();
  for (const ref of pathRefs(note)) {
    for (const p of candidates(note, ref)) {
      mentioned.add(p.replace(/\/$/, ''));
      mentioned.add(prefix + p.replace(/\/$/, ''));
    }
  }
  // Any inline code counts too: paths with spaces or non-ASCII letters, and the quoted form
  // this function writes for paths with control characters, are no path references.
  visit(note.root, (n) => {
    if (n.type === 'inlineCode') mentioned.add((n as InlineCode).value);
  });
  // Written as the repository sees them.
  const shown = (p: string) => (prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p);
  const isMentioned = (p: string) => mentioned.has(p) || mentioned.has(quotePath(shown(p)));
  const own = note.path?.replace(/\\/g, '/') ?? '';
  const fresh = git.changedSince
    .filter((c) => c.path !== own && !own.endsWith('/' + c.path) && !isMentioned(c.path) && !(c.from && isMentioned(c.from) && isMentioned(c.path)))
    .sort((a, b) => a.path.localeCompare(b.path));
  if (!fresh.length) return [];
  const section = note.sections.find((s) => s.role === 'changes') ?? note.allSections.find((s) => s.role === 'changes');
  if (section && /…and \d+ more files? changed since/.test(note.text.slice(section.start, section.end))) return [];
  const eol = note.lines.eol;
  const max = options.maxListed ?? 30;
  const listed = fresh.slice(0, max);
  const byFolder = new Map<string, FileChange[]>();
  for (const c of listed) {
    const p = shown(c.path);
    const folder = p.includes('/') ? p.slice(0, p.lastIndexOf('/') + 1) : '';
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), c]);
  }
  const marker = listMarker(note, section);
  const lines: string[] = [];
  for (const [folder, changes] of [...byFolder].sort(([a], [b]) => a.localeCompare(b))) {
    const item = (c: FileChange) => `${pathSpan(shown(c.path))}${c.status === 'renamed' && c.from ? ` (renamed from ${pathSpan(shown(c.from))})` : STATUS_NOTE[c.status]}`;
    if (!folder || changes.length === 1) for (const c of changes) lines.push(`${marker} ${item(c)}`);
    else {
      lines.push(`${marker} ${pathSpan(folder)}`);
      for (const c of changes) lines.push(`  ${marker} ${item(c)}`);
    }
  }
  const since = note.fields.find((f) => f.key === 'commit')?.value ?? 'the recorded commit';
  if (fresh.length > max) lines.push(`${marker} …and ${fresh.length - max} more file${fresh.length - max === 1 ? '' : 's'} changed since ${codeSpan(since)}`);
  summary.push(`Changes: ${fresh.length} file${fresh.length === 1 ? '' : 's'} changed since ${since} listed`);
  const block = lines.join(eol);
  if (section) {
    const last = section.ownNodes[section.ownNodes.length - 1];
    const tail = openTail(note);
    const at = last ? endOf(last) : section.heading.end;
    // After a fence or comment that never closes, the list would be swallowed: it goes before it.
    if (tail !== null && at > tail) return [insertBlock(note, tail, block)];
    if (last && last.type === 'list' && !last.ordered) return [{ start: at, end: at, text: eol + block }];
    return [{ start: at, end: at, text: eol + eol + block }];
  }
  const d = note.dialect;
  const spec = d.sections.findIndex((s) => s.role === 'changes');
  summary.push('Section for changes: inserted');
  if (spec >= 0 && !d.lenient) return [insertBlock(note, sectionInsertionPoint(note, spec), `${'#'.repeat(d.sectionLevel)} ${d.sections[spec].heading}\n\n${block}`)];
  const next = note.sections.find((s) => s.role === 'next');
  const level = note.sections[0]?.heading.depth ?? 2;
  let at = next ? next.start : note.text.length;
  // A free-form note whose fields were read from its first section keeps that section first.
  const first = note.sections[0];
  if (first && at <= first.start && note.fields.length && note.fields.every((f) => f.start >= first.start && f.end <= first.end)) at = first.end;
  return [insertBlock(note, at, `${'#'.repeat(level)} What changed\n\n${block}`)];
}

function listMarker(note: Note, section: Note['sections'][number] | undefined): string {
  const list = section?.ownNodes.find((n) => n.type === 'list' && !n.ordered);
  const m = list ? /^[-*+]/.exec(note.text.slice(list.position?.start.offset ?? 0)) : null;
  return m ? m[0] : '-';
}

/**
 * A path as git prints it: as is, or, when it holds control, bidi or zero-width characters,
 * double-quoted with C escapes (`"new\\nline.md"`), so that it stays on one line and shows
 * what it holds.
 */
export function quotePath(path: string): string {
  if (!/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(path)) return path;
  const named: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '"': '\\"', '\\': '\\\\' };
  const escaped = path.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"\\]/g, (c) => {
    if (named[c]) return named[c];
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

/** Inline code that reads back as exactly `quotePath(path)`. */
function pathSpan(path: string): string {
  return codeSpan(quotePath(path));
}
