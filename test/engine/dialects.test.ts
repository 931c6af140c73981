// The agents' own note formats, on real files of the corpus (test/fixtures/corpus, bytes as
// published; INDEX.tsv names their repositories) and on the same files with planted defects:
// GSD .planning/STATE.md against its ROADMAP.md and phase folders, memory-bank activeContext.md
// and progress.md, and .claude/HANDOFF.md checked against git.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lint, noteOf, outlineNote, type Finding, type LintResult } from '../../server/src/engine';
import type { ExampleFacts } from '../../server/src/engine/lint/rule';
import { exampleGit, exampleWorkspace } from '../../server/src/engine/examples/example-facts';
import { GSD_ROADMAP } from '../../server/src/engine/examples/gsd';

const TODAY = '2026-11-22';
const CORPUS = resolve(__dirname, '../fixtures/corpus');
const STATE = '.planning/STATE.md';
const ROADMAP = '.planning/ROADMAP.md';

function corpus(prefix: string): string {
  const [header, ...rows] = readFileSync(resolve(CORPUS, 'INDEX.tsv'), 'utf8').split('\n').filter(Boolean);
  const file = header.split('\t').indexOf('file');
  const row = rows.map((r) => r.split('\t')).find((cells) => cells[file].startsWith(prefix));
  assert.ok(row, `no corpus note ${prefix}`);
  return readFileSync(resolve(CORPUS, row[file]), 'utf8');
}

/** Replaces one exact piece of a real note (and fails when the note does not hold it). */
function plant(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `the note does not hold ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

function run(text: string, path: string, facts: ExampleFacts & { roadmapText?: string } = {}): LintResult {
  const roadmap = facts.roadmapText === undefined ? null : noteOf({ text: facts.roadmapText, path: ROADMAP });
  return lint({ text, path, today: TODAY, git: exampleGit(facts), workspace: exampleWorkspace(facts), roadmap });
}

function hits(result: LintResult, prefix = ''): string[] {
  return result.findings
    .filter((f: Finding) => f.ruleId.startsWith(prefix))
    .map((f) => `${f.ruleId}:${result.lines.position(f.start).line + 1}:${f.message}`);
}

describe('agent note formats as dialects', () => {
  describe('GSD .planning/STATE.md and ROADMAP.md', () => {
    const eidiyaState = corpus('55-');
    const eidiyaRoadmap = corpus('57-');
    const sweatState = corpus('56-');
    const sweatRoadmap = corpus('58-');
    const orchestratorState = corpus('54-');

    it('recognises the state by its path, and by its headings elsewhere', () => {
      assert.equal(noteOf({ text: orchestratorState, path: STATE }).dialect.id, 'gsd-state');
      assert.equal(noteOf({ text: orchestratorState, path: 'docs/project-state-handoff.md' }).dialect.id, 'gsd-state');
      assert.equal(noteOf({ text: '# Handoff\n\n## Next steps\n\n1. x\n', path: STATE }).dialect.id, 'gsd-state');
    });

    it('a real state and roadmap of one commit agree: no GSD finding', () => {
      // ashrid/eidiya at 01d7b64: phase 4 of the roadmap, 40% = 2 of 5 phase checkboxes.
      assert.deepEqual(hits(run(eidiyaState, STATE, { roadmapText: eidiyaRoadmap }), 'gsd-'), []);
    });

    it('a real state whose bar counts phases with every plan ticked', () => {
      // arnavpant/sweatstakes: 80% = 4 of 5 phases whose plans are all ticked.
      assert.deepEqual(hits(run(sweatState, STATE, { roadmapText: sweatRoadmap }), 'gsd-'), []);
    });

    it('the real roadmap whose Progress table closes phase 3 with plan 03-02 open', () => {
      assert.deepEqual(hits(run(eidiyaRoadmap, ROADMAP), 'gsd-'), ['gsd-done-phase-open-plan:92:Unexpected open plan in phase 3, which is marked done: tick the plan or reopen the phase']);
    });

    it('planted: the state says phase 3 while the roadmap has phases 1-2', () => {
      const roadmap = GSD_ROADMAP.replace(/- \[ \] \*\*Phase 3[^\n]*\n/, '').replace(/### Phase 3[\s\S]*$/, '');
      const state = plant(orchestratorState, 'Phase: 4 of 6 (Event Bus and TUI Integration)', 'Phase: 3 of 3 (Sharing)');
      assert.deepEqual(hits(run(state, STATE, { roadmapText: roadmap }), 'gsd-phase-exists'), ['gsd-phase-exists:12:Unexpected phase 3, expected a phase of .planning/ROADMAP.md (1, 2)']);
      const real = plant(eidiyaState, '| **Current Phase** | 04-distribution |', '| **Current Phase** | 07-launch |');
      assert.deepEqual(hits(run(real, STATE, { roadmapText: eidiyaRoadmap }), 'gsd-phase-exists'), ['gsd-phase-exists:25:Unexpected phase 7, expected a phase of .planning/ROADMAP.md (1, 2, 3, 4, 5)']);
    });

    it('planted: progress 50% while the roadmap ticks 2 of 3 phases', () => {
      const roadmap = GSD_ROADMAP.replace('- [ ] **Phase 2', '- [x] **Phase 2').replace('- [ ] 02-02', '- [x] 02-02');
      const state = plant(plant(orchestratorState, 'Progress: [████------] 33%', 'Progress: [█████-----] 50%'), 'Phase: 4 of 6 (Event Bus and TUI Integration)', 'Phase: 3 of 3 (Sharing)');
      assert.deepEqual(hits(run(state, STATE, { roadmapText: roadmap }), 'gsd-'), [
        'gsd-progress:17:Unexpected progress 50%, expected the progress of .planning/ROADMAP.md: 2 of 3 (67%) phases, 4 of 5 (80%) plans done',
      ]);
      // The real eidiya state with its bar moved on, its roadmap unchanged.
      const real = plant(eidiyaState, '40% (2/5 phases complete)', '80% (4/5 phases complete)');
      assert.deepEqual(hits(run(real, STATE, { roadmapText: eidiyaRoadmap }), 'gsd-'), [
        'gsd-progress:33:Unexpected progress 80%, expected the progress of .planning/ROADMAP.md: 3 of 5 (60%) phases, 9 of 16 (56%) plans done',
      ]);
    });

    it('the resume file: present, missing (planted), and "None"', () => {
      const resume = '.planning/phases/04-points-stakes/04-REVIEW-FIX.md';
      assert.deepEqual(hits(run(sweatState, STATE, { files: [resume, '.planning/phases/05-dashboard-feed-polish/05-01-PLAN.md'] }), 'gsd-'), []);
      assert.deepEqual(hits(run(sweatState, STATE, { files: ['.planning/phases/05-dashboard-feed-polish/05-01-PLAN.md'] }), 'gsd-'), [
        `gsd-resume-file:101:Unexpected resume file "${resume}", expected a file that exists (${resume} does not)`,
      ]);
      assert.deepEqual(hits(run(orchestratorState, STATE, { files: ['.planning/phases/04-event-bus/04-01-PLAN.md'] }), 'gsd-resume-file'), []);
    });

    it('the current phase folder: present, missing (planted), and not needed before planning', () => {
      const phases = ['01-subprocess', '02-agents', '03-parallel'].map((d) => `.planning/phases/${d}/PLAN.md`);
      assert.deepEqual(hits(run(orchestratorState, STATE, { files: [...phases, '.planning/phases/04-event-bus-tui/04-01-PLAN.md'] }), 'gsd-phase-folder'), []);
      assert.deepEqual(hits(run(orchestratorState, STATE, { files: phases }), 'gsd-phase-folder'), [
        'gsd-phase-folder:12:Unexpected phase 4 without a folder, expected .planning/phases/04-…',
      ]);
      const ready = plant(orchestratorState, 'Status: In progress', 'Status: Ready to plan');
      assert.deepEqual(hits(run(ready, STATE, { files: phases }), 'gsd-phase-folder'), []);
    });

    it('planted: a phase ticked done with an open plan', () => {
      const roadmap = plant(plant(sweatRoadmap, '- [ ] **Phase 2: Connections**', '- [x] **Phase 2: Connections**'), '- [x] 02-03-PLAN.md', '- [ ] 02-03-PLAN.md');
      assert.deepEqual(hits(run(roadmap, ROADMAP), 'gsd-'), ['gsd-done-phase-open-plan:53:Unexpected open plan in phase 2, which is marked done: tick the plan or reopen the phase']);
    });

    it('the roadmap outline has one phase per GSD phase, with its plans', () => {
      const outline = outlineNote(noteOf({ text: sweatRoadmap, path: ROADMAP }));
      assert.deepEqual(
        outline.roadmap?.phases.map((p) => `${p.title} ${p.status} ${p.done}/${p.total}`),
        ['Phase 1: Foundation & Auth done 4/4', 'Phase 2: Connections in-progress 3/3', 'Phase 3: Check-ins & Goals in-progress 4/4', 'Phase 4: Points & Stakes in-progress 4/4', 'Phase 5: Dashboard, Feed & Polish planned 0/4'],
      );
    });
  });

  describe('memory-bank files', () => {
    const active = corpus('33-');
    const progress = corpus('32-');

    it('recognises them by path and gives the outline their next steps and progress', () => {
      const a = noteOf({ text: active, path: 'memory-bank/activeContext.md' });
      assert.equal(a.dialect.id, 'memory-bank-active-context');
      assert.deepEqual(a.sections.map((s) => s.role), ['status', 'changes', 'next', 'decisions']);
      assert.equal(outlineNote(a).nextSteps[0].text, 'Complete API wrappers for all required RSS endpoints.');
      const p = noteOf({ text: progress, path: 'memory-bank/progress.md' });
      assert.equal(p.kind, 'roadmap');
      assert.equal(p.dialect.id, 'memory-bank-progress');
      assert.deepEqual(p.sections.map((s) => s.role), ['status', 'changes', 'next', 'risks', null, 'next']);
      assert.deepEqual([outlineNote(p).roadmap?.done, outlineNote(p).roadmap?.total], [25, 46]);
    });

    it('the real files have every section their format expects', () => {
      for (const [prefix, path] of [['31-', 'memory-bank/activeContext.md'], ['32-', 'memory-bank/progress.md'], ['33-', 'memory-bank/activeContext.md'], ['34-', 'memory-bank/activeContext.md'], ['35-', 'memory-bank/progress.md'], ['36-', 'memory-bank/activeContext.md'], ['37-', 'memory-bank/progress.md']]) {
        assert.deepEqual(hits(run(corpus(prefix), path), 'required-sections'), [], prefix);
      }
    });

    it('planted: an active context without next steps or current focus, a progress file without what works', () => {
      const noNext = plant(active, active.slice(active.indexOf('## Next Steps'), active.indexOf('## Active Decisions')), '');
      assert.deepEqual(hits(run(noNext, 'memory-bank/activeContext.md'), 'required-sections'), ['required-sections:1:Missing next steps: add a section that says what to do next']);
      const noFocus = plant(active, active.slice(active.indexOf('## Current Work Focus'), active.indexOf('## Recent Changes')), '');
      assert.deepEqual(hits(run(noFocus, 'memory-bank/activeContext.md'), 'required-sections'), ['required-sections:1:Missing section "Current Work Focus"']);
      const noWorks = plant(progress, progress.slice(progress.indexOf('## What Works'), progress.indexOf("## What's Left")), '');
      const noRecent = noWorks.slice(0, noWorks.indexOf('## Recent Milestones'));
      assert.deepEqual(hits(run(noRecent, 'memory-bank/progress.md'), 'required-sections'), ['required-sections:1:Missing section "What Works"']);
    });

    it('other roadmaps are not asked for sections', () => {
      assert.deepEqual(hits(run(noWhatWorks(progress), 'docs/ROADMAP.md'), 'required-sections'), []);
    });
  });

  describe('.claude/HANDOFF.md', () => {
    const deck = corpus('60-');

    it('recognised by path, dated from its front matter, checked against git', () => {
      const r = run(deck, '.claude/HANDOFF.md', { git: { branch: 'feature/ws', noteLastCommitDate: '2026-09-01T10:00:00+09:00' } });
      assert.equal(r.note.dialect.id, 'claude-handoff');
      assert.deepEqual(r.note.fields.map((f) => `${f.key}=${f.value}`), ['date=2026-08-18T11:15:00+0900', 'branch=main']);
      assert.deepEqual(hits(r).filter((h) => /^(?:date-stale|branch-current)/.test(h)), [
        'date-stale:2:Date 2026-08-18T11:15:00+0900 is older than the last commit of this note (2026-09-01)',
        'branch-current:3:Branch "main" is not the current branch "feature/ws"',
      ]);
      assert.deepEqual(hits(run(deck, '.claude/HANDOFF.md', { git: { branch: 'main', noteLastCommitDate: '2026-08-18T11:20:00+09:00' } })).filter((h) => /^(?:date-stale|branch-current)/.test(h)), []);
    });

    it('lower-case handoff.md in .claude is the same layout; the next step may be a bullet', () => {
      assert.equal(noteOf({ text: corpus('20-'), path: '.claude/handoff.md' }).dialect.id, 'claude-handoff');
      assert.deepEqual(hits(run(corpus('61-'), '.claude/HANDOFF.md'), 'required-sections'), []);
      assert.deepEqual(hits(run('# Handoff\n\n## Status\n\n- Modules 0-5 done.\n', '.claude/HANDOFF.md'), 'required-sections'), ['required-sections:1:Missing next steps: add a section that says what to do next']);
    });
  });
});

function noWhatWorks(progress: string): string {
  return progress.slice(0, progress.indexOf('## What Works'));
}
