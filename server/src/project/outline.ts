// A note's outline as plain data and as text, the one shape for `handoff outline` and the MCP
// server's handoff_outline: kind, dialect, title, snapshot fields, next steps in recommended
// order, risks, a roadmap's phases with their items and status, and the verify commands with the
// results recorded next to them. Lines are 1-based; absent parts are null or []. Everything
// quoted from the note passes the note's masker.
import { maskerForNote, maskTokenShapes, type Note, type NoteOutline } from '../engine';

export interface OutlineJson {
  files: OutlineFileJson[];
}

export interface OutlineFileJson {
  file: string;
  kind: 'handoff' | 'roadmap' | 'other';
  dialect: string;
  title: string | null;
  snapshot: { date: string | null; branch: string | null; commit: string | null; upstream: string | null; worktree: string | null };
  nextSteps: Array<{ text: string; line: number; done: boolean }>;
  risks: Array<{ text: string; line: number }>;
  roadmap: { phases: Array<{ title: string; line: number; items: Array<{ id: string | null; text: string; line: number; status: string | null }> }> } | null;
  /** Commands of the run/verify sections with the result recorded next to each (`npm test` — 680 passing), or null. */
  verify: Array<{ command: string; result: string | null; line: number }>;
}

export function outlineJson(file: string, note: Note, outline: NoteOutline): OutlineFileJson {
  const line = (offset: number) => note.lines.position(offset).line + 1;
  const s = outline.snapshot;
  // Printed outside the editor (CI logs): secrets are masked.
  const m = maskerForNote(note);
  const v = (f: { value: string } | null) => (f ? m(f.value) : null);
  return {
    file: maskTokenShapes(file),
    kind: outline.kind,
    dialect: outline.dialect,
    title: outline.title ? m(outline.title.text) : null,
    snapshot: { date: v(s.date), branch: v(s.branch), commit: v(s.commit), upstream: v(s.upstream), worktree: v(s.worktree) },
    nextSteps: outline.nextSteps.map((st) => ({ text: m(st.text), line: line(st.start), done: st.done })),
    risks: outline.risks.map((r) => ({ text: m(r.text), line: line(r.start) })),
    roadmap: outline.roadmap
      ? {
          phases: outline.roadmap.phases.map((p) => ({
            title: m(p.title),
            line: line(p.headingStart),
            items: p.items.map((i) => ({ id: i.id, text: m(i.text), line: line(i.start), status: i.status })),
          })),
        }
      : null,
    verify: outline.verify.map((c) => ({ command: m(c.command), result: c.result === null ? null : m(c.result), line: line(c.start) })),
  };
}

const MARK: Record<string, string> = { done: 'x', 'in-progress': '~', planned: ' ', blocked: '!', dropped: '-' };

/** The outline as the CLI prints it without --json. */
export function outlineText(f: OutlineFileJson): string {
  const out: string[] = [];
  const what = f.kind === 'other' ? 'not a handoff or roadmap' : `${f.kind}${f.kind === 'handoff' ? ` (${f.dialect})` : ''}`;
  out.push(`${f.file}  ${what}${f.title ? ` — ${f.title}` : ''}`);
  const snap = Object.entries(f.snapshot).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`);
  if (snap.length) out.push(`  ${snap.join(' · ')}`);
  if (f.nextSteps.length) {
    out.push('  Next steps:');
    f.nextSteps.forEach((s, i) => out.push(`    ${i + 1}. [${s.done ? 'x' : ' '}] ${s.text} (line ${s.line})`));
  }
  if (f.risks.length) {
    out.push('  Risks:');
    for (const r of f.risks) out.push(`    - ${r.text} (line ${r.line})`);
  }
  if (f.verify.length) {
    out.push('  Verify:');
    for (const c of f.verify) out.push(`    - ${c.command}${c.result === null ? '' : ` — ${c.result}`} (line ${c.line})`);
  }
  for (const p of f.roadmap?.phases ?? []) {
    const done = p.items.filter((i) => i.status === 'done').length;
    const total = p.items.filter((i) => i.status !== 'dropped').length;
    out.push(`  ${p.title || '(before the first heading)'} (line ${p.line})${total ? ` ${done}/${total}` : ''}`);
    for (const i of p.items) out.push(`    [${i.status ? MARK[i.status] : '?'}] ${i.text} (line ${i.line})`);
  }
  return out.join('\n') + '\n';
}

