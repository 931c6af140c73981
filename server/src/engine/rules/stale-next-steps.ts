import { defineRule } from '../lint/rule';
import { carriedSteps, type NoteVersion, type VersionContent } from '../history/history';
import { nextStepsOf } from '../outline/outline';
import { isParked, markDropped, moveToBacklog } from '../model/step-edits';
import type { Fix } from '../types';
import type { NoteHistoryFacts } from '../facts';

const NOTE = (steps: string[]) => `# Session Handoff\n\n## Next steps\n\n${steps.join('\n')}\n`;
const version = (n: number, days: number): NoteVersion => ({ commit: String(n).repeat(7) + 'a'.repeat(33), date: `2026-11-${String(20 - days).padStart(2, '0')}T10:00:00Z`, author: 'Dev', subject: `Session ${n}`, path: 'HANDOFF.md' });
// A version's steps as the history reader gives them (the matching ignores markers and checkboxes).
const content = (steps: string[]): VersionContent => ({ steps: steps.map((s) => ({ text: s, done: /^\s*[-*+] \[[xX]\]/.test(s), start: 0, end: 0 })), risks: [], results: [] });
/** Versions newest first: `steps[0]` is the newest committed version. */
const history = (steps: string[][], staleSteps = 4): NoteHistoryFacts => ({ versions: steps.map((s, i) => ({ version: version(steps.length - i, i * 3), content: content(s) })), staleSteps, changedSinceNote: null });
const same = (n: number, steps: string[]) => Array.from({ length: n }, () => steps);

export default defineRule({
  meta: {
    id: 'stale-next-steps',
    description: 'Next steps do not stand open session after session',
    rationale:
      'A next step copied from note to note for many sessions is either not the next step or not going to happen; either way the note no longer says what to do next. The versions of the note in git (`git log --follow`, along the first parents, the last `history.maxVersions` versions or `history.maxDays` days) are matched step by step, ignoring checkboxes, numbering, markup and small rewordings, and a step open in at least `history.staleSteps` versions in a row (default 4) is reported with the version it first appeared in. A step that was ticked or removed and has come back is reported once, in the version that brings it back. Steps under a Backlog, Later or Someday heading are parked and not reported. The quick fixes move the step to the Backlog section (created at the end when there is none) or mark it dropped (`[-]` for a task item, struck through otherwise); neither is applied by Fix All.',
    tags: ['history', 'git'],
    fixable: false,
    severity: 'info',
    appliesTo: ['handoff'],
    hygiene: false,
    needs: ['git'],
    examples: {
      ok: [
        { text: NOTE(['- [ ] Ship the importer']), path: 'HANDOFF.md', facts: { git: { history: history(same(3, ['- [ ] Ship the importer'])) } }, caption: 'Open in three versions: below the threshold of four.' },
        { text: NOTE(['- [ ] Ship the importer']), path: 'HANDOFF.md', facts: { git: { history: history([['- [ ] Ship the importer'], ['- [ ] Ship the importer'], ['- [ ] Port to Windows'], ['- [ ] Port to Windows'], ['- [ ] Port to Windows']]) } }, caption: 'Open in two versions only; the step before it was another.' },
        { text: '# Session Handoff\n\n## Next steps\n\n- [ ] Release 1.2\n\n## Backlog\n\n- Port to Windows\n', path: 'HANDOFF.md', facts: { git: { history: history(same(6, ['- Port to Windows'])) } }, caption: 'Parked in the Backlog section; the release step is new this session.' },
      ],
      notOk: [
        { text: NOTE(['- [ ] Ship the importer']), path: 'HANDOFF.md', facts: { git: { history: history(same(4, ['- [ ] Ship the importer'])) } }, caption: 'Open in the last four versions.' },
        { text: NOTE(['1. Ship the **importer**.']), path: 'HANDOFF.md', facts: { git: { history: history([...same(3, ['- [ ] Ship the importer']), ['* Ship importer']]) } }, caption: 'Renumbered, reworded a little and reformatted: the same step.' },
        { text: NOTE(['- [ ] Fix the flaky test']), path: 'HANDOFF.md', facts: { git: { history: history([['- [ ] Write docs'], ['- [x] Fix the flaky test']]) } }, caption: 'Ticked two versions ago, back now: reported once as reopened.' },
      ],
    },
  },
  check({ note, git, report }) {
    const history = git?.history;
    if (!history || !history.versions.length) return;
    const steps = nextStepsOf(note);
    const byStart = new Map(steps.map((s) => [s.start, s]));
    const current = { steps: steps.map((s) => ({ text: s.text, done: s.done, start: s.start, end: s.end })), risks: [], results: [] };
    for (const carried of carriedSteps(current, history.versions)) {
      const step = byStart.get(carried.start);
      if (!step || isParked(step.group)) continue;
      const stale = carried.sessions >= history.staleSteps && carried.since;
      // Reported once: in the working copy that brings it back, or the version that did.
      const back = carried.reopened && carried.sessions <= 1 ? carried.reopened : null;
      if (!stale && !back) continue;
      const parts: string[] = [];
      if (stale) parts.push(`Open for ${carried.sessions} sessions, since ${carried.since!.date.slice(0, 10)} (${carried.since!.commit.slice(0, 7)})`);
      if (back) parts.push(`Reopened: it was ${back.how === 'done' ? 'ticked' : 'removed'} in ${back.in.commit.slice(0, 7)} (${back.in.date.slice(0, 10)})`);
      const suggestions = [moveToBacklog(note, step), markDropped(note, step)].filter((f): f is Fix => f !== null);
      report({ start: step.textStart, end: step.textEnd, message: parts.join('; '), suggestions });
    }
  },
});
