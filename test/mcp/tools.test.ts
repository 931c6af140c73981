// Every tool of `handoff mcp` through the SDK's client over stdio, on real repositories: the list,
// lint, fix (dry run, one rule), update (diff, apply, refusal), outline, brief and new.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, git, HANDOFF, repository, startServer, type Server } from './harness';

const NEXT = (head: string, date = '2026-11-10') =>
  ['# Next Chat Handoff', '', `Date: ${date}`, 'Branch: `main`', `HEAD / upstream (\`origin/main\`): \`${head}\``, 'Worktree: clean', '', '## Current Status', '', '1. Working on `src/app.ts`.', '', '## What Landed', '', '1. ST-04-01 versioning.', '', '## Validation Status', '', '1. ok', '', '## Next Priority Work', '', '1. Finish ST-04-02 the runner', '2. Then ST-04-03 the docs', '', 'Remaining risks / TODO:', '', '- The runner leaks file handles', ''].join('\n');
const ROADMAP = '# Roadmap\n\n## Phase 4\n\n- [x] ST-04-01 Versioning\n- [~] ST-04-02 Runner (in progress)\n- [ ] ST-04-03 Docs\n';

describe('handoff mcp: tools', function () {
  this.timeout(60_000);
  let base: string;
  let root: string;
  let server: Server;

  beforeEach(async () => {
    ({ base, root } = repository({ 'HANDOFF.md': HANDOFF(), 'src/app.ts': 'export {};\n', 'docs/ROADMAP.md': ROADMAP }));
    server = await startServer(root);
  });
  afterEach(async () => {
    await server.close();
    rmSync(base, { recursive: true, force: true });
  });

  it('lists the six tools with input and output schemas, and the handoff_write prompt', async () => {
    const { tools } = await server.client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['handoff_brief', 'handoff_fix', 'handoff_lint', 'handoff_new', 'handoff_outline', 'handoff_update']);
    for (const t of tools) {
      assert.equal(t.inputSchema.type, 'object', t.name);
      assert.equal(t.outputSchema?.type, 'object', t.name);
      assert.ok(t.description && t.description.length < 300, t.name);
    }
    const lint = tools.find((t) => t.name === 'handoff_lint')!;
    assert.ok('path' in (lint.inputSchema.properties ?? {}));
    const { prompts } = await server.client.listPrompts();
    assert.deepEqual(prompts.map((p) => p.name), ['handoff_write']);
    const prompt = await server.client.getPrompt({ name: 'handoff_write', arguments: { dialect: 'next-chat-handoff' } });
    const text = prompt.messages.map((m) => (m.content.type === 'text' ? m.content.text : '')).join('');
    assert.match(text, /# Next Chat Handoff/);
    assert.match(text, /- Next Priority Work/);
    assert.match(text, /handoff_lint/);
  });

  it('handoff_lint: the whole workspace, one note, a list; each finding with its fix and docs link', async () => {
    const all = await call(server, 'handoff_lint');
    const findings = all.data.findings as Array<{ file: string; rule: string; fixable: boolean; docs: string; line: number }>;
    assert.ok(findings.some((f) => f.file === 'HANDOFF.md' && f.rule === 'list-numbering' && f.fixable && f.line === 19));
    assert.ok(findings.every((f) => f.docs.endsWith(`/${f.rule}.md`)));
    assert.deepEqual((all.data.files as Array<{ file: string }>).map((f) => f.file), ['HANDOFF.md', 'docs/ROADMAP.md']);
    assert.match(all.text, /HANDOFF\.md:19:1 warning list-numbering \(fixable\)/);
    const one = await call(server, 'handoff_lint', { path: 'docs/ROADMAP.md' });
    assert.ok((one.data.findings as Array<{ file: string }>).every((f) => f.file === 'docs/ROADMAP.md'));
    const list = await call(server, 'handoff_lint', { path: ['HANDOFF.md', 'docs'] });
    assert.deepEqual((list.data.files as Array<{ file: string }>).map((f) => f.file), ['HANDOFF.md', 'docs/ROADMAP.md']);
  });

  it('handoff_fix: a dry run returns the diff and writes nothing; one rule fixes only that rule, atomically', async () => {
    const before = readFileSync(join(root, 'HANDOFF.md'), 'utf8');
    const dry = await call(server, 'handoff_fix', { path: 'HANDOFF.md', dryRun: true });
    assert.equal(dry.isError, undefined);
    assert.match(dry.data.diff as string, /^-3\. Ship it$/m);
    assert.match(dry.data.diff as string, /^\+2\. Ship it$/m);
    assert.equal(readFileSync(join(root, 'HANDOFF.md'), 'utf8'), before);
    const fixed = await call(server, 'handoff_fix', { path: 'HANDOFF.md', rule: 'list-numbering' });
    assert.equal((fixed.data.files as Array<{ written: boolean }>)[0].written, true);
    assert.equal(readFileSync(join(root, 'HANDOFF.md'), 'utf8'), before.replace('3. Ship it', '2. Ship it'));
    const again = await call(server, 'handoff_lint', { path: 'HANDOFF.md' });
    assert.ok(!(again.data.findings as Array<{ rule: string }>).some((f) => f.rule === 'list-numbering'));
    const unknown = await call(server, 'handoff_fix', { rule: 'no-such-rule' });
    assert.equal(unknown.isError, true);
    assert.match(unknown.text, /Unknown rule "no-such-rule"/);
  });

  it('handoff_update: the diff without apply, the write with it, prose untouched; a roadmap is refused as the editor refuses it', async () => {
    const head = git(root, 'rev-parse', 'HEAD');
    writeFileSync(join(root, 'NEXT_HANDOFF.md'), NEXT(head.slice(0, 7)));
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'Note');
    writeFileSync(join(root, 'src/new.ts'), 'export {};\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'Add new.ts');
    const before = readFileSync(join(root, 'NEXT_HANDOFF.md'), 'utf8');
    const plan = await call(server, 'handoff_update', { path: 'NEXT_HANDOFF.md' });
    const file = (plan.data.files as Array<{ status: string; diff: string }>)[0];
    assert.equal(file.status, 'planned');
    assert.match(file.diff, /^-Date: 2026-11-10$/m);
    assert.match(file.diff, /^\+Date: 2026-11-22$/m);
    assert.match(file.diff, /src\/new\.ts/);
    assert.equal(readFileSync(join(root, 'NEXT_HANDOFF.md'), 'utf8'), before);
    const applied = await call(server, 'handoff_update', { path: 'NEXT_HANDOFF.md', apply: true });
    assert.equal((applied.data.files as Array<{ status: string }>)[0].status, 'updated');
    const after = readFileSync(join(root, 'NEXT_HANDOFF.md'), 'utf8');
    assert.match(after, /^Date: 2026-11-22$/m);
    assert.match(after, new RegExp(`\`${git(root, 'rev-parse', '--short=7', 'HEAD')}\``));
    for (const prose of ['1. Working on `src/app.ts`.', '1. Finish ST-04-02 the runner', '- The runner leaks file handles']) assert.ok(after.includes(prose), prose);
    const roadmap = await call(server, 'handoff_update', { path: 'docs/ROADMAP.md', apply: true });
    assert.equal(roadmap.isError, true);
    assert.match(roadmap.text, /This file is not a handoff note/);
    assert.equal(readFileSync(join(root, 'docs/ROADMAP.md'), 'utf8'), ROADMAP);
  });

  it('handoff_outline: next steps in order, risks, roadmap progress', async () => {
    const r = await call(server, 'handoff_outline');
    const files = r.data.files as Array<{ file: string; nextSteps: Array<{ text: string }>; risks: Array<{ text: string }>; roadmap: { phases: Array<{ items: Array<{ status: string }> }> } | null }>;
    const note = files.find((f) => f.file === 'HANDOFF.md')!;
    assert.deepEqual(note.nextSteps.map((s) => s.text), ['Write the docs', 'Ship it']);
    assert.deepEqual(note.risks.map((s) => s.text), ['The cache may go stale']);
    const roadmap = files.find((f) => f.file === 'docs/ROADMAP.md')!;
    assert.deepEqual(roadmap.roadmap?.phases[0].items.map((i) => i.status), ['done', 'in-progress', 'planned']);
    assert.match(r.text, /1\. \[ \] Write the docs/);
  });

  it('handoff_brief: from the newest handoff, what changed since its commit, its problems and the roadmap in progress, within the budget', async () => {
    const head = git(root, 'rev-parse', 'HEAD');
    writeFileSync(join(root, 'NEXT_HANDOFF.md'), NEXT(head.slice(0, 7), '2026-11-21'));
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'Note');
    writeFileSync(join(root, 'src/runner.ts'), 'export {};\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'Runner');
    const r = await call(server, 'handoff_brief');
    assert.equal(r.data.file, 'NEXT_HANDOFF.md', 'the newest by its date (2026-11-21 after HANDOFF.md\'s 2026-11-20)');
    const md = r.data.markdown as string;
    assert.equal(r.text, md);
    assert.match(md, /^# Brief: NEXT_HANDOFF\.md$/m);
    assert.match(md, /2 commits since the recorded one/);
    assert.match(md, /^1\. Finish ST-04-02 the runner/m);
    assert.match(md, /^- The runner leaks file handles/m);
    assert.match(md, /`src\/runner\.ts`/);
    assert.match(md, /## Roadmap in progress \(docs\/ROADMAP\.md\)\n\n- \[in-progress\] .*ST-04-02 Runner/);
    assert.match(md, /## Open problems/);
    const short = await call(server, 'handoff_brief', { maxChars: 400 });
    assert.ok((short.data.markdown as string).length <= 400, `${(short.data.markdown as string).length} characters`);
    assert.equal(short.data.truncated, true);
    assert.match(short.data.markdown as string, /…and \d+ more/);
  });

  it('handoff_new: a note with today\'s git facts; never over an existing file', async () => {
    const made = await call(server, 'handoff_new', { path: 'notes/NEXT.md', dialect: 'next-chat-handoff' });
    assert.equal(made.isError, true);
    assert.match(made.text, /the folder notes does not exist/);
    const created = await call(server, 'handoff_new', { path: 'NEXT_CHAT_HANDOFF.md', dialect: 'next-chat-handoff' });
    const text = readFileSync(join(root, 'NEXT_CHAT_HANDOFF.md'), 'utf8');
    assert.equal(created.data.text, text);
    assert.match(text, /^Date: 2026-11-22$/m);
    assert.match(text, /^Branch: `main`$/m);
    assert.ok(text.includes(`\`${git(root, 'rev-parse', 'HEAD').slice(0, 7)}\``));
    const before = readFileSync(join(root, 'HANDOFF.md'), 'utf8');
    const again = await call(server, 'handoff_new', {});
    assert.equal(again.isError, true);
    assert.match(again.text, /HANDOFF\.md already exists/);
    assert.equal(readFileSync(join(root, 'HANDOFF.md'), 'utf8'), before);
    const dialect = await call(server, 'handoff_new', { path: 'OTHER_HANDOFF.md', dialect: 'klingon' });
    assert.equal(dialect.isError, true);
    assert.match(dialect.text, /Unknown dialect "klingon"/);
    assert.equal(existsSync(join(root, 'OTHER_HANDOFF.md')), false);
  });
});
