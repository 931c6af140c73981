// Hover on what a note names: a commit (its subject, author, date and place relative to HEAD) and
// a path (whether it exists, and when a commit last changed it).
import { dirname, join, relative, sep } from 'node:path';
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { candidates, commitRefs, nonPaths, pathRefs, type LintResult } from '../engine';
import { toRange } from './convert';
import { insideFolders, type GitFactsSource } from './git-facts';
import { filePathOf } from './linting';
import type { HoverSource, ServerState } from './start';

export function commitAndPathHover(state: ServerState, git: GitFactsSource): HoverSource {
  return (doc, result, position) => hoverAt(state, doc, result, position, git);
}

async function hoverAt(state: ServerState, doc: TextDocument, result: LintResult, position: { line: number; character: number }, git: GitFactsSource): Promise<Hover | null> {
  const { provider } = git;
  const workspaceFor = (file: string) => git.workspaceFor(file);
  const note = result.note;
  const offset = note.lines.offset(position);
  const facts = state.linter.factsFor(doc.uri);
  const hash = commitRefs(note).find((h) => h.start <= offset && offset <= h.end);
  if (hash) {
    const info = facts?.git?.commits[hash.hash];
    const range = toRange(note.lines, hash.start, hash.end);
    if (info === undefined) return facts?.gitNote ? { range, contents: { kind: MarkupKind.Markdown, value: `Commit \`${hash.hash}\`: ${facts.gitNote}` } } : null;
    if (info === null) return { range, contents: { kind: MarkupKind.Markdown, value: `Commit \`${hash.hash}\` does not resolve in this repository.` } };
    const where = info.sha === facts?.git?.head ? 'HEAD' : info.isAncestor ? `${info.behind ?? '?'} commits behind HEAD` : 'not an ancestor of HEAD';
    return { range, contents: { kind: MarkupKind.Markdown, value: `**${escape(info.subject)}**\n\n\`${info.sha.slice(0, 12)}\` · ${escape(info.author)} · ${info.date.slice(0, 10)} · ${where}` } };
  }
  const file = filePathOf(doc.uri);
  const ref = file ? pathRefs(note, nonPaths(note)).find((r) => r.start <= offset && offset <= r.end) : undefined;
  if (!ref || !file) return null;
  const workspace = workspaceFor(file);
  const path = candidates(note, ref).find((p) => workspace.exists(p)) ?? null;
  const range = toRange(note.lines, ref.start, ref.end);
  if (!path) return { range, contents: { kind: MarkupKind.Markdown, value: `\`${escape(ref.path)}\` does not exist in this workspace.` } };
  let last = '';
  if (state.trusted && insideFolders(state.roots, file)) {
    const date = await provider.lastCommitDate(dirname(file), relative(dirname(file), join(workspace.root, path)).split(sep).join('/')).catch(() => null);
    if (typeof date === 'string') last = ` · last changed in a commit on ${date.slice(0, 10)}`;
  }
  return { range, contents: { kind: MarkupKind.Markdown, value: `\`${escape(path)}\` exists${last}` } };
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]<>|]/g, (c) => '\\' + c);
}
