import { defineRule } from '../lint/rule';
import type { RoadmapItem, StatusStyle } from '../model/roadmap';
import { OPEN } from '../roadmap/roadmap-link';

const STYLE_NAME: Record<StatusStyle, string> = { checkbox: 'a checkbox', emoji: 'an emoji', word: 'a status word', column: 'a status column', field: 'a status field' };

export default defineRule({
  meta: {
    id: 'roadmap-structure',
    description: 'Roadmap items sit under phases and mark their status one way',
    rationale:
      'A roadmap is read at a glance: items under phase headings, one kind of status marker (checkboxes, or emoji, or words), one emoji per status, and no open item left in a phase marked done. Mixed markers make the progress count unreliable and hide the odd item out. Roadmaps that mark no status at all (plain lists under version headings) are fine: the rule has nothing to compare. A phase written all in a style of its own (a "Done" section of ✅ bullets beside checkbox work) keeps that convention; an item out of step with its own phase is the odd one out. Markers are read by what they mean in that roadmap: a legend (a `| Icon | Meaning |` table, a list under a "Legend" heading, a line such as "Legend: ✅ Done | 🚧 WIP" or "凡例：🟢 進行中", in the languages the notes are written in) defines them for its file; a marker inside a sentence is not a status; a coloured circle that grades a priority ("🔴 P0", "🟡 Medium"), an icon leading headings that all carry one ("🔧 Commands") and the tick of a "✅ Checklist" heading are not phase statuses, and a heading marker that none of the phase\'s items bear out is an icon. Section headings that name one status ("## In Progress", "## Planned Features") define the one marker under them the same way. Items are expected under phases only where the roadmap has phases (a heading that states a status or holds marked items); a progress log at an agent\'s own path (`memory-bank/progress.md`) is not a phased plan.',
    tags: ['roadmap', 'structure'],
    fixable: true,
    severity: 'info',
    appliesTo: ['roadmap'],
    hygiene: false,
    examples: {
      ok: [
        { text: '# Roadmap\n\n## v0.1\n\n- [x] Parser\n- [x] CLI\n\n## v0.2\n\n- [ ] Sidebar\n- [ ] Roadmap rules\n', path: 'ROADMAP.md' },
        { text: '# Roadmap\n\n## v0.1.0\n\n- Parser\n- CLI\n\n## v0.2.0\n\n- Sidebar\n', path: 'ROADMAP.md', caption: 'No status markers at all: nothing to compare.' },
        { text: '# Roadmap\n\n## Phase 1 ✅\n\n- ✅ Parser\n- ✅ CLI\n\n## Phase 2\n\n- 🚧 Sidebar\n- ⬜ Rules\n', path: 'ROADMAP.md', caption: 'Emoji throughout, a phase heading marked too.' },
        { text: '# Roadmap\n\nLegend: ✅ Done | 🟢 In progress | ⬜ Planned\n\n## Phase 1\n\n- ✅ Parser\n- ✅ CLI\n- 🟢 Sidebar\n- ⬜ Rules\n', path: 'ROADMAP.md', caption: 'A legend says what each marker means here: 🟢 is in progress, not a second emoji for done.' },
      ],
      notOk: [
        { text: '# Roadmap\n\n## v0.1\n\n- [x] Parser\n- [x] CLI\n- [x] Config\n- 🚧 Sidebar\n', path: 'ROADMAP.md', caption: 'One emoji among checkboxes.' },
        { text: '# Roadmap\n\n## Phase 1\n\n- ✅ Parser\n- ✅ CLI\n- ✔️ Config\n', path: 'ROADMAP.md', caption: 'Two emoji for done; the fix uses the common one.' },
        { text: '# Roadmap\n\n- [ ] Stray item\n\n## Phase 1 ✅\n\n- [x] Parser\n- [ ] CLI\n', path: 'ROADMAP.md', caption: 'An item outside any phase, and an open item in a phase marked done.' },
      ],
    },
  },
  check({ note, report }) {
    const phases = note.roadmap?.phases ?? [];
    const items = phases.flatMap((p) => p.items);
    const marked = items.filter((i) => i.style !== null);
    if (!marked.length && !phases.some((p) => p.status && !p.statusInherited)) return;

    // One kind of marker on list items.
    const listMarked = marked.filter((i) => i.kind === 'list');
    const byStyle = new Map<StatusStyle, RoadmapItem[]>();
    for (const i of listMarked) byStyle.set(i.style!, [...(byStyle.get(i.style!) ?? []), i]);
    const [dominant, most] = [...byStyle].sort((a, b) => b[1].length - a[1].length)[0] ?? [null, []];
    if (dominant && most.length >= 3 && most.length * 3 >= listMarked.length * 2) {
      // A phase written in one style of its own ("## ✅ Done" over ✅ bullets, open work in checkboxes
      // elsewhere) keeps a convention; only an item out of step with its own phase is odd.
      const uniform = (phase: number) => new Set(listMarked.filter((x) => x.phase === phase).map((x) => x.style)).size === 1;
      for (const i of listMarked) {
        if (i.style === dominant || uniform(i.phase)) continue;
        report({
          start: i.markerStart,
          end: i.markerEnd,
          message: `Unexpected ${STYLE_NAME[i.style!]} "${note.text.slice(i.markerStart, i.markerEnd)}", expected ${STYLE_NAME[dominant]} like the other ${most.length} items`,
        });
      }
    }

    // One emoji per status.
    const emojiOf = (i: RoadmapItem) => note.text.slice(i.markerStart, i.markerEnd);
    for (const status of new Set(marked.filter((i) => i.style === 'emoji').map((i) => i.status))) {
      const same = marked.filter((i) => i.style === 'emoji' && i.status === status);
      const counts = new Map<string, number>();
      for (const i of same) counts.set(emojiOf(i), (counts.get(emojiOf(i)) ?? 0) + 1);
      const [common, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
      if (counts.size < 2 || n * 2 <= same.length) continue;
      for (const i of same) {
        if (emojiOf(i) === common) continue;
        report({
          start: i.markerStart,
          end: i.markerEnd,
          message: `Unexpected "${emojiOf(i)}" for ${status}, expected "${common}" like the other ${n} items`,
          fix: { title: `Use "${common}"`, edits: [{ start: i.markerStart, end: i.markerEnd, text: common }] },
        });
      }
    }

    // Items under a phase heading, where the roadmap is laid out in phases: a heading that holds
    // marked items or states a status is one ("## Risks" under a status table is not). A progress
    // log at an agent's own path (memory-bank/progress.md) is no phased plan: its rows stand alone.
    // (The title counts as a phase when it states a status, as in "v0.2 planned".)
    const phased = !note.dialect.paths && phases.some((p) => !p.preamble && (p.status !== null || p.items.some((i) => i.style !== null)));
    if (phased) {
      for (const p of phases.filter((x) => x.preamble && !x.status && !x.overview)) {
        for (const i of p.items.filter((x) => x.style !== null)) {
          report({ start: i.textStart, end: i.textEnd, message: 'Unexpected item before the first phase heading, expected it under a phase' });
        }
      }
    }

    // No open item in a phase marked done.
    for (const p of phases) {
      if (p.status !== 'done' || p.statusInherited) continue;
      for (const i of p.items) {
        if (i.source !== 'item' || !i.status || !OPEN.has(i.status)) continue;
        report({
          start: i.markerStart,
          end: i.markerEnd,
          message: `Unexpected ${i.status} item in the phase "${p.title}" marked done, expected it done or the phase reopened`,
        });
      }
    }
  },
});
