// Paths in a repository's configuration stay inside the project: a template or roadmap outside
// it is refused with a configuration problem (the CLI exits 2), never read; and each note takes
// the nearest configuration between its folder and the root.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ProjectConfigs } from '../../server/src/project/config';

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

describe('project configuration', () => {
  let base: string;
  beforeEach(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'handoff-config-')));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('a template or roadmap outside the project is refused and its headings never read', () => {
    write(base, {
      'outside/private.md': '# Private Handoff\n\n## Secret plans\n\n- x\n',
      'project/.handoff.json': '{ "dialect": "template", "template": "../outside/private.md", "roadmap": "../outside/private.md" }',
      'project/HANDOFF.md': '# Handoff\n',
    });
    const project = new ProjectConfigs([join(base, 'project')]).forFile(join(base, 'project/HANDOFF.md'));
    assert.equal(project.template, null);
    assert.equal(project.config.dialect, 'auto');
    assert.equal(project.config.roadmap, null);
    assert.equal(project.templateProblem, 'Template "../outside/private.md" cannot be used (outside the project); the built-in dialects apply');
    assert.deepEqual(project.problems.map((p) => p.message), ['Roadmap "../outside/private.md" cannot be used (outside the project)']);
  });

  it('each note takes the nearest configuration between its folder and the root', () => {
    write(base, {
      '.handoff.json': '{ "dialect": "session-handoff" }',
      'packages/web/.handoff.json': '{ "dialect": "next-chat-handoff" }',
      'packages/web/docs/HANDOFF.md': '# x\n',
      'packages/api/HANDOFF.md': '# x\n',
    });
    const configs = new ProjectConfigs([base]);
    assert.equal(configs.forFile(join(base, 'packages/web/docs/HANDOFF.md')).config.dialect, 'next-chat-handoff');
    assert.equal(configs.forFile(join(base, 'packages/api/HANDOFF.md')).config.dialect, 'session-handoff');
    // Above the root is never searched.
    assert.equal(new ProjectConfigs([join(base, 'packages/api')]).forFile(join(base, 'packages/api/HANDOFF.md')).file, null);
  });
});
