// Snapshots kept as two-column tables: every rule that reads fields reads their rows, and
// Update rewrites the cells in place (pipes escaped, padding kept) and adds missing fields as rows.
import { strict as assert } from 'node:assert';
import { applyEdits, applyFixes, lint, noteOf, type GitFacts } from '../../server/src/engine';
import { planUpdate } from '../../server/src/engine/update/update';

const HEAD = '1234567890abcdef1234567890abcdef12345678';
const OLD = 'abcdef0123456789abcdef0123456789abcdef01';

function git(over: Partial<GitFacts> = {}): GitFacts {
  return {
    root: '/repo', branch: 'main', detached: false, unborn: false, head: HEAD,
    upstream: { name: 'origin/main', sha: HEAD, ahead: 0, behind: 0 },
    dirty: false, status: [], shallow: false, commits: {}, paths: {}, noteLastCommitDate: null, changedSince: [], ...over,
  };
}

function update(text: string, facts: GitFacts, path = 'HANDOFF.md') {
  const plan = planUpdate(noteOf({ text, path }), facts, { today: '2026-11-22', now: new Date('2026-11-22T10:30:00') });
  assert.equal(plan.refused, null);
  return { plan, text: applyEdits(text, plan.edits) };
}

/** Update, then a second run that must change nothing. */
function updateTwice(text: string, facts: GitFacts, path = 'HANDOFF.md'): string {
  const once = update(text, facts, path).text;
  const again = update(once, facts, path);
  assert.deepEqual(again.plan.edits, [], again.plan.summary.join('\n'));
  return once;
}

/** Findings of the rules that read fields, as "rule:text under the range". */
const hitsOf = (text: string, facts: GitFacts, path = 'HANDOFF.md') =>
  lint({ text, path, today: '2026-11-22', git: facts }).findings
    .filter((f) => FIELD_RULES.includes(f.ruleId))
    .map((f) => `${f.ruleId}:${text.slice(f.start, f.end)}`)
    .sort();
const FIELD_RULES = ['branch-current', 'head-current', 'worktree-state', 'date-format', 'date-stale', 'snapshot-fields'];

const KEY_VALUE = [
  '# Handoff',
  '',
  '## Snapshot',
  '',
  '| Field    | Value        |',
  '|:---------|:-------------|',
  '| Date     | 2026-01-02   |',
  '| Branch   | `old-branch` |',
  '| HEAD     | `abcdef0`    |',
  '| Worktree | dirty        |',
  '',
  '## Next',
  '',
  '1. Go on.',
  '',
].join('\n');

/** A next-chat handoff (its fields in the preamble: Date, Branch, HEAD / upstream, Worktree) with a table. */
const nextChat = (table: string) => `---\nhandoff: next-chat-handoff\n---\n# Next Chat Handoff\n\n${table}\n## Current Status\n\n1. Fine.\n\n## What Landed\n\n1. A fix.\n\n## Next Priority Work\n\n1. More.\n`;

describe('snapshot tables', () => {
  it('lint reads the rows: stale branch, HEAD, worktree and date are reported on the cells', () => {
    const facts = git({ branch: 'main', noteLastCommitDate: '2026-05-01T10:00:00Z', commits: { abcdef0: { sha: OLD, isAncestor: true, behind: 3, date: '2026-01-02' } as never } });
    const hits = hitsOf(KEY_VALUE, facts);
    assert.ok(hits.includes('branch-current:old-branch'), hits.join('\n'));
    assert.ok(hits.includes('head-current:abcdef0'), hits.join('\n'));
    assert.ok(hits.includes('worktree-state:dirty'), hits.join('\n'));
    assert.ok(hits.includes('date-stale:2026-01-02'), hits.join('\n'));
    assert.ok(!hits.some((h) => h.startsWith('snapshot-fields')), hits.join('\n'));
  });

  it('a bad date in a cell is reported with its exact range', () => {
    const text = KEY_VALUE.replace('2026-01-02  ', '2026-02-30  ');
    assert.ok(hitsOf(text, git({ branch: 'old-branch' })).includes('date-format:2026-02-30'));
  });

  it('Update rewrites the cells in place, keeps the column width, and changes no other byte', () => {
    const out = updateTwice(KEY_VALUE, git({ branch: 'feature/longer-name' }));
    assert.equal(out, KEY_VALUE
      .replace('| 2026-01-02   |', '| 2026-11-22   |')
      .replace('| `old-branch` |', '| `feature/longer-name` |')
      .replace('| `abcdef0`    |', '| `1234567`    |')
      .replace('| dirty        |', '| clean        |'));
  });

  it('a shorter value is padded to the column width', () => {
    const out = updateTwice(KEY_VALUE, git({ branch: 'x' }));
    assert.ok(out.includes('| Branch   | `x`          |\n'), out);
  });

  it('a table whose header row is a field is read too, and compact cells stay compact', () => {
    const text = nextChat('| Branch | main |\n|---|---|\n| Date | 2026-01-02 |\n');
    assert.ok(hitsOf(text, git({ branch: 'dev' })).includes('branch-current:main'));
    const out = updateTwice(text, git({ branch: 'dev' }));
    assert.equal(out, nextChat('| Branch | dev |\n|---|---|\n| Date | 2026-11-22 |\n| HEAD / upstream | `1234567` |\n| Worktree | clean |\n'));
  });

  it('pipes in a value are escaped in the cell and read back as pipes', () => {
    const out = updateTwice(KEY_VALUE, git({ branch: 'a|b' }));
    assert.ok(out.includes('| Branch   | `a\\|b`       |\n'), out);
    const branch = noteOf({ text: out, path: 'HANDOFF.md' }).fields.find((f) => f.key === 'branch');
    assert.equal(branch?.value, 'a|b');
    assert.deepEqual(hitsOf(out, git({ branch: 'a|b' })).filter((h) => h.startsWith('branch-current')), []);
  });

  it('a bare cell value that needs a code span gets one', () => {
    const text = KEY_VALUE.replace('| `old-branch` |', '| old-branch   |');
    const out = updateTwice(text, git({ branch: 'feat/a`b' }));
    assert.ok(out.includes('| Branch   | ``feat/a`b`` |\n'), out);
  });

  it('missing fields are added as rows of the table, shaped like its rows', () => {
    const text = nextChat('| Field    | Value        |\n|:---------|:-------------|\n| Date     | 2026-01-02   |\n| Branch   | `old-branch` |\n');
    const out = updateTwice(text, git({ branch: 'old-branch' }));
    assert.equal(out, nextChat('| Field    | Value        |\n|:---------|:-------------|\n| Date     | 2026-11-22   |\n| Branch   | `old-branch` |\n| HEAD / upstream | `1234567`    |\n| Worktree | clean        |\n'));
    assert.deepEqual(hitsOf(out, git({ branch: 'old-branch' })), []);
  });

  it('the fixes of branch-current and snapshot-fields write into the table', () => {
    const text = nextChat('| Field    | Value        |\n|:---------|:-------------|\n| Date     | 2026-11-22   |\n| Branch   | `old-branch` |\n| HEAD / upstream | `1234567` |\n');
    const facts = git({ branch: 'main' });
    const findings = lint({ text, path: 'HANDOFF.md', today: '2026-11-22', git: facts }).findings.filter((f) => FIELD_RULES.includes(f.ruleId));
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['branch-current', 'snapshot-fields']);
    const fixed = applyFixes(text, findings);
    assert.equal(fixed, nextChat('| Field    | Value        |\n|:---------|:-------------|\n| Date     | 2026-11-22   |\n| Branch   | `main`       |\n| HEAD / upstream | `1234567` |\n| Worktree | clean        |\n'));
    assert.deepEqual(hitsOf(fixed, facts), []);
  });

  it('tables with three columns, rows whose first cell is no field, and a header over a log are not read', () => {
    const text = '# Handoff\n\nDate: 2026-11-22\n\n## Snapshot\n\n| Date | Branch | Notes |\n|---|---|---|\n| 2026-01-02 | main | x |\n\n| Date | Event |\n|---|---|\n| 2026-01-02 | release |\n';
    assert.deepEqual(noteOf({ text, path: 'HANDOFF.md' }).fields.map((f) => f.key), ['date']);
  });

  it('CRLF and a non-ASCII value: ranges stay exact in UTF-16', () => {
    const text = KEY_VALUE.replace(/\n/g, '\r\n').replace('`old-branch`', '`🚀-fix`     ');
    const note = noteOf({ text, path: 'HANDOFF.md' });
    const branch = note.fields.find((f) => f.key === 'branch')!;
    assert.equal(text.slice(branch.valueStart, branch.valueEnd), '🚀-fix');
    const out = updateTwice(text, git({ branch: 'ünïcode' }));
    assert.ok(out.includes('| Branch   | `ünïcode`    |\r\n'), JSON.stringify(out));
    assert.ok(!/[^\r]\n/.test(out), 'no bare LF');
  });
});
