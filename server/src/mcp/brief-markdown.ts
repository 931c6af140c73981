// A brief as plain Markdown within a character budget: the header lines always, then each part in
// order of what a new session needs first, each list cut with "…and N more" when the budget runs
// out, so a short brief still names every part.
import type { Brief } from '../project/brief';

const MIN_BUDGET = 400;

/** "; carried over 6 sessions, since 2026-10-02 (a1b2c3d)" for a step open in earlier versions too. */
function carriedOver(c: Brief['nextSteps'][number]['carried']): string {
  return c && c.sessions >= 2 ? `; carried over ${c.sessions} sessions, since ${c.since.date.slice(0, 10)} (${c.since.commit.slice(0, 7)})` : '';
}

export function briefMarkdown(b: Brief, budget: number): { markdown: string; truncated: boolean } {
  const max = Math.max(MIN_BUDGET, budget);
  const head = [`# Brief: ${b.file}`, ''];
  const rec = [b.date && `dated ${b.date}`, b.recorded.branch && `branch ${b.recorded.branch}`, b.recorded.commit && `commit ${b.recorded.commit}`].filter(Boolean);
  head.push(`Recorded (${b.dialect}): ${rec.length ? rec.join(', ') : 'no snapshot fields'}.`);
  if (b.now) {
    const since = b.now.commitsSince === null ? '' : `, ${b.now.commitsSince} commit${b.now.commitsSince === 1 ? '' : 's'} since the recorded one`;
    head.push(`Now: branch ${b.now.branch ?? '(detached)'}, HEAD ${b.now.head?.slice(0, 7) ?? '(none)'}${since}, worktree ${b.now.dirty ? 'dirty' : 'clean'}.`);
  } else head.push('Now: git not consulted.');
  const parts: Array<{ title: string; items: string[] }> = [
    { title: 'Next steps', items: b.nextSteps.filter((s) => !s.done).map((s, i) => `${i + 1}. ${s.text} (line ${s.line}${carriedOver(s.carried)})`) },
    { title: 'Risks', items: b.risks.map((r) => `- ${r.text} (line ${r.line})`) },
    { title: 'Changed since the recorded commit', items: (b.now?.changedFiles ?? []).map((f) => `- ${f.status} \`${f.path}\``) },
    { title: 'Open problems', items: b.problems.map((p) => `- line ${p.line}: ${p.severity} ${p.rule}: ${p.message}`) },
    { title: `Roadmap in progress${b.roadmap ? ` (${b.roadmap.file})` : ''}`, items: (b.roadmap?.inProgress ?? []).map((i) => `- [${i.status}] ${i.text}`) },
  ].filter((p) => p.items.length);
  let out = head.join('\n') + '\n';
  let truncated = false;
  // Every part gets its heading (room is kept for the headings still to come); items fill what is
  // left of the budget in turn.
  for (const [k, part] of parts.entries()) {
    out += `\n## ${part.title}\n\n`;
    const left = parts.slice(k + 1).reduce((n, p) => n + p.title.length + 24, 0);
    let shown = 0;
    for (const item of part.items) {
      if (out.length + item.length + 1 + left > max) break;
      out += item + '\n';
      shown++;
    }
    if (shown < part.items.length) {
      out += `…and ${part.items.length - shown} more\n`;
      truncated = true;
    }
  }
  return { markdown: out, truncated };
}
