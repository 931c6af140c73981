// The two real notes the product is modelled on (../shared/examples, copied byte for byte into
// test/fixtures/examples so that CI without ../shared runs the same test).
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lint, RULES, type Finding } from '../../server/src/engine';

const TODAY = '2026-11-22';
const COPIES = resolve(__dirname, '../fixtures/examples');
const SHARED = resolve(__dirname, '../../../shared/examples');
const STRUCTURAL = new Set(RULES.filter((r) => r.meta.tags.includes('structure') || r.meta.tags.includes('snapshot')).map((r) => r.meta.id));

function lintExample(dir: string, name: string): { findings: Finding[]; line: (f: Finding) => number; dialect: string } {
  const text = readFileSync(resolve(dir, name), 'utf8');
  const result = lint({ text, path: name, today: TODAY });
  return { findings: result.findings, line: (f) => result.note.lines.position(f.start).line + 1, dialect: result.note.dialect.id };
}

function describeExamples(dir: string) {
  it('session-handoff.md: detected as the session-handoff dialect, no structure or snapshot findings', () => {
    const { findings, dialect } = lintExample(dir, 'session-handoff.md');
    assert.equal(dialect, 'session-handoff');
    assert.deepEqual(findings.filter((f) => STRUCTURAL.has(f.ruleId)).map((f) => `${f.ruleId}: ${f.message}`), []);
  });

  it('next-chat-handoff.md: the mojibake on line 53 and nothing structural', () => {
    // ../shared/README.md says "line 60"; the damaged em dash (`Kroma_â€”_Project_Spec`) is on line 53.
    const { findings, line, dialect } = lintExample(dir, 'next-chat-handoff.md');
    assert.equal(dialect, 'next-chat-handoff');
    assert.deepEqual(findings.filter((f) => STRUCTURAL.has(f.ruleId)).map((f) => `${f.ruleId}: ${f.message}`), []);
    const mojibake = findings.filter((f) => f.ruleId === 'mojibake');
    assert.deepEqual(mojibake.map((f) => [line(f), f.message]), [[53, 'Unexpected "â€”", expected "—" (text decoded with the wrong encoding)']]);
    assert.equal(mojibake[0].fix?.edits[0].text, '—');
  });

  it('neither example has any other finding', () => {
    const all = ['session-handoff.md', 'next-chat-handoff.md'].flatMap((name) => lintExample(dir, name).findings.map((f) => `${name}: ${f.ruleId}`));
    assert.deepEqual(all, ['next-chat-handoff.md: mojibake']);
  });
}

describe('examples', () => {
  describe('test/fixtures/examples (the committed copies)', () => describeExamples(COPIES));

  describe('../shared/examples (the originals)', () => {
    before(function () {
      if (!existsSync(SHARED)) {
        console.log(`    skipped: ${SHARED} is absent (CI without ../shared); the committed copies are tested above`);
        this.skip();
      }
    });
    it('the committed copies are byte for byte the originals', () => {
      for (const name of ['session-handoff.md', 'next-chat-handoff.md']) {
        assert.ok(readFileSync(resolve(COPIES, name)).equals(readFileSync(resolve(SHARED, name))), `${name} differs from ../shared/examples`);
      }
    });
    describeExamples(SHARED);
  });
});
