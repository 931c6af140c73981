import { defineRule } from '../lint/rule';
import { fieldValueEdit } from '../model/field-write';
import { dirtyBesidesNote } from '../model/worktree';

const NOTE = (state: string) => `# Next Chat Handoff\n\nDate: 2026-11-20\nWorktree: ${state}\n`;

export default defineRule({
  meta: {
    id: 'worktree-state',
    description: '"Worktree: dirty/clean" matches git status',
    rationale:
      'The next session decides whether to stash, commit or start fresh from this line. A "clean" that is false hides uncommitted work. Changes to the note itself do not count. The fix writes the true state.',
    tags: ['snapshot', 'git'],
    fixable: true,
    severity: 'warning',
    appliesTo: ['handoff'],
    hygiene: false,
    needs: ['git'],
    examples: {
      ok: [
        { text: NOTE('clean'), path: 'HANDOFF.md', facts: { git: { dirty: false } } },
        { text: NOTE('dirty (local uncommitted changes)'), path: 'HANDOFF.md', facts: { git: { dirty: true, status: [{ path: 'src/app.ts', status: 'modified' }] } } },
        { text: NOTE('clean'), path: 'HANDOFF.md', facts: { git: { dirty: true, status: [{ path: 'HANDOFF.md', status: 'modified' }] } }, caption: 'Only the note itself changed.' },
      ],
      notOk: [
        { text: NOTE('clean'), path: 'HANDOFF.md', facts: { git: { dirty: true, status: [{ path: 'src/app.ts', status: 'modified' }] } } },
        { text: NOTE('dirty'), path: 'HANDOFF.md', facts: { git: { dirty: false } } },
        { text: '# Handoff\n\n- Worktree: Clean\n', path: 'HANDOFF.md', facts: { git: { dirty: true, status: [{ path: 'new.txt', status: 'untracked' }] } } },
      ],
    },
  },
  check({ note, git, report }) {
    if (!git || git.unborn) return;
    const dirty = dirtyBesidesNote(git, note);
    for (const f of note.fields) {
      if (f.key !== 'worktree' || !/^(dirty|clean)$/i.test(f.value)) continue;
      const recorded = f.value.toLowerCase() === 'dirty';
      if (recorded === dirty) continue;
      const truth = dirty ? 'dirty' : 'clean';
      const text = f.value[0] === f.value[0].toUpperCase() ? truth[0].toUpperCase() + truth.slice(1) : truth;
      const what = dirty ? `${git.status.length} changed file${git.status.length === 1 ? '' : 's'}` : 'no changes';
      report({
        start: f.valueStart,
        end: f.valueEnd,
        message: `Worktree is ${truth} (git status: ${what}), the note says "${f.value}"`,
        fix: { title: `Write "${text}"`, edits: [fieldValueEdit(note.text, f, text)!] },
      });
    }
  },
});
