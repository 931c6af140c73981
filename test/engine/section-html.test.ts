// Moving and inserting sections around HTML elements that span blocks ("<details>" … "</details>"
// with sections between): the HTML stays balanced, and a move that would cut an element or take
// a section into or out of one is not offered, with the reason in the message.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, applyFixes, lint, noteOf, type GitFacts } from '../../server/src/engine';
import { planUpdate } from '../../server/src/engine/update/update';
import { htmlElements } from '../../server/src/engine/model/html-blocks';

const FIXTURES = join(__dirname, 'fixtures/section-order');
const PIN = '---\nhandoff: session-handoff\n---\n# Session Handoff\n\n';
const SNAPSHOT = '## Snapshot\n\n- Date: 2026-11-22\n- Branch / commit: `main` (`1234567`)\n- Goal of the session: x\n\n';
const REST = '## Decisions (and links)\n\n- d\n\n## How to run / verify\n\n- v\n\n## Known issues / risks\n\n- r\n\n## Next steps (recommended order)\n\n1. n\n';

const findingsOf = (text: string, rule: string) => lint({ text, path: 'HANDOFF.md', today: '2026-11-22' }).findings.filter((f) => f.ruleId === rule);

/** Applies the rule's fixes until none is left (as `lint --fix` does) and returns the text. */
function fixed(text: string, rule: string): string {
  for (let pass = 0; pass < 10; pass++) {
    const next = applyFixes(text, findingsOf(text, rule));
    if (next === text) return text;
    text = next;
  }
  return text;
}

/** Opening and closing tags of an element, counted over the text: equal when balanced. */
const balanced = (text: string, name: string) => (text.match(new RegExp(`<${name}[\\s>]`, 'g')) ?? []).length === (text.match(new RegExp(`</${name}>`, 'g')) ?? []).length;

describe('sections and HTML elements that span them', () => {
  it('reads elements from the root HTML blocks: nesting, comments, void and one-block elements', () => {
    const text = '# A\n\n<div class="x">\n<!-- <details> -->\n<br>\n<summary>s</summary>\n\n## B\n\n<details>\n\ntext\n\n</details>\n</div>\n\n<section>\n\n## C\n';
    const els = htmlElements(noteOf({ text, path: 'HANDOFF.md' })).map((e) => `${e.name}:${text.slice(e.start, e.start + 4)}:${e.closeStart === null ? 'open' : text.slice(e.closeStart, e.closeStart + 4)}`);
    assert.deepEqual(els.sort(), ['details:<det:</de', 'div:<div:</de', 'section:<sec:open']);
  });

  it('a section inside <details> whose place is outside it is not moved, and the message says why', () => {
    const text = PIN + SNAPSHOT + '<details>\n<summary>Older</summary>\n\n## Notes\n\n- n\n\n</details>\n\n## What changed\n\n- c\n\n' + REST;
    const [f] = findingsOf(text, 'section-order');
    assert.equal(f.message, 'Unexpected position of section "Notes", expected after "Next steps (recommended order)" (not moved automatically: it sits inside <details> (line 12) and its place is outside)');
    assert.equal(f.fix, undefined);
    assert.equal(fixed(text, 'section-order'), text);
  });

  it('a section that opens an element closing in a later section is not moved', () => {
    const text = PIN + SNAPSHOT + '## Notes\n\n<details>\n\n- n\n\n## What changed\n\n- c\n\n</details>\n\n' + REST;
    const [f] = findingsOf(text, 'section-order');
    assert.match(f.message, /not moved automatically: it holds the start of <details> \(line 14\) but not its end\)$/);
    assert.equal(f.fix, undefined);
  });

  it('sections inside one wrapper are moved within it, and the closing tag stays where it was', () => {
    const text = PIN + '<div markdown="1">\n\n' + SNAPSHOT + '## Notes\n\n- n\n\n## What changed\n\n- c\n\n' + REST + '\n</div>\n';
    const out = fixed(text, 'section-order');
    assert.equal(out, PIN + '<div markdown="1">\n\n' + SNAPSHOT + '## What changed\n\n- c\n\n' + REST + '\n## Notes\n\n- n\n\n</div>\n');
    assert.deepEqual(findingsOf(out, 'section-order'), []);
    assert.ok(balanced(out, 'div'));
  });

  it('a section whose place is after a <details> block goes after </details>, not inside', () => {
    const text = PIN + '## Notes\n\n- n\n\n' + SNAPSHOT + '## What changed\n\n- c\n\n<details>\n<summary>Rest</summary>\n\n' + REST + '\n</details>\n';
    const out = fixed(text, 'section-order');
    assert.equal(out, PIN + SNAPSHOT + '## What changed\n\n- c\n\n<details>\n<summary>Rest</summary>\n\n' + REST + '\n</details>\n\n## Notes\n\n- n\n');
    assert.deepEqual(findingsOf(out, 'section-order'), []);
  });

  it('a section whose place is inside a <details> that never closes is not moved into it', () => {
    const text = PIN + '## Notes\n\n- n\n\n' + SNAPSHOT + '## What changed\n\n- c\n\n' + REST + '\n<details>\n<summary>More</summary>\n\n- m\n';
    const [f] = findingsOf(text, 'section-order');
    assert.match(f.message, /^Unexpected position of section "Notes", .*\(not moved automatically: its place is inside <details> \(line 36\)\)$/);
    assert.equal(f.fix, undefined);
    assert.equal(fixed(text, 'section-order'), text);
  });

  it('a section before a <details> that holds its successor is moved before the element', () => {
    const text = PIN + '## What changed\n\n- c\n\n' + SNAPSHOT + '<details>\n<summary>Rest</summary>\n\n' + REST + '\n</details>\n';
    const out = fixed(text, 'section-order');
    // "Snapshot" stays first; "What changed" goes after it, before the <details> that holds "Decisions".
    assert.equal(out, PIN + SNAPSHOT + '## What changed\n\n- c\n\n<details>\n<summary>Rest</summary>\n\n' + REST + '\n</details>\n');
    assert.ok(balanced(out, 'details'));
  });

  it('a section whose body holds a whole <details> moves with it, balanced', () => {
    const text = PIN + '## Notes\n\n<details>\n<summary>Log</summary>\n\n- old\n\n</details>\n\n' + SNAPSHOT + '## What changed\n\n- c\n\n' + REST;
    const out = fixed(text, 'section-order');
    assert.equal(out, PIN + SNAPSHOT + '## What changed\n\n- c\n\n' + REST + '\n## Notes\n\n<details>\n<summary>Log</summary>\n\n- old\n\n</details>\n');
    assert.deepEqual(findingsOf(out, 'section-order'), []);
    assert.ok(balanced(out, 'details'));
  });

  it('a missing section is inserted before a <details> block, never inside it (required-sections and Update)', () => {
    const text = PIN + SNAPSHOT + '<details>\n<summary>More</summary>\n\n## Decisions (and links)\n\n- d\n\n</details>\n\n## How to run / verify\n\n- v\n\n## Known issues / risks\n\n- r\n\n## Next steps (recommended order)\n\n1. n\n';
    const expected = PIN + SNAPSHOT + '## What changed\n\n- \n\n<details>\n<summary>More</summary>\n\n## Decisions (and links)\n\n- d\n\n</details>\n\n## How to run / verify\n\n- v\n\n## Known issues / risks\n\n- r\n\n## Next steps (recommended order)\n\n1. n\n';
    assert.equal(fixed(text, 'required-sections'), expected);
    assert.deepEqual(findingsOf(expected, 'section-order'), []);
    const git: GitFacts = {
      root: '/repo', branch: 'main', detached: false, unborn: false, head: '1234567890abcdef1234567890abcdef12345678', upstream: null,
      dirty: false, status: [], shallow: false, commits: {}, paths: {}, noteLastCommitDate: null, changedSince: [{ path: 'src/a.ts', status: 'modified' }],
    };
    const plan = planUpdate(noteOf({ text, path: 'HANDOFF.md' }), git, { today: '2026-11-22' });
    const updated = applyEdits(text, plan.edits);
    assert.ok(updated.includes('- Goal of the session: x\n\n## What changed\n\n- `src/a.ts`\n\n<details>\n'), updated);
    assert.ok(balanced(updated, 'details'));
  });

  it('fixtures: the note whose Notes hold a <details> is fixed to the exact text; the one with Notes inside <details> is left as it is', () => {
    const holding = readFileSync(join(FIXTURES, 'notes-holding-details.handoff.md'), 'utf8');
    const block = '## Notes\n\n<details>\n<summary>Read first</summary>\n\n- Read the ADR first.\n\n</details>\n\n';
    assert.equal(fixed(holding, 'section-order'), holding.replace(block, '') + '\n' + block.replace(/\n\n$/, '\n'));
    const inside = readFileSync(join(FIXTURES, 'notes-in-details.handoff.md'), 'utf8');
    assert.equal(fixed(inside, 'section-order'), inside);
    assert.match(findingsOf(inside, 'section-order')[0].message, /not moved automatically: it sits inside <details> \(line 3\)/);
  });
});
