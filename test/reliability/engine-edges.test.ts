// Engine edges that the rule fixtures do not reach: every way a configuration can be wrong,
// every tool a command can name, the Update Handoff paths (refusals, insertions, long lists,
// repository prefixes), suppression comment forms, front matter, templates and the complexity
// guard's limits. RELIABILITY rows 4, 10, 11, 24, 25, 47 at the unit level; the coverage floor
// (scripts/coverage-check.mjs) counts on them.
import { strict as assert } from 'node:assert';
import { RULES, applyEdits, applyFixes, lint, noteOf, parseConfig, resolveRule, templateDialect, type GitFacts } from '../../server/src/engine';
import { planUpdate, quotePath } from '../../server/src/engine/update/update';
import { codeSpan } from '../../server/src/engine/model/code-span';
import { namedTarget } from '../../server/src/engine/model/commands';
import { tooComplex, MAX_DELIMITER_COST } from '../../server/src/engine/parse/complexity';
import { emptyCatalog } from '../../server/src/engine/examples/example-facts';
import { openTail } from '../../server/src/engine/update/sections-edit';
import { TODAY, gitFacts, workspaceOf } from './helpers';

const ids = (text: string, path = 'HANDOFF.md', extra: Partial<Parameters<typeof lint>[0]> = {}) => lint({ text, path, today: TODAY, ...extra }).findings.map((f) => f.ruleId);

describe('reliability: engine edges', () => {
  describe('configuration problems are reported with their range and the defaults apply (never a throw)', () => {
    const problems = (text: string) => parseConfig(text, RULES).problems.map((p) => p.message);
    it('not JSON, not an object', () => {
      assert.match(problems('{ "rules": ')[0], /^Invalid JSON/);
      assert.deepEqual(problems('[1, 2]'), ['Expected an object at the top of the configuration']);
      assert.deepEqual(problems('"x"'), ['Expected an object at the top of the configuration']);
      assert.match(problems('')[0] ?? '', /^Invalid JSON/);
    });
    it('unknown settings, wrong types, unknown dialect, template dialect without a template', () => {
      assert.deepEqual(problems('{ "colour": 1 }'), ['Unknown setting "colour"']);
      assert.deepEqual(problems('{ "dialect": 3 }'), ['Expected a string for "dialect"']);
      assert.deepEqual(problems('{ "template": null, "roadmap": null }'), []);
      assert.deepEqual(problems('{ "template": 1 }'), ['Expected a string for "template"']);
      assert.match(problems('{ "dialect": "klingon" }')[0], /^Unknown dialect "klingon", expected one of/);
      assert.deepEqual(problems('{ "dialect": "template" }'), ['Dialect "template" needs a "template" file']);
      assert.deepEqual(problems('{ "handoffGlobs": "**/*.md" }'), ['Expected an array of glob strings for "handoffGlobs"']);
      assert.deepEqual(problems('{ "roadmapGlobs": [1] }'), ['Expected an array of glob strings for "roadmapGlobs"']);
      assert.deepEqual(problems('{ "maxLintBytes": -1 }'), ['Expected a positive number for "maxLintBytes"']);
      assert.deepEqual(problems('{ "maxLintBytes": "2MB" }'), ['Expected a positive number for "maxLintBytes"']);
      const ok = parseConfig('{ "handoffGlobs": ["x/*.md"], "maxLintBytes": 10, "dialect": "next-chat-handoff" }', RULES);
      assert.deepEqual(ok.problems, []);
      assert.deepEqual(ok.config.handoffGlobs, ['x/*.md']);
      assert.equal(ok.config.maxLintBytes, 10);
    });
    it('rules: not an object, unknown rule, bad severity, bad options', () => {
      assert.deepEqual(problems('{ "rules": [] }'), ['Expected an object for "rules"']);
      assert.deepEqual(problems('{ "rules": { "nope": "off" } }'), ['Unknown rule "nope"']);
      assert.match(problems('{ "rules": { "mojibake": "loud" } }')[0], /^Rule "mojibake": expected a severity/);
      assert.match(problems('{ "rules": { "mojibake": 1 } }')[0], /expected a severity/);
      assert.deepEqual(problems('{ "rules": { "mojibake": ["error"] } }'), ['Rule "mojibake": expected [severity, { options }]']);
      assert.deepEqual(problems('{ "rules": { "mojibake": ["error", null] } }'), ['Rule "mojibake": expected [severity, { options }]']);
      assert.deepEqual(problems('{ "rules": { "bullet-length": ["error", { "colour": 1 }] } }'), ['Rule "bullet-length": unknown option "colour"']);
      assert.match(problems('{ "rules": { "bullet-length": ["error", { "max": "long" }] } }')[0], /option "max" expects a number/);
      const rule = RULES.find((r) => r.meta.id === 'bullet-length')!;
      const withOptions = parseConfig('{ "rules": { "bullet-length": ["error", { "max": 5 }], "mojibake": "off" } }', RULES).config;
      assert.deepEqual(resolveRule(rule, withOptions), { severity: 'error', options: { ...Object.fromEntries(Object.entries(rule.meta.options!).map(([k, o]) => [k, o.default])), max: 5 } });
      assert.equal(resolveRule(RULES.find((r) => r.meta.id === 'mojibake')!, withOptions), null);
      assert.ok(!ids('# Handoff\n\nâ€” x\n', 'HANDOFF.md', { config: withOptions }).includes('mojibake'));
    });
  });

  describe('commands every tool can name (command-exists)', () => {
    const catalog = { ...emptyCatalog(), npmScripts: ['build', 'test'], npmBins: ['tsc'], pdmScripts: ['serve'], pythonScripts: ['cli'], makeTargets: ['all'], justRecipes: ['deploy'], cargoTests: ['api'], cargoBins: ['server'] };
    const named = (c: string) => {
      const t = namedTarget(c, catalog);
      return t && `${t.kind}:${t.name}`;
    };
    it('names the script, target or binary, and nothing for built-ins and flags', () => {
      assert.equal(named('npm run build'), 'npm script:build');
      assert.equal(named('npm run-script biuld'), 'npm script:biuld');
      assert.equal(named('npm t'), 'npm script:test');
      assert.equal(named('npm install'), null);
      assert.equal(named('npm run --silent'), null);
      assert.equal(named('npm'), null);
      assert.equal(named('pnpm run build'), 'pnpm script:build');
      assert.equal(named('pnpm install'), null);
      assert.equal(named('pnpm tsc'), null, 'a binary of node_modules/.bin');
      assert.equal(named('yarn biuld'), 'yarn script:biuld');
      assert.equal(named('yarn --frozen-lockfile'), null);
      assert.equal(named('bun test'), null);
      assert.equal(named('npx tsc'), 'npx binary:tsc');
      assert.equal(named('npx -y x'), null);
      assert.equal(named('npx pkg@1'), null);
      assert.equal(named('pdm run serve'), 'pdm script:serve');
      assert.equal(named('poetry run cli'), 'poetry script:cli');
      assert.equal(named('uv run pytest'), null);
      assert.equal(named('uv run ./x.py'), null);
      assert.equal(named('uv sync'), null);
      assert.equal(named('make -j4 all'), 'make target:all');
      assert.equal(named('make -C sub all'), null);
      assert.equal(named('just deploy'), 'just recipe:deploy');
      assert.equal(named('just --justfile x deploy'), null);
      assert.equal(named('cargo test --test api'), 'cargo test target:api');
      assert.equal(named('cargo run --bin server'), 'cargo binary:server');
      assert.equal(named('cargo build'), null);
      assert.equal(named('cargo test --test'), null);
      assert.equal(named('go test ./...'), null);
    });
    it('reports misspelt names with the nearest real one as the fix, across tools', () => {
      const workspace = { ...workspaceOf([]), commands: catalog };
      const text = '# Handoff\n\n```sh\npnpm run biuld\nmake al\njust deplyo\ncargo test --test apii\npoetry run clii\nnpx tcs\n```\n';
      const found = lint({ text, path: 'HANDOFF.md', today: TODAY, workspace }).findings.filter((f) => f.ruleId === 'command-exists');
      assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ['biuld', 'al', 'deplyo', 'apii', 'clii', 'tcs']);
      const fixed = applyFixes(text, found);
      assert.ok(fixed.includes('pnpm run build') && fixed.includes('make all') && fixed.includes('just deploy') && fixed.includes('--test api\n'));
      assert.deepEqual(lint({ text, path: 'HANDOFF.md', today: TODAY, workspace: null }).findings.filter((f) => f.ruleId === 'command-exists'), []);
    });
  });

  describe('Update Handoff edges', () => {
    const options = { today: TODAY, now: new Date(`${TODAY}T10:30:00`) };
    const plan = (text: string, git: GitFacts, path = 'HANDOFF.md') => planUpdate(noteOf({ text, path }), git, options);

    it('row 4: refuses when the snapshot itself holds U+FFFD (a damaged encoding), and refuses notes that are not handoffs', () => {
      const p = plan('# Next Chat Handoff\n\nDate: 2026-11-01\nBranch: `ma\uFFFDn`\n', gitFacts(), 'NEXT_CHAT_HANDOFF.md');
      assert.match(p.refused ?? '', /U\+FFFD/);
      assert.deepEqual(p.edits, []);
      assert.equal(plan('# Roadmap\n', gitFacts(), 'docs/ROADMAP.md').refused, 'Not a handoff note');
    });

    it('row 10: a "## Snapshot" heading inside a fence or an HTML block is no section (no "ambiguous" refusal, no edit inside)', () => {
      const text = '# Session Handoff\n\n## Snapshot\n\n- Date: 2026-11-01\n- Branch / commit: `old` (HEAD)\n- Goal of the session: x\n\n```md\n## Snapshot\n- Date: 2020-01-01\n```\n\n<div>\n## Snapshot\n</div>\n';
      const p = plan(text, gitFacts({ branch: 'main' }));
      assert.equal(p.refused, null);
      const after = applyEdits(text, p.edits);
      assert.ok(after.includes('```md\n## Snapshot\n- Date: 2020-01-01\n```'), 'the fenced example changed');
      assert.ok(after.includes('- Date: 2026-11-22') && after.includes('`main`'));
    });

    it('row 11: two snapshots refuse with their lines; setext and "### snapshot " headings are snapshots too', () => {
      const two = plan('# Session Handoff\n\n## Snapshot\n\n- Date: 2026-11-01\n\nSnapshot\n--------\n\n- Date: 2026-11-02\n', gitFacts());
      assert.equal(two.refused, 'Ambiguous: snapshot sections at lines 3, 7');
      assert.deepEqual(two.edits, []);
      for (const heading of ['Snapshot\n========', '### snapshot ', '## SNAPSHOT']) {
        const note = noteOf({ text: `# Session Handoff\n\n${heading}\n\n- Date: 2026-11-01\n`, path: 'HANDOFF.md' });
        assert.equal(note.allSections.filter((s) => s.role === 'snapshot').length, 1, heading);
      }
    });

    it('a free-form note without fields gets a snapshot block after its title, or at the top without one', () => {
      const git = gitFacts({ dirty: true, status: [{ path: 'src/x.ts', status: 'modified' }] });
      const titled = applyEdits('# Handoff\n\nNotes.\n', plan('# Handoff\n\nNotes.\n', git).edits);
      assert.equal(titled, '# Handoff\n\nDate: 2026-11-22\nBranch: `main`\nHEAD: `1234567`\nWorktree: dirty\n\nNotes.\n');
      const untitled = applyEdits('Notes.\n', plan('Notes.\n', git).edits);
      assert.ok(untitled.startsWith('Date: 2026-11-22\nBranch: `main`\nHEAD: `1234567`\nWorktree: dirty\n\nNotes.'), untitled);
    });

    it('required fields go after the snapshot heading when the section has none, in the note\'s line ending', () => {
      const text = '# Session Handoff\r\n\r\n## Snapshot\r\n\r\nNothing yet.\r\n\r\n## What changed\r\n\r\n- x\r\n\r\n## Decisions (and links)\r\n\r\n- y\r\n\r\n## Next steps (recommended order)\r\n\r\n1. z\r\n';
      const after = applyEdits(text, plan(text, gitFacts()).edits);
      assert.ok(after.includes('## Snapshot\r\n\r\n- Date: 2026-11-22\r\n- Branch / commit: `main` (`1234567`)'), after);
      assert.ok(!/[^\r]\n/.test(after), 'a bare LF in a CRLF note');
    });

    it('row 24: 10,000 changed files: the first 30 listed, then "…and K more", and a second run adds nothing', () => {
      const changedSince = Array.from({ length: 10_000 }, (_, i) => ({ path: `src/gen/file-${String(i).padStart(5, '0')}.ts`, status: 'added' as const }));
      const text = '# Handoff\n\nHEAD: `1234567`\n\n## What changed\n\n* `README.md`\n';
      const git = gitFacts({ changedSince });
      const started = performance.now();
      const p = plan(text, git);
      console.log(`      10,000 changed files planned in ${(performance.now() - started).toFixed(0)} ms`);
      const after = applyEdits(text, p.edits);
      assert.equal((after.match(/file-\d+\.ts/g) ?? []).length, 30);
      assert.match(after, /\* …and 9970 more files changed since `1234567`/);
      assert.ok(after.includes('* `src/gen/`\n  * `src/gen/file-00000.ts` (added)'), 'the list marker of the section is kept');
      assert.equal(applyEdits(after, plan(after, git).edits), after);
    });

    it('row 25: paths are written relative to the repository when it sits below the workspace folder', () => {
      const git = gitFacts({ repoPrefix: 'app', changedSince: [{ path: 'app/src/a.ts', status: 'modified' }, { path: 'app/src/b.ts', status: 'renamed', from: 'app/src/old.ts' }] });
      const text = '# Handoff\n\nHEAD: `1234567`\n\n## What changed\n\n- `src/c.ts`\n';
      const after = applyEdits(text, plan(text, git, 'app/HANDOFF.md').edits);
      assert.ok(after.includes('- `src/`\n  - `src/a.ts`\n  - `src/b.ts` (renamed from `src/old.ts`)'), after);
      assert.equal(applyEdits(after, plan(after, git, 'app/HANDOFF.md').edits), after);
    });

    it('quotes control characters as git does, C1 and bidi included', () => {
      assert.equal(quotePath('a\u0001b\u0085c\u202ed"e\\f'), '"a\\x01b\\x85c\\u202ed\\"e\\\\f"');
      assert.equal(codeSpan('``'), '``` `` ```');
      assert.equal(codeSpan(' '), '` `');
    });
  });

  describe('sections edits', () => {
    it('openTail: only blocks that run unclosed to the end', () => {
      const tail = (text: string) => openTail(noteOf({ text, path: 'HANDOFF.md' }));
      assert.equal(tail('# A\n\n<!-- x -->\n'), null);
      assert.equal(tail('# A\n\n<!-- x\n\ntext after\n'), 5);
      assert.equal(tail('# A\n\n<?php\nx\n'), 5);
      assert.equal(tail('# A\n\n<?php\nx ?>\n'), null);
      assert.equal(tail('# A\n\n<!DOCTYPE html\n'), 5);
      assert.equal(tail('# A\n\n<pre>\nx\n</pre>\n'), null);
      assert.equal(tail('# A\n\n<div>\nx\n'), null, 'an HTML block of type 6 ends at a blank line, which insertions bring');
      assert.equal(tail('# A\n\n    indented code\n'), null);
      assert.equal(tail('# A\n\n````\nx\n```\n'), 5, 'a shorter fence does not close it');
      assert.equal(tail('# A\n\n```\nx\n```\n\ntext\n'), null);
      assert.equal(tail(''), null);
    });
  });

  describe('suppression comments', () => {
    const text = (comment: string) => `# Handoff\n\n${comment}\n\n- a â€” b\n\n## Next steps\n\n1. x\n`;
    it('every form: next line, this line, file, block disable/enable, with and without rule ids', () => {
      assert.ok(!ids(text('<!-- handoff-disable-next-line mojibake -->').replace('\n\n- a', '\n- a')).includes('mojibake'));
      assert.ok(!ids('# Handoff\n\n- a â€” b <!-- handoff-disable-line mojibake -->\n\n## Next steps\n\n1. x\n').includes('mojibake'));
      assert.ok(!ids(text('<!-- handoff-disable-file -->')).includes('mojibake'));
      assert.ok(!ids(text('<!-- handoff-disable -->')).includes('mojibake'), 'an open disable without ids runs to the end');
      assert.ok(!ids(text('<!-- handoff-disable mojibake -- tutorial -->')).includes('mojibake'));
      assert.ok(ids(text('<!-- handoff-disable mojibake --><!-- handoff-enable mojibake -->')).includes('mojibake'), 'enabled again on the same line');
      assert.ok(ids('# Handoff\n\n<!-- handoff-disable -->\n<!-- handoff-enable -->\n\n- a â€” b\n').includes('mojibake'));
      assert.ok(ids(text('<!-- handoff-enable mojibake -->')).includes('mojibake'), 'enable without disable changes nothing');
      assert.ok(ids(text('<!-- handoff-disable-next-line no-secrets -->')).includes('mojibake'), 'another rule stays on');
    });
  });

  describe('front matter, pinned and configured dialects, templates', () => {
    it('row 47: malformed YAML front matter never throws; a pinned dialect is used; a configured one too', () => {
      for (const fm of ['key: [unclosed', '- a list\n- not a map', ': :', 'date: 2024-02-30\nhandoff: next-chat-handoff']) {
        const r = lint({ text: `---\n${fm}\n---\n# Session Handoff\n\nx\n`, path: 'HANDOFF.md', today: TODAY });
        assert.deepEqual(r.failures, []);
      }
      assert.equal(noteOf({ text: '---\nhandoff: next-chat-handoff\n---\n# Notes\n', path: 'HANDOFF.md' }).dialect.id, 'next-chat-handoff');
      assert.equal(noteOf({ text: '---\ndialect: session-handoff\n---\n# Notes\n', path: 'HANDOFF.md' }).dialectPinned, true);
      assert.equal(noteOf({ text: '---\ntype: roadmap\n---\n# Plans\n', path: 'notes.md' }).kind, 'roadmap');
      const config = parseConfig('{ "dialect": "next-chat-handoff" }', RULES).config;
      assert.equal(noteOf({ text: '# Notes\n', path: 'HANDOFF.md', config }).dialect.id, 'next-chat-handoff');
      const dated = lint({ text: '---\ndate: 2024-02-30\n---\n# Session Handoff\n\n## Next steps\n\n1. x\n', path: 'HANDOFF.md', today: TODAY });
      assert.ok(dated.findings.some((f) => f.ruleId === 'date-format'), 'the impossible front matter date is reported');
    });

    it('a template: its headings, optional sections, fields and style become the dialect', () => {
      const template = templateDialect('# Team Handoff\n\n- Date: ${date}\n- Branch: ${branch}\n\n## Done\n\n- \n\n## Blocked\n<!-- optional -->\n\n- \n\n## Next\n\n1. \n');
      assert.deepEqual(template.sections.map((s) => [s.heading, s.required]), [['Done', true], ['Blocked', false], ['Next', true]]);
      assert.equal(template.fieldsIn, 'preamble');
      assert.equal(template.fieldStyle, 'bullet');
      const config = parseConfig('{ "dialect": "template", "template": "T.md" }', RULES).config;
      const r = lint({ text: '# Team Handoff\n\n- Date: 2026-11-20\n\n## Next\n\n1. x\n', path: 'HANDOFF.md', today: TODAY, config, template });
      assert.ok(r.findings.some((f) => f.ruleId === 'required-sections' && /Done/.test(f.message)));
      assert.throws(() => templateDialect('> '.repeat(500) + 'x'), /too complex to parse/);
    });
  });

  describe('the complexity guard', () => {
    it('counts tabs as four columns of indentation, skips fenced code, and bounds the total quadratic cost', () => {
      assert.match(tooComplex('\t'.repeat(120) + '- x\n') ?? '', /nested/);
      assert.equal(tooComplex('\t'.repeat(10) + '- x\n'), null);
      assert.equal(tooComplex('```\n' + '[a](b'.repeat(5000) + '\n```\n'), null, 'code is not inline content');
      assert.equal(tooComplex('~~~\n' + '*'.repeat(5000) + '\n~~~~\n'), null);
      const para = 'x [a](b) '.repeat(300) + '\n\n';
      const many = para.repeat(Math.ceil(MAX_DELIMITER_COST / (1200 * 1200)) + 2);
      assert.match(tooComplex(many) ?? '', /too many emphasis/);
      assert.match(tooComplex('```\nx\n```\n' + '*'.repeat(2500)) ?? '', /paragraph holds/);
      assert.equal(tooComplex(''), null);
      assert.equal(tooComplex('# a\r\n\r\n- b\r\n'), null);
    });
  });

  describe('dates written other ways, and roadmap items marked done in every style', () => {
    it('Update keeps "Month D, YYYY", "Mon D, YYYY" and date-times with a space or a T', async () => {
      const { findDate, formatDateLike } = await import('../../server/src/engine/model/dates');
      const now = new Date(`${TODAY}T09:05:00`);
      assert.equal(formatDateLike(findDate('March 3, 2026'), TODAY, now), 'November 22, 2026');
      assert.equal(formatDateLike(findDate('Mar 3, 2026'), TODAY, now), 'Nov 22, 2026');
      assert.equal(formatDateLike(findDate('2026-03-03 10:00'), TODAY, now), '2026-11-22 09:05');
      assert.equal(formatDateLike(findDate('2026-03-03T10:00'), TODAY, now), '2026-11-22T09:05');
      assert.equal(findDate('Feb 30, 2026')?.iso, null, 'no rollover to March');
      assert.equal(findDate('2026-02-30')?.iso, null);
      assert.equal(findDate('on May 2, 2026 and 2026-05-01')?.format, 'month-day-year');
      assert.equal(findDate('no date here'), null);
    });

    it('roadmap-landed marks an item done as the roadmap does: checkbox, emoji, word, status column', () => {
      const handoff = noteOf({ text: '# Session Handoff\n\n## What changed\n\n- ST-01 parser landed\n- ST-02 done\n- ST-03: runner\n- ST-04 shipped\n', path: 'HANDOFF.md' });
      const roadmaps = [
        '# Roadmap\n\n## Phase 1\n\n- [x] ST-00 setup\n- [ ] ST-01 parser\n- [ ] ST-02 lexer\n',
        '# Roadmap\n\n## Phase 1\n\n- ✅ ST-00 setup\n- ⏳ ST-01 parser\n- 🚧 ST-03 runner\n',
        '# Roadmap\n\n## Phase 1\n\n- ST-00 setup (DONE)\n- ST-01 parser (TODO)\n- ST-04 docs (in progress)\n',
        '# Roadmap\n\n| Id | Item | Status |\n|---|---|---|\n| ST-00 | setup | ✅ Done |\n| ST-01 | parser | 🚧 In progress |\n| ST-02 | lexer | Planned |\n',
      ];
      for (const text of roadmaps) {
        let fixed = text;
        for (let pass = 0; pass < 5; pass++) {
          const r = lint({ text: fixed, path: 'docs/ROADMAP.md', today: TODAY, handoffs: [handoff] });
          assert.deepEqual(r.failures, []);
          const next = applyFixes(fixed, r.findings.filter((f) => f.ruleId === 'roadmap-landed'));
          if (next === fixed) break;
          fixed = next;
        }
        assert.notEqual(fixed, text, `nothing marked done in:\n${text}`);
        const left = lint({ text: fixed, path: 'docs/ROADMAP.md', today: TODAY, handoffs: [handoff] }).findings.filter((f) => f.ruleId === 'roadmap-landed');
        assert.deepEqual(left.map((f) => f.message), [], fixed);
      }
    });
  });

  describe('roadmaps in every form, with never a throw', () => {
    const roadmap = [
      '# Roadmap',
      '',
      'Legend:',
      '',
      '- ✅ Done',
      '- 🚧 In progress',
      '- ⬜ Planned',
      '',
      '| Marker | Meaning |',
      '|---|---|',
      '| `[0.5]` | In progress |',
      '| `[1]` | Done |',
      '',
      '## Phase 1 ✅',
      '',
      '- ST-01 parser',
      '- ~~ST-02 dropped idea~~',
      '',
      '## Phase 2',
      '',
      'Status: `[0.5]`',
      '',
      '- [ ] #12 open issue',
      '- [x] #13 closed issue',
      '- ST-03 runner (planned)',
      '',
      '### Card: ST-04 exporter',
      '',
      'Status: planned',
      '',
      '## Phase 3',
      '',
      '| Id | Item | Status |',
      '|---|---|---|',
      '| ST-05 | lexer | ✅ Done |',
      '| ST-06 | docs |  |',
      '| ST-07 | api | 🚧 In progress |',
      '',
      '## What\'s Left to Build',
      '',
      '- ST-08 release',
      '',
    ].join('\n');
    it('legends, status fields, cards, tables, ids and struck-out items are read; handoffs mark items done in their style', () => {
      const note = noteOf({ text: roadmap, path: 'docs/ROADMAP.md' });
      const items = note.roadmap!.phases.flatMap((p) => p.items).map((i) => `${i.id ?? '-'}:${i.status ?? 'none'}`);
      for (const want of ['ST-01:done', 'ST-02:done', '#13:done', 'ST-05:done', 'ST-06:none', 'ST-07:in-progress', 'ST-08:planned']) assert.ok(items.includes(want), `${want} not in ${items.join(' ')}`);
      const handoff = noteOf({ text: '# Session Handoff\n\n## What changed\n\n- ST-03 runner landed\n- ST-04 exporter done\n- ST-06 docs shipped\n- ST-07: api\n- #12 fixed\n- ST-08 released\n', path: 'HANDOFF.md' });
      let text = roadmap;
      for (let pass = 0; pass < 5; pass++) {
        const r = lint({ text, path: 'docs/ROADMAP.md', today: TODAY, handoffs: [handoff] });
        assert.deepEqual(r.failures, []);
        const next = applyFixes(text, r.findings.filter((f) => f.ruleId === 'roadmap-landed'));
        if (next === text) break;
        text = next;
      }
      assert.notEqual(text, roadmap);
      const r = lint({ text, path: 'docs/ROADMAP.md', today: TODAY, handoffs: [handoff] });
      assert.deepEqual(r.failures, []);
      // And the handoff against the roadmap: ids it names exist, done work is not a next step.
      const h = lint({ text: '# Session Handoff\n\n## Next steps\n\n1. ST-01 parser again\n2. ST-99 unknown\n3. #13 closed issue\n', path: 'HANDOFF.md', today: TODAY, roadmap: noteOf({ text: roadmap, path: 'docs/ROADMAP.md' }) });
      assert.deepEqual(h.failures, []);
      assert.ok(h.findings.some((f) => f.ruleId === 'roadmap-ids'), h.findings.map((f) => f.ruleId).join());
    });

    it('references: links with anchors and queries, URLs, domains and versions are not paths', () => {
      const workspace = workspaceOf(['docs/PLAN.md', 'src/app.ts']);
      const text = '# Handoff\n\n- [plan](docs/PLAN.md#goals) [q](docs/PLAN.md?x=1) [web](https://example.com/x.md) [top](#top) [abs](/etc/x.md) [later](docs/LATER.md)\n- `example.com` `v1.2.3` `1.2.3` `src/app.ts:12` `src/app.ts#L3-L5` `src/*.ts` `src/later.ts`\n\n## Next steps\n\n1. x\n';
      const found = lint({ text, path: 'HANDOFF.md', today: TODAY, workspace }).findings.filter((f) => f.ruleId === 'path-exists').map((f) => text.slice(f.start, f.end));
      assert.deepEqual(found, ['docs/LATER.md', 'src/later.ts']);
    });
  });
});

