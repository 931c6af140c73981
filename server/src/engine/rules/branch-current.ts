import { defineRule } from '../lint/rule';
import { fieldValueEdit } from '../model/field-write';

const NOTE = '# Next Chat Handoff\n\nDate: 2026-11-20\nBranch: `BRANCH`\n';

export default defineRule({
  meta: {
    id: 'branch-current',
    description: 'The recorded branch is the current branch',
    rationale:
      'A note that says it was written on `feature/login` while the repository is on `main` sends the next session to the wrong place. A detached HEAD is accepted as it is. The fix writes the current branch.',
    tags: ['snapshot', 'git'],
    fixable: true,
    severity: 'warning',
    appliesTo: ['handoff'],
    hygiene: false,
    needs: ['git'],
    examples: {
      ok: [
        { text: NOTE.replace('BRANCH', 'main'), path: 'HANDOFF.md', facts: { git: { branch: 'main' } } },
        { text: NOTE.replace('BRANCH', 'feature/login'), path: 'HANDOFF.md', facts: { git: { branch: 'feature/login' } } },
        { text: NOTE.replace('BRANCH', 'main'), path: 'HANDOFF.md', facts: { git: { branch: null, detached: true } }, caption: 'Detached HEAD: nothing to compare.' },
      ],
      notOk: [
        { text: NOTE.replace('BRANCH', 'feature/login'), path: 'HANDOFF.md', facts: { git: { branch: 'main' } } },
        { text: '# Session Handoff\n\n## Snapshot\n\n- Date: 2026-11-20\n- Branch / commit: `develop` (HEAD)\n', path: 'HANDOFF.md', facts: { git: { branch: 'main' } } },
        { text: '# Handoff\n\n**Branch:** release-1.2\n', path: 'HANDOFF.md', facts: { git: { branch: 'release-1.3' } } },
      ],
    },
  },
  check({ note, git, report }) {
    if (!git || git.detached || !git.branch) return;
    for (const f of note.fields) {
      if (f.key !== 'branch' || !f.value || f.value === git.branch) continue;
      if (/detached/i.test(f.value)) continue;
      report({
        start: f.valueStart,
        end: f.valueEnd,
        message: `Branch "${f.value}" is not the current branch "${git.branch}"`,
        fix: { title: `Write the current branch "${git.branch}"`, edits: [fieldValueEdit(note.text, f, git.branch)!] },
      });
    }
  },
});
