// Pathological input through the whole engine (RELIABILITY rows 1 and 40, §8.5): every rule, not
// only the scanners (test/engine/scan/perf.test.ts times those), ends without a rule throwing.
// Timings are printed, never asserted (these machines are shared and noisy): the per-MB figures
// and their growth are bench/pathological.ts's. Also: cmark's pathological inputs that make
// micromark superlinear or overflow its stack are not parsed (the complexity guard), and their
// secrets are still found.
import { fastParse } from '../../server/src/engine/parse/fast/blocks';
import { strict as assert } from 'node:assert';
import { lint, RULES, parseConfig } from '../../server/src/engine';
import { tooComplex } from '../../server/src/engine/parse/complexity';
import { TODAY, fakeSecrets, timeMs } from './helpers';

const TITLE = '# Session Handoff\n\n';

function lintTimed(text: string, path = 'HANDOFF.md') {
  lint({ text: TITLE + 'warm up', path, today: TODAY });
  return timeMs(() => lint({ text, path, today: TODAY }));
}

/** A note of session sections (bullets, inline code, links, a fence) of at least `bytes`. */
function handoffLike(bytes: number): string {
  const section = (i: number) => `## Session ${i}\n\n- Date: 2026-03-01\n- Checked \`src/app-${i}.ts\` and [the plan](docs/PLAN-${i}.md); *fine*.\n- Run \`npm run build\` then \`npm test\`.\n\n\`\`\`sh\nnpm test -- --grep x${i}\n\`\`\`\n\n`;
  let s = TITLE;
  for (let i = 0; s.length < bytes; i++) s += section(i);
  return s;
}

/** One timing line; returns ms. */
function report(label: string, text: string): { ms: number; result: ReturnType<typeof lint> } {
  const { ms, value } = lintTimed(text);
  console.log(`      ${label.padEnd(44)} ${(text.length / 1e6).toFixed(2).padStart(5)} MB ${ms.toFixed(0).padStart(6)} ms  ${(ms / (text.length / 1e6)).toFixed(0).padStart(6)} ms/MB${value.note.unparsed ? '  (not parsed: ' + value.note.unparsed + ')' : ''}`);
  assert.deepEqual(value.failures.map((f) => `${f.ruleId}: ${String(f.error)}`), [], `${label}: a rule threw`);
  return { ms, result: value };
}

/** Lints a shape at `units` and twice that, printing both timings. */
function growth(label: string, make: (n: number) => string, units: number): void {
  report(`${label} ×${units}`, make(units));
  report(`${label} ×${units * 2}`, make(units * 2));
}

describe('reliability: pathological input through every rule (timings printed)', function () {
  this.timeout(600_000);

  it('row 40: 1 MB of one character, and 2 MB', () => growth('"a" (one line)', (n) => TITLE + 'a'.repeat(n), 1_000_000));
  it('row 40: 200 KB of "a\\n" lines (one paragraph of 100,000 lines)', () => growth('"a\\n"', (n) => TITLE + 'a\n'.repeat(n / 2), 200_000));
  it('row 40: 10,000 unclosed links "[a](b", in one paragraph and one per line', () => {
    growth('"[a](b" in one paragraph', (n) => TITLE + '[a](b'.repeat(n), 10_000);
    growth('"[a](b" one per line', (n) => TITLE + '[a](b\n'.repeat(n), 10_000);
    growth('"- [a](b" one list item each', (n) => TITLE + '- [a](b\n'.repeat(n), 2_500);
  });
  it('row 40: a private-key header with no END, 10⁵ times', () => {
    const header = '-----BEGIN ' + 'PRIVATE KEY-----';
    growth('BEGIN header, no END', (n) => TITLE + header.repeat(n), 50_000);
    growth('BEGIN header + base64 lines, no END', (n) => TITLE + (header + '\n' + 'QUFBQUFBQUFB\n'.repeat(20)).repeat(n), 2_000);
  });
  it('row 40: 100,000 backticks, and backtick runs of every length', () => {
    growth('backticks', (n) => TITLE + '`'.repeat(n), 100_000);
    report('e`…e``…(runs 1..2000)', TITLE + Array.from({ length: 2000 }, (_, i) => 'e' + '`'.repeat(i + 1)).join(''));
  });
  it('row 40: deeply nested lists and block quotes', () => {
    for (const depth of [50, 100, 1000]) report(`block quotes ${depth} deep`, TITLE + '> '.repeat(depth) + 'a\n');
    report('block quotes 50,000 deep', TITLE + '> '.repeat(50_000) + 'a\n');
    for (const depth of [50, 100, 400]) report(`lists ${depth} deep (indented)`, TITLE + Array.from({ length: depth }, (_, i) => ' '.repeat(2 * i) + '* a').join('\n'));
    report('"- " 5,000 times on one line', TITLE + '- '.repeat(5000) + 'a\n');
  });
  it('cmark pathological inputs (the ones micromark handles in quadratic time or not at all)', () => {
    const cases: Array<[string, (n: number) => string, number]> = [
      ['nested strong emphasis', (n) => '*a **a '.repeat(n) + 'b' + ' a** a*'.repeat(n), 2000],
      ['emphasis closers, no openers', (n) => 'a_ '.repeat(n), 20_000],
      ['emphasis openers, no closers', (n) => '_a '.repeat(n), 20_000],
      ['mismatched openers and closers', (n) => '*a_ '.repeat(n), 10_000],
      ['link closers, no openers', (n) => 'a]'.repeat(n), 20_000],
      ['link openers, no closers', (n) => '[a'.repeat(n), 20_000],
      ['pattern "[ (](" repeated', (n) => '[ (]('.repeat(n), 10_000],
      ['nested brackets', (n) => '['.repeat(n) + 'a' + ']'.repeat(n), 20_000],
      ['unclosed "<!--"', (n) => '</' + '<!--'.repeat(n), 10_000],
      ['unclosed links "[a](<b"', (n) => '[a](<b'.repeat(n), 10_000],
      ['U+0000 in the input', (n) => 'abc\u0000de\u0000'.repeat(n), 10_000],
    ];
    for (const [label, make, n] of cases) growth(label, (k) => TITLE + make(k), n);
  });
  it('a realistic note of 250 KB and 500 KB: linted, timings printed (5 MB through the server: server.test.ts row 1)', () => {
    report('handoff-like, 250 KB', handoffLike(250_000));
    report('handoff-like, 500 KB', handoffLike(500_000));
  });

  it('a note over maxLintBytes gets one max-size info and bounded work: 20 MB capped at 100 KB costs about what 100 KB does', () => {
    const { config } = parseConfig(JSON.stringify({ maxLintBytes: 100_000 }), RULES);
    const line = '- Checked `src/app.ts` and moved on — fine.\n';
    const small = TITLE + line.repeat(100_000 / line.length);
    const huge = TITLE + line.repeat(20_000_000 / line.length);
    const a = timeMs(() => lint({ text: small, path: 'HANDOFF.md', today: TODAY, config }));
    const b = timeMs(() => lint({ text: huge, path: 'HANDOFF.md', today: TODAY, config }));
    console.log(`      capped at 100 KB: 100 KB ${a.ms.toFixed(0)} ms, 20 MB ${b.ms.toFixed(0)} ms (the text scans read all 20 MB)`);
    const info = b.value.findings.filter((f) => f.ruleId === 'max-size');
    assert.equal(info.length, 1);
    assert.equal(info[0].severity, 'info');
    assert.match(info[0].message, /^Lint limited to the first 0\.1 MB of 20\.0 MB/);
  });

  it('a note remark could not take but the line scanner does is parsed: no max-size info, its structure checked', () => {
    const text = `${TITLE}${'*a_ '.repeat(5000)}\n`;
    assert.ok(tooComplex(text), 'the guard would refuse it for remark');
    const { value } = timeMs(() => lint({ text, path: 'HANDOFF.md', today: TODAY }));
    assert.equal(value.note.unparsed, undefined);
    assert.ok(!value.findings.some((f) => f.ruleId === 'max-size'));
    assert.ok(value.findings.some((f) => f.ruleId === 'required-sections'), 'structural rules run on it');
  });

  it('150,000 list items, a table of 150,000 rows, 150,000 headings: parsed, and every rule runs (no stack overflow from spreading them into one call)', () => {
    for (const [label, body] of [
      ['150,000 list items', '- a\n'.repeat(150_000)],
      ['150,000 headings', '# h\n'.repeat(150_000)],
      ['a table of 150,000 rows', '| a | b |\n| - | - |\n' + '| x | y |\n'.repeat(150_000)],
    ] as const) {
      const { result } = report(label, TITLE + body);
      assert.equal(result.note.unparsed, undefined, `${label}: parsed`);
      assert.deepEqual(result.failures.map((f) => `${f.ruleId}: ${String(f.error)}`), [], `${label}: a rule threw`);
      assert.ok(!result.findings.some((f) => f.message.startsWith('Internal error')), `${label}: an internal error`);
    }
  });

  it('a note too complex to parse: one max-size info, secrets and personal data still found with exact ranges', () => {
    const s = fakeSecrets();
    for (const [label, body] of [
      ['nested block quotes', '> '.repeat(20_000) + 'x\n'],
      // An image makes the line scanner decline, so remark and its complexity guard decide.
      ['mismatched emphasis after an image', '![logo](logo.png)\n\n' + '*a_ '.repeat(5000)],
      ['unclosed comments', '</' + '<!--'.repeat(5000)],
    ] as const) {
      const text = `${TITLE}Token: ${s.github}\n\nMail ${s.email}\n\n${body}\n`;
      assert.ok(tooComplex(text), `${label}: the guard lets it through`);
      const { ms, value } = timeMs(() => lint({ text, path: 'HANDOFF.md', today: TODAY }));
      console.log(`      ${label}: not parsed, linted in ${ms.toFixed(0)} ms`);
      assert.deepEqual(value.failures, []);
      assert.match(value.findings.find((f) => f.ruleId === 'max-size')?.message ?? '', /^Structure not checked/);
      const secret = value.findings.find((f) => f.ruleId === 'no-secrets');
      assert.ok(secret && text.slice(secret.start, secret.end) === s.github, `${label}: the secret is not reported`);
      assert.ok(value.findings.some((f) => f.ruleId === 'no-personal-data'), `${label}: the address is not reported`);
      assert.ok(!value.findings.some((f) => f.ruleId === 'required-sections'), `${label}: structural rules ran on an unparsed note`);
    }
  });

  it('dense blocks: task items, a two-column table, fence lines, headings are refused to remark (parsed by the line scanner when it takes them); secrets still found; a realistic 2 MB note is parsed', () => {
    const s = fakeSecrets();
    const shapes: Array<[string, string]> = [
      ['160 KB of "- [ ] x" lines', '- [ ] x\n'.repeat(20_000)],
      ['400 KB of "- [ ] x" lines', '- [ ] x\n'.repeat(50_000)],
      ['600 KB two-column table', '| a | b |\n| - | - |\n' + '| x | y |\n'.repeat(60_000)],
      ['1.6 MB of fence lines', '```\n'.repeat(400_000)],
      ['100,000 headings', '# h\n'.repeat(100_000)],
    ];
    for (const [label, body] of shapes) {
      const text = `${TITLE}Token: ${s.github}\n\n${body}`;
      assert.match(tooComplex(text) ?? '', /^more than \d+ blocks/, `${label}: the guard lets it through`);
      const { result: value } = report(label, text);
      // The guard is remark's: what the line scanner takes is parsed in linear time instead.
      if (fastParse(text)) assert.equal(value.note.unparsed, undefined, `${label}: the line scanner takes it`);
      else assert.match(value.findings.find((f) => f.ruleId === 'max-size')?.message ?? '', /^Structure not checked: more than \d+ blocks/);
      const secret = value.findings.find((f) => f.ruleId === 'no-secrets');
      assert.ok(secret && text.slice(secret.start, secret.end) === s.github, `${label}: the secret is not reported`);
    }
    assert.equal(tooComplex(handoffLike(2_000_000)), null);
  });

  it('the guard lets every note of the repository through (no real note is "too complex")', () => {
    // Lazily imported: the helpers read the files.
    const { allNotes } = require('./helpers') as typeof import('./helpers');
    const refused = allNotes().filter((n) => tooComplex(n.text)).map((n) => `${n.name}: ${tooComplex(n.text)}`);
    assert.deepEqual(refused, []);
  });
});
