// Statuses by meaning, on real notes (test/fixtures/roadmap-status, sources in its INDEX.tsv):
// a legend defines the markers of its file, a marker inside running text is no status, and a
// heading's marker is the phase's status only where the roadmap uses heading markers that way.
// Each note is read as a roadmap (ROADMAP.md), as a workspace that lists it among its roadmaps would.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lint, noteOf } from '../../server/src/engine';
import { exampleGit, exampleWorkspace } from '../../server/src/engine/examples/example-facts';
import { meaningOf } from '../../server/src/engine/model/legend';
import type { Note } from '../../server/src/engine/model/note';

const DIR = resolve(__dirname, '../fixtures/roadmap-status');
const PATH = 'ROADMAP.md';

function read(file: string): { text: string; note: Note } {
  const text = readFileSync(resolve(DIR, file), 'utf8');
  return { text, note: noteOf({ text, path: PATH }) };
}

/** roadmap-structure findings as "line: message". */
function findings(file: string): string[] {
  const { text, note } = read(file);
  const result = lint({ text, path: PATH, today: '2026-12-06', git: exampleGit({}), workspace: exampleWorkspace({}), roadmap: null });
  return result.findings.filter((f) => f.ruleId === 'roadmap-structure').map((f) => `${note.lines.position(f.start).line + 1}: ${f.message}`);
}

function phase(note: Note, title: RegExp) {
  const p = note.roadmap!.phases.find((x) => title.test(x.title));
  assert.ok(p, `no phase ${title}`);
  return p;
}

function item(note: Note, text: RegExp) {
  const i = note.roadmap!.phases.flatMap((p) => p.items).find((x) => text.test(x.text));
  assert.ok(i, `no item ${text}`);
  return i;
}

describe('roadmap statuses by meaning (real notes)', () => {
  describe('a legend defines what its markers mean', () => {
    it('a "Status Legend" list that gives 🟢 to AVAILABLE: 🟢 is no status there; the one-line task legend maps the rest', () => {
      const { note } = read('legend-thai-board.md');
      assert.deepEqual(Object.fromEntries(note.roadmap!.legend), { '🔵': 'in-progress', '🟡': 'planned', '🔴': 'blocked', '✅': 'done', '⌛': 'planned' });
      // The agents' table: "🟢 AVAILABLE" and "⚪ IDLE" are no task statuses.
      assert.equal(item(note, /^antigravity \| 2026-02-20/).status, null);
      assert.equal(item(note, /^kilo \|/).status, null);
      // Neither legend is an item of its own, nor the "### Type Legend" line.
      assert.equal(phase(note, /^Status Legend$/).items.length, 0);
      assert.equal(phase(note, /^Task Status Legend$/).items.length, 0);
      assert.equal(phase(note, /^Type Legend$/).items.length, 0);
    });

    it('…and gives no "Unexpected 🟢 for done" or "🔵 for in-progress" finding (four before)', () => {
      assert.deepEqual(findings('legend-thai-board.md'), []);
    });

    it('a "Plan Status Legend" list read against the usual meanings: 🔴 is Todo, 🔵 Blocked', () => {
      const { note } = read('legend-list.md');
      assert.deepEqual(Object.fromEntries(note.roadmap!.legend), { '🔴': 'planned', '🟡': 'in-progress', '🟢': 'done', '🔵': 'blocked', '⚫': 'dropped' });
      assert.equal(item(note, /PLAN-000/).status, 'planned');
      assert.equal(phase(note, /Plan Status Legend/).items.length, 0);
      assert.deepEqual(findings('legend-list.md'), []);
    });

    it('legend meanings in the languages of the notes', () => {
      const cases: Array<[string, string | null]> = [
        ['Not started', 'planned'], ['Currently being worked on', 'in-progress'], ['Waiting on dependencies', 'blocked'],
        ['No longer needed', 'dropped'], ['進行中', 'in-progress'], ['未着手', 'planned'], ['完了', 'done'], ['已完成', 'done'],
        ['진행 중', 'in-progress'], ['En curso', 'in-progress'], ['Pendiente', 'planned'], ['Em andamento', 'in-progress'],
        ['В работе', 'in-progress'], ['Выполнено', 'done'], ['Erledigt', 'done'], ['En cours', 'in-progress'],
        ['Đang thực hiện', 'in-progress'], ['Hoàn thành', 'done'], ['Chưa bắt đầu', 'planned'], ['AVAILABLE', null],
      ];
      for (const [meaning, status] of cases) assert.equal(meaningOf(meaning), status, meaning);
    });
  });

  describe('a marker inside running text is no status', () => {
    it('"(escalation worker wiring ✅ done by cline …)" in a table cell does not mark its row', () => {
      const { note } = read('legend-thai-board.md');
      const row = item(note, /^2 \| claude_code \| any \|/);
      assert.notEqual(row.style, 'emoji');
    });

    it('"Notification … nếu audit phát hiện 🔴 GOAL DRIFT" (Vietnamese roadmap): a marker in an item\'s sentence is not its status', () => {
      const file = resolve(__dirname, '../fixtures/unseen/Dempty-glitch__shadow-scribe__ROADMAP.vi.md');
      const note = noteOf({ text: readFileSync(file, 'utf8'), path: PATH });
      const drift = item(note, /GOAL DRIFT/);
      assert.equal(drift.style, null);
      assert.equal(drift.status, 'planned', 'it keeps the status of its pending phase');
    });

    it('"the agent chains the 🟢auto steps" among checkbox items: no status, no odd style out', () => {
      const text = '# Roadmap\n\n## Phase 2 — Agents\n\n- [x] Step runner\n- [ ] Approval gate: the agent chains the 🟢auto steps and stops at the 🔴manual ones\n- [ ] Retry policy\n';
      const note = noteOf({ text, path: PATH });
      const gate = item(note, /Approval gate/);
      assert.equal(gate.style, 'checkbox');
      assert.equal(gate.status, 'planned');
      const result = lint({ text, path: PATH, today: '2026-12-06', git: exampleGit({}), workspace: exampleWorkspace({}), roadmap: null });
      assert.deepEqual(result.findings.filter((f) => f.ruleId === 'roadmap-structure').map((f) => f.message), []);
    });
  });

  it('"- 💡 **Suggestion**: …" among checkbox tasks: the icon of a bold label is no status (an odd emoji out before)', () => {
    const { note } = read('label-icons-th.md');
    assert.equal(item(note, /Suggestion/).style, null);
    assert.deepEqual(findings('label-icons-th.md'), []);
  });

  describe('heading markers count only where the roadmap uses them as statuses', () => {
    it('🔴 / 🟡 / 🟢 priority group headings are no phase statuses (they were blocked, in progress, done)', () => {
      const { note } = read('priority-headings-es.md');
      assert.equal(phase(note, /Alta Prioridad/).status, null);
      assert.equal(phase(note, /Media Prioridad/).status, null);
      assert.equal(phase(note, /Baja Prioridad/).status, null);
      assert.equal(phase(note, /Completado/).status, 'done');
      assert.equal(item(note, /Crear composable useNotifications/).status, 'planned');
      assert.deepEqual(findings('priority-headings-es.md').filter((f) => /🔴|🟡|🟢|marked done/.test(f)), []);
    });

    it('a roadmap that grades some headings by colour grades them all: "🟢 FUTUR (Prochain Trimestre)" is a priority, not done', () => {
      // A real note of the unseen corpus: "🔴 URGENT", "🟡 IMPORTANT", "🟢 FUTUR" under "Recommandations par Priorité".
      const text = readFileSync(resolve(__dirname, '../fixtures/unseen/NiangPro__ecole__PROCHAINES_ETAPES.md'), 'utf8');
      const note = noteOf({ text, path: PATH });
      assert.equal(phase(note, /URGENT/).status, null);
      assert.equal(phase(note, /FUTUR \(Prochain Trimestre\)/).status, null);
      assert.equal(phase(note, /Récemment Complété/).status, 'done');
    });

    it('leading emoji that never repeat, some of them no status, are icons: "🔄 Итеративный подход", "🏁 Заключение"', () => {
      // Real notes of the unseen corpus: 🔄 there means "iterate", 🏁 "conclusion"; "🔄 … (À Faire Bientôt)" is to do.
      const ru = noteOf({ text: readFileSync(resolve(__dirname, '../fixtures/unseen/MaksymKonoplinskyi__granBot2__СЛЕДУЮЩИЕ_ШАГИ.md'), 'utf8'), path: PATH });
      assert.equal(phase(ru, /Итеративный подход/).status, null);
      assert.equal(phase(ru, /Заключение/).status, null);
      const fr = noteOf({ text: readFileSync(resolve(__dirname, '../fixtures/unseen/NiangPro__ecole__PROCHAINES_ETAPES.md'), 'utf8'), path: PATH });
      assert.notEqual(phase(fr, /Améliorations Moyennes/).status, 'in-progress');
      // Where a legend names 🔄, it stays a status; and a scheme that repeats its markers keeps them.
      const legend = noteOf({ text: readFileSync(resolve(__dirname, '../fixtures/unseen/deevnet__deevnet-docs__content_docs_roadmap__index.md'), 'utf8'), path: PATH });
      assert.equal(phase(legend, /Pi SDR Image/).status, 'in-progress');
      const scheme = noteOf({ text: '# Roadmap\n\n## ✅ Phase 1\n\n- a\n\n## 🔄 Phase 2\n\n- b\n\n## 📋 Phase 3\n\n- c\n\n## 📋 Phase 4\n\n- d\n', path: PATH });
      assert.deepEqual(scheme.roadmap!.phases.map((p) => p.status), ['done', 'in-progress', 'planned', 'planned']);
    });

    it('"### 🟢 P3 — Sau khi có core modules" over "⚪ Chưa" rows: no "planned item in a phase marked done" (five before)', () => {
      const { note } = read('priority-headings-vi.md');
      const p3 = phase(note, /P3 — Sau khi có core modules/);
      assert.notEqual(p3.status, 'done');
      assert.deepEqual(p3.items.map((i) => i.status), ['planned', 'planned', 'planned', 'planned', 'planned']);
      assert.equal(item(note, /Module Tuyển sinh/).status, 'in-progress');
      assert.equal(item(note, /Mongoose Schema/).status, 'done');
      assert.deepEqual(findings('priority-headings-vi.md'), []);
    });

    it('headings that all lead with an icon: "🔧 Comandos Útiles" and "💡 Ideas" are no statuses; words and trailing ticks still are', () => {
      const { note } = read('icon-headings-es.md');
      assert.equal(phase(note, /Comandos Útiles/).status, null);
      assert.equal(phase(note, /^💡 Ideas/).status, null);
      assert.equal(phase(note, /Tareas Pendientes/).status, 'planned');
      assert.equal(phase(note, /Commit Realizado ✅/).status, 'done');
    });

    it('a tick on "✅ Checkliste für dich" names the checklist: its twelve open boxes are not "planned items in a phase marked done"', () => {
      const { note } = read('checklist-heading-de.md');
      assert.equal(phase(note, /Checkliste für dich/).status, null);
      assert.deepEqual(findings('checklist-heading-de.md'), []);
    });

    it('"**Status**: On Track ✅" below the last section\'s lists is the document\'s footer, not that section\'s status', () => {
      const { note } = read('status-footer-pt.md');
      assert.equal(phase(note, /SUPORTE & PRÓXIMOS PASSOS/).status, null);
      assert.deepEqual(findings('status-footer-pt.md'), []);
    });
  });

  it('a labelled overview list under the title ("Current status by milestone:") is not stray items', () => {
    const { note } = read('overview-list.md');
    assert.equal(item(note, /^M2: Intelligent context/).status, 'in-progress');
    assert.deepEqual(findings('overview-list.md'), []);
  });

  it('a "✅ Récemment Complété" section in ✅ bullets beside open work in checkboxes keeps its own style (six findings before)', () => {
    const { note } = read('done-section-fr.md');
    assert.equal(item(note, /Dark mode sur la page de recherche/).style, 'emoji');
    assert.deepEqual(findings('done-section-fr.md'), []);
  });

  it('the rule still reports what it should: an emoji among checkboxes of its phase, an open item under a ✅ phase', () => {
    // Planted into the real legend note: the legend reads 🟢 as done; the 🔴 item alone in its phase keeps its style.
    const { text } = read('legend-list.md');
    const planted = text.replace('### 1. General Feature Name\n', '### 1. General Feature Name ✅\n\n- [x] Parser\n- [x] CLI\n- [x] Config\n- [ ] Sidebar\n- 🟢 Docs\n');
    const note = noteOf({ text: planted, path: PATH });
    const result = lint({ text: planted, path: PATH, today: '2026-12-06', git: exampleGit({}), workspace: exampleWorkspace({}), roadmap: null });
    const messages = result.findings.filter((f) => f.ruleId === 'roadmap-structure').map((f) => `${note.lines.position(f.start).line + 1}: ${f.message}`);
    assert.deepEqual(messages.sort(), [
      '23: Unexpected planned item in the phase "1. General Feature Name ✅" marked done, expected it done or the phase reopened',
      '24: Unexpected an emoji "🟢", expected a checkbox like the other 4 items',
    ]);
  });
});
