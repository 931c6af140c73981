// The engine's outline of a note (offsets) as the protocol's FileOutline (LSP ranges), with the
// git facts the server holds for it.
import type { GitFacts, LineIndex } from '../engine';
import type { NoteOutline, OutlineEntry } from '../engine';
import type { FileOutline, OutlineGit, OutlineRisk } from '../protocol';
import { toRange } from './convert';
import { masksNothing, maskTokenShapes, type Masker } from '../engine';

/** A note's outline without what depends on where it is read (uri, links, problems, git). */
export type OutlineData = Omit<FileOutline, 'uri' | 'path' | 'version' | 'roadmapUri' | 'problems' | 'git'>;

export interface OutlineContext {
  uri: string;
  path: string;
  version: number | null;
  roadmapUri: string | null;
  problems: FileOutline['problems'];
  git: GitFacts | null;
}

// The outline is shown outside the editor (the sidebar's tree): secrets in it are masked, with the
// note's masker (maskerForNote) where the caller has the note, token shapes at least.
function entry(lines: LineIndex, e: OutlineEntry, m: Masker): OutlineRisk {
  return { text: m(e.text), range: toRange(lines, e.start, e.end), textRange: toRange(lines, e.textStart, e.textEnd), group: m(e.group), ids: e.ids };
}

/**
 * The outline as the protocol carries it, every string masked: as one text first, and each string
 * alone only when that changes anything (masksNothing).
 */
export function outlineData(outline: NoteOutline, lines: LineIndex, m: Masker = maskTokenShapes): OutlineData {
  const strings: string[] = [];
  const plain = build(outline, lines, (s) => (strings.push(s), s));
  return masksNothing(strings, m) ? plain : build(outline, lines, m);
}

function build(outline: NoteOutline, lines: LineIndex, m: Masker): OutlineData {
  const field = (f: { value: string; start: number; end: number } | null) => (f ? { value: m(f.value), range: toRange(lines, f.start, f.end) } : null);
  const s = outline.snapshot;
  return {
    kind: outline.kind,
    dialect: outline.dialect,
    title: outline.title ? m(outline.title.text) : null,
    snapshot: { date: field(s.date), branch: field(s.branch), commit: field(s.commit), upstream: field(s.upstream), worktree: field(s.worktree), goal: field(s.goal) },
    nextSteps: outline.nextSteps.map((st) => ({
      ...entry(lines, st, m),
      done: st.done,
      order: st.order,
      number: st.number,
      kind: st.kind,
      checkbox: st.checkbox ? toRange(lines, st.checkbox.start, st.checkbox.end) : null,
      taskInsert: st.taskInsert === null ? null : lines.position(st.taskInsert),
    })),
    risks: outline.risks.map((r) => entry(lines, r, m)),
    wip: outline.wip.map((w) => entry(lines, w, m)),
    verify: outline.verify.map((v) => ({ command: m(v.command), result: v.result === null ? null : m(v.result), range: toRange(lines, v.start, v.end) })),
    roadmap: outline.roadmap
      ? {
          done: outline.roadmap.done,
          total: outline.roadmap.total,
          phases: outline.roadmap.phases.map((p) => ({
            title: m(p.title),
            range: toRange(lines, p.headingStart, p.headingEnd),
            depth: p.depth,
            status: p.status,
            done: p.done,
            total: p.total,
            items: p.items.map((i) => ({ id: i.id, text: m(i.text), range: toRange(lines, i.start, i.end), textRange: toRange(lines, i.textStart, i.textEnd), status: i.status })),
          })),
        }
      : null,
  };
}

export function fileOutline(data: OutlineData, c: OutlineContext): FileOutline {
  return {
    uri: c.uri,
    path: c.path,
    version: c.version,
    ...data,
    roadmapUri: c.roadmapUri,
    problems: c.problems,
    git: c.git ? gitPart(c.git, data.snapshot.commit?.value ?? null) : null,
  };
}

function gitPart(git: GitFacts, recorded: string | null): OutlineGit {
  const hash = recorded && /^[0-9a-f]{7,40}$/i.test(recorded) ? recorded : null;
  const commit = hash ? git.commits[hash] : undefined;
  const ahead = commit?.behind ?? (hash && git.head?.startsWith(hash.toLowerCase()) ? 0 : null);
  return { branch: git.branch === null ? null : maskTokenShapes(git.branch), head: git.head, recordedCommit: recorded, ahead, dirty: git.dirty };
}
