// The outline of notes: what the sidebar and `handoff outline` show. The two real examples are
// checked item by item; the corpus notes against a reviewed snapshot
// (test/engine/outline-corpus.snapshot.txt; `UPDATE_SNAPSHOT=1` rewrites it, then review the
// diff: every next step, risk and roadmap status must be what the note's author meant).
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { noteOf } from '../../server/src/engine';
import { nextStepsOf, outlineNote, type NoteOutline } from '../../server/src/engine/outline/outline';
import type { Note } from '../../server/src/engine/model/note';

const EXAMPLES = resolve(__dirname, '../fixtures/examples');
const CORPUS = resolve(__dirname, '../fixtures/corpus');
const SNAPSHOT = resolve(__dirname, 'outline-corpus.snapshot.txt');

function outlineOf(dir: string, name: string, path = name): { note: Note; outline: NoteOutline } {
  const note = noteOf({ text: readFileSync(resolve(dir, name), 'utf8'), path });
  return { note, outline: outlineNote(note) };
}

const line = (note: Note, offset: number) => note.lines.position(offset).line + 1;

describe('outline', () => {
  it('is built once per Note: the same outline and steps for the same note, what a new Note of the text gives', () => {
    const text = readFileSync(resolve(EXAMPLES, 'session-handoff.md'), 'utf8');
    const note = noteOf({ text, path: 'session-handoff.md' });
    const first = outlineNote(note);
    assert.equal(outlineNote(note), first);
    assert.equal(nextStepsOf(note), first.nextSteps);
    const again = noteOf({ text, path: 'session-handoff.md' });
    assert.notEqual(outlineNote(again), first);
    assert.deepEqual(outlineNote(again), first);
    const edited = noteOf({ text: text.replace('Implement ST-04-03', 'Build ST-04-03'), path: 'session-handoff.md' });
    assert.ok(outlineNote(edited).nextSteps.some((s) => s.text.startsWith('Build ST-04-03')));
  });

  describe('session-handoff.md', () => {
    const { note, outline } = outlineOf(EXAMPLES, 'session-handoff.md');

    it('has the five next steps its author wrote, in order', () => {
      assert.deepEqual(
        outline.nextSteps.map((s) => [s.order, s.number, line(note, s.start), s.done, s.text]),
        [
          [1, 1, 66, false, 'Confirm/accept ADR-0015 and ADR-0016 (or adjust and re-propose).'],
          [2, 2, 67, false, 'Implement ST-04-02 runner (protocol boundary + docker execution + caps + artifacts + cleanup).'],
          [3, 3, 68, false, 'Implement ST-04-03 admin editor UI + sandbox execution.'],
          [4, 4, 69, false, 'Implement ST-04-04 governance handlers (publish/rollback/request changes) and policies.'],
          [5, 5, 70, false, 'Implement ST-04-05 user run pages (/tools/{slug}/run, /my-runs/{run_id}).'],
        ],
      );
      assert.ok(outline.nextSteps.every((s) => s.group === 'Next steps (recommended order)'));
    });

    it('has its two risks', () => {
      assert.deepEqual(
        outline.risks.map((r) => [line(note, r.start), r.group, r.text]),
        [
          [61, 'Known issues / risks', 'ST-04-02 runner is still unimplemented; docker.sock risk acceptance must be confirmed for deployment.'],
          [62, 'Known issues / risks', 'Version-number race handling is not implemented yet (decision: surface as DomainError(CONFLICT), do not silently retry).'],
        ],
      );
    });

    it('has its snapshot fields, the ids its steps name, and where a checkbox would go', () => {
      assert.equal(outline.snapshot.date?.value, '2025-12-14');
      assert.equal(outline.snapshot.branch?.value, 'main');
      assert.deepEqual(outline.nextSteps[1].ids, ['ST-04-02']);
      const s = outline.nextSteps[0];
      assert.equal(s.checkbox, null);
      assert.equal(note.text.slice(s.start, s.taskInsert!), '1. ');
    });
  });

  describe('next-chat-handoff.md', () => {
    const { note, outline } = outlineOf(EXAMPLES, 'next-chat-handoff.md');

    it('has the items of "Next Priority Work" and of "Suggested Starting Point For Next Chat", in order', () => {
      const groups = outline.nextSteps.map((s) => s.group);
      assert.deepEqual(groups, [...Array(7).fill('Next Priority Work'), ...Array(5).fill('Suggested Starting Point For Next Chat')]);
      assert.deepEqual(
        outline.nextSteps.map((s) => line(note, s.start)),
        [142, 143, 144, 145, 150, 155, 156, 160, 161, 162, 163, 164],
      );
      assert.deepEqual(outline.nextSteps.map((s) => s.order), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      assert.match(outline.nextSteps[0].text, /^Commit\/push the local bootstrap reference_sets export loader optimization/);
      assert.equal(outline.nextSteps[3].text, 'Continue Phase 1 runtime consolidation (Rust app unification):');
      assert.equal(outline.nextSteps[11].text, 'Keep scripts/ callable only behind explicit Rust interfaces/migration boundaries.');
      assert.ok(outline.nextSteps.every((s) => !s.done));
    });

    it('has the risks under "Remaining risks / TODO:" inside "Code Analysis (This Pass)"', () => {
      assert.deepEqual(
        outline.risks.map((r) => [line(note, r.start), r.group, r.text]),
        [
          [89, 'Remaining risks / TODO', 'reference_sets nested item behavior is authoritative per provided set (not per-item merge).'],
          [91, 'Remaining risks / TODO', 'load_reference_sets() uses per-set item queries (N+1 query pattern) during bootstrap export/snapshot loading.'],
          [93, 'Remaining risks / TODO', 'scripts/backend.py still exists and remains an active dependency of scripts/image-lab.mjs.'],
          [95, 'Remaining risks / TODO', 'runs/trigger remains script-backed at execution time.'],
        ],
      );
      const section = note.allSections.find((s) => s.heading.text === 'Code Analysis (This Pass)')!;
      assert.ok(outline.risks.every((r) => r.start > section.start && r.end <= section.end));
    });

    it('has its preamble snapshot and its work in progress', () => {
      const s = outline.snapshot;
      assert.deepEqual([s.date?.value, s.branch?.value, s.commit?.value, s.upstream?.value, s.worktree?.value], ['2026-02-22', 'master', '8b0fd91', 'origin/master', 'dirty']);
      assert.deepEqual(
        outline.wip.map((w) => w.text),
        ['Bootstrap export performance improvement (current local change)', 'Handoff + roadmap doc refresh (current local change)'],
      );
    });
  });

  describe('forms of next steps', () => {
    const of = (text: string) => outlineNote(noteOf({ text, path: 'HANDOFF.md' }));

    it('numbered, bulleted, checkbox and table forms all count', () => {
      const o = of('# Handoff\n\n## Next steps\n\n1. one\n2. two\n\n- three\n- [x] four\n- [ ] five\n\n| Step | Status |\n|---|---|\n| six | Done |\n| seven | open |\n');
      assert.deepEqual(
        o.nextSteps.map((s) => [s.text, s.done, s.kind]),
        [['one', false, 'list'], ['two', false, 'list'], ['three', false, 'list'], ['four', true, 'list'], ['five', false, 'list'], ['six | Done', true, 'table'], ['seven | open', false, 'table']],
      );
      assert.deepEqual(o.nextSteps.map((s) => [Boolean(s.checkbox), s.taskInsert !== null]), [[false, true], [false, true], [false, true], [true, false], [true, false], [false, false], [false, false]]);
    });

    it('struck-through, "— done" and "[-]" steps are done; nested task items are steps of their own', () => {
      const o = of('# Handoff\n\n## Next steps\n\n- ~~old~~\n- ship it — done\n- [-] dropped\n- parent\n  - [ ] child task\n  - detail\n');
      assert.deepEqual(o.nextSteps.map((s) => [s.text, s.done, s.depth]), [['old', true, 0], ['ship it — done', true, 0], ['[-] dropped', true, 0], ['parent', false, 0], ['child task', false, 1]]);
    });

    it('steps from every next role in document order, also from a labelled block in another section', () => {
      const o = of('# Handoff\n\n## Status\n\nTODO:\n\n- a\n\n## Next steps\n\n- b\n\n## Notes\n\n**Follow-ups**\n\n- c\n');
      assert.deepEqual(o.nextSteps.map((s) => [s.text, s.group]), [['a', 'TODO'], ['b', 'Next steps'], ['c', 'Follow-ups']]);
    });

    it('a label over sub-items gives them as steps; placeholders are not steps', () => {
      const o = of('# Handoff\n\n## Next Steps\n\n1. **Performance**:\n   - cache it\n   - batch it\n2. None\n\n## Risks\n\n- None yet.\n');
      assert.deepEqual(o.nextSteps.map((s) => [s.text, s.group]), [['cache it', 'Next Steps › Performance'], ['batch it', 'Next Steps › Performance']]);
      assert.deepEqual(o.risks, []);
    });

    it('a heading that mentions "next" in passing is not a next-steps section', () => {
      const o = of('# Handoff\n\n## Working rules for next agents\n\n- be kind\n\n## 2026-03-22 — follow-up on the ledger\n\n- fixed it\n');
      assert.deepEqual(o.nextSteps, []);
    });
  });

  describe('roadmaps of the corpus: the status each author meant', () => {
    const rm = (file: string) => {
      const row = corpusIndex().find((r) => r.file.startsWith(file))!;
      const { note, outline } = outlineOf(CORPUS, row.file, row.path);
      const status = (text: RegExp) => {
        const item = outline.roadmap!.phases.flatMap((p) => p.items).find((i) => text.test(i.text));
        assert.ok(item, `${file}: no item ${text}`);
        return item.status;
      };
      const phase = (title: RegExp) => outline.roadmap!.phases.find((p) => title.test(p.title))?.status;
      return { note, outline, status, phase };
    };

    it('41: emoji headings pass their status to sub-phases and items', () => {
      const r = rm('41-');
      assert.equal(r.status(/^✅ Layout horizontal/), 'done');
      assert.equal(r.status(/^Atalho de teclado/), 'planned');
      assert.equal(r.phase(/Detalhe da tarefa/), 'done');
    });
    it('42: Now / Next / Later horizons', () => {
      const r = rm('42-');
      assert.equal(r.phase(/^Now/), 'in-progress');
      assert.equal(r.phase(/^Next/), 'planned');
      assert.equal(r.phase(/^Later/), 'planned');
      assert.equal(r.phase(/^Tracking/), null);
    });
    it('43: quest cards with a status field read through the legend table', () => {
      const r = rm('43-');
      assert.deepEqual([...r.note.roadmap!.legend], [['[0.0]', 'planned'], ['[0.5]', 'in-progress'], ['[1.0]', 'done'], ['[X]', 'blocked']]);
      assert.equal(r.status(/^Quest 0\.1/), 'in-progress');
      assert.equal(r.status(/^Quest 0\.3/), 'planned');
      assert.equal(r.status(/^Quest 1\.4/), 'in-progress');
      assert.equal(r.status(/^Quest 3\.3/), 'planned');
      assert.equal(r.outline.roadmap!.phases.find((p) => /^Phase 0/.test(p.title))!.items.length, 3);
    });
    it('44: a Chinese status column and "已完成：" labels', () => {
      const r = rm('44-');
      assert.equal(r.status(/^1\.14\.0 \| P0/), 'done');
      assert.equal(r.status(/^1\.15\.0 \| P0/), 'planned');
      assert.equal(r.status(/^后续版本/), 'planned');
      assert.equal(r.status(/^SmartFav 内手动跨分类移动书签后/), 'done');
      assert.equal(r.status(/^浏览器中手动跨文件夹移动书签后/), 'planned');
      assert.equal(r.status(/^中英文、明暗模式和紧凑弹窗/), null);
    });
    it('45: a phase marked ✅, "Already landed" and "Remaining deliverables" labels', () => {
      const r = rm('45-');
      assert.equal(r.status(/^Live AI turn execution/), 'done');
      assert.equal(r.status(/^Tiled \.tmj loader/), 'done');
      assert.equal(r.status(/^Camera pan/), 'planned');
      assert.equal(r.status(/^Mobile layout/), null);
    });
    it('46: setext headings, the title among them', () => {
      const r = rm('46-');
      assert.equal(r.status(/^watching templates/), 'planned');
      assert.equal(r.status(/^Chapters sorting/), 'done');
      assert.equal(r.status(/^extract JSDoc/), null);
    });
    it('47: (完了) and (Current Focus) in headings', () => {
      const r = rm('47-');
      assert.equal(r.status(/^Streamlit UI/), 'done');
      assert.equal(r.phase(/Cloud Migration/), 'in-progress');
      assert.equal(r.phase(/Samsung Health/), null);
    });
    it('48, 49: no status markers at all', () => {
      for (const f of ['48-', '49-']) assert.ok(rm(f).outline.roadmap!.phases.flatMap((p) => p.items).every((i) => i.status === null));
    });
    it('50: the completion checklist; "Done when:" is not a status', () => {
      const r = rm('50-');
      assert.equal(r.status(/^Shared readiness service exists/), 'done');
      assert.equal(r.status(/^Changelog contains V1 release notes/), 'planned');
      assert.equal(r.status(/^No product surface computes provider readiness/), null);
      assert.equal(r.status(/^Default beginner commands/), null);
    });
    it('51: a Spanish status column with emoji, and "(fase actual)"', () => {
      const r = rm('51-');
      assert.equal(r.status(/^F0 \|/), 'done');
      assert.equal(r.status(/^F5 \|/), 'in-progress');
      assert.equal(r.status(/^F7 \|/), 'planned');
      assert.equal(r.status(/^F9 \|/), 'blocked');
      assert.equal(r.phase(/fase actual/), 'in-progress');
    });
    it('52: a design document without status; "Definition Of Done" is a title, not a status', () => {
      const r = rm('52-');
      assert.equal(r.phase(/Definition Of Done/), null);
      assert.ok(r.outline.roadmap!.phases.flatMap((p) => p.items).every((i) => i.status === null));
    });
    it('53: "(выполнено)" phases; a list of statuses is not a status', () => {
      const r = rm('53-');
      assert.equal(r.status(/^Вход только через Telegram/), 'done');
      assert.equal(r.status(/^3 статуса/), null);
    });
    it('32, 35, 37: memory-bank progress files', () => {
      assert.equal(rm('32-').status(/^✅ Tezos/), 'done');
      assert.equal(rm('32-').status(/^⬜ Cancellation/), 'planned');
      assert.equal(rm('32-').phase(/^What's Left/), 'planned');
      assert.equal(rm('35-').status(/^メモリバンク初期化/), 'done');
      assert.equal(rm('35-').status(/^README\.md 更新/), 'planned');
      assert.equal(rm('37-').status(/^Script optimization/), 'in-progress');
      assert.equal(rm('37-').status(/^Multi-region support/), 'planned');
      assert.equal(rm('37-').status(/^main\.bicep/), 'done');
    });
  });

  describe('the corpus, against the reviewed snapshot', () => {
    it('every note gives the outline in test/engine/outline-corpus.snapshot.txt', function () {
      const actual = corpusIndex()
        .map((row) => describeOutline(row.file, outlineOf(CORPUS, row.file, row.path)))
        .join('\n');
      if (process.env.UPDATE_SNAPSHOT || !existsSync(SNAPSHOT)) {
        writeFileSync(SNAPSHOT, actual);
        this.skip();
      }
      const expected = readFileSync(SNAPSHOT, 'utf8');
      if (actual !== expected) {
        const a = actual.split('\n');
        const e = expected.split('\n');
        const i = a.findIndex((l, k) => l !== e[k]);
        assert.fail(`outline differs from the snapshot at line ${i + 1}:\n  expected: ${e[i]}\n  actual:   ${a[i]}\n(UPDATE_SNAPSHOT=1 rewrites it; review the diff)`);
      }
    });
  });
});

function corpusIndex(): Array<{ file: string; path: string; kind: string }> {
  const [header, ...rows] = readFileSync(resolve(CORPUS, 'INDEX.tsv'), 'utf8').split('\n').filter(Boolean);
  const cols = header.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return { file: cells[cols.indexOf('file')], path: cells[cols.indexOf('path')], kind: cells[cols.indexOf('kind')] };
  });
}

const clip = (s: string) => (s.length > 100 ? s.slice(0, 99) + '…' : s);

function describeOutline(file: string, { note, outline }: { note: Note; outline: NoteOutline }): string {
  const L = (o: number) => String(note.lines.position(o).line + 1).padStart(4);
  const out = [`## ${file} (${outline.kind}${note.hygieneOnly ? ', hygiene only' : ''}, ${outline.dialect})`];
  out.push(`title: ${outline.title?.text ?? '-'}`);
  const snap = Object.entries(outline.snapshot).filter(([, v]) => v).map(([k, v]) => `${k}=${clip(v!.value)}`);
  out.push(`snapshot: ${snap.join(' ') || '-'}`);
  if (outline.nextSteps.length) {
    out.push('next:');
    for (const s of outline.nextSteps) out.push(`${L(s.start)} [${s.done ? 'x' : ' '}] ${s.group} › ${clip(s.text)}`);
  }
  if (outline.risks.length) {
    out.push('risks:');
    for (const r of outline.risks) out.push(`${L(r.start)} ${r.group} › ${clip(r.text)}`);
  }
  if (outline.roadmap) {
    out.push(`roadmap: ${outline.roadmap.done}/${outline.roadmap.total}`);
    for (const p of outline.roadmap.phases) {
      out.push(`${L(p.headingStart)} ${'#'.repeat(Math.max(1, p.depth))} ${clip(p.title) || '(before the first heading)'} [${p.status ?? '-'}] ${p.done}/${p.total}`);
      for (const i of p.items) out.push(`${L(i.start)}   ${(i.status ?? '-').padEnd(11)} ${clip(i.text)}`);
    }
  }
  return out.join('\n') + '\n';
}
