// Values written into code spans (a branch named "feat/a`b") read back as they were written,
// in a line, a bullet or a table cell, and a second Update changes nothing.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyEdits, newNoteText, noteOf, DIALECTS, type GitFacts } from '../../server/src/engine';
import { planUpdate } from '../../server/src/engine/update/update';
import { codeSpan } from '../../server/src/engine/model/code-span';
import { parseMarkdown } from '../../server/src/engine/parse/parse';

const HEAD = '1234567890abcdef1234567890abcdef12345678';

function git(branch: string): GitFacts {
  return {
    root: '/repo', branch, detached: false, unborn: false, head: HEAD,
    upstream: { name: 'origin/main', sha: HEAD, ahead: 0, behind: 0 },
    dirty: false, status: [], shallow: false, commits: {}, paths: {}, noteLastCommitDate: null, changedSince: [],
  };
}

function update(text: string, branch: string): { text: string; edits: number } {
  const plan = planUpdate(noteOf({ text, path: 'HANDOFF.md' }), git(branch), { today: '2026-11-22', now: new Date('2026-11-22T10:30:00') });
  assert.equal(plan.refused, null);
  return { text: applyEdits(text, plan.edits), edits: plan.edits.length };
}

const branchOf = (text: string) => noteOf({ text, path: 'HANDOFF.md' }).fields.find((f) => f.key === 'branch')?.value;

/** Notes with their branch in each form a field takes. */
const NOTES: Record<string, string> = {
  line: '# Handoff\n\nDate: 2026-11-22\nBranch: `main`\nHEAD: `1234567`\n\n## Next\n\n1. a\n',
  bare: '# Handoff\n\nDate: 2026-11-22\nBranch: main\nHEAD: `1234567`\n\n## Next\n\n1. a\n',
  'several on a line': '# Handoff\n\n**Date:** 2026-11-22 | **Branch:** `main` | **HEAD:** `1234567`\n\n## Next\n\n1. a\n',
  'branch / commit': '---\nhandoff: session-handoff\n---\n# Session Handoff\n\n## Snapshot\n\n- Date: 2026-11-22\n- Branch / commit: `main` (`1234567`)\n- Goal of the session: x\n',
  table: '# Handoff\n\n| Field | Value |\n|---|---|\n| Date | 2026-11-22 |\n| Branch | `main` |\n| HEAD | `1234567` |\n\n## Next\n\n1. a\n',
  'padded table': '# Handoff\n\n| Field  | Value     |\n|--------|-----------|\n| Date   | 2026-11-22 |\n| Branch | main      |\n\n## Next\n\n1. a\n',
};

describe('code spans Update writes', () => {
  it('codeSpan: a fence longer than any run inside, padded when the text starts or ends with a backtick or space', () => {
    assert.equal(codeSpan('feat/a`b'), '``feat/a`b``');
    assert.equal(codeSpan('a``b`'), '``` a``b` ```');
    assert.equal(codeSpan('main'), '`main`');
  });

  it('a branch named feat/a`b is written with a longer fence, reads back, and a second run changes nothing', () => {
    const once = update(NOTES.line, 'feat/a`b');
    assert.equal(once.text, NOTES.line.replace('Branch: `main`', 'Branch: ``feat/a`b``'));
    assert.equal(branchOf(once.text), 'feat/a`b');
    assert.equal(update(once.text, 'feat/a`b').edits, 0);
    // And back to a plain name: the whole span is rewritten, not its inside.
    assert.equal(update(once.text, 'main').text, NOTES.line);
  });

  it('a bare branch value that would not read back goes in a code span', () => {
    assert.equal(update(NOTES.bare, 'feat/a`b').text, NOTES.bare.replace('Branch: main', 'Branch: ``feat/a`b``'));
    assert.equal(update(NOTES.bare, 'dev').text, NOTES.bare.replace('Branch: main', 'Branch: dev'));
  });

  it('a new note and an inserted snapshot write the branch with a fence that fits', () => {
    const text = newNoteText(DIALECTS['session-handoff'], { date: '2026-11-22', branch: 'a`b', head: HEAD });
    assert.ok(text.includes('- Branch / commit: ``a`b`` (1234567)'), text);
    assert.equal(branchOf(text), 'a`b');
    const none = update('---\nhandoff: session-handoff\n---\n# Session Handoff\n\n## What changed\n\n- x\n', 'x$&`y');
    assert.ok(none.text.includes('- Branch / commit: ``x$&`y`` (1234567)'), none.text);
    assert.equal(branchOf(none.text), 'x$&`y');
  });

  it('property: any branch name with backticks, spaces, pipes and non-ASCII round-trips in every form, and Update is idempotent', () => {
    const name = fc
      .array(fc.constantFrom('a', 'b', 'z', '/', '-', '.', '`', '``', ' ', '|', ' | ', 'é', '分支', '🚀', '$&', '(', ')', '1'), { minLength: 1, maxLength: 10 })
      .map((parts) => parts.join(''))
      // Git refuses names that are empty, all spaces or a bare hash; the field reads a bare hash as a commit.
      .filter((n) => /[^ ]/.test(n) && !/^[0-9a-f]{7,40}$/.test(n));
    fc.assert(
      fc.property(name, fc.constantFrom(...Object.keys(NOTES)), (branch, form) => {
        const once = update(NOTES[form], branch);
        assert.equal(branchOf(once.text), branch, `${form}: ${JSON.stringify(once.text)}`);
        const twice = update(once.text, branch);
        assert.equal(twice.edits, 0, `${form}: second run changed ${JSON.stringify(twice.text)}`);
        // Nothing but the branch's line changed.
        const before = NOTES[form].split('\n');
        const after = once.text.split('\n');
        assert.equal(after.length, before.length);
        assert.deepEqual(after.filter((l, i) => l !== before[i]).length <= 1, true, JSON.stringify(once.text));
        // The inline code mdast sees holds the name (table cells unescape their pipes).
        const codes: string[] = [];
        const walk = (n: { type: string; value?: string; children?: unknown[] }) => {
          if (n.type === 'inlineCode') codes.push(n.value!);
          for (const c of (n.children ?? []) as Array<typeof n>) walk(c);
        };
        walk(parseMarkdown(once.text));
        if (form !== 'bare' && form !== 'padded table') assert.ok(codes.includes(branch), `${form}: ${JSON.stringify(codes)}`);
      }),
      { numRuns: 300 },
    );
  });
});
