import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, noteOf, type GitFacts } from '../../server/src/engine';
import { planUpdate } from '../../server/src/engine/update/update';

const EXAMPLES = join(__dirname, '../fixtures/examples');
const HEAD = '1234567890abcdef1234567890abcdef12345678';

function git(over: Partial<GitFacts> = {}): GitFacts {
  return {
    root: '/repo', branch: 'main', detached: false, unborn: false, head: HEAD,
    upstream: { name: 'origin/main', sha: HEAD, ahead: 0, behind: 0 },
    dirty: false, status: [], shallow: false, commits: {}, paths: {}, noteLastCommitDate: null, changedSince: [], ...over,
  };
}

function update(text: string, facts: GitFacts, path = 'NEXT_CHAT_HANDOFF.md') {
  const note = noteOf({ text, path });
  const plan = planUpdate(note, facts, { today: '2026-11-22', now: new Date('2026-11-22T10:30:00') });
  return { plan, text: applyEdits(text, plan.edits) };
}

describe('Update Handoff (engine)', () => {
  const nextChat = readFileSync(join(EXAMPLES, 'next-chat-handoff.md'), 'utf8');
  const session = readFileSync(join(EXAMPLES, 'session-handoff.md'), 'utf8');

  it('refreshes date, branch, HEAD and worktree in the next-chat note and nothing else', () => {
    const { plan, text } = update(nextChat, git({ branch: 'master', dirty: true, status: [{ path: 'src/x.rs', status: 'modified' }] }));
    assert.equal(plan.refused, null);
    const expected = nextChat.replace('Date: 2026-02-22', 'Date: 2026-11-22').replace("HEAD / upstream (`origin/master`): `8b0fd91`", "HEAD / upstream (`origin/master`): `1234567`");
    assert.equal(text, expected);
  });

  it('lists changed files not yet mentioned, grouped by folder, in the changes section', () => {
    const changed = [
      { path: 'src-tauri/src/api/voice.rs', status: 'deleted' as const },
      { path: 'src-tauri/src/db/new.rs', status: 'added' as const },
      { path: 'src-tauri/src/db/other.rs', status: 'modified' as const },
      { path: 'README.md', status: 'modified' as const },
      { path: 'NEXT_CHAT_HANDOFF.md', status: 'modified' as const },
    ];
    const { plan, text } = update(nextChat, git({ branch: 'master', dirty: true, changedSince: changed }));
    assert.ok(plan.summary.some((s) => s.startsWith('Changes: 2 files')), plan.summary.join('\n'));
    assert.ok(text.includes('- `src-tauri/src/db/`\n  - `src-tauri/src/db/new.rs` (added)\n  - `src-tauri/src/db/other.rs`\n'));
    assert.ok(!text.includes('- `README.md`'), 'README.md is mentioned already');
    // The list lands at the end of "What Landed", before the next section.
    assert.ok(text.indexOf('`src-tauri/src/db/new.rs` (added)') < text.indexOf('## Local Work In Progress'));
    assert.ok(text.indexOf('`src-tauri/src/db/new.rs` (added)') > text.indexOf('## What Landed'));
  });

  it('is idempotent: a second run changes nothing', () => {
    const facts = git({ branch: 'master', changedSince: [{ path: 'lib/a.ts', status: 'added' }, { path: 'lib/b.ts', status: 'modified' }] });
    const once = update(nextChat, facts).text;
    const twice = update(once, facts);
    assert.equal(twice.plan.edits.length, 0, twice.plan.summary.join('\n'));
    assert.equal(twice.text, once);
  });

  it('keeps CRLF line endings and a BOM', () => {
    const crlf = '\uFEFF' + nextChat.replace(/\n/g, '\r\n');
    const { text } = update(crlf, git({ branch: 'dev', changedSince: [{ path: 'a/b.ts', status: 'added' }] }));
    assert.ok(text.startsWith('\uFEFF# Next Chat Handoff\r\n'));
    assert.ok(!/[^\r]\n/.test(text), 'a bare LF slipped in');
    assert.ok(text.includes('Branch: `dev`\r\n'));
  });

  it('writes a detached HEAD and leaves "Branch / commit: `main` (HEAD)" HEAD alone', () => {
    const { text } = update(session, git({ branch: null, detached: true }), 'HANDOFF.md');
    assert.ok(text.includes('- Branch / commit: `(detached at 1234567)` (HEAD)'));
    assert.ok(text.includes('- Date: 2026-11-22'));
  });

  it('refuses two snapshot sections and says where', () => {
    const two = session.replace('## What changed', '## Snapshot\n\n- Date: 2025-01-01\n\n## What changed');
    const { plan } = update(two, git(), 'HANDOFF.md');
    assert.match(plan.refused ?? '', /^Ambiguous: snapshot sections at lines 13, 19$/);
    assert.equal(plan.edits.length, 0);
  });

  it('inserts a missing snapshot section where the dialect puts it', () => {
    const none = session.replace(/## Snapshot\n\n[\s\S]*?\n\n(?=## What changed)/, '');
    const { text } = update(none, git(), 'HANDOFF.md');
    assert.ok(text.indexOf('## Snapshot') > text.indexOf('## Editing Rules'));
    assert.ok(text.indexOf('## Snapshot') < text.indexOf('## What changed'));
    assert.ok(text.includes('- Date: 2026-11-22\n- Branch / commit: `main` (1234567)'));
  });

  it('keeps the author\'s date format', () => {
    const text = '# Handoff\n\n**Last Updated:** December 14, 2025\n\n## Next steps\n\n1. a\n';
    assert.ok(update(text, git(), 'HANDOFF.md').text.includes('**Last Updated:** November 22, 2026'));
  });
});
