// The built CLI (`node bin/handoff.js`, the esbuild bundle of server/src/cli/main.ts) run as a
// process on temporary directories: exit codes, the output formats, --fix, file discovery,
// encodings and configuration. The bundle is rebuilt first when it is missing or older than
// the sources, so that `npx mocha test/cli` tests what is in the tree.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { RULES } from '../../server/src/engine';
import { ALNUM, drawer, seeded } from '../engine/fixtures/prng';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/handoff.js');
const BUNDLE = join(ROOT, 'out/cli/handoff.js');
const TODAY = '2026-11-22';
const R = drawer(seeded(0xc11));
const TOKEN = 'gh' + 'p_' + R(36, ALNUM);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function handoff(cwd: string, args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, HANDOFF_TODAY: TODAY, NO_COLOR: '1', ...env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

let tmp: string;
function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmp, 'p-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const CLEAN = '# Handoff\n\nImporter merged.\n\n## Next steps\n\n1. Release 1.2.\n';

describe('handoff CLI', function () {
  this.timeout(60000);

  before(() => {
    const stale = !existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < Math.max(newestSource(join(ROOT, 'server/src')), statSync(join(ROOT, 'package.json')).mtimeMs);
    if (stale) {
      const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, `build failed:\n${build.stderr}`);
    }
    tmp = mkdtempSync(join(tmpdir(), 'handoff-cli-'));
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  describe('commands and exit codes', () => {
    it('--help prints the usage and exits 0; --version prints the package version', () => {
      const help = handoff(tmp, ['--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /Usage: handoff <command>/);
      assert.match(help.stdout, /lint \[paths\|globs\.\.\.\]/);
      const version = handoff(tmp, ['--version']);
      assert.equal(version.code, 0);
      assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    });

    it('an unknown command, no command or an unknown option exits 2 with the usage', () => {
      for (const args of [['frobnicate'], [], ['lint', '--bogus'], ['rules', 'extra']]) {
        const r = handoff(tmp, args);
        assert.equal(r.code, 2, `handoff ${args.join(' ')}`);
        assert.match(r.stderr, /Usage: handoff <command>/, `handoff ${args.join(' ')}`);
        assert.equal(r.stdout, '');
      }
    });

    it('an unknown format, a missing file, a glob matching nothing or a bad HANDOFF_TODAY exits 2', () => {
      const dir = project({ 'HANDOFF.md': CLEAN });
      assert.match(handoff(dir, ['lint', '--format', 'xml']).stderr, /Unknown format "xml"/);
      assert.equal(handoff(dir, ['lint', '--format', 'xml']).code, 2);
      const missing = handoff(dir, ['lint', 'NOPE.md']);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /No such file or directory: NOPE\.md/);
      const glob = handoff(dir, ['lint', 'docs/**/*.md']);
      assert.equal(glob.code, 2);
      assert.match(glob.stderr, /No files match the pattern "docs\/\*\*\/\*\.md"/);
      const today = handoff(dir, ['lint'], { HANDOFF_TODAY: '2026-02-30' });
      assert.equal(today.code, 2);
      assert.match(today.stderr, /HANDOFF_TODAY/);
    });

    it('exits 0 when a note has no findings, and 0 with warnings only', () => {
      const clean = handoff(project({ 'HANDOFF.md': CLEAN }), ['lint']);
      assert.equal(clean.code, 0, clean.stderr);
      assert.equal(clean.stdout, '');
      const warned = handoff(project({ 'HANDOFF.md': '# Handoff\n\n1. a\n3. b\n' }), ['lint']);
      assert.equal(warned.code, 0);
      assert.match(warned.stdout, /Unexpected number 3, expected 2\s+list-numbering/);
    });

    it('exits 1 when an error is found, and never prints the secret', () => {
      const r = handoff(project({ 'HANDOFF.md': `${CLEAN}\nToken: ${TOKEN}\n` }), ['lint']);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /error\s+Possible secret \(GitHub token\)/);
      assert.match(r.stdout, /1 error/);
      const dir = project({ 'HANDOFF.md': `${CLEAN}\nToken: ${TOKEN}\n` });
      for (const format of ['stylish', 'json', 'sarif', 'github']) {
        const out = handoff(dir, ['lint', '--format', format]);
        assert.equal(out.code, 1, format);
        assert.ok(!(out.stdout + out.stderr).includes(TOKEN.slice(4)), `${format} output holds the secret`);
      }
    });
  });

  describe('output formats', () => {
    // "- 🚀 " is 5 UTF-16 code units but 4 code points: the ZERO WIDTH SPACE after "x" is at UTF-16 column 7.
    const EMOJI = '# Handoff\n\n- 🚀 x\u200by\n\n## Next steps\n\n1. Release.\n';

    it('json: one array of findings with 1-based lines and UTF-16 columns', () => {
      const dir = project({ 'HANDOFF.md': EMOJI, 'docs/ROADMAP.md': '# Roadmap\n\n1. a\n3. b\n' });
      const r = handoff(dir, ['lint', '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      const findings = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
      assert.ok(Array.isArray(findings));
      for (const f of findings) {
        assert.deepEqual(Object.keys(f), ['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'severity', 'message', 'fixable']);
      }
      assert.deepEqual(
        findings.map((f) => [f.file, f.rule, f.line, f.column, f.endLine, f.endColumn, f.severity, f.fixable]),
        [
          ['HANDOFF.md', 'invisible-characters', 3, 7, 3, 8, 'warning', true],
          ['docs/ROADMAP.md', 'list-numbering', 4, 1, 4, 2, 'warning', true],
        ],
      );
      assert.equal(findings[0].message, 'Invisible character U+200B ZERO WIDTH SPACE');
    });

    it('json: an empty array when there is nothing to report', () => {
      const r = handoff(project({ 'HANDOFF.md': CLEAN }), ['lint', '--format', 'json']);
      assert.equal(r.code, 0);
      assert.deepEqual(JSON.parse(r.stdout), []);
    });

    it('sarif: a valid SARIF 2.1.0 log with rules, levels and UTF-16 regions', () => {
      const dir = project({ 'notes dir/HANDOFF.md': `${EMOJI}\nToken: ${TOKEN}\n` });
      const r = handoff(dir, ['lint', '--format', 'sarif']);
      assert.equal(r.code, 1);
      const log = JSON.parse(r.stdout);
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif-2\.1\.0/);
      assert.equal(log.runs.length, 1);
      const run = log.runs[0];
      assert.equal(run.tool.driver.name, 'handoff');
      assert.equal(run.columnKind, 'utf16CodeUnits');
      assert.deepEqual(run.tool.driver.rules.map((x: { id: string }) => x.id), RULES.map((x) => x.meta.id));
      for (const rule of run.tool.driver.rules) {
        assert.match(rule.helpUri, /^https:\/\/github\.com\/handoff-notes\/handoff\/blob\/main\/docs\/rules\/[a-z-]+\.md$/);
        assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
      }
      assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
      const results = run.results as Array<{ ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }> }>;
      assert.deepEqual(results.map((x) => [x.ruleId, x.level]), [['invisible-characters', 'warning'], ['no-secrets', 'error']]);
      for (const x of results) {
        assert.equal(run.tool.driver.rules[x.ruleIndex].id, x.ruleId);
        assert.equal(typeof x.message.text, 'string');
        assert.equal(x.locations[0].physicalLocation.artifactLocation.uri, 'notes%20dir/HANDOFF.md');
        assert.equal(x.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
      }
      assert.deepEqual(results[0].locations[0].physicalLocation.region, { startLine: 3, startColumn: 7, endLine: 3, endColumn: 8 });
    });

    it('github: one workflow command per finding, severities mapped, properties escaped', () => {
      const dir = project({ 'a,b/HANDOFF.md': `# Handoff\n\n- 🚀 x\u200by\n\n## Next steps\n\n1. Release.\n\nToken: ${TOKEN}\n`, 'big/HANDOFF.md': '# Handoff\n\n- ' + 'word '.repeat(120) + 'end\n\n## Next steps\n\n1. a\n' });
      const r = handoff(dir, ['lint', '--format', 'github']);
      assert.equal(r.code, 1);
      const lines = r.stdout.trimEnd().split('\n');
      assert.deepEqual(lines.map((l) => l.split(' ')[0]), ['::warning', '::error', '::notice']);
      assert.equal(lines[0], '::warning file=a%2Cb/HANDOFF.md,line=3,col=7,endLine=3,endColumn=8,title=handoff(invisible-characters)::Invisible character U+200B ZERO WIDTH SPACE');
      assert.match(lines[1], /^::error file=a%2Cb\/HANDOFF\.md,line=9,col=8,endLine=9,endColumn=48,title=handoff\(no-secrets\)::Possible secret/);
      assert.match(lines[2], /^::notice file=big\/HANDOFF\.md,line=3,col=1,.*title=handoff\(bullet-length\)::Bullet of \d+ characters/);
    });

    it('stylish: grouped by file with a summary and the fixable count', () => {
      const r = handoff(project({ 'HANDOFF.md': '# Handoff\n\n1. a\n3. b\n\nCafÃ© closed.\n' }), ['lint']);
      assert.equal(r.code, 0);
      assert.equal(
        r.stdout,
        [
          'HANDOFF.md',
          '  1:3  warning  Missing next steps: add a section that says what to do next           required-sections',
          '  4:1  warning  Unexpected number 3, expected 2                                       list-numbering',
          '  6:4  warning  Unexpected "Ã©", expected "é" (text decoded with the wrong encoding)  mojibake',
          '',
          '⚠ 3 problems (0 errors, 3 warnings, 0 info)',
          '  3 problems fixable with --fix',
          '',
        ].join('\n'),
      );
    });
  });

  describe('--fix', () => {
    const BROKEN = '\uFEFF# Handoff\r\n\r\n## Next steps\r\n\r\n1. Release\r\n3. Announce — CafÃ©\r\n\r\nRun `npm\u200b test`.\r\n\r\n```\r\n' + 'x\r\n'.repeat(31) + '```\r\n';

    it('applies every fix, keeps the BOM and CRLF, and reports what remains', () => {
      const dir = project({ 'HANDOFF.md': BROKEN });
      const r = handoff(dir, ['lint', '--fix', '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /HANDOFF\.md: fixed/);
      const bytes = readFileSync(join(dir, 'HANDOFF.md'));
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
      const text = bytes.toString('utf8').slice(1);
      assert.equal(text, BROKEN.slice(1).replace('3. Announce — CafÃ©', '2. Announce — Café').replace('npm\u200b test', 'npm test'));
      assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
      assert.deepEqual(JSON.parse(r.stdout).map((f: { rule: string; line: number }) => `${f.rule}:${f.line}`), ['code-block-length:10']);
    });

    it('leaves a file alone when there is nothing to fix, and a second run changes nothing', () => {
      const dir = project({ 'HANDOFF.md': BROKEN, 'CLEAN_HANDOFF.md': CLEAN });
      const past = new Date('2020-01-01T00:00:00Z');
      utimesSync(join(dir, 'CLEAN_HANDOFF.md'), past, past);
      assert.equal(handoff(dir, ['lint', '--fix']).code, 0);
      assert.equal(statSync(join(dir, 'CLEAN_HANDOFF.md')).mtimeMs, past.getTime(), 'a clean note is not rewritten');
      const once = readFileSync(join(dir, 'HANDOFF.md'));
      utimesSync(join(dir, 'HANDOFF.md'), past, past);
      const again = handoff(dir, ['lint', '--fix']);
      assert.equal(again.code, 0);
      assert.ok(!again.stderr.includes('fixed'), again.stderr);
      assert.ok(readFileSync(join(dir, 'HANDOFF.md')).equals(once));
      assert.equal(statSync(join(dir, 'HANDOFF.md')).mtimeMs, past.getTime(), 'nothing left to fix: not rewritten');
    });

    it('redacts a secret and exits 0 when no error remains', () => {
      const dir = project({ 'HANDOFF.md': `${CLEAN}\nToken: ${TOKEN}\n` });
      const r = handoff(dir, ['lint', '--fix']);
      assert.equal(r.code, 0, r.stdout);
      const text = readFileSync(join(dir, 'HANDOFF.md'), 'utf8');
      assert.ok(!text.includes(TOKEN));
      assert.match(text, /Token: ghp_<redacted>\n$/);
    });
  });

  describe('files', () => {
    it('searches directories by the globs, skipping node_modules and .git', () => {
      const dir = project({
        'HANDOFF.md': '# Handoff\n\n1. a\n3. b\n',
        'docs/ROADMAP.md': '# Roadmap\n\n1. a\n3. b\n',
        '.agent/handoff.md': '# Handoff\n\n1. a\n3. b\n',
        'memory-bank/activeContext.md': '# Active Context\n\n1. a\n3. b\n',
        'README.md': '# Readme\n\nCafÃ©\n',
        'node_modules/pkg/HANDOFF.md': '# Handoff\n\n1. a\n3. b\n',
        '.git/HANDOFF.md': '# Handoff\n\n1. a\n3. b\n',
      });
      const files = new Set(JSON.parse(handoff(dir, ['lint', '--format', 'json']).stdout).map((f: { file: string }) => f.file));
      assert.deepEqual([...files].sort(), ['.agent/handoff.md', 'HANDOFF.md', 'docs/ROADMAP.md', 'memory-bank/activeContext.md']);
    });

    it('lints a file named on the command line whatever its kind, and files a glob names', () => {
      const dir = project({ 'README.md': '# Readme\n\nCafÃ©\n', 'notes/a.md': '# A\n\nCafÃ©\n', 'notes/b.txt': 'CafÃ©\n' });
      const named = JSON.parse(handoff(dir, ['lint', 'README.md', '--format', 'json']).stdout);
      assert.deepEqual(named.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`), ['README.md mojibake']);
      const globbed = JSON.parse(handoff(dir, ['lint', 'notes/*.md', '--format', 'json']).stdout);
      assert.deepEqual(globbed.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`), ['notes/a.md mojibake']);
      const sub = JSON.parse(handoff(join(dir, 'notes'), ['lint', '../README.md', '--format', 'json']).stdout);
      assert.deepEqual(sub.map((f: { file: string }) => f.file), ['../README.md']);
    });

    it('skips a binary file with a message', () => {
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR')]);
      const dir = project({ 'HANDOFF.md': png });
      const r = handoff(dir, ['lint', '--format', 'json', '--fix']);
      assert.equal(r.code, 0);
      assert.deepEqual(JSON.parse(r.stdout), []);
      assert.match(r.stderr, /HANDOFF\.md: skipped, binary file/);
      assert.ok(readFileSync(join(dir, 'HANDOFF.md')).equals(png));
    });

    it('decodes invalid UTF-8 with U+FFFD, says so, and does not write it back', () => {
      const bytes = Buffer.concat([Buffer.from('# Handoff\n\n1. a\n3. b caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
      const dir = project({ 'HANDOFF.md': bytes });
      const r = handoff(dir, ['lint', '--format', 'json', '--fix']);
      assert.equal(r.code, 0);
      assert.match(r.stderr, /invalid UTF-8: 1 byte sequence decoded as U\+FFFD/);
      assert.match(r.stderr, /not fixed: writing it back would replace its invalid UTF-8 bytes/);
      assert.deepEqual(JSON.parse(r.stdout).map((f: { rule: string; line: number; column: number }) => `${f.rule}:${f.line}:${f.column}`), ['required-sections:1:3', 'list-numbering:4:1', 'mojibake:4:9']);
      assert.ok(readFileSync(join(dir, 'HANDOFF.md')).equals(bytes));
    });

    it('decodes a UTF-16LE file with a BOM, and does not write it back', () => {
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Handoff\r\n\r\n1. a\r\n3. b 🚀\u200b\r\n', 'utf16le')]);
      const dir = project({ 'HANDOFF.md': bytes });
      const r = handoff(dir, ['lint', '--format', 'json', '--fix']);
      assert.equal(r.code, 0);
      assert.match(r.stderr, /not fixed: the file is UTF-16LE and --fix writes UTF-8 only/);
      assert.deepEqual(JSON.parse(r.stdout).map((f: { rule: string; line: number; column: number }) => `${f.rule}:${f.line}:${f.column}`), ['required-sections:1:3', 'list-numbering:4:1', 'invisible-characters:4:8']);
      assert.ok(readFileSync(join(dir, 'HANDOFF.md')).equals(bytes));
    });
  });

  describe('configuration', () => {
    it('uses the nearest .handoff.json above the working directory', () => {
      const dir = project({
        '.handoff.json': JSON.stringify({ rules: { 'list-numbering': 'error', 'required-sections': 'off' } }),
        'sub/HANDOFF.md': '# Handoff\n\n1. a\n3. b\n',
      });
      const r = handoff(join(dir, 'sub'), ['lint', '--format', 'json']);
      assert.equal(r.code, 1, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).map((f: { rule: string; severity: string }) => `${f.rule} ${f.severity}`), ['list-numbering error']);
    });

    it('takes --config FILE, .jsonc with comments, and globs relative to the config', () => {
      const dir = project({
        'conf/team.jsonc': '// team settings\n{ "handoffGlobs": ["notes/*.md"], "rules": { "required-sections": "off", }, }\n',
        'notes/today.md': '# Today\n\n1. a\n3. b\n',
        'HANDOFF.md': '# Handoff\n\n1. a\n3. b\n',
      });
      const r = handoff(dir, ['lint', '--config', 'conf/team.jsonc', '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      // Globs are relative to the config's folder (conf/), so notes/ at the root matches nothing
      // there; HANDOFF.md is found by its H1, as the editor's index finds it...
      assert.deepEqual([...new Set(JSON.parse(r.stdout).map((f: { file: string }) => f.file))], ['HANDOFF.md']);
      const moved = project({
        'team.jsonc': '{ "handoffGlobs": ["notes/*.md"], "rules": { "required-sections": "off" } }',
        'notes/today.md': '# Today\n\n1. a\n3. b\n',
        'HANDOFF.md': '# Handoff\n\n1. a\n3. b\n',
      });
      const r2 = handoff(moved, ['lint', '--config', 'team.jsonc', '--format', 'json']);
      // ...and with the config at the root, notes/ matches (HANDOFF.md still by its H1).
      assert.deepEqual(JSON.parse(r2.stdout).map((f: { file: string }) => f.file).sort(), ['HANDOFF.md', 'notes/today.md']);
    });

    it('an invalid configuration prints each problem as file:line:col and exits 2', () => {
      const dir = project({
        '.handoff.json': '{\n  "dialect": "nope",\n  "rules": {\n    "bullet-length": ["warning", { "max": "x" }],\n    "no-such-rule": "off"\n  }\n}\n',
        'HANDOFF.md': CLEAN,
      });
      const r = handoff(dir, ['lint']);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^\.handoff\.json:2:14: Unknown dialect "nope"/m);
      assert.match(r.stderr, /^\.handoff\.json:4:22: Rule "bullet-length": option "max" expects a number$/m);
      assert.match(r.stderr, /^\.handoff\.json:5:5: Unknown rule "no-such-rule"$/m);
      const broken = handoff(project({ '.handoff.json': '{ "rules": {', 'HANDOFF.md': CLEAN }), ['lint']);
      assert.equal(broken.code, 2);
      assert.match(broken.stderr, /^\.handoff\.json:1:\d+: Invalid JSON/m);
      const missing = handoff(dir, ['lint', '--config', 'nope.json']);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /Configuration file not found/);
    });

    it('reads the template and lints notes against it; a missing template is a config problem', () => {
      const template = '# Team Handoff\n\n## Done\n\n- \n\n## Blocked\n\n- \n\n## Next\n\n1. \n';
      const dir = project({
        '.handoff.json': '{ "dialect": "template", "template": "docs/TEMPLATE.md" }',
        'docs/TEMPLATE.md': template,
        'HANDOFF.md': '# Team Handoff\n\n## Done\n\n- Importer.\n\n## Next\n\n1. Release.\n',
      });
      const r = handoff(dir, ['lint', '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).map((f: { rule: string; message: string }) => `${f.rule}: ${f.message}`), ['required-sections: Missing section "Blocked"']);
      const gone = project({ '.handoff.json': '{\n  "template": "docs/TEMPLATE.md"\n}', 'HANDOFF.md': CLEAN });
      const r2 = handoff(gone, ['lint']);
      assert.equal(r2.code, 2);
      assert.match(r2.stderr, /^\.handoff\.json:2:15: Template "docs\/TEMPLATE\.md" not found$/m);
    });
  });

  describe('handoff rules', () => {
    it('lists every rule with its default severity and whether it fixes', () => {
      const r = handoff(tmp, ['rules']);
      assert.equal(r.code, 0);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, RULES.length);
      RULES.forEach((rule, i) => {
        const m = rule.meta;
        assert.match(lines[i], new RegExp(`^${m.id}\\s+${m.severity}\\s+${m.fixable ? 'fixable' : ''}\\s+`));
        assert.ok(lines[i].endsWith(m.description));
      });
    });

    it('--format json gives the same facts as data', () => {
      const r = handoff(tmp, ['rules', '--format', 'json']);
      assert.equal(r.code, 0);
      const rules = JSON.parse(r.stdout) as Array<{ id: string; severity: string; fixable: boolean; description: string; docs: string }>;
      assert.deepEqual(rules.map((x) => [x.id, x.severity, x.fixable, x.description]), RULES.map((x) => [x.meta.id, x.meta.severity, x.meta.fixable, x.meta.description]));
      assert.equal(rules[0].docs, `https://github.com/handoff-notes/handoff/blob/main/docs/rules/${rules[0].id}.md`);
    });
  });
});
