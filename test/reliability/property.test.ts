// Properties of the whole engine over generated notes (fast-check, fixed seed; `npm run fuzz`
// runs the same properties with a larger budget). RELIABILITY rows 8, 9, 12 and §8.2:
//   - no rule throws (result.failures is empty);
//   - every finding and every fix edit lies inside the document and never splits a surrogate
//     pair (nor a CRLF, for edits);
//   - findings are the same for the LF, CRLF, CR and mixed line-ending versions of a note: same
//     rule ids, same line/character ranges;
//   - applying fixes converges within the CLI's ten passes, and one pass changes nothing outside
//     the edited ranges;
//   - a token inserted after any hostile prefix is reported with LSP positions that select it;
//   - over every corpus and example note with generated git facts, Update Handoff touches only
//     the field values it owns and insertion points, keeps line endings, and is idempotent.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LineIndex, applyEdits, applyFixes, fixEdits, lint, noteOf, parseConfig, RULES, type Finding, type LintInput } from '../../server/src/engine';
import { planUpdate } from '../../server/src/engine/update/update';
import { EOLS, gitFactsArb, joinLines, line, mixedEols, noteLines, notePath, secretPiece, type Eol } from './arbitraries';
import { TODAY, assertOnlyEditedRangesChanged, budget, corpusNotes, exampleNotes, splitsCrlf, splitsSurrogate, withEol, workspaceOf } from './helpers';

const WORKSPACE = workspaceOf(['src/app.ts', 'src/b.ts', 'docs/PLAN.md', 'README.md', 'package.json', 'lib/app.ts']);
const MAX_FIX_PASSES = 10;

type Input = Omit<LintInput, 'rules' | 'text'>;

function lintText(text: string, input: Input) {
  return lint({ ...input, text });
}

function assertSane(text: string, findings: Finding[], label: string): void {
  for (const f of findings) {
    const where = `${label}: ${f.ruleId} [${f.start}, ${f.end})`;
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${where} outside a text of ${text.length}`);
    assert.ok(!splitsSurrogate(text, f.start) && !splitsSurrogate(text, f.end), `${where} splits a surrogate pair`);
    for (const e of f.fix?.edits ?? []) {
      assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${where}: fix edit [${e.start}, ${e.end}) outside the text`);
      assert.ok(!splitsSurrogate(text, e.start) && !splitsSurrogate(text, e.end), `${where}: fix edit splits a surrogate pair`);
      assert.ok(!splitsCrlf(text, e.start) && !splitsCrlf(text, e.end), `${where}: fix edit splits a CRLF`);
    }
  }
}

/** Findings as rule id and LSP range: what an editor shows, independent of the line ending. */
function shown(text: string, findings: Finding[]): string[] {
  const lines = new LineIndex(text);
  return findings.map((f) => {
    const a = lines.position(f.start);
    const b = lines.position(f.end);
    return `${f.ruleId} ${a.line}:${a.character}-${b.line}:${b.character}`;
  }).sort();
}

const inputArb = fc.record({ path: notePath, git: fc.option(gitFactsArb, { nil: null }), workspace: fc.constantFrom(WORKSPACE, null) });

describe('reliability: engine properties (fast-check)', function () {
  this.timeout(600_000);

  it('no rule throws; findings and fix edits stay inside the text and whole code points', () => {
    fc.assert(
      fc.property(noteLines, fc.constantFrom<Eol>(...EOLS), fc.boolean(), inputArb, (lines, eol, finalEol, input) => {
        const text = joinLines(lines, eol, finalEol);
        const result = lintText(text, { ...input, today: TODAY });
        assert.deepEqual(result.failures.map((f) => `${f.ruleId}: ${String(f.error)}`), []);
        assertSane(text, result.findings, 'lint');
      }),
      budget(300),
    );
  });

  it('the same findings, at the same lines and characters, for LF, CRLF, CR and mixed line endings', () => {
    fc.assert(
      fc.property(
        noteLines.chain((lines) => fc.tuple(fc.constant(lines), mixedEols(Math.max(1, lines.length)))),
        fc.boolean(),
        inputArb,
        ([lines, mixed], finalEol, input) => {
          const base = { ...input, today: TODAY };
          const lf = joinLines(lines, '\n', finalEol);
          const expected = shown(lf, lintText(lf, base).findings);
          for (const [name, text] of [['CRLF', joinLines(lines, '\r\n', finalEol)], ['CR', joinLines(lines, '\r', finalEol)], ['mixed', joinLines(lines, mixed, finalEol)]] as const) {
            const result = lintText(text, base);
            assert.deepEqual(result.failures, []);
            assert.deepEqual(shown(text, result.findings), expected, `${name} differs from LF`);
          }
        },
      ),
      budget(200),
    );
  });

  it('fixes converge within ten passes, and each pass changes only the edited ranges', () => {
    fc.assert(
      fc.property(noteLines, fc.constantFrom<Eol>(...EOLS), inputArb, (lines, eol, input) => {
        const base = { ...input, today: TODAY };
        let text = joinLines(lines, eol, true);
        let findings = lintText(text, base).findings;
        for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
          const edits = fixEdits(findings);
          const next = applyFixes(text, findings);
          assertOnlyEditedRangesChanged(text, edits, next, `pass ${pass + 1}`);
          if (next === text) return;
          text = next;
          const result = lintText(text, base);
          assert.deepEqual(result.failures, [], `a rule threw after pass ${pass + 1}`);
          assertSane(text, result.findings, `after pass ${pass + 1}`);
          findings = result.findings;
        }
        assert.equal(applyFixes(text, findings), text, `fixes still change the note after ${MAX_FIX_PASSES} passes`);
      }),
      budget(200),
    );
  });

  it('a secret after any hostile prefix is reported with a range that selects exactly the token (row 9)', () => {
    const prefix = fc.array(fc.constantFrom('😀', '🚀', '👩\u200d💻', 'e\u0301', '\u0301', '\u202e', '\u2069', '\u200b', '𝔘', '한', '\uFFFD', 'x', ' ', '—', 'Ã©'), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(prefix, fc.nat(), fc.constantFrom<Eol>(...EOLS), (before, seed, eol) => {
        const token = 'gh' + 'p_' + secretFrom(seed);
        const text = ['# Session Handoff', '', `${before} token ${token} end`, ''].join(eol);
        const { findings } = lint({ text, path: 'HANDOFF.md', today: TODAY });
        const hit = findings.find((f) => f.ruleId === 'no-secrets');
        assert.ok(hit, 'the token is not reported');
        const lines = new LineIndex(text);
        const a = lines.position(hit.start);
        const b = lines.position(hit.end);
        assert.equal(a.line, 2);
        // What an LSP client selects with these positions (UTF-16 code units on line 2).
        const row = text.split(/\r\n|\r|\n/)[2];
        assert.equal(row.slice(a.character, b.character), token);
        assert.ok(!hit.message.includes(token.slice(8, 20)), 'the message shows the token');
      }),
      budget(100),
    );
  });

  it('a cap (maxLintBytes) never cuts a line, a CRLF or a surrogate pair, whatever the line ending', () => {
    fc.assert(
      fc.property(noteLines, fc.constantFrom<Eol>(...EOLS), fc.integer({ min: 1, max: 400 }), (lines, eol, max) => {
        const text = joinLines(lines, eol, true);
        const { config } = parseConfig(JSON.stringify({ maxLintBytes: max }), RULES);
        const note = noteOf({ text, path: 'HANDOFF.md', config });
        const cut = note.text.length;
        assert.ok(text.startsWith(note.text));
        if (cut < text.length) {
          assert.ok(cut <= max + 2 || !/[\r\n]/.test(text.slice(0, max)), `cut at ${cut} beyond the cap ${max}`);
          assert.ok(!splitsSurrogate(text, cut), 'the cap splits a surrogate pair');
          assert.ok(!splitsCrlf(text, cut), 'the cap splits a CRLF');
          if (/[\r\n]/.test(text.slice(0, max))) assert.match(text.slice(cut - 1, cut), /[\r\n]/, 'the cap cuts a line that has a line break before the cap');
        }
        const result = lint({ text, path: 'HANDOFF.md', config, today: TODAY });
        assert.deepEqual(result.failures, []);
        assertSane(text, result.findings, 'capped lint');
        assert.equal(result.findings.filter((f) => f.ruleId === 'max-size').length, cut < text.length ? 1 : 0);
      }),
      budget(200),
    );
  });
});

function secretFrom(seed: number): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = seed >>> 0 || 7;
  let out = '';
  for (let i = 0; i < 36; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out += chars[(s >>> 0) % chars.length];
  }
  return out;
}

/**
 * What Update may replace: a field's value, the code span it is the content of (its fence may
 * grow), and in a padded table the value with the cell's padding after it (the width is kept).
 */
function ownedRanges(note: ReturnType<typeof noteOf>): Set<string> {
  const out = new Set<string>();
  for (const f of note.fields) {
    const start = f.code?.start ?? f.valueStart;
    const end = f.code?.end ?? f.valueEnd;
    out.add(`${f.valueStart}:${f.valueEnd}`).add(`${start}:${end}`);
    if (f.cell) out.add(`${start}:${f.cell.end}`);
  }
  return out;
}

describe('reliability: Update Handoff properties over the corpus and the examples (fast-check)', function () {
  this.timeout(600_000);
  const notes = [...exampleNotes(), ...corpusNotes()];

  it('touches only the field values it owns and insertion points, keeps the line ending, and is idempotent', () => {
    fc.assert(
      fc.property(fc.nat(notes.length - 1), fc.constantFrom<Eol | 'as-is'>('as-is', ...EOLS), gitFactsArb, (i, eol, git) => {
        const file = notes[i];
        const text = eol === 'as-is' ? file.text : withEol(file.text, eol);
        const note = noteOf({ text, path: file.path });
        const options = { today: TODAY, now: new Date(`${TODAY}T10:30:00`) };
        const plan = planUpdate(note, git, options);
        if (plan.refused) {
          assert.deepEqual(plan.edits, [], `${file.name}: a refusal carries edits`);
          return;
        }
        const owned = ownedRanges(note);
        for (const e of plan.edits) {
          assert.ok(e.start === e.end || owned.has(`${e.start}:${e.end}`), `${file.name}: an edit replaces [${e.start}, ${e.end}) which is no field value`);
          assert.ok(!splitsCrlf(text, e.start) && !splitsSurrogate(text, e.start), `${file.name}: an edit splits a CRLF or a surrogate pair`);
        }
        const after = applyEdits(text, plan.edits);
        assertOnlyEditedRangesChanged(text, plan.edits, after, file.name);
        if (eol !== 'as-is') assert.equal(withEol(after, eol), after, `${file.name}: the update mixed line endings into a ${JSON.stringify(eol)} note`);
        const again = planUpdate(noteOf({ text: after, path: file.path }), git, options);
        assert.equal(again.refused, null, `${file.name}: the second run refuses: ${again.refused}`);
        assert.equal(applyEdits(after, again.edits), after, `${file.name}: a second run changes the note again: ${again.summary.join('; ')}`);
        // Only the lines the update wrote may hold a path it listed: the rest of the note parses as before.
        const beforeSections = note.sections.map((s) => s.heading.text);
        const afterNote = noteOf({ text: after, path: file.path });
        for (const h of beforeSections) assert.ok(afterNote.allSections.some((s) => s.heading.text === h), `${file.name}: section "${h}" lost`);
        assert.ok(afterNote.allSections.filter((s) => s.role === 'snapshot').length <= Math.max(1, note.allSections.filter((s) => s.role === 'snapshot').length), `${file.name}: the update created a second snapshot`);
      }),
      budget(300),
    );
  });

  it('keeps a generated note byte for byte outside what it owns (random notes, random facts)', () => {
    fc.assert(
      fc.property(noteLines, fc.constantFrom<Eol>(...EOLS), gitFactsArb, fc.constantFrom('HANDOFF.md', 'NEXT_CHAT_HANDOFF.md'), (lines, eol, git, path) => {
        const text = joinLines(['# Session Handoff', '', ...lines], eol, true);
        const note = noteOf({ text, path });
        const options = { today: TODAY, now: new Date(`${TODAY}T10:30:00`) };
        const plan = planUpdate(note, git, options);
        if (plan.refused) return assert.deepEqual(plan.edits, []);
        const owned = ownedRanges(note);
        for (const e of plan.edits) assert.ok(e.start === e.end || owned.has(`${e.start}:${e.end}`), `an edit replaces [${e.start}, ${e.end})`);
        const after = applyEdits(text, plan.edits);
        assertOnlyEditedRangesChanged(text, plan.edits, after, 'update');
        const again = planUpdate(noteOf({ text: after, path }), git, options);
        assert.equal(applyEdits(after, again.edits), after, `a second run changes the note again: ${again.summary.join('; ')}`);
      }),
      budget(300),
    );
  });
});

void line;
void secretPiece;
