// A run's project (project/session.ts): the notes a handoff or a roadmap is checked against are
// found among the project's notes, and a handoff its path names is parsed only when its model is
// read (linting one handoff reads the roadmaps, not the other handoffs).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { handoffByPath } from '../../server/src/project/candidates';
import { RootConfigs } from '../../server/src/project/root-configs';
import { ProjectSession } from '../../server/src/project/session';

const HANDOFF = '# Session handoff\n\n## Next steps\n\n- [ ] Ship the parser (see ROADMAP.md)\n';

describe('project: the notes of a run', function () {
  this.timeout(60_000);
  let dir: string;
  const write = (files: Record<string, string>): void => {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'handoff-session-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('knows a handoff by its path without parsing it, unless its text could declare another type', () => {
    const project = new RootConfigs(dir, null).forFile(join(dir, 'x.md'));
    const is = (name: string, text: string) => handoffByPath(join(dir, name), project, text);
    assert.equal(is('docs/2026-01-01-handoff.md', HANDOFF), true);
    assert.equal(is('docs/2026-01-01-handoff.md', `${HANDOFF}\n---\n\nMore notes.\n`), true, 'a thematic break declares nothing');
    assert.equal(is('docs/2026-01-01-handoff.md', `---\ntype: roadmap\n---\n${HANDOFF}`), false, 'front matter');
    assert.equal(is('docs/2026-01-01-handoff.md', `\uFEFF---\ntitle: x\n---\n${HANDOFF}`), false, 'front matter after a BOM');
    assert.equal(is('docs/2026-01-01-handoff.md', `${HANDOFF}\n---\ntype: roadmap\n`), false, 'the type line an unparsed note is read by');
    assert.equal(is('docs/roadmap-handoff.md', HANDOFF), false, 'a roadmap glob names it too');
    assert.equal(is('docs/NOTES.md', HANDOFF), false, 'no handoff glob: only its content says');
  });

  it('finds the roadmap of a handoff, also one that only its front matter makes a roadmap, and the handoffs of a roadmap', async () => {
    write({
      'HANDOFF.md': HANDOFF,
      'docs/handoffs/2026-01-01-handoff.md': HANDOFF,
      'docs/handoffs/2026-01-02-handoff.md': HANDOFF,
      'docs/plan-handoff.md': '---\ntype: roadmap\n---\n# Plan\n\n## Now\n\n- [ ] R1 Ship the parser\n',
    });
    const session = new ProjectSession(new RootConfigs(dir, null), { git: false, gitPath: null });
    const roadmap = await session.roadmapFor(join(dir, 'HANDOFF.md'));
    assert.equal(roadmap?.kind, 'roadmap');
    assert.equal(roadmap?.path, 'docs/plan-handoff.md');
    const notes = await session.allNotes();
    assert.deepEqual(notes.map((n) => [n.file.slice(dir.length + 1), n.kind]), [
      ['HANDOFF.md', 'handoff'],
      ['docs/handoffs/2026-01-01-handoff.md', 'handoff'],
      ['docs/handoffs/2026-01-02-handoff.md', 'handoff'],
      ['docs/plan-handoff.md', 'roadmap'],
    ]);
    for (const n of notes) assert.equal(n.note.kind, n.kind, `${n.file}: the parsed note agrees`);
    const handoffs = await session.handoffsFor(join(dir, 'docs/plan-handoff.md'));
    assert.deepEqual(handoffs.map((h) => h.path).sort(), ['HANDOFF.md', 'docs/handoffs/2026-01-01-handoff.md', 'docs/handoffs/2026-01-02-handoff.md']);
  });
});
