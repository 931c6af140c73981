// Regression tests for bugs the reliability work found (each was first seen as a counterexample
// of a property in property.test.ts, or by a test of a RELIABILITY row).
import { strict as assert } from 'node:assert';
import { RULES, applyEdits, applyFixes, lint, noteOf, parseConfig } from '../../server/src/engine';
import { planUpdate } from '../../server/src/engine/update/update';
import { TODAY, gitFacts } from './helpers';

const capped = (max: number) => parseConfig(JSON.stringify({ maxLintBytes: max }), RULES).config;

describe('reliability: regressions', () => {
  describe('maxLintBytes cap', () => {
    it('cuts after the last line break of any kind, so LF, CRLF and CR notes are capped at the same line', () => {
      const lines = ['# Session Handoff', '', '## Snapshot', '', '- Date: 2026-11-20', 'x'.repeat(50)];
      const cuts = ['\n', '\r\n', '\r'].map((eol) => {
        const text = lines.join(eol);
        const note = noteOf({ text, path: 'HANDOFF.md', config: capped(text.indexOf('x') + 10) });
        return note.text.split(/\r\n|\r|\n/).length;
      });
      assert.deepEqual(cuts, [6, 6, 6]);
    });

    it('never keeps half of a surrogate pair when the first line is longer than the cap', () => {
      const text = '# 😀😀😀 handoff\n';
      for (let max = 1; max < 8; max++) {
        const note = noteOf({ text, path: 'HANDOFF.md', config: capped(max) });
        const last = note.text.charCodeAt(note.text.length - 1);
        assert.ok(!(last >= 0xd800 && last <= 0xdbff), `cap ${max} ends in a high surrogate`);
        const result = lint({ text, path: 'HANDOFF.md', config: capped(max), today: TODAY });
        assert.deepEqual(result.failures, []);
        assert.equal(result.findings.filter((f) => f.ruleId === 'max-size').length, 1);
      }
    });

    it('does not split a CRLF at the cap', () => {
      const text = '# Handoff\r\n\r\nabc\r\ndef\r\n';
      const max = text.indexOf('\r\ndef');
      const note = noteOf({ text, path: 'HANDOFF.md', config: capped(max) });
      assert.equal(note.text, '# Handoff\r\n\r\nabc\r\n');
    });
  });

  describe('a note that ends in a fence or HTML comment that never closes', () => {
    const fixToFixedPoint = (text: string, path = 'HANDOFF.md') => {
      for (let pass = 0; pass < 10; pass++) {
        const next = applyFixes(text, lint({ text, path, today: TODAY }).findings);
        if (next === text) return text;
        text = next;
      }
      assert.fail(`fixes do not converge:\n${text}`);
    };

    for (const [what, tail] of [['an HTML comment', '<!-- draft\nmore'], ['a fence', '```sh\nnpm test'], ['a tilde fence', '~~~\nx'], ['a <script> block', '<script>\nx'], ['a CDATA block', '<![CDATA[\nx']]) {
      it(`a missing section is inserted before ${what}, once`, () => {
        const text = `# Handoff\n\n## Status\n\nAll green.\n\n${tail}\n`;
        const fixed = fixToFixedPoint(text);
        assert.equal(fixed.split('## Next').length, 2, fixed);
        assert.ok(fixed.endsWith(`${tail}\n`), 'the unclosed block stays last');
        assert.ok(noteOf({ text: fixed, path: 'HANDOFF.md' }).allSections.some((s) => s.role === 'next'));
      });
    }

    it('a closed comment or fence at the end is not moved', () => {
      const text = '# Handoff\n\n## Status\n\nAll green.\n\n<!-- done -->\n';
      const fixed = fixToFixedPoint(text);
      assert.ok(fixed.startsWith(text.slice(0, -1)), fixed);
    });

    it('section-order moves a section before the unclosed block, not into it', () => {
      const session = ['# Session Handoff', '', '## Next steps (recommended order)', '', '1. Ship.', '', '## Snapshot', '', '- Date: 2026-11-20', '', '## What changed', '', '- x', '', '## Decisions (and links)', '', '- y', '', '## How to run / verify', '', '- z', '', '## Known issues / risks', '', '- none', '', '<!-- never closed', 'tail', ''].join('\n');
      const fixed = fixToFixedPoint(session);
      const note = noteOf({ text: fixed, path: 'HANDOFF.md' });
      assert.deepEqual(note.sections.map((s) => s.role), ['snapshot', 'changes', 'decisions', 'verify', 'risks', 'next']);
      assert.ok(fixed.endsWith('<!-- never closed\ntail\n'));
    });

    it('Update Handoff lists changes before the unclosed block and a second run adds nothing', () => {
      const text = '# Handoff\n\nDate: 2026-11-01\n\n## What changed\n\n- `src/a.ts`\n\n```sh\nnpm test\n';
      const git = gitFacts({ changedSince: [{ path: 'src/b.ts', status: 'added' }] });
      const options = { today: TODAY };
      const once = applyEdits(text, planUpdate(noteOf({ text, path: 'HANDOFF.md' }), git, options).edits);
      assert.ok(once.indexOf('`src/b.ts`') < once.indexOf('```sh'), once);
      const twice = applyEdits(once, planUpdate(noteOf({ text: once, path: 'HANDOFF.md' }), git, options).edits);
      assert.equal(twice, once);
    });
  });

  describe('Update Handoff', () => {
    const options = { today: TODAY, now: new Date(`${TODAY}T10:30:00`) };
    const run = (text: string, git: ReturnType<typeof gitFacts>, path = 'HANDOFF.md') => applyEdits(text, planUpdate(noteOf({ text, path }), git, options).edits);

    it('writes changed paths as inline code that reads back as the path: spaces, backticks, non-ASCII; control characters quoted as git does', () => {
      const paths = ['a b/c d.ts', 'tick`s.md', 'two``ticks.md', '`lead.md', 'ünï/cødé.md', 'new\n## Snapshot.md', 'tab\there.md', 'evil\u202e.md', '-leading.md'];
      const text = '# Handoff\n\nDate: 2026-11-01\n\n## What changed\n\n- `src/a.ts`\n\n## Next steps\n\n1. Go.\n';
      const git = gitFacts({ changedSince: paths.map((path) => ({ path, status: 'modified' as const })) });
      const once = run(text, git);
      const note = noteOf({ text: once, path: 'HANDOFF.md' });
      assert.equal(note.allSections.filter((s) => /snapshot/i.test(s.heading.text)).length, 0, 'a path became a heading');
      const codes: string[] = [];
      const walk = (n: { type: string; value?: string; children?: unknown[] }) => {
        if (n.type === 'inlineCode') codes.push(n.value!);
        for (const c of (n.children ?? []) as Array<typeof n>) walk(c);
      };
      walk(note.root as never);
      for (const p of paths.filter((p) => !/[\n\t\u202e]/.test(p))) assert.ok(codes.includes(p), `${JSON.stringify(p)} does not read back; inline code: ${JSON.stringify(codes)}`);
      assert.ok(codes.includes('"new\\n## Snapshot.md"') && codes.includes('"tab\\there.md"') && codes.includes('"evil\\u202e.md"'), JSON.stringify(codes));
      assert.equal(once.split(/\r\n|\r|\n/).length, text.split('\n').length + paths.length, 'one line per path');
      assert.equal(run(once, git), once, 'a second run lists the paths again');
    });

    it('a token shared by HEAD and upstream stays HEAD when the branch is ahead of its upstream (no flip-flop between runs)', () => {
      const text = '# Next Chat Handoff\n\nDate: 2026-11-01\nBranch: `main`\nHEAD / upstream (`origin/main`): `abc1234`\nWorktree: clean\n';
      const git = gitFacts({ head: '1111111aaaaaaa1111111aaaaaaa1111111aaaaa', upstream: { name: 'origin/main', sha: '2222222bbbbbbb2222222bbbbbbb2222222bbbbb', ahead: 2, behind: 0 } });
      const once = run(text, git, 'NEXT_CHAT_HANDOFF.md');
      assert.ok(once.includes('`1111111`'), once);
      assert.equal(run(once, git, 'NEXT_CHAT_HANDOFF.md'), once);
    });

    it('a worktree dirty only through the note itself is written "clean" when the field is added, as the worktree-state rule reads it', () => {
      const git = gitFacts({ dirty: true, status: [{ path: 'docs/HANDOFF.md', status: 'modified' }] });
      for (const text of ['# Personal Agent - Handoff\n\n## TL;DR\n\nText.\n', '# Next Chat Handoff\n\nDate: 2026-11-01\nBranch: `main`\nHEAD / upstream (`origin/main`): `1234567`\n\n## Current Status\n\n1. x\n\n## What Landed\n\n1. x\n\n## Validation Status\n\n1. x\n\n## Next Priority Work\n\n1. x\n']) {
        const path = text.includes('Next Chat') ? 'docs/NEXT_CHAT_HANDOFF.md' : 'docs/HANDOFF.md';
        const g = { ...git, status: [{ path, status: 'modified' as const }] };
        const once = run(text, g, path);
        assert.match(once, /Worktree: clean/, once);
        assert.equal(run(once, g, path), once);
        assert.deepEqual(lint({ text: once, path, today: TODAY, git: g }).findings.filter((f) => f.ruleId === 'worktree-state'), []);
      }
    });

    it('a free-form note that the listed changes turn into a session handoff gets no second snapshot on the next run', () => {
      const text = ['# Session Handoff', '', '## Notes', '- See the plan.', '## Next steps (recommended order)', '', '1. Go.', '## Decisions (and links)', ''].join('\r\n');
      const git = gitFacts({ branch: null, detached: true, head: '8b9faa0272c888d190743752cacc49141d07a8f8', changedSince: [{ path: 'README.md', status: 'untracked' }] });
      const once = run(text, git, 'NEXT_CHAT_HANDOFF.md');
      assert.equal(noteOf({ text: once, path: 'NEXT_CHAT_HANDOFF.md' }).dialect.id, 'session-handoff', 'the premise: the first run changes the dialect');
      assert.equal(run(once, git, 'NEXT_CHAT_HANDOFF.md'), once);
    });

    it('a note that the first pass turns into a session handoff gets the fields that dialect requires in the same run', () => {
      const text = ['# Session Handoff', '', '## Decisions (and links)', '', '- x', '', '## Snapshot', '', '- Date: 2024-02-30', '', '## Notes', ''].join('\r');
      const git = gitFacts({ changedSince: [{ path: 'src/é.md', status: 'modified' }] });
      const once = run(text, git);
      assert.ok(once.includes('- Branch / commit: `main`'), once);
      assert.equal(run(once, git), once);
    });

    it('composeEdits joins two passes: edits inside text the first wrote change it, the others move back', async () => {
      const { composeEdits } = await import('../../server/src/engine/update/update');
      const base = 'aaa bbb ccc';
      const first = [{ start: 4, end: 7, text: 'BBBB' }, { start: 11, end: 11, text: ' end' }];
      const mid = applyEdits(base, first);
      const second = [{ start: 0, end: 3, text: 'A' }, { start: 5, end: 5, text: '+' }, { start: mid.length, end: mid.length, text: '!' }];
      const joined = composeEdits(base, first, second)!;
      assert.equal(applyEdits(base, joined), applyEdits(mid, second));
      assert.equal(composeEdits(base, first, [{ start: 2, end: 6, text: 'x' }]), null, 'straddling the first pass');
    });

    it('a free-form note whose fields sit in its first section keeps them first when a changes section is added', () => {
      const text = '# Session Handoff\n\n## Next Priority Work\n\nHEAD: `abc1234`\n';
      const git = gitFacts({ changedSince: [{ path: 'src/b.ts', status: 'added' }] });
      const once = run(text, git);
      assert.ok(once.indexOf('## Next Priority Work') < once.indexOf('## What changed'), once);
      assert.equal(run(once, git), once);
    });
  });

  describe('parser positions', () => {
    it('every node has a position, also the pieces remark-gfm cuts a text around an autolinked address', () => {
      const heading = '## postgres://app:secret@db.internal:5432/app' + 'alice' + '@' + 'acme-corp.com[link](b@';
      const text = `${heading}\n\nSome text.\n`;
      const { note, findings, failures } = lint({ text, path: 'HANDOFF.md', today: TODAY });
      assert.deepEqual(failures, []);
      const missing: string[] = [];
      const walk = (n: { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }) => {
        if (n.position?.start.offset === undefined || n.position.end.offset === undefined) missing.push(n.type);
        for (const c of (n.children ?? []) as Array<typeof n>) walk(c);
      };
      walk(note.root as never);
      assert.deepEqual(missing, []);
      for (const f of findings) assert.ok(f.start <= f.end && f.end <= text.length, `${f.ruleId} [${f.start}, ${f.end})`);
      const h = note.sections[0].heading;
      assert.equal(text.slice(h.textStart, h.textEnd), heading.slice(3));
    });
  });

  describe('CRLF', () => {
    it('a task item whose checkbox ends its line reads the same with CRLF as with LF (no offset between CR and LF)', () => {
      const positions = ['\n', '\r\n'].map((eol) => {
        const text = ['- [ ] ', '\u2069.x', 'a line', '## Decisions (and links)', '', '## Phase 1', '', '- [ ] ', '| →', 'x', '- [x] done', '- [ ] open', '- ✅ done'].join(eol) + eol;
        const { findings, lines, note } = lint({ text, path: 'docs/ROADMAP.md', today: TODAY });
        const offsets: number[] = [];
        const walk = (n: { position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }) => {
          offsets.push(n.position!.start.offset!, n.position!.end.offset!);
          for (const c of (n.children ?? []) as Array<typeof n>) walk(c);
        };
        walk(note.root as never);
        for (const o of offsets) assert.ok(!(text[o - 1] === '\r' && text[o] === '\n'), `a node position at ${o} splits a CRLF`);
        return findings.map((f) => `${f.ruleId} ${JSON.stringify(lines.position(f.start))}-${JSON.stringify(lines.position(f.end))}`).sort();
      });
      assert.deepEqual(positions[1], positions[0]);
    });
  });

  describe('line numbers', () => {
    it('a task item continued on the next line: its paragraph is numbered on the line it starts (micromark says the checkbox line)', () => {
      const ranges = ['\n', '\r\n'].map((eol) => {
        const text = ['- [ ] ', '&amp;\u2066x\u0301', '### y'].join(eol) + eol;
        const note = noteOf({ text, path: 'docs/ROADMAP.md' });
        const item = note.roadmap!.phases.flatMap((p) => p.items)[0];
        return [note.lines.position(item.textStart), note.lines.position(item.textEnd)].map((p) => `${p.line}:${p.character}`).join('-');
      });
      assert.deepEqual(ranges, ['1:0-1:8', '1:0-1:8'], 'the whole first line of the item, with the entity as written');
    });
  });

  describe('templates', () => {
    it('a template too complex to parse is refused with a message: the CLI exits 2 instead of hanging, the server reports it', async () => {
      const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { tmpdir } = await import('node:os');
      const { main } = await import('../../server/src/cli/cli');
      const { ProjectConfigs } = await import('../../server/src/project/config');
      const dir = mkdtempSync(join(tmpdir(), 'handoff-template-'));
      try {
        // An image makes the line scanner decline, so remark and its complexity guard decide.
        writeFileSync(join(dir, 'TEMPLATE.md'), '# Template\n\n![logo](logo.png)\n\n' + '*a_ '.repeat(20000) + '\n');
        writeFileSync(join(dir, '.handoff.json'), JSON.stringify({ dialect: 'template', template: 'TEMPLATE.md' }));
        writeFileSync(join(dir, 'HANDOFF.md'), '# Session Handoff\n');
        let err = '';
        const started = Date.now();
        const code = await main(['lint'], { cwd: dir, env: { HANDOFF_NO_GIT: '1' }, stdout: () => {}, stderr: (t) => (err += t), isTTY: false });
        assert.equal(code, 2);
        assert.match(err, /Template "TEMPLATE\.md" cannot be used: too complex to parse/);
        assert.ok(Date.now() - started < 20000);
        const project = new ProjectConfigs([dir]).forFile(join(dir, 'HANDOFF.md'));
        assert.match(project.templateProblem ?? '', /too complex to parse/);
        assert.equal(project.config.dialect, 'auto');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
