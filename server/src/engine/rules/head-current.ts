import { defineRule } from '../lint/rule';
import { fieldValueEdit } from '../model/field-write';
import { EXAMPLE_HEAD } from '../examples/example-facts';

const OLD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const NOTE = (sha: string) => `# Next Chat Handoff\n\nDate: 2026-11-20\nHEAD / upstream (\`origin/main\`): \`${sha}\`\n`;
const commit = (sha: string, behind: number, isAncestor = true) => ({ sha, subject: 'Earlier work', author: 'Dev', date: '2026-11-19T10:00:00Z', isAncestor, behind });

export default defineRule({
  meta: {
    id: 'head-current',
    description: 'The recorded HEAD is the current HEAD',
    rationale:
      'The recorded commit says where the session stopped. When HEAD has moved on, the note describes an older state: the message says how many commits behind it is. The fix writes the current HEAD (Update Handoff also lists what changed since).',
    tags: ['snapshot', 'git'],
    fixable: true,
    severity: 'warning',
    appliesTo: ['handoff'],
    hygiene: false,
    needs: ['git'],
    examples: {
      ok: [
        { text: NOTE(EXAMPLE_HEAD.slice(0, 7)), path: 'HANDOFF.md', facts: { git: { commits: { [EXAMPLE_HEAD.slice(0, 7)]: commit(EXAMPLE_HEAD, 0) } } } },
        { text: '# Session Handoff\n\n## Snapshot\n\n- Branch / commit: `main` (HEAD)\n', path: 'HANDOFF.md', facts: { git: {} }, caption: '"HEAD" names no commit to compare.' },
        { text: NOTE(EXAMPLE_HEAD), path: 'HANDOFF.md', facts: { git: { commits: { [EXAMPLE_HEAD]: commit(EXAMPLE_HEAD, 0) } } } },
      ],
      notOk: [
        { text: NOTE(OLD.slice(0, 7)), path: 'HANDOFF.md', facts: { git: { commits: { [OLD.slice(0, 7)]: commit(OLD, 3) } } }, caption: 'Three commits behind.' },
        { text: NOTE(OLD), path: 'HANDOFF.md', facts: { git: { commits: { [OLD]: commit(OLD, 1) } } } },
        { text: '# Handoff\n\n- HEAD: `' + OLD.slice(0, 9) + '`\n', path: 'HANDOFF.md', facts: { git: { commits: { [OLD.slice(0, 9)]: commit(OLD, 12, false) } } }, caption: 'Not in the history of HEAD.' },
      ],
    },
  },
  check({ note, git, report }) {
    if (!git?.head) return;
    const head = git.head;
    for (const f of note.fields) {
      if (f.key !== 'commit' || !/^[0-9a-f]{7,40}$/.test(f.value)) continue;
      const info = git.commits[f.value];
      if (info === undefined || info === null) continue; // unknown, or commit-exists reports it
      if (info.sha === head) continue;
      const short = head.slice(0, Math.max(7, f.value.length));
      const how = info.isAncestor ? (info.behind !== null ? `${info.behind} commit${info.behind === 1 ? '' : 's'} behind HEAD` : 'behind HEAD') : 'not in the history of HEAD';
      report({
        start: f.valueStart,
        end: f.valueEnd,
        message: `Recorded commit ${f.value} is ${how} (${head.slice(0, 7)})`,
        fix: { title: `Write HEAD ${head.slice(0, 7)}`, edits: [fieldValueEdit(note.text, f, short)!] },
      });
    }
  },
});
