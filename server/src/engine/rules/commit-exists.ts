import { defineRule } from '../lint/rule';
import { commitRefs } from '../model/references';

const SHA = 'c0ffee1234567890abcdef1234567890abcdef12';

export default defineRule({
  meta: {
    id: 'commit-exists',
    description: 'Every commit hash the note mentions resolves',
    rationale:
      'Hashes in a handoff are pointers for the next session. One that does not resolve was mistyped, belongs to another repository, or was rewritten by a rebase or a squash.',
    tags: ['references', 'git'],
    fixable: false,
    severity: 'warning',
    appliesTo: ['handoff', 'roadmap'],
    hygiene: false,
    needs: ['git'],
    examples: {
      ok: [
        { text: '# Handoff\n\nLanded in `c0ffee1`.\n', path: 'HANDOFF.md', facts: { git: { commits: { c0ffee1: { sha: SHA, subject: 's', author: 'a', date: '2026-11-01T00:00:00Z', isAncestor: true, behind: 2 } } } } },
        { text: '# Handoff\n\nVersion 1234567 of the data set.\n', path: 'HANDOFF.md', facts: { git: {} }, caption: 'Digits only: not a hash.' },
        { text: '# Handoff\n\nSee [the commit](https://github.com/o/r/commit/deadbee1).\n', path: 'HANDOFF.md', facts: { git: {} }, caption: 'Hashes in links belong to their site.' },
      ],
      notOk: [
        { text: '# Handoff\n\nLanded in `badc0de1`.\n', path: 'HANDOFF.md', facts: { git: { commits: { badc0de1: null } } } },
        { text: '# Handoff\n\n- Fixed in 9f8e7d6c and tested.\n', path: 'HANDOFF.md', facts: { git: { commits: { '9f8e7d6c': null } } } },
        { text: '# Next Chat Handoff\n\nHEAD: `abc1234`\n', path: 'HANDOFF.md', facts: { git: { commits: { abc1234: null } } } },
      ],
    },
  },
  check({ note, git, report }) {
    if (!git || git.unborn) return;
    for (const ref of commitRefs(note)) {
      if (git.commits[ref.hash] !== null) continue; // undefined: not looked up
      const shallow = git.shallow ? ' (the clone is shallow: it may be outside the fetched history)' : '';
      report({ start: ref.start, end: ref.end, message: `Commit ${ref.hash} does not resolve in this repository${shallow}` });
    }
  },
});
