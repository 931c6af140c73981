// `handoff outline` run in process (main() with an injected Io) on temporary projects: the JSON
// the sidebar reads, 1-based lines, absent parts null or empty, discovery as for lint, skipped
// binary files, the text form, and usage errors.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { main } from '../../server/src/cli/cli';
import type { Io } from '../../server/src/cli/io';
import type { OutlineJson } from '../../server/src/project/outline';

const EXAMPLES = resolve(__dirname, '../fixtures/examples');

async function run(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd, env: { HANDOFF_TODAY: '2026-11-22' }, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false };
  const code = await main(['outline', ...args], io);
  return { code, stdout, stderr };
}

describe('handoff outline', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'handoff-outline-'));
    const put = (rel: string, text: string | Buffer) => {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    };
    put('HANDOFF.md', readFileSync(join(EXAMPLES, 'session-handoff.md')));
    put('docs/NEXT_CHAT_HANDOFF.md', readFileSync(join(EXAMPLES, 'next-chat-handoff.md')));
    put('docs/ROADMAP.md', '# Roadmap\n\n## EPIC-04\n\n- [x] ST-04-01 Model\n- [ ] ST-04-02 Runner\n');
    put('node_modules/x/HANDOFF.md', '# Handoff\n');
    put('notes/binary-handoff.md', Buffer.from([0x23, 0x00, 0x01]));
    put('README.md', '# Readme\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('--json prints every note of the project with its snapshot, next steps, risks and roadmap', async () => {
    const r = await run(dir, ['--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /notes\/binary-handoff\.md: skipped, binary file/);
    const out = JSON.parse(r.stdout) as OutlineJson;
    assert.deepEqual(out.files.map((f) => [f.file, f.kind]), [
      ['HANDOFF.md', 'handoff'],
      ['docs/NEXT_CHAT_HANDOFF.md', 'handoff'],
      ['docs/ROADMAP.md', 'roadmap'],
    ]);
    const session = out.files.find((f) => f.file === 'HANDOFF.md')!;
    assert.deepEqual(Object.keys(session), ['file', 'kind', 'dialect', 'title', 'snapshot', 'nextSteps', 'risks', 'roadmap', 'verify']);
    assert.deepEqual(session.snapshot, { date: '2025-12-14', branch: 'main', commit: 'HEAD', upstream: null, worktree: null });
    assert.deepEqual(session.nextSteps[0], { text: 'Confirm/accept ADR-0015 and ADR-0016 (or adjust and re-propose).', line: 66, done: false });
    assert.equal(session.nextSteps.length, 5);
    assert.deepEqual(session.risks.map((x) => x.line), [61, 62]);
    assert.equal(session.roadmap, null);
    const chat = out.files.find((f) => f.file === 'docs/NEXT_CHAT_HANDOFF.md')!;
    assert.equal(chat.dialect, 'next-chat-handoff');
    assert.deepEqual(chat.snapshot, { date: '2026-02-22', branch: 'master', commit: '8b0fd91', upstream: 'origin/master', worktree: 'dirty' });
    assert.equal(chat.nextSteps.length, 12);
    assert.deepEqual(chat.risks.map((x) => x.line), [89, 91, 93, 95]);
    const roadmap = out.files.find((f) => f.kind === 'roadmap')!;
    assert.deepEqual(roadmap.nextSteps, []);
    assert.deepEqual(roadmap.roadmap, {
      phases: [
        {
          title: 'EPIC-04',
          line: 3,
          items: [
            { id: 'ST-04-01', text: 'ST-04-01 Model', line: 5, status: 'done' },
            { id: 'ST-04-02', text: 'ST-04-02 Runner', line: 6, status: 'planned' },
          ],
        },
      ],
    });
  });

  it('takes paths and globs like lint; a file named explicitly is outlined whatever its kind', async () => {
    const r = await run(dir, ['--json', 'README.md', 'docs/*.md']);
    const out = JSON.parse(r.stdout) as OutlineJson;
    assert.deepEqual(out.files.map((f) => [f.file, f.kind, f.nextSteps.length, f.roadmap]), [
      ['README.md', 'other', 0, null],
      ['docs/NEXT_CHAT_HANDOFF.md', 'handoff', 12, null],
      ['docs/ROADMAP.md', 'roadmap', 0, out.files[2].roadmap],
    ]);
  });

  it('prints a readable outline without --json', async () => {
    const r = await run(dir, ['HANDOFF.md', 'docs/ROADMAP.md']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^HANDOFF\.md {2}handoff \(session-handoff\) — Session Handoff\n {2}date 2025-12-14 · branch main · commit HEAD\n {2}Next steps:\n {4}1\. \[ \] Confirm\/accept ADR-0015/);
    assert.match(r.stdout, /docs\/ROADMAP\.md {2}roadmap — Roadmap\n {2}EPIC-04 \(line 3\) 1\/2\n {4}\[x\] ST-04-01 Model \(line 5\)\n {4}\[ \] ST-04-02 Runner \(line 6\)/);
  });

  it('lists the verify commands with the results recorded next to them, in JSON and text, masked and escaped', async () => {
    const token = 'gh' + 'p_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    writeFileSync(
      join(dir, 'HANDOFF.md'),
      `# Session Handoff\n\n## Snapshot\n\n- Date: 2026-11-20\n- Branch / commit: \`main\`\n\n## Next steps\n\n- [ ] Ship it.\n\n## How to run / verify\n\n- \`npm test\` — 680 passing\n- \`npm run lint\`\n- \`GITHUB_TOKEN=${token} npm run e2e\` — 12 passing\n`,
    );
    const out = JSON.parse((await run(dir, ['--json', 'HANDOFF.md'])).stdout) as OutlineJson;
    const verify = out.files[0].verify;
    assert.deepEqual(verify.slice(0, 2), [
      { command: 'npm test', result: '680 passing', line: 14 },
      { command: 'npm run lint', result: null, line: 15 },
    ]);
    assert.equal(verify.length, 3);
    assert.ok(!verify[2].command.includes(token), verify[2].command);
    assert.equal(verify[2].result, '12 passing');
    const text = (await run(dir, ['HANDOFF.md'])).stdout;
    assert.match(text, /\n {2}Verify:\n {4}- npm test — 680 passing \(line 14\)\n {4}- npm run lint \(line 15\)\n/);
    assert.ok(!text.includes(token));
    // A roadmap, or a handoff without a verify section, lists none.
    assert.deepEqual(JSON.parse((await run(dir, ['--json', 'docs/ROADMAP.md'])).stdout).files[0].verify, []);
  });

  it('exits 2 on a usage problem', async () => {
    const r = await run(dir, ['--nope']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Unknown option '--nope'/);
    assert.equal((await run(dir, ['missing.md'])).code, 2);
  });
});
