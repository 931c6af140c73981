// The language server over stdio against bad input and faults (level P): rows 1, 3, 4, 9, 31,
// 35, 36, 37, 38, 46, an invalid configuration and a missing template. After each fault the
// server must still answer the next request.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fakeSecrets } from './helpers';
import { ReliabilityClient, fileUri } from './lsp-client';

const SESSION = ['# Session Handoff', '', '## Snapshot', '', '- Date: 2026-11-20', '- Branch / commit: `main` (HEAD)', '- Goal of the session: ship', '', '## What changed', '', '- `src/app.ts`', '', '## Next steps (recommended order)', '', '1. Ship.', ''].join('\n');

describe('reliability: language server over stdio, bad input and faults', function () {
  this.timeout(90000);
  let dir: string;
  let client: ReliabilityClient;
  const uriOf = (name: string) => fileUri(path.join(dir, name));

  beforeEach(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-rel-')));
    client = new ReliabilityClient();
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The server still answers: a document symbol request on an open note. */
  async function answers(uri: string): Promise<void> {
    const symbols = await client.symbols(uri);
    assert.ok(Array.isArray(symbols));
    assert.equal(client.process.exitCode, null, 'the server exited');
  }

  it('row 1: a 5 MB note gets one max-size info, and a secret beyond the cap is still found', async function () {
    this.timeout(240000);
    await client.start([dir]);
    const secret = fakeSecrets().github;
    const filler = Array.from({ length: 90_000 }, (_, i) => `- Item ${i}: checked \`src/file-${i % 50}.ts\` and moved on.`).join('\n');
    const text = `${SESSION}\n${filler}\n\nLast line: token ${secret}\n`;
    assert.ok(text.length > 4_000_000);
    const uri = uriOf('HANDOFF.md');
    const t0 = performance.now();
    await client.open(uri, text);
    const p = await client.diagnostics(uri, (x) => x.diagnostics.length > 0, 170000);
    const ms = performance.now() - t0;
    console.log(`      ${(text.length / 1e6).toFixed(1)} MB note: first diagnostics after ${ms.toFixed(0)} ms (open, transfer and lint)`);
    const maxSize = p.diagnostics.filter((d) => d.code === 'max-size');
    assert.equal(maxSize.length, 1);
    assert.equal(maxSize[0].severity, 3, 'info');
    assert.match(maxSize[0].message, /Lint limited to the first 2\.0 MB/);
    const lines = text.split('\n');
    const secretLine = lines.findIndex((l) => l.includes(secret));
    const hit = p.diagnostics.find((d) => d.code === 'no-secrets');
    assert.ok(hit, 'the secret past the cap is not reported');
    assert.equal(hit.range.start.line, secretLine);
    assert.equal(lines[secretLine].slice(hit.range.start.character, hit.range.end.character), secret);
    await answers(uri);
  });

  it('row 1: a large note shows its text findings first, and its whole lint adds the structural ones to them', async function () {
    this.timeout(240000);
    await client.start([dir]);
    const secret = fakeSecrets().github;
    // Over 1 MB: linted in the lint worker. A structural finding (no next steps) and a secret.
    const filler = Array.from({ length: 25_000 }, (_, i) => `- Item ${i}: checked \`src/file-${i % 50}.ts\` and moved on.`).join('\n');
    const text = `# Session Handoff\n\n## Snapshot\n\n- Date: 2026-11-20\n- Token: ${secret}\n\n## What changed\n\n${filler}\n`;
    assert.ok(text.length > 1_000_000);
    const uri = uriOf('HANDOFF.md');
    await client.open(uri, text);
    const first = await client.diagnostics(uri, (x) => x.diagnostics.length > 0, 170000);
    const settled = await waitFor(() => client.sent<{ uri: string; version: number; settled: boolean }>('handoff/noteStatus').find((s) => s.uri === uri && s.settled), 170000);
    assert.equal(settled.version, 1);
    const ours = client.published.filter((p) => p.uri === uri);
    assert.equal(ours[0], first, 'the text findings are the first publication');
    assert.deepEqual(first.diagnostics.map((d) => d.code), ['no-secrets'], 'only text findings before the structure is modelled');
    const last = ours[ours.length - 1];
    assert.notEqual(last, first, 'the whole lint is published after them');
    assert.ok(last.diagnostics.some((d) => d.code === 'required-sections'), JSON.stringify(last.diagnostics.map((d) => d.code)));
    for (const d of first.diagnostics) assert.ok(last.diagnostics.some((l) => JSON.stringify(l) === JSON.stringify(d)), `${JSON.stringify(d)} is not in the whole lint`);
    await answers(uri);
  });

  it('row 1: a large note linted again before its first whole lint is out never loses its structural findings once they are shown', async function () {
    this.timeout(240000);
    await client.start([dir]);
    const filler = Array.from({ length: 25_000 }, (_, i) => `- Item ${i}: checked \`src/file-${i % 50}.ts\` and moved on.`).join('\n');
    const text = `# Session Handoff\n\n## Snapshot\n\n- Date: 2026-11-20\n- Token: ${fakeSecrets().github}\n\n## What changed\n\n${filler}\n`;
    const uri = uriOf('HANDOFF.md');
    await client.open(uri, text);
    // The text findings are out: the first whole lint is under way. A settings change lints the
    // note again; that job waits for the first and is text-first too.
    await client.diagnostics(uri, (x) => x.diagnostics.length > 0, 170000);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const whole = (p: { diagnostics: Array<{ code?: unknown }> }) => p.diagnostics.some((d) => d.code === 'required-sections');
    await waitFor(() => client.published.filter((p) => p.uri === uri && whole(p)).length >= 2 || undefined, 170000);
    const ours = client.published.filter((p) => p.uri === uri);
    const from = ours.findIndex(whole);
    assert.deepEqual(ours.slice(from).map((p) => whole(p)), ours.slice(from).map(() => true), 'a publication after the whole lint lacks its structural findings');
    await answers(uri);
  });

  it('row 3: a binary file named HANDOFF.md opened as text: no diagnostics, not treated as a note', async () => {
    await client.start([dir]);
    const uri = uriOf('HANDOFF.md');
    const png = '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR' + '\u0000'.repeat(20) + '# Session Handoff\n\nâ€” x\n';
    await client.open(uri, png);
    const p = await client.diagnostics(uri);
    assert.deepEqual(p.diagnostics, []);
    const status = await waitFor(() => client.sent<{ uri: string; kind: string }>('handoff/noteStatus').find((s) => s.uri === uri), 10000);
    assert.equal(status.kind, 'other');
    await answers(uri);
  });

  it('row 4: invalid UTF-8 decoded as U+FFFD by the editor is reported at the exact position', async () => {
    await client.start([dir]);
    const uri = uriOf('docs/ROADMAP.md');
    const text = '# Roadmap\n\n## Phase 1\n\n- [ ] Caf\uFFFD\uFFFD menu 🚀 \uFFFD\n';
    await client.open(uri, text);
    const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'mojibake'));
    const lines = text.split('\n');
    const ranges = p.diagnostics.filter((d) => d.code === 'mojibake').map((d) => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character));
    assert.ok(ranges.length >= 1 && ranges.every((r) => /^\uFFFD+$/.test(r)), JSON.stringify(ranges));
  });

  it('row 9: a token after emoji, ZWJ sequences and combining marks is underlined exactly (UTF-16 columns)', async () => {
    await client.start([dir]);
    const secret = fakeSecrets().github;
    const prefix = '🚀 👩\u200d💻 e\u0301 𝔘 한 — token=';
    const text = `${SESSION}\n${prefix}${secret}\n`;
    const uri = uriOf('HANDOFF.md');
    await client.open(uri, text);
    const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'no-secrets'));
    const d = p.diagnostics.find((x) => x.code === 'no-secrets')!;
    const line = text.split('\n')[d.range.start.line];
    assert.equal(d.range.start.character, prefix.length, 'UTF-16 code units: 🚀 counts 2');
    assert.equal(line.slice(d.range.start.character, d.range.end.character), secret);
  });

  it('row 46: empty, a lone line break, only a BOM, only front matter: no crash, the missing sections reported', async () => {
    await client.start([dir]);
    const cases = { 'empty': '', 'newline': '\n', 'bom': '\uFEFF', 'crlf': '\r\n', 'frontmatter': '---\ntype: handoff\ndate: 2026-11-20\n---\n' };
    for (const [name, text] of Object.entries(cases)) {
      const uri = uriOf(`${name}/HANDOFF.md`);
      await client.open(uri, text);
      const p = await client.diagnostics(uri, (x) => x.diagnostics.length > 0);
      assert.ok(p.diagnostics.some((d) => d.code === 'required-sections'), `${name}: ${JSON.stringify(p.diagnostics.map((d) => d.code))}`);
      for (const d of p.diagnostics) assert.ok(d.range.end.line <= text.split(/\r\n|\r|\n/).length - 1, `${name}: a range beyond the text`);
      await answers(uri);
    }
  });

  it('row 37: 100 changes in one second: only increasing versions are published, the last one matches a fresh lint of the final text', async () => {
    await client.start([dir]);
    const uri = uriOf('HANDOFF.md');
    let text = SESSION.replace('1. Ship.', '1. Ship â€” ');
    await client.open(uri, text);
    await client.diagnostics(uri);
    const before = client.published.length;
    const t0 = performance.now();
    for (let v = 2; v <= 101; v++) {
      const line = text.split('\n').length - 1;
      const char = v % 7 === 0 ? '\n' : v % 5 === 0 ? '🚀' : String.fromCharCode(97 + (v % 26));
      await client.change(uri, v, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: char }]);
      text = insertAtLine(text, line, char);
      await new Promise((r) => setTimeout(r, 10));
    }
    const last = await client.diagnostics(uri, (p) => p.version === 101);
    const elapsed = performance.now() - t0;
    const published = client.published.slice(before).filter((p) => p.uri === uri);
    console.log(`      100 changes over ${elapsed.toFixed(0)} ms: ${published.length} publications`);
    const versions = published.map((p) => p.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'a publication went back to an older version');
    assert.equal(new Set(versions).size >= 1, true);
    // The same text opened at once, next to it: the same diagnostics.
    const twin = uriOf('twin/HANDOFF.md');
    await client.open(twin, text);
    const whole = await client.settled(twin);
    const shown = (ds: typeof last.diagnostics) => ds.map((d) => `${d.code}@${JSON.stringify(d.range)}:${d.message}`).sort();
    assert.deepEqual(shown(last.diagnostics), shown(whole.diagnostics));
    assert.ok(last.diagnostics.some((d) => d.code === 'mojibake'));
    await answers(uri);
  });

  it('row 38: a note closed right after a change ends with [] (nothing published after the close)', async () => {
    await client.start([dir]);
    const uri = uriOf('HANDOFF.md');
    const big = SESSION + '\n' + Array.from({ length: 5000 }, (_, i) => `- line ${i} â€” x`).join('\n');
    await client.open(uri, big);
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    await client.close(uri);
    await client.diagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
    const at = client.published.length;
    // The server handles messages in order: once a note opened after the close has settled,
    // whatever the closed note had pending (its lint timer, facts, a re-lint) has been dropped.
    const other = uriOf('other/HANDOFF.md');
    await client.open(other, SESSION);
    await client.diagnostics(other);
    await waitFor(() => client.sent<{ uri: string; settled: boolean }>('handoff/noteStatus').find((s) => s.uri === other && s.settled), 10000);
    await answers(other);
    assert.deepEqual(client.published.slice(at).filter((p) => p.uri === uri), []);
  });

  it('an invalid configuration file (not JSON): reported on the file, notes linted with the defaults', async () => {
    fs.writeFileSync(path.join(dir, '.handoff.json'), '{ "rules": { "mojibake": ');
    await client.start([dir]);
    const uri = uriOf('HANDOFF.md');
    await client.open(uri, SESSION.replace('1. Ship.', '1. Ship â€” now.'));
    const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'mojibake'));
    assert.ok(p);
    const config = await client.diagnostics(fileUri(path.join(dir, '.handoff.json')), (x) => x.diagnostics.length > 0);
    assert.match(config.diagnostics[0].message, /Invalid JSON.*defaults apply/);
    await answers(uri);
  });

  it('a configured template that is missing: reported, the built-in dialects apply', async () => {
    fs.writeFileSync(path.join(dir, '.handoff.json'), JSON.stringify({ dialect: 'template', template: 'templates/missing.md' }));
    await client.start([dir]);
    const uri = uriOf('HANDOFF.md');
    await client.open(uri, SESSION);
    await client.diagnostics(uri);
    const status = await waitFor(() => client.sent<{ uri: string; dialect: string | null }>('handoff/noteStatus').find((s) => s.uri === uri), 10000);
    assert.equal(status.dialect, 'session-handoff', 'a built-in dialect applies');
    const config = await client.diagnostics(fileUri(path.join(dir, '.handoff.json')), (x) => x.diagnostics.length > 0);
    assert.match(config.diagnostics.map((d) => d.message).join('\n'), /Template "templates\/missing\.md" cannot be used \(not found\)/);
    await answers(uri);
  });

  it('a template that makes no sense (binary, no headings): the server stays up and lints', async () => {
    fs.mkdirSync(path.join(dir, 'templates'));
    fs.writeFileSync(path.join(dir, 'templates', 'odd.md'), '\u0000\u0001 not markdown \uFFFD\n```\n# not a heading\n');
    fs.writeFileSync(path.join(dir, '.handoff.json'), JSON.stringify({ dialect: 'template', template: 'templates/odd.md' }));
    await client.start([dir]);
    const uri = uriOf('HANDOFF.md');
    await client.open(uri, SESSION);
    await client.diagnostics(uri);
    await answers(uri);
  });

  it('row 31: untitled and virtual (vscode-vfs) documents are linted without git', async () => {
    await client.start([dir], { trusted: true });
    for (const uri of ['untitled:Untitled-1', 'vscode-vfs://github/acme/repo/HANDOFF.md']) {
      await client.open(uri, '# Session Handoff\n\n## Status\n\nâ€” x\n');
      const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'mojibake'));
      assert.ok(p);
      const result = await client.update(uri, 1);
      assert.ok(result.refused);
      assert.deepEqual(result.edits, []);
      await answers(uri);
    }
  });

  it('row 35: a workspace of 1,000 notes (and node_modules): only open notes get diagnostics; indexing time printed', async () => {
    for (let i = 0; i < 1000; i++) {
      const folder = path.join(dir, `pkg-${i % 40}`, `n${i}`);
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, 'HANDOFF.md'), `# Session Handoff\n\n## Status\n\nâ€” note ${i}\n`);
    }
    fs.mkdirSync(path.join(dir, 'node_modules', 'dep'), { recursive: true });
    for (let i = 0; i < 100; i++) fs.writeFileSync(path.join(dir, 'node_modules', 'dep', `HANDOFF-${i}.md`), '# Handoff\n');
    const t0 = performance.now();
    await client.start([dir]);
    const uri = uriOf('pkg-0/n0/HANDOFF.md');
    await client.open(uri, fs.readFileSync(path.join(dir, 'pkg-0', 'n0', 'HANDOFF.md'), 'utf8'));
    await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    console.log(`      first diagnostics ${(performance.now() - t0).toFixed(0)} ms after start with 1,000 notes in the workspace`);
    const indexed = await waitFor(() => client.sent<{ message: string }>('window/logMessage').find((m) => /^Indexed \d+ notes/.test(m.message)), 60000);
    console.log(`      ${indexed.message}`);
    assert.match(indexed.message, /^Indexed 1000 notes/);
    const published = new Set(client.published.map((p) => p.uri));
    assert.deepEqual([...published].filter((u) => u !== uri && !u.endsWith('.handoff.json')), [], 'diagnostics for notes that are not open');
    await answers(uri);
  });

  it('row 36: a symlink loop and a link to a note outside the workspace: indexing ends, the outside note is not read', async () => {
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-outside-')));
    try {
      fs.writeFileSync(path.join(outside, 'HANDOFF.md'), '# Session Handoff\n\nOutside the workspace.\n');
      fs.mkdirSync(path.join(dir, 'a'));
      fs.symlinkSync(dir, path.join(dir, 'a', 'loop'));
      fs.symlinkSync(path.join(outside, 'HANDOFF.md'), path.join(dir, 'a', 'HANDOFF.md'));
      fs.symlinkSync(outside, path.join(dir, 'elsewhere'));
      fs.writeFileSync(path.join(dir, 'HANDOFF.md'), SESSION);
      await client.start([dir]);
      const indexed = await waitFor(() => client.sent<{ message: string }>('window/logMessage').find((m) => /^Indexed \d+ notes/.test(m.message)), 30000);
      console.log(`      ${indexed.message}`);
      const outline = (await client.connection.sendRequest('handoff/outline', {})) as { files: Array<{ uri: string; title: string | null }>; skipped: Array<{ uri: string; reason: string }> };
      assert.deepEqual(outline.files.map((f) => path.relative(dir, new URL(f.uri).pathname)), ['HANDOFF.md']);
      assert.ok(!JSON.stringify(outline).includes('Outside the workspace'));
      const uri = uriOf('HANDOFF.md');
      await client.open(uri, SESSION);
      await answers(uri);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});

function insertAtLine(text: string, line: number, s: string): string {
  const lines = text.split('\n');
  lines[line] = s + lines[line];
  return lines.join('\n');
}

async function waitFor<T>(f: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
