import { defineRule } from '../lint/rule';
import { missingPaths, nonPaths } from '../model/paths';
import type { Note } from '../model/note';

const GONE = /\b(?:delet(?:e|ed|es|ing)|remov(?:e|ed|es|ing)|renam(?:e|ed|es|ing)|mov(?:e|ed|es|ing)|drop(?:ped)?|gone|replaced|retired|obsolete)\b|→|->/i;

export default defineRule({
  meta: {
    id: 'path-exists',
    description: 'Paths in backticks and relative links exist',
    rationale:
      'A path that no longer exists sends the next session searching. A path the same bullet says was deleted, removed or renamed, or one that existed in git history and was deleted, is expected to be absent. When git saw the file renamed, or a file of the same name exists elsewhere, the fix writes that path.',
    tags: ['references'],
    fixable: true,
    severity: 'warning',
    appliesTo: ['handoff', 'roadmap'],
    hygiene: false,
    needs: ['workspace'],
    examples: {
      ok: [
        { text: '# Handoff\n\n- Edited `src/app.ts`.\n', path: 'HANDOFF.md', facts: { files: ['src/app.ts'] } },
        { text: '# Handoff\n\n- Deleted `src/old.ts`.\n', path: 'HANDOFF.md', facts: { files: [] }, caption: 'Said to be deleted.' },
        { text: '# Handoff\n\nSee [the plan](docs/PLAN.md).\n', path: 'HANDOFF.md', facts: { files: ['docs/PLAN.md'] } },
      ],
      notOk: [
        { text: '# Handoff\n\n- Edited `src/app.ts`.\n', path: 'HANDOFF.md', facts: { files: ['src/main.ts'] } },
        { text: '# Handoff\n\n- Read `docs/guide.md` first.\n', path: 'HANDOFF.md', facts: { files: ['docs/guides/guide.md'] }, caption: 'A file of the same name exists elsewhere.' },
        { text: '# Handoff\n\n- Config in `src/config.ts`.\n', path: 'HANDOFF.md', facts: { files: ['src/settings.ts'], git: { paths: { 'src/config.ts': { everExisted: true, renamedTo: 'src/settings.ts' } } } }, caption: 'Renamed in git.' },
      ],
    },
  },
  check({ note, workspace, git, report }) {
    if (!workspace) return;
    for (const { ref, path } of missingPaths(note, workspace, nonPaths(note))) {
      if (GONE.test(ref.context)) continue;
      const history = git?.paths[path] ?? git?.paths[ref.path];
      const renamed = history?.renamedTo && workspace.exists(history.renamedTo) !== false ? history.renamedTo : null;
      if (history?.everExisted && !renamed) continue; // deleted in history: expected to be absent
      const name = path.replace(/\/$/, '').split('/').pop() ?? path;
      const sameName = renamed ? [] : workspace.findByName(name).filter((p) => p !== path);
      const suggestion = renamed ?? (sameName.length === 1 ? sameName[0] : null);
      const hint = renamed ? `; git saw it renamed to ${renamed}` : sameName.length ? `; did you mean ${sameName.slice(0, 3).join(', ')}?` : '';
      report({
        start: ref.start,
        end: ref.end,
        message: `Path ${ref.path} does not exist${hint}`,
        fix: suggestion ? { title: `Write ${suggestion}`, edits: [{ start: ref.start, end: ref.end, text: ref.via === 'link' ? relativeTo(note, suggestion) : suggestion }] } : undefined,
      });
    }
  },
});

function relativeTo(note: Note, target: string): string {
  const from = note.path?.includes('/') ? note.path.slice(0, note.path.lastIndexOf('/')).split('/') : [];
  const to = target.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}
