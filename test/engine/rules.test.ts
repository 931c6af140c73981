// Every rule against its documented examples and its fixtures.
//
// Documented examples (rule.meta.examples): every `notOk` example gives at least one finding of
// its rule, every `ok` example none.
//
// Fixtures: test/engine/fixtures/<rule-id>/<name>.md, each with a sidecar <name>.expect.json:
//
//   { "path": "docs/HANDOFF.md",        optional: the path the note pretends to have (decides its
//                                        kind by glob); default: the fixture's file name
//     "config": { ... },                optional: a .handoff.json for this note
//     "expect": ["rule-id:line", ...] } the EXACT multiset of hits of ALL rules, 1-based lines
//
// A bare array is short for { "expect": [...] }. Sidecars keep the notes exactly as a user would
// write them (inline markers would change what the rules see). Fixtures that hold secrets or
// e-mail addresses are generated at test time (fixtures/generated.ts) so that no token-shaped
// literal is committed. `PRINT_HITS=1` prints the actual hits of every fixture, for writing one.
//
// After linting, every fixture and example has all its fixes applied: the edits do not overlap,
// bytes outside the edited ranges are unchanged, and re-linting until nothing changes (at most
// 10 passes, as `handoff lint --fix` does) leaves no fixable finding of the rules that fixed.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LineIndex, RULES, applyFixes, fixEdits, lint, parseConfig, type Finding, type HandoffConfig, type TextEdit } from '../../server/src/engine';
import type { ExampleFacts } from '../../server/src/engine/lint/rule';
import { exampleGit, exampleNotes, exampleWorkspace } from '../../server/src/engine/examples/example-facts';
import { generatedFixtures } from './fixtures/generated';

const TODAY = '2026-11-22';
const FIXTURES = resolve(__dirname, 'fixtures');
const MAX_FIX_PASSES = 10;

interface Case {
  rule: string;
  name: string;
  text: string;
  path: string;
  config?: HandoffConfig;
  /** Git and workspace facts the note is linted with (rule examples describe them compactly). */
  facts?: ExampleFacts;
  expect: string[];
  secrets: string[];
}

function loadFixtures(): Case[] {
  const out: Case[] = [];
  for (const rule of readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const file of readdirSync(join(FIXTURES, rule)).filter((f) => f.endsWith('.md')).sort()) {
      const sidecar = join(FIXTURES, rule, file.replace(/\.md$/, '.expect.json'));
      if (!existsSync(sidecar)) throw new Error(`${rule}/${file} has no ${file.replace(/\.md$/, '.expect.json')}`);
      const raw = JSON.parse(readFileSync(sidecar, 'utf8')) as string[] | { path?: string; config?: unknown; expect: string[] };
      const spec = Array.isArray(raw) ? { expect: raw } : raw;
      const config = 'config' in spec && spec.config ? configOf(spec.config, `${rule}/${file}`) : undefined;
      out.push({
        rule,
        name: file,
        text: readFileSync(join(FIXTURES, rule, file), 'utf8'),
        path: ('path' in spec && spec.path) || file,
        config,
        expect: spec.expect,
        secrets: [],
      });
    }
  }
  return out;
}

function configOf(raw: unknown, label: string): HandoffConfig {
  const parsed = parseConfig(JSON.stringify(raw), RULES);
  assert.deepEqual(parsed.problems, [], `${label}: invalid config`);
  return parsed.config;
}

type Lintable = Pick<Case, 'text' | 'path' | 'config' | 'facts'>;

function run(c: Lintable) {
  return lint({ text: c.text, path: c.path, config: c.config, today: TODAY, git: exampleGit(c.facts), workspace: exampleWorkspace(c.facts), ...exampleNotes(c.facts) });
}

function hits(c: Lintable): string[] {
  // Lines of the whole text: a note over maxLintBytes holds only the linted prefix.
  const lines = new LineIndex(c.text);
  return run(c).findings.map((f) => `${f.ruleId}:${lines.position(f.start).line + 1}`).sort(byHit);
}

function byHit(a: string, b: string): number {
  const [ra, la] = a.split(':');
  const [rb, lb] = b.split(':');
  return Number(la) - Number(lb) || ra.localeCompare(rb);
}

/** Bytes outside the edits are unchanged: checked by walking the gaps, not by re-applying. */
function assertOnlyEditedRangesChanged(before: string, edits: TextEdit[], after: string, label: string): void {
  const ascending = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let delta = 0;
  let previousEnd = 0;
  for (const e of ascending) {
    assert.ok(e.start >= previousEnd, `${label}: overlapping edits at ${e.start}`);
    assert.ok(e.end >= e.start && e.end <= before.length, `${label}: edit out of range`);
    assert.equal(after.slice(previousEnd + delta, e.start + delta), before.slice(previousEnd, e.start), `${label}: text before offset ${e.start} changed`);
    assert.equal(after.slice(e.start + delta, e.start + delta + e.text.length), e.text, `${label}: edit text not in place`);
    delta += e.text.length - (e.end - e.start);
    previousEnd = e.end;
  }
  assert.equal(after.slice(previousEnd + delta), before.slice(previousEnd), `${label}: text after the last edit changed`);
  assert.equal(after.length, before.length + delta, `${label}: length`);
}

/** Applies every fix (one pass checked byte for byte), then re-lints to a fixed point. */
function assertFixesFix(c: Lintable, label: string): void {
  const first = run(c).findings;
  const fixed = new Set(first.filter((f) => f.fix).map((f) => f.ruleId));
  if (!fixed.size) return;
  const edits = fixEdits(first);
  let text = applyFixes(c.text, first);
  assertOnlyEditedRangesChanged(c.text, edits, text, label);
  let findings: Finding[] = run({ ...c, text }).findings;
  for (let pass = 1; pass < MAX_FIX_PASSES && findings.some((f) => f.fix); pass++) {
    const next = applyFixes(text, findings);
    if (next === text) break;
    text = next;
    findings = run({ ...c, text }).findings;
  }
  const left = findings.filter((f) => f.fix && fixed.has(f.ruleId)).map((f) => `${f.ruleId}: ${f.message}`);
  assert.deepEqual(left, [], `${label}: fixable findings remain after --fix`);
}

const fixtures = loadFixtures();
const generated: Case[] = generatedFixtures().map((g) => ({ ...g, config: g.config === undefined ? undefined : configOf(g.config, `${g.rule}/${g.name}`) }));
const allCases = [...fixtures, ...generated];

if (process.env.PRINT_HITS) {
  for (const c of allCases) console.log(`${c.rule}/${c.name}: ${JSON.stringify(hits(c))}`);
}

describe('rules', () => {
  it('every fixture folder is named after a rule', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    for (const c of allCases) assert.ok(ids.has(c.rule), `fixtures/${c.rule} names no rule`);
  });

  for (const rule of RULES) {
    const id = rule.meta.id;
    describe(id, () => {
      rule.meta.examples.notOk.forEach((e, i) => {
        it(`documented example notOk[${i}] is reported${e.caption ? ` (${e.caption})` : ''}`, () => {
          const c = { text: e.text, path: e.path ?? 'HANDOFF.md', facts: e.facts };
          const found = hits(c).filter((h) => h.startsWith(id + ':'));
          assert.ok(found.length > 0, `no ${id} finding in:\n${e.text}`);
          assertFixesFix(c, `${id} notOk[${i}]`);
        });
      });
      rule.meta.examples.ok.forEach((e, i) => {
        it(`documented example ok[${i}] is not reported${e.caption ? ` (${e.caption})` : ''}`, () => {
          const c = { text: e.text, path: e.path ?? 'HANDOFF.md', facts: e.facts };
          assert.deepEqual(hits(c).filter((h) => h.startsWith(id + ':')), []);
          assertFixesFix(c, `${id} ok[${i}]`);
        });
      });

      for (const c of allCases.filter((x) => x.rule === id)) {
        it(`fixture ${c.name}: exactly ${c.expect.length ? c.expect.join(', ') : 'no hits'}`, () => {
          assert.deepEqual(hits(c), [...c.expect].sort(byHit));
          const messages = run(c).findings.map((f) => f.message).join('\n');
          for (const s of c.secrets) assert.ok(!messages.includes(s), 'a secret value reached a message');
          assertFixesFix(c, `${id}/${c.name}`);
        });
      }

      it(`meta.fixable (${rule.meta.fixable}) agrees with its examples and fixtures`, () => {
        const cases = [...rule.meta.examples.notOk.map((e) => ({ text: e.text, path: e.path ?? 'HANDOFF.md', facts: e.facts })), ...allCases.filter((x) => x.rule === id)];
        const fixes = cases.flatMap((c) => run(c).findings.filter((f) => f.ruleId === id && f.fix));
        if (rule.meta.fixable) assert.ok(fixes.length > 0, `${id} says it is fixable, but none of its examples or fixtures gets a fix`);
        else assert.deepEqual(fixes.map((f) => f.fix!.title), [], `${id} says it is not fixable, but offers fixes`);
      });

      it('has at least 3 failing and 3 passing cases (examples and fixtures)', () => {
        const mine = allCases.filter((x) => x.rule === id);
        const failing = rule.meta.examples.notOk.length + mine.filter((x) => x.expect.some((h) => h.startsWith(id + ':'))).length;
        const passing = rule.meta.examples.ok.length + mine.filter((x) => !x.expect.some((h) => h.startsWith(id + ':'))).length;
        assert.ok(failing >= 3, `${id}: ${failing} failing cases`);
        assert.ok(passing >= 3, `${id}: ${passing} passing cases`);
      });
    });
  }
});
