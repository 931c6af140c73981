import { defineRule } from '../lint/rule';
import { commandRefs } from '../model/references';
import { namedTarget, nearest } from '../model/commands';

export default defineRule({
  meta: {
    id: 'command-exists',
    description: 'Commands name real scripts and targets',
    rationale:
      'Commands in a handoff are run as written by the next session. A renamed npm script, make target, just recipe, pdm/poetry/uv script or cargo test target fails at the worst moment. Scripts and targets are read from package.json, pyproject.toml, the Makefile, the justfile and Cargo.toml; commands are never executed. The fix writes the nearest real name.',
    tags: ['references'],
    fixable: true,
    severity: 'warning',
    appliesTo: ['handoff', 'roadmap'],
    hygiene: false,
    needs: ['workspace'],
    examples: {
      ok: [
        { text: '# Handoff\n\nRun `npm run build && npm test`.\n', path: 'HANDOFF.md', facts: { commands: { npmScripts: ['build', 'test'] } } },
        { text: '# Handoff\n\n```sh\npdm run uvicorn app:app\nmake lint\n```\n', path: 'HANDOFF.md', facts: { commands: { pdmScripts: ['test'], makeTargets: ['lint'] } }, caption: 'Environment tools such as uvicorn need no script.' },
        { text: '# Handoff\n\nRun `cargo test --test bootstrap_endpoints`.\n', path: 'HANDOFF.md', facts: { commands: { cargoTests: ['bootstrap_endpoints'] } } },
      ],
      notOk: [
        { text: '# Handoff\n\nRun `npm run biuld`.\n', path: 'HANDOFF.md', facts: { commands: { npmScripts: ['build', 'test'] } } },
        { text: '# Handoff\n\n```bash\nmake integration-test\n```\n', path: 'HANDOFF.md', facts: { commands: { makeTargets: ['integration-tests', 'lint'] } } },
        { text: '# Handoff\n\nQuality: `pdm run docs-validat && pdm run test`\n', path: 'HANDOFF.md', facts: { commands: { pdmScripts: ['docs-validate', 'test'] } } },
      ],
    },
  },
  check({ note, workspace, report }) {
    if (!workspace) return;
    for (const ref of commandRefs(note)) {
      const target = namedTarget(ref.command, workspace.commands);
      if (!target || !target.known || target.known.includes(target.name)) continue;
      const start = ref.start + target.offsetInCommand;
      const end = start + target.name.length;
      if (note.text.slice(start, end) !== target.name) continue;
      const near = nearest(target.name, target.known);
      report({
        start,
        end,
        message: `Unknown ${target.kind} "${target.name}"${near ? `, did you mean "${near}"?` : ''}`,
        fix: near ? { title: `Write "${near}"`, edits: [{ start, end, text: near }] } : undefined,
      });
    }
  },
});
