// `handoff outline [paths|globs...] [--json] [--config FILE]`: the outline the sidebar shows, per
// note: kind, dialect, title, snapshot fields, next steps in recommended order, risks, and a
// roadmap's phases with their items and status. Lines are 1-based; absent parts are null or [].
// Exit 0, or 2 for usage and configuration problems.
import { maskerForNote, maskTokenShapes, outlineNote, type Note, type NoteOutline } from '../../engine';
import { parseCommandArgs } from '../args';
import { CliConfigs } from '../config';
import { CliProject } from '../project';
import { MAX_NOTE_BYTES, readText, skipReason } from '../../project/read';
import { findTargets } from '../files';
import { terminalText } from '../formats/terminal';
import type { Command, Io } from '../io';
import { USAGE } from '../usage';

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
  };
}

const MARK: Record<string, string> = { done: 'x', 'in-progress': '~', planned: ' ', blocked: '!', dropped: '-' };

/** The outline as text for a terminal: every piece of the note and its name escaped. */
function text(f: OutlineFileJson): string {
  const t = terminalText;
  const out: string[] = [];
  const what = f.kind === 'other' ? 'not a handoff or roadmap' : `${f.kind}${f.kind === 'handoff' ? ` (${f.dialect})` : ''}`;
  out.push(`${t(f.file)}  ${what}${f.title ? ` — ${t(f.title)}` : ''}`);
  const snap = Object.entries(f.snapshot).filter(([, v]) => v).map(([k, v]) => `${k} ${t(v ?? '')}`);
  if (snap.length) out.push(`  ${snap.join(' · ')}`);
  if (f.nextSteps.length) {
    out.push('  Next steps:');
    f.nextSteps.forEach((s, i) => out.push(`    ${i + 1}. [${s.done ? 'x' : ' '}] ${t(s.text)} (line ${s.line})`));
  }
  if (f.risks.length) {
    out.push('  Risks:');
    for (const r of f.risks) out.push(`    - ${t(r.text)} (line ${r.line})`);
  }
  for (const p of f.roadmap?.phases ?? []) {
    const done = p.items.filter((i) => i.status === 'done').length;
    const total = p.items.filter((i) => i.status !== 'dropped').length;
    out.push(`  ${t(p.title) || '(before the first heading)'} (line ${p.line})${total ? ` ${done}/${total}` : ''}`);
    for (const i of p.items) out.push(`    [${i.status ? MARK[i.status] : '?'}] ${t(i.text)} (line ${i.line})`);
  }
  return out.join('\n') + '\n';
}

export const outlineCommand: Command = {
  name: 'outline',
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        json: { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
      },
      true,
    );
    if (values.help) {
      io.stdout(USAGE + '\n');
      return 0;
    }
    const configs = new CliConfigs(io.cwd, values.config ?? null);
    const project = new CliProject(configs, io.env);
    const files: OutlineFileJson[] = [];
    for (const target of await findTargets(positionals, io.cwd, configs)) {
      const read = readText(target.absolute, MAX_NOTE_BYTES);
      if ('problem' in read) {
        io.stderr(maskTokenShapes(`handoff: ${terminalText(target.display)}: skipped, ${skipReason(read)}\n`));
        continue;
      }
      const note = project.noteOf(target.absolute, read.text);
      files.push(outlineJson(target.display, note, outlineNote(note)));
    }
    if (values.json) io.stdout(JSON.stringify({ files } satisfies OutlineJson, null, 2) + '\n');
    else io.stdout(files.map(text).join('\n'));
    return 0;
  },
};
