// The planted-token matrix (RELIABILITY §0.5, rows 41 and 49, §7): every self-identifying token shape
// (§7's and every prefixed shape of gitleaks' rule list) planted in every place a rule reads and
// quotes (the branch field, a script name in a command, a path in backticks, a heading, the date, a
// table cell, a link target, front matter), then every output is captured: the CLI in four formats,
// `outline` as text and JSON, `update --dry-run` (diff) and `update` (its summary on stderr), `lint
// --fix` (its output and the file it writes), and the language server's diagnostics, hovers, code
// actions, log and every other message over stdio. No output may hold any 8-character window of a
// token's body. The count of (output, place, shape) cells checked is printed.
//
// Then a property: random shapes planted at random lines of corpus notes; no lint message, fix title,
// outline field or update summary holds any 8-character window of the token.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { lint, outlineNote, planUpdate } from '../../server/src/engine';
import { SHAPES } from '../../server/src/engine/scan/shapes';
import { makeR, prng, sampleOf, SETS } from '../engine/scan/util';
import { budget, corpusNotes, gitFacts, TODAY } from './helpers';
import { ReliabilityClient, fileUri } from './lsp-client';

const R = makeR(0x3a7);
const next = prng(0x3a8);

interface Planted {
  name: string;
  token: string;
  /** The token without its public prefix: no window of it may be printed. */
  body: string;
}

/** RELIABILITY §7's token shapes (self-identifying ones: a label-free value is not a secret). */
function section7(): Planted[] {
  const t = (name: string, prefix: string, body: string): Planted => ({ name, token: prefix + body, body });
  return [
    t('GitHub classic PAT', 'gh' + 'p_', R(36, SETS.alnum)),
    t('GitHub fine-grained', 'github' + '_pat_', R(82, SETS.word)),
    t('AWS access key id', 'AK' + 'IA', R(16, SETS.upperB32)),
    t('Slack bot token', 'xo' + 'xb-', `${R(11, SETS.digits)}-${R(12, SETS.digits)}-${R(24, SETS.alnum)}`),
    t('JWT', 'ey' + 'J', `${R(30, SETS.b64url)}.eyJ${R(40, SETS.b64url)}.${R(43, SETS.b64url)}`),
    t('Stripe', 'sk_' + 'live_', R(24, SETS.alnum)),
    t('OpenAI', 'sk-' + 'proj-', `${R(74, SETS.alnum)}${'T3Blbk' + 'FJ'}${R(74, SETS.alnum)}`),
    t('Anthropic', 'sk-' + 'ant-api03-', R(93, SETS.alnum) + 'AA'),
    t('Google API key', 'AI' + 'za', R(35, SETS.alnum)),
    t('npm token', 'np' + 'm_', R(36, SETS.lowerAlnum)),
  ];
}

/** Every gitleaks shape that is a token by itself (no keyword or label before it). */
function gitleaksShapes(): Planted[] {
  return SHAPES.filter((s) => !s.before && s.prefix).map((s) => {
    let token = sampleOf(s.secret, next);
    // Values whose pattern allows `.`/`=` at the end would swallow the `.json`/`.md` of a path: end them on a letter.
    token = token.replace(/[.=_-]+$/, '') + (/[.=_-]$/.test(token) ? 'Q' : '');
    if (!new RegExp(`^(?:${s.secret})$`, s.re.flags.replace('g', '')).test(token)) token = sampleOf(s.secret, next).replace(/[.=-]/g, 'k');
    return { name: s.kind, token, body: token.slice(s.prefix!.length) };
  });
}

/** The places a rule reads and quotes. The snapshot's branch and date hold one value per note; the others hold every shape at once. */
const SINGLE_PLACES = ['branch field', 'date'];
const MULTI_PLACES: Record<string, (x: string, i: number) => { body?: string; front?: string }> = {
  'script name in a command': (x) => ({ body: `- Verify with \`npm run ${x}\` and \`make ${x}\`.` }),
  'path in backticks': (x) => ({ body: `- Changed \`cfg/${x}.json\` and \`src/${x}\`.` }),
  heading: (x) => ({ body: `## Notes ${x}\n\nText.\n\n## Notes ${x}\n\nMore text.\n` }),
  'table cell': (x) => ({ body: `| api | ${x} |` }),
  'link target': (x) => ({ body: `- See [the config](docs/${x}.md) and [the dashboard](${x}).` }),
  'front matter': (x, i) => ({ front: `owner_${i}: ${x}` }),
};
const PLACE_COUNT = SINGLE_PLACES.length + Object.keys(MULTI_PLACES).length;

function note(parts: { branch?: string; date?: string; body?: string[]; front?: string[]; table?: boolean }): string {
  return [
    ...(parts.front?.length ? ['---', ...parts.front, '---'] : []),
    '# Session Handoff',
    '',
    '## Snapshot',
    '',
    `- Date: ${parts.date ?? '2026-11-01'}`,
    `- Branch / commit: \`${parts.branch ?? 'main'}\` (\`0000000\`)`,
    '- Worktree: clean',
    '',
    '## What changed',
    '',
    '- Work on `src/app.ts`.',
    '',
    ...(parts.table ? ['| Service | Key |', '|---|---|'] : []),
    ...(parts.body ?? []),
    '',
    '## Known issues / risks',
    '',
    '- None.',
    '',
    '## Next steps (recommended order)',
    '',
    '1. Ship it.',
    '',
  ].join('\n');
}

/** Every note of the matrix: file name → its text and how many tokens it holds. */
function matrixNotes(planted: readonly Planted[]): Map<string, { text: string; tokens: number; label: string }> {
  const out = new Map<string, { text: string; tokens: number; label: string }>();
  planted.forEach((p, i) => out.set(`notes/single-${i}-HANDOFF.md`, { text: note({ branch: p.token, date: p.token }), tokens: 1, label: `branch and date: ${p.name}` }));
  Object.entries(MULTI_PLACES).forEach(([place, make], k) => {
    const parts = planted.map((p, i) => make(p.token, i));
    const text = note({ body: parts.flatMap((x) => (x.body ? [x.body] : [])), front: parts.flatMap((x) => (x.front ? [x.front] : [])), table: place === 'table cell' });
    out.set(`notes/multi-${k}-HANDOFF.md`, { text, tokens: planted.length, label: place });
  });
  return out;
}

function windows(body: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 8 <= body.length; i++) out.push(body.slice(i, i + 8));
  return out;
}

function leaks(output: string, planted: readonly Planted[]): string[] {
  const found: string[] = [];
  for (const p of planted) {
    if (windows(p.body).some((w) => output.includes(w))) found.push(p.name);
  }
  return found;
}

const ENV = { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com' };
const BIN = resolve(__dirname, '../../bin/handoff.js');

describe('reliability: the planted-token matrix (every shape × every place × every output)', function () {
  this.timeout(900_000);
  const planted = [...section7(), ...gitleaksShapes()];
  let dir: string;
  const files = matrixNotes(planted);

  before(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'handoff-matrix-')));
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: ENV });
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'app.ts'), 'x\n');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ scripts: { build: 'tsc', test: 'mocha' } }));
    execFileSync('git', ['add', '.'], { cwd: dir, env: ENV });
    execFileSync('git', ['commit', '-q', '-m', 'start'], { cwd: dir, env: ENV });
    mkdirSync(join(dir, 'notes'));
    for (const [file, n] of files) writeFileSync(join(dir, file), n.text);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const counts = new Map<string, number>();
  const cell = (output: string, n: number) => counts.set(output, (counts.get(output) ?? 0) + n);

  function cli(args: string[]): { out: string; status: number | null } {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: { ...ENV, HANDOFF_TODAY: TODAY, NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 1 << 28 });
    return { out: r.stdout + r.stderr, status: r.status };
  }

  /** Per file: the output's lines that name the file, checked against that file's token (and all tokens on the whole output). */
  function checkAll(label: string, output: string) {
    assert.deepEqual(leaks(output, planted), [], `${label}: token windows printed`);
    cell(label, PLACE_COUNT * planted.length);
  }

  it('the CLI: lint in four formats, outline as text and JSON, update --dry-run and its summary, lint --fix', () => {
    const all = [...files.keys()];
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const r = cli(['lint', '--format', format, 'notes']);
      assert.equal(r.status, 1);
      checkAll(`lint --format ${format}`, r.out);
      if (format === 'json') {
        const findings = JSON.parse(r.out.slice(0, r.out.lastIndexOf(']') + 1)) as Array<{ rule: string; file: string }>;
        for (const [file, n] of files) {
          const found = findings.filter((f) => f.rule === 'no-secrets' && f.file.endsWith(file)).length;
          assert.ok(found >= n.tokens, `${n.label}: no-secrets reported ${found} of ${n.tokens} tokens`);
        }
      }
    }
    checkAll('outline (text)', cli(['outline', 'notes']).out);
    checkAll('outline --json', cli(['outline', '--json', 'notes']).out);
    const dry = cli(['update', '--dry-run', ...all]);
    assert.match(dry.out, /^[-+]/m, 'update --dry-run printed a diff');
    checkAll('update --dry-run (diff)', dry.out);
    const fixOut = cli(['lint', '--fix', '--format', 'json', 'notes']).out;
    checkAll('lint --fix (output)', fixOut);
    const written = all.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    checkAll('lint --fix (the files it wrote)', written);
    // The notes are redacted now; plant them again for update's summary (it writes, so it runs last).
    for (const [file, n] of files) writeFileSync(join(dir, file), n.text);
    const upd = cli(['update', ...all]);
    assert.match(upd.out, /Branch|Date|HEAD/, 'update printed a summary');
    checkAll('update (summary)', upd.out);
    for (const [file, n] of files) writeFileSync(join(dir, file), n.text);
  });

  it('the language server: diagnostics, hovers, code actions, log and every message over stdio', async () => {
    const client = new ReliabilityClient({ ...ENV });
    try {
      await client.start([dir], { trusted: true });
      // Every multi-place note (every shape in one place each) and every eighth single note
      // (branch and date): the server's outputs per document are the same code whatever the
      // shape, and a request per diagnostic of all 83 notes takes tens of minutes.
      const chosen = [...files.keys()].filter((f, i) => !f.includes('/single-') || i % 8 === 0);
      for (const file of chosen) {
        const uri = fileUri(join(dir, file));
        const text = files.get(file)!.text;
        await client.open(uri, text);
        const last = await client.settled(uri);
        const n = files.get(file)!;
        assert.ok(last.diagnostics.filter((d) => d.code === 'no-secrets').length >= n.tokens, `${n.label}: no-secrets did not report every token`);
        for (const d of last.diagnostics as Diagnostic[]) {
          await client.actions(uri, d);
          await client.hover(uri, d.range.start.line, d.range.start.character);
        }
        await client.actions(uri, last.diagnostics[0] as Diagnostic, ['source.fixAll.handoff']);
        await client.update(uri, 1);
      }
      await client.connection.sendRequest('handoff/outline', {});
      const everything = client.everything();
      assert.ok(everything.includes('window/logMessage'), 'the log was captured');
      for (const label of ['diagnostics', 'hovers', 'code actions', 'log and other messages']) checkAll(`language server: ${label}`, everything);
    } finally {
      await client.stop();
    }
  });

  after(() => {
    const places = PLACE_COUNT;
    let total = 0;
    for (const [, n] of counts) total += n;
    console.log(`      ${counts.size} outputs × ${places} places × ${planted.length} shapes: ${total} cells checked (${[...counts.keys()].join('; ')})`);
  });
});

describe('reliability: property: random token shapes planted in corpus notes never reach an output', function () {
  this.timeout(300_000);
  const corpus = corpusNotes();
  const shapes = [...section7(), ...gitleaksShapes()];

  it('no lint message, fix title, outline field or update summary holds an 8-character window of the token', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: corpus.length - 1 }), fc.integer({ min: 0, max: shapes.length - 1 }), fc.nat(), fc.constantFrom('', '`', '**', '[x](', '| ', '## ', 'Branch: '), (ni, si, at, wrap) => {
        const n = corpus[ni]!;
        const p = shapes[si]!;
        const lines = n.text.split('\n');
        const line = at % (lines.length + 1);
        const close = wrap === '[x](' ? ')' : wrap === '| ' ? ' |' : wrap === '## ' || wrap === 'Branch: ' ? '' : wrap;
        lines.splice(line, 0, `${wrap}${p.token}${close}`);
        const text = lines.join('\n');
        const result = lint({ text, path: n.path, today: TODAY, git: gitFacts() });
        const shown = [
          ...result.findings.flatMap((f) => [f.message, f.fix?.title ?? '']),
          // Front ends mask each outline field with the note's masker; masking the whole serialisation is the same step.
          result.mask(JSON.stringify(outlineNote(result.note))),
          ...planUpdate(result.note, gitFacts(), { today: TODAY }).summary,
        ].join('\n');
        assert.deepEqual(leaks(shown, [p]), [], `${n.name}: ${p.name} planted at line ${line} with ${JSON.stringify(wrap)}`);
      }),
      budget(60),
    );
  });
});
