import { defineRule } from '../lint/rule';
import type { FieldSpec } from '../dialects/dialect';
import type { Note } from '../model/note';
import type { RuleContext } from '../lint/rule';
import { codeSpan } from '../model/code-span';
import { addFieldsEdit } from '../model/field-write';

export default defineRule({
  meta: {
    id: 'snapshot-fields',
    description: 'The snapshot records every field the dialect asks for',
    rationale:
      'The snapshot is what the next session checks first: when the note was written, on which branch and commit, whether the worktree was dirty. A missing field cannot be checked against git. The fix adds the field with today\'s date or, when git is available, the current branch, HEAD and worktree state.',
    tags: ['snapshot'],
    fixable: true,
    severity: 'warning',
    appliesTo: ['handoff'],
    hygiene: false,
    examples: {
      ok: [
        { text: '# Next Chat Handoff\n\nDate: 2025-01-01\nBranch: `main`\nHEAD / upstream (`origin/main`): `8b0fd91`\nWorktree: clean\n\n## Current Status\n\n1. ok\n', path: 'HANDOFF.md' },
        { text: '# Session Handoff\n\n## Snapshot\n\n- Date: 2025-12-14\n- Branch / commit: `main` (HEAD)\n- Goal of the session: Ship.\n', path: 'HANDOFF.md' },
        { text: '# Handoff\n\nJust prose.\n', path: 'HANDOFF.md', caption: 'Free-form notes have no required fields.' },
      ],
      notOk: [
        { text: '---\nhandoff: session-handoff\n---\n# Session Handoff\n\n## Snapshot\n\n- Branch / commit: `main` (HEAD)\n- Goal of the session: Ship.\n', path: 'HANDOFF.md', caption: 'No date.' },
        { text: '---\nhandoff: next-chat-handoff\n---\n# Next Chat Handoff\n\nDate: 2025-01-01\nBranch: `main`\n\n## Current Status\n\n1. ok\n', path: 'HANDOFF.md', caption: 'No HEAD and no worktree state.' },
        { text: '---\nhandoff: session-handoff\n---\n# Session Handoff\n\n## Snapshot\n\n- Date: 2025-12-14\n- Goal of the session: Ship.\n', path: 'HANDOFF.md' },
      ],
    },
  },
  check(context) {
    const { note, report } = context;
    const missing = note.dialect.fields.filter((f) => f.required && !note.fields.some((g) => g.key === f.key));
    if (!missing.length) return;
    const snapshot = note.allSections.find((s) => s.role === 'snapshot');
    if (note.dialect.fieldsIn === 'snapshot' && !snapshot) return; // required-sections reports the missing section
    const anchor = note.dialect.fieldsIn === 'snapshot' ? snapshot!.heading : note.title ?? note.sections[0]?.heading;
    const at = anchor ? { start: anchor.textStart, end: anchor.textEnd } : { start: 0, end: 0 };
    for (const spec of missing) {
      const value = valueFor(spec, context);
      report({
        ...at,
        message: `Missing snapshot field "${spec.label}"`,
        fix: value === null ? undefined : { title: `Add "${spec.label}"`, edits: [insertField(note, spec, value, snapshot?.start ?? null)] },
      });
    }
  },
});

function valueFor(spec: FieldSpec, { today, git }: RuleContext): string | null {
  switch (spec.key) {
    case 'date':
      return today;
    case 'branch':
      return git?.branch ? codeSpan(git.branch) + (spec.label.toLowerCase().includes('commit') && git.head ? ` (${codeSpan(git.head.slice(0, 7))})` : '') : null;
    case 'commit':
    case 'upstream':
      return git?.head ? codeSpan(git.head.slice(0, 7)) : null;
    case 'worktree':
      return git ? (git.dirty ? 'dirty' : 'clean') : null;
    case 'goal':
      return null;
  }
}

/** After the last field (a row of its table when it is one), or at the top of the snapshot section / under the title. */
function insertField(note: Note, spec: FieldSpec, value: string, snapshotStart: number | null) {
  const anchor = snapshotStart !== null ? note.allSections.find((s) => s.start === snapshotStart)!.heading : note.title;
  return addFieldsEdit(note, [{ label: spec.label, value }], anchor);
}
