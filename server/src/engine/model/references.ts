// What a note refers to: commit hashes, paths in backticks and relative links, and commands in
// backticks or shell code blocks. Read from mdast nodes (inline code, text, links, code), so a
// hash in a URL or a path in prose is treated as what it is.
import type { Code, InlineCode, Link, Parent, Text } from 'mdast';
import type { Node } from 'unist';
import type { Note } from './note';
import { oncePerNote } from './once';

export interface HashRef {
  hash: string;
  start: number;
  end: number;
}

export interface PathRef {
  /** The path as written, without a trailing :line or #anchor. */
  path: string;
  start: number;
  end: number;
  /** A relative link (resolved from the note's folder) or a backticked path (from the root). */
  via: 'link' | 'code';
  /** Text of the enclosing list item or paragraph, to read "deleted", "renamed" and the like. */
  context: string;
}

export interface CommandRef {
  /** The simple command, e.g. "npm run build". */
  command: string;
  start: number;
  end: number;
}

const HASH = /(?<![\w/.#-])[0-9a-f]{7,40}(?![\w/-])/g;

interface Walked {
  node: Node;
  /** Inside a link or a heading. */
  inLinkOrHeading: boolean;
  /** The nearest list item, paragraph or table row around the node. */
  holder: Parent | null;
}

/** The nodes references come from, with what the rules need of their ancestors; once per note. */
const walked = new WeakMap<Note, Walked[]>();
/**
 * The same for one top-level node: the note's list is its top-level nodes' lists end to end, and a
 * top-level node an edit left (the incremental parser reuses it) has the same subtree.
 */
const walkedTop = new WeakMap<Node, Walked[]>();
const WANTED = new Set(['text', 'inlineCode', 'link', 'code']);

function walk(note: Note): Walked[] {
  return oncePerNote(walked, note, walkNote);
}

function walkNote(note: Note): Walked[] {
  const out: Walked[] = [];
  const visit = (node: Node, inLinkOrHeading: boolean, holder: Parent | null, into: Walked[]) => {
    if (WANTED.has(node.type)) into.push({ node, inLinkOrHeading, holder });
    const children = (node as Parent).children;
    if (!children) return;
    const inside = inLinkOrHeading || node.type === 'link' || node.type === 'heading';
    const h = node.type === 'listItem' || node.type === 'paragraph' || node.type === 'tableRow' ? (node as Parent) : holder;
    for (const c of children) visit(c, inside, h, into);
  };
  // The root is neither wanted, nor a link, heading or holder: its children start afresh.
  for (const top of note.root.children) {
    let list = walkedTop.get(top);
    if (!list) {
      list = [];
      visit(top, false, null, list);
      walkedTop.set(top, list);
    }
    for (const w of list) out.push(w);
  }
  return out;
}

// Notes are immutable: what they refer to is found once per note, however many rules ask.
const commitMemo = new WeakMap<Note, HashRef[]>();
const pathMemo = new WeakMap<Note, PathRef[]>();
const commandMemo = new WeakMap<Note, CommandRef[]>();

const offsetOf = (n: Node) => n.position?.start.offset ?? 0;

/** Commit-like hashes in text and inline code (with at least one digit and one letter). */
export function commitRefs(note: Note): HashRef[] {
  return oncePerNote(commitMemo, note, findCommitRefs);
}

function findCommitRefs(note: Note): HashRef[] {
  const out: HashRef[] = [];
  for (const { node, inLinkOrHeading } of walk(note)) {
    if (node.type !== 'text' && node.type !== 'inlineCode') continue;
    if (inLinkOrHeading) continue;
    const value = (node as Text | InlineCode).value;
    const base = offsetOf(node) + (node.type === 'inlineCode' ? note.text.slice(offsetOf(node)).search(/[^`]/) : 0);
    for (const m of value.matchAll(HASH)) {
      if (!/\d/.test(m[0]) || !/[a-f]/.test(m[0])) continue;
      // A text node's value can differ from its source (escapes, entities); only trust exact matches.
      const start = node.type === 'text' ? note.text.indexOf(m[0], offsetOf(node) + m.index) : base + m.index;
      if (start < 0 || note.text.slice(start, start + m[0].length) !== m[0]) continue;
      out.push({ hash: m[0], start, end: start + m[0].length });
    }
  }
  return out;
}

const PATHLIKE = /^(?!\/)(?!~)(?![a-z][a-z0-9+.-]*:)[\w@.+-]+(?:\/[\w@.+ -]+)*\/?$/i;
const HAS_EXTENSION = /\.[a-z0-9]{1,8}$/i;
const PLACEHOLDER = /\.\.\.|…|[*?{}<>$[\]]/;

/** Split "path:12", "path#L10" and "path:12:3" into the path. */
function stripLocation(p: string): string {
  return p.replace(/#L?\d+(?:-L?\d+)?$/, '').replace(/:\d+(?::\d+)?(?:-\d+)?$/, '');
}

function contextOf(note: Note, holder: Parent | null): string {
  if (!holder?.position) return '';
  const own = holder.type === 'listItem' ? (holder.children[0] ?? holder) : holder;
  return note.text.slice(offsetOf(own), own.position?.end.offset ?? 0);
}

/** Paths in backticks (with an extension or a trailing slash, no spaces) and relative links. */
export function pathRefs(note: Note, exclude: ReadonlySet<string> = new Set()): PathRef[] {
  const all = oncePerNote(pathMemo, note, findPathRefs);
  return exclude.size ? all.filter((r) => !exclude.has(r.path)) : all;
}

/**
 * What a node gave, relative to its start offset, kept by node: an edit leaves most nodes of a note
 * as they were (the incremental parser reuses them, moved), and a node reused has the same source
 * and the same ancestors (a path's context is its holder's text, in the same block). Kept only
 * when the refs lie inside the node's own source.
 */
type Relative<T> = Array<Omit<T, 'start' | 'end'> & { start: number; end: number }>;
const pathsOfNode = new WeakMap<Node, Relative<PathRef>>();
const commandsOfNode = new WeakMap<Node, Relative<CommandRef>>();

/**
 * The refs `find` gives for a node, from the node's cache when it was reused. `find` says whether
 * its answer read only the node's own source (`keep`): a value searched for in the text and not
 * found inside the node depends on the rest of the note.
 */
function perNode<T extends { start: number; end: number }>(memo: WeakMap<Node, Relative<T>>, node: Node, find: (node: Node) => { refs: T[]; keep: boolean }): T[] {
  const at = offsetOf(node);
  const kept = memo.get(node);
  if (kept) return kept.map((r) => ({ ...r, start: r.start + at, end: r.end + at }) as T);
  const { refs, keep } = find(node);
  const end = node.position?.end.offset;
  if (keep && end !== undefined && refs.every((r) => r.start >= at && r.end <= end)) memo.set(node, refs.map((r) => ({ ...r, start: r.start - at, end: r.end - at })));
  return refs;
}

/**
 * Where each character of an inline code's `value` is written, within the node: line by line, since
 * a value over two lines drops the indentation and markers the next line starts with. Null when the
 * value is not written so inside the node.
 */
function sourceOf(note: Note, node: Node, value: string): ((i: number) => number) | null {
  const end = node.position?.end.offset ?? -1;
  const starts: Array<[number, number]> = []; // [offset in the value, offset in the note]
  let from = offsetOf(node);
  let i = 0;
  for (const line of value.split('\n')) {
    const at = note.text.indexOf(line, from);
    if (at < 0 || at + line.length > end) return null;
    starts.push([i, at]);
    i += line.length + 1;
    from = at + line.length + 1;
  }
  return (k) => {
    let j = starts.length - 1;
    while (starts[j][0] > k) j--;
    return starts[j][1] + k - starts[j][0];
  };
}

function findPathRefs(note: Note): PathRef[] {
  const out: PathRef[] = [];
  for (const { node, holder } of walk(note)) {
    if (node.type === 'inlineCode' || node.type === 'link') out.push(...perNode(pathsOfNode, node, (n) => pathRefOf(note, n, holder)));
  }
  return out;
}

function pathRefOf(note: Note, node: Node, holder: Parent | null): { refs: PathRef[]; keep: boolean } {
  const none = { refs: [], keep: true };
  if (node.type === 'inlineCode') {
    const raw = (node as InlineCode).value.trim();
    const path = stripLocation(raw);
    if (!path || PLACEHOLDER.test(path) || /\s/.test(path) || !PATHLIKE.test(path)) return none;
    if (!HAS_EXTENSION.test(path) && !path.endsWith('/')) return none;
    if (/^\d+(?:\.\d+)+$/.test(path) || /^v?\d/.test(path.split('/')[0]) && !path.includes('/')) return none; // versions
    if (!path.includes('/') && /^[\w-]+\.(?:com|org|net|io|dev|app|ai|co)$/i.test(path)) return none; // domains
    // One line (a path holds no space), written inside the node as it reads.
    const where = sourceOf(note, node, raw);
    if (!where) return { refs: [], keep: false };
    const start = where(0);
    return { refs: [{ path, start, end: start + raw.length, via: 'code', context: contextOf(note, holder) }], keep: true };
  }
  const url = (node as Link).url;
  if (!url || /^[a-z][a-z0-9+.-]*:|^\/\/|^#|^\//i.test(url) || PLACEHOLDER.test(url)) return none;
  const path = decodeURIComponent(url.replace(/[?#].*$/, ''));
  if (!path) return none;
  const src = note.text.slice(offsetOf(node), node.position?.end.offset ?? 0);
  const at = src.lastIndexOf(url);
  const start = at >= 0 ? offsetOf(node) + at : offsetOf(node);
  return { refs: [{ path, start, end: at >= 0 ? start + url.length : node.position?.end.offset ?? start, via: 'link', context: contextOf(note, holder) }], keep: true };
}

const SHELL_LANGS = new Set(['', 'sh', 'bash', 'shell', 'console', 'zsh', 'shell-session', 'sh-session', 'fish', 'powershell', 'ps1', 'bat', 'cmd']);
const COMMAND_START = /^(?:npm|pnpm|yarn|bun|npx|pdm|poetry|uv|make|just|cargo|go)\b/;

/** Simple commands (split at &&, ||, ;, |) in inline code and in shell code blocks. */
export function commandRefs(note: Note): CommandRef[] {
  return oncePerNote(commandMemo, note, findCommandRefs);
}

function findCommandRefs(note: Note): CommandRef[] {
  const out: CommandRef[] = [];
  for (const { node } of walk(note)) {
    if (node.type === 'inlineCode') {
      out.push(
        ...perNode(commandsOfNode, node, (n) => {
          const value = (n as InlineCode).value;
          const where = sourceOf(note, n, value);
          if (!where) return { refs: [], keep: false };
          const refs = commandsIn(value, 0).map((r) => ({ ...r, start: where(r.start), end: where(r.end - 1) + 1 }));
          return { refs, keep: true };
        }),
      );
    } else if (node.type === 'code') {
      const code = node as Code;
      if (!SHELL_LANGS.has((code.lang ?? '').toLowerCase())) continue;
      // A fenced block (its node starts at the fence) holds its code from the line after the
      // fence; an indented block (its node starts in its indentation) from its first line.
      const start = code.position?.start;
      if (!start) continue;
      const fenced = /[`~]/.test(note.text.charAt(start.offset ?? 0));
      const first = fenced ? start.line : start.line - 1; // zero-based
      const lines = code.value.split(/\r\n|\r|\n/);
      lines.forEach((l, i) => {
        const lineNo = first + i;
        if (lineNo >= note.lines.lineCount) return;
        const lineStart = note.lines.lineStart(lineNo);
        const text = note.lines.lineText(lineNo);
        const at = text.indexOf(l);
        if (l.trim() && at >= 0) out.push(...commandsIn(l, lineStart + at));
      });
    }
  }
  return out;
}

/** The simple commands of one line of shell starting at offset `base`. */
function commandsIn(line: string, base: number): CommandRef[] {
  const out: CommandRef[] = [];
  const clean = line.replace(/^\s*(?:\$|>|#\s*)\s*/, (m) => ' '.repeat(m.length));
  let offset = 0;
  for (const part of clean.split(/(&&|\|\||;|\|)/)) {
    if (!/^(&&|\|\||;|\|)$/.test(part)) {
      const lead = part.length - part.trimStart().length;
      const cmd = part.trim().replace(/^(?:[A-Z_][A-Z0-9_]*=\S*\s+)+/, '');
      const shift = part.trim().length - cmd.length;
      if (COMMAND_START.test(cmd)) out.push({ command: cmd, start: base + offset + lead + shift, end: base + offset + lead + part.trim().length });
    }
    offset += part.length;
  }
  return out;
}
