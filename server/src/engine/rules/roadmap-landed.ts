import { defineRule } from '../lint/rule';
import { landedWork, markDoneFix, OPEN, roadmapIds } from '../roadmap/roadmap-link';

const HANDOFF = '# Session Handoff\n\n## What changed\n\n- ST-04-02 runner: docker execution with caps and cleanup\n';
const CHECKED = '# Handoff\n\n## Next steps\n\n- [x] ST-04-02 Docker runner\n- [ ] ST-04-03 Admin editor\n';

export default defineRule({
  meta: {
    id: 'roadmap-landed',
    description: 'Work a handoff reports as landed is done in the roadmap',
    rationale:
      'When a handoff says an item landed (in its "what changed" section, or as a checked next step) and the roadmap still shows it open, the roadmap is the one that is out of date, and the next reader of the roadmap is misled. Reported in the roadmap at the item; the fix marks it done the way the roadmap marks things done: its checkbox, its done emoji, its done word or the text of its status column. An item is reported as landed when it is the subject of the line ("ST-04-02: runner", "Implemented ST-04-02"), not when it is only mentioned ("docs for EPIC-04").',
    tags: ['roadmap'],
    fixable: true,
    severity: 'warning',
    appliesTo: ['roadmap'],
    hygiene: false,
    needs: ['handoffs'],
    examples: {
      ok: [
        { text: '# Roadmap\n\n- [x] ST-04-02 Docker runner\n', path: 'docs/ROADMAP.md', facts: { handoffs: [{ text: HANDOFF }] } },
        { text: '# Roadmap\n\n- [ ] ST-04-03 Admin editor\n', path: 'docs/ROADMAP.md', facts: { handoffs: [{ text: CHECKED }] }, caption: 'The handoff still lists ST-04-03 as open.' },
        {
          text: '# Roadmap\n\n## EPIC-04\n\n- [ ] ST-04-02 Docker runner\n',
          path: 'docs/ROADMAP.md',
          facts: { handoffs: [{ text: '# Handoff\n\n## What changed\n\n- Documentation (ST-04-02 alignment)\n' }] },
          caption: 'Mentioned, not reported done.',
        },
      ],
      notOk: [
        { text: '# Roadmap\n\n- [x] ST-04-01 Script model\n- [ ] ST-04-02 Docker runner\n', path: 'docs/ROADMAP.md', facts: { handoffs: [{ text: HANDOFF }] } },
        { text: '# Roadmap\n\n| Id | Item | Status |\n|---|---|---|\n| ST-04-01 | Script model | ✅ Done |\n| ST-04-02 | Docker runner | 🚧 In progress |\n', path: 'docs/ROADMAP.md', facts: { handoffs: [{ text: CHECKED }] }, caption: 'The fix writes the status the other done rows use.' },
        { text: '# Roadmap\n\n- ✅ ST-04-01 Script model\n- ⏳ ST-04-02 Docker runner\n', path: 'docs/ROADMAP.md', facts: { handoffs: [{ text: CHECKED }] } },
      ],
    },
  },
  check({ note, handoffs, report }) {
    const ids = roadmapIds(note);
    const reported = new Set<string>();
    for (const handoff of handoffs) {
      for (const landed of landedWork(handoff)) {
        const item = ids.items.get(landed.id);
        if (!item || !item.status || !OPEN.has(item.status) || reported.has(landed.id)) continue;
        reported.add(landed.id);
        const line = handoff.lines.position(landed.start).line + 1;
        const how = landed.how === 'checked' ? 'checks it off as a next step' : 'reports it landed';
        const at = item.style ? { start: item.markerStart, end: item.markerEnd } : { start: item.textStart, end: item.textEnd };
        report({
          ...at,
          message: `Unexpected status "${item.status}" of ${landed.id}, expected done: ${handoff.path ?? 'the handoff'} ${how} (line ${line})`,
          fix: markDoneFix(note, item) ?? undefined,
        });
      }
    }
  },
});
