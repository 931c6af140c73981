// Roles by meaning across languages and layouts. The first part holds the four kinds of notes
// whose next steps were missed, each a real note kept byte for byte in test/fixtures/roles
// (source and licence in its INDEX.tsv): a Japanese section "what to carry out in this session",
// a Vietnamese "work not done in this session", plain-line labels, and a plan table with a status
// column. The second part is the vocabulary, language by language.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Table } from 'mdast';
import { defaultConfig, lint, outlineNote } from '../../server/src/engine';
import { openPlanRows } from '../../server/src/engine/model/open-work';
import { roleOf } from '../../server/src/engine/model/roles';

const FIXTURES = resolve(__dirname, '../fixtures/roles');
const TODAY = '2026-12-06';

function fixture(file: string): string {
  return readFileSync(resolve(FIXTURES, file), 'utf8');
}

/** Lints a note as a handoff, as a user who points Handoff at the file does. */
function lintHandoff(text: string, path = 'docs/NOTE.md') {
  const config = defaultConfig();
  config.handoffGlobs.push(path);
  return lint({ text, path, config, today: TODAY });
}

const missingNext = (text: string) => lintHandoff(text).findings.filter((f) => f.ruleId === 'required-sections').map((f) => f.message);

describe('roles generalise: real notes whose next steps were missed', () => {
  it('keeps each note byte for byte, as its INDEX.tsv says', () => {
    const [header, ...rows] = fixture('INDEX.tsv').split('\n').filter(Boolean);
    const cols = header.split('\t');
    assert.equal(rows.length, 4);
    for (const row of rows) {
      const cells = row.split('\t');
      const file = cells[cols.indexOf('file')];
      assert.equal(Buffer.byteLength(fixture(file)), Number(cells[cols.indexOf('bytes')]), file);
    }
  });

  it('Japanese: "今回のセッションで実施すること" (what to carry out in this session) is next steps', () => {
    const text = fixture('claq-resolver-plan.md');
    const { note } = lintHandoff(text);
    const section = note.allSections.find((s) => s.heading.text === '今回のセッションで実施すること');
    assert.equal(section?.role, 'next');
    // Without the next session's section the note still says what comes next.
    const cut = text.slice(0, text.indexOf('## 次回セッションで実施すること'));
    assert.deepEqual(missingNext(cut), []);
    const steps = outlineNote(lintHandoff(cut).note).nextSteps.map((s) => s.text);
    assert.ok(steps.some((s) => s.includes('test -O')), steps.join('\n'));
  });

  it('Japanese: what was carried out ("実施した内容") is a change, not a next step', () => {
    assert.equal(roleOf('今回のセッションで実施した内容'), 'changes');
  });

  it('Vietnamese: "Việc chưa làm được trong phiên này" (work not done in this session) is next steps', () => {
    const text = fixture('goan-tracker-update.md');
    const { note } = lintHandoff(text);
    assert.equal(note.allSections.find((s) => s.heading.text.startsWith('Việc chưa làm'))?.role, 'next');
    assert.deepEqual(missingNext(text), []);
    const steps = outlineNote(note).nextSteps.filter((s) => s.group.startsWith('Việc chưa làm')).map((s) => s.text);
    assert.equal(steps.length, 4);
    assert.match(steps[0], /services\/_deprecated-api-v0/);
  });

  it('Vietnamese: work not done yet and new work assigned at the end of the session are next steps', () => {
    assert.equal(roleOf('Công việc chưa làm'), 'next');
    assert.equal(roleOf('Việc mới được giao cuối phiên'), 'next');
  });

  it('plain-line labels: "Next steps" on a line of its own over a list', () => {
    const text = fixture('guardrail3-worklog.md');
    assert.deepEqual(missingNext(text), []);
    const outline = outlineNote(lintHandoff(text).note);
    assert.deepEqual(
      outline.nextSteps.map((s) => s.text.slice(0, 30)),
      ['Land the RS-TEST-SOURCE-17 own', 'Land the two active parser/hoo'],
    );
    // The same note with its next steps gone is reported.
    assert.deepEqual(missingNext(text.slice(0, text.indexOf('Next steps'))), ['Missing next steps: add a section that says what to do next']);
  });

  it('plan tables: the rows of "The plan" whose Status is not done are next steps', () => {
    const text = fixture('eos-session-management.md');
    const { note } = lintHandoff(text);
    const plan = note.allSections.find((s) => s.heading.text === 'The plan');
    const table = plan?.ownNodes.find((n): n is Table => n.type === 'table');
    assert.ok(table);
    assert.equal(openPlanRows(table), 1, 'phase G is PLANNED; A-F are SHIPPED');
    assert.deepEqual(missingNext(text), []);
    const open = outlineNote(note).nextSteps.filter((s) => !s.done).map((s) => s.text.slice(0, 1));
    assert.deepEqual(open, ['G']);
    // Under a heading that says nothing, the table alone still carries the next steps.
    assert.deepEqual(missingNext(text.replace('## The plan', '## Phases')), []);
  });

  it('a plan table with every row done leaves no next steps', () => {
    const text = fixture('eos-session-management.md').replace('## The plan', '## Phases').replace('| PLANNED (designed) |', '| **SHIPPED** |');
    assert.deepEqual(missingNext(text), ['Missing next steps: add a section that says what to do next']);
  });

  it('open task items under any heading are next steps', () => {
    assert.deepEqual(missingNext('# Notes\n\n## Status\n\nGreen.\n\n## Misc\n\n- [x] Ship\n- [ ] Tag the release\n'), []);
    assert.equal(missingNext('# Notes\n\n## Status\n\nGreen.\n\n## Misc\n\n- [x] Ship\n- [x] Tag the release\n').length, 1);
  });

  it('a bold label that opens a paragraph: "**Próximos pasos:** …"', () => {
    assert.deepEqual(missingNext('# Notas\n\n## Estado\n\nTodo verde.\n\n**Próximos pasos:** publicar la versión 2.\n'), []);
  });

  it('a code fence left open hides the rest of the note: no verdict on its next steps', () => {
    // The shape of a real Indonesian progress note: "```text" opens a block that no line closes.
    const open = '# Progres\n\n## Tahap yang Sudah Selesai\n\n```text\nlangkah 1\n```text\n\nTahap berikutnya:\n\n- Pengujian\n';
    assert.deepEqual(missingNext(open), []);
    assert.equal(missingNext('# Progres\n\n## Tahap yang Sudah Selesai\n\n```text\nlangkah 1\n```\n').length, 1);
  });

  it('a plain line that names no role is not a label', () => {
    assert.equal(missingNext('# Notes\n\n## Status\n\nGreen.\n\nThe files\n- a.ts\n- b.ts\n').length, 1);
  });
});

describe('roles generalise: the vocabulary', () => {
  const cases: Array<[string, string | null]> = [
    // next steps
    ['Próximos pasos', 'next'], ['Próximos passos', 'next'], ['Prossimi passi', 'next'], ['Prochaines étapes', 'next'],
    ['Nächste Schritte', 'next'], ['Folgeaufgaben', 'next'], ['Was als Erstes zu tun ist', 'next'], ['Volgende stappen', 'next'],
    ['Następne kroki', 'next'], ['Следующие шаги', 'next'], ['Наступні кроки', 'next'], ['Sonraki adımlar', 'next'],
    ['Yapılacaklar', 'next'], ['Langkah selanjutnya', 'next'], ['Bước tiếp theo', 'next'], ['Nästa steg', 'next'],
    ['ขั้นตอนถัดไป', 'next'], ['下一步计划', 'next'], ['还剩的事（按价值排序）', 'next'], ['次にやること', 'next'], ['다음 단계', 'next'],
    // risks
    ['Riesgos', 'risks'], ['Riscos', 'risks'], ['Rischi', 'risks'], ['Risques', 'risks'], ['Restrisiken', 'risks'],
    ['Ryzyka', 'risks'], ['Риски', 'risks'], ['Ризики', 'risks'], ['Rủi ro', 'risks'], ['已知问题', 'risks'], ['注意事項', 'risks'], ['알려진 문제', 'risks'],
    // changes
    ['O que foi feito', 'changes'], ['Cambios realizados', 'changes'], ['Änderungen', 'changes'], ['Что сделано', 'changes'],
    ['Việc đã làm', 'changes'], ['変更点', 'changes'], ['变更记录', 'changes'], ['완료된 작업', 'changes'],
    // decisions, verification, status
    ['Décisions', 'decisions'], ['Entscheidungen', 'decisions'], ['Decisões', 'decisions'], ['Quyết định', 'decisions'], ['決定事項', 'decisions'], ['决策', 'decisions'],
    ['Vérification', 'verify'], ['Kiểm thử', 'verify'], ['検証方法', 'verify'], ['验证方式', 'verify'], ['테스트 방법', 'verify'],
    ['Estado actual', 'status'], ['Stato attuale', 'status'], ['Aktueller Stand', 'status'], ['Zusammenfassung', 'status'], ['Trạng thái hiện tại', 'status'], ['現状', 'status'],
    // numbering and emoji stripped
    ['3. ✅ Próximos pasos', 'next'], ['一、下一步', 'next'], ['（二）风险', 'risks'], ['１．次のステップ', 'next'],
    // not roles
    ['Installation', null], ['Glossar', null], ['Architektur', null], ['Nhánh', null], ['How to resume', null],
  ];
  for (const [label, role] of cases) {
    it(`"${label}" → ${role}`, () => assert.equal(roleOf(label), role));
  }

  it('single letters are numbering only with punctuation: "a fazer" keeps its article', () => {
    assert.equal(roleOf('A fazer'), 'next');
    assert.equal(roleOf('B. Riscos'), 'risks');
  });
});
