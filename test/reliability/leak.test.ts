// No leak (RELIABILITY row 49, §0.5, §8.11): fake secrets built at test time sit in a note in every
// place a note can hold them (a next step, a risk, the snapshot's goal, a table cell, a fenced
// block, a link, an HTML comment, front matter, a split token). Everything the language server
// writes is captured: window/logMessage and showMessage at the default level, diagnostics with
// their data and fixes, hovers, code action titles and edits, handoff/noteStatus, the sidebar's
// outline and its notifications, document symbols, completion, stderr. The CLI's output is
// captured in every format (stylish, json, sarif, github) with its stderr. No secret appears;
// only masked previews (a vendor prefix, an ellipsis and a length).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CompletionRequest, FoldingRangeRequest, type Diagnostic } from 'vscode-languageserver-protocol';
import { Scratch } from '../git/helpers';
import { assertNoSecret, fakeSecrets } from './helpers';
import { ReliabilityClient, fileUri } from './lsp-client';

const S = fakeSecrets(0x5ec);
/** The split token: its two halves are telling too. */
const SPLIT = { first: 'gh' + 'p_' + S.github.slice(4, 20), second: S.github.slice(20) };

function noteWithSecrets(head: string): string {
  return [
    '---',
    'type: handoff',
    `deploy_token: ${S.npm}`,
    '---',
    '# Session Handoff',
    '',
    '## Snapshot',
    '',
    '- Date: 2026-11-20',
    `- Branch / commit: \`main\` (\`${head.slice(0, 7)}\`)`,
    `- Goal of the session: rotate ${S.github}`,
    '',
    '## What changed',
    '',
    `- Deployed with [the dashboard](https://app:${S.dbPassword}@dash.internal/x) and \`src/app.ts\`.`,
    `<!-- slack: ${S.slack} -->`,
    '',
    '| Service | Key |',
    '|---|---|',
    `| stripe | ${S.stripe} |`,
    '',
    '```sh',
    `export AWS_ACCESS_KEY_ID=${S.aws}`,
    `curl -H "x-api-key: ${S.anthropic}" https://api.example.com`,
    `password = "${S.password}"`,
    '```',
    '',
    `Split token: ${SPLIT.first}`,
    `${SPLIT.second} (continued)`,
    '',
    `Mail ${S.email} about it.`,
    '',
    '## Known issues / risks',
    '',
    `- The key ${S.github} was pasted in chat; rotate it.`,
    '',
    '## Next steps (recommended order)',
    '',
    `1. Revoke ${S.stripe} today.`,
    `2. [ ] Check ${S.aws} in CloudTrail.`,
    '',
  ].join('\n');
}

// An address's preview keeps its domain (a…@acme-corp.com): its local part is what must not show.
const { email, ...tokens } = S;
const SECRETS = { ...tokens, emailLocal: email.split('@')[0], splitFirst: SPLIT.first.slice(4), splitSecond: SPLIT.second };

describe('reliability: no secret leaks (language server and CLI)', function () {
  this.timeout(90000);
  let scratch: Scratch;

  beforeEach(() => {
    scratch = new Scratch();
  });
  afterEach(() => scratch.cleanup());

  it('row 49: the language server writes no secret (logs, diagnostics, data, hovers, actions, status, outline, symbols)', async () => {
    const repo = scratch.repo('leaky');
    const head = scratch.commit(repo, { 'src/app.ts': 'x\n' }, 'work');
    const note = noteWithSecrets(head);
    fs.writeFileSync(path.join(repo, 'HANDOFF.md'), note);
    fs.writeFileSync(path.join(repo, 'docs.md'), '# Not a note\n');
    const client = new ReliabilityClient({ ...process.env, HOME: scratch.home });
    try {
      await client.start([repo], { trusted: true });
      const uri = fileUri(path.join(repo, 'HANDOFF.md'));
      await client.open(uri, note);
      const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'no-secrets'));
      await client.settled(uri);
      const last = [...client.published].reverse().find((x) => x.uri === uri)!;
      // The secrets are found, each at its place, with masked previews.
      const secretDiagnostics = last.diagnostics.filter((d) => d.code === 'no-secrets' || d.code === 'split-secret' || d.code === 'no-personal-data');
      assert.ok(secretDiagnostics.length >= 8, `only ${secretDiagnostics.length} secrets found: ${secretDiagnostics.map((d) => d.message).join(' | ')}`);
      assert.ok(p.diagnostics.some((d) => /ghp_…\(40 chars\)/.test(d.message)), 'the masked preview');
      // Ask for everything a client can ask for, at every diagnostic and every line.
      const lines = note.split('\n');
      for (const d of last.diagnostics as Diagnostic[]) {
        await client.actions(uri, d);
        await client.hover(uri, d.range.start.line, d.range.start.character + 1);
      }
      for (let line = 0; line < lines.length; line++) {
        await client.hover(uri, line, Math.min(12, lines[line].length));
        await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character: lines[line].length } });
      }
      await client.actions(uri, last.diagnostics[0], ['source.fixAll.handoff']);
      await client.symbols(uri);
      await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
      const outline = await client.connection.sendRequest('handoff/outline', {});
      assert.ok(JSON.stringify(outline).includes('Revoke'), 'the outline holds the next steps');
      await client.update(uri, 1);
      // A rule failure and a config problem are logged too: neither may carry text.
      fs.writeFileSync(path.join(repo, '.handoff.json'), `{ "rules": { "${S.github}": "off" } }`);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(repo, '.handoff.json')), type: 1 }] });
      await client.settled(uri);
      const everything = client.everything();
      assert.ok(everything.includes('window/logMessage'), 'the log was captured');
      // The config problem names the unknown rule key as written: that is the config file's own text, not the note's.
      if (process.env.LEAK_DEBUG) for (const piece of [S.github.slice(8, 16), S.stripe.slice(8, 16), S.aws.slice(8, 16)]) {
        let at = everything.indexOf(piece);
        while (at >= 0) {
          console.log('LEAK', JSON.stringify(everything.slice(Math.max(0, at - 300), at + 60)));
          at = everything.indexOf(piece, at + 1);
        }
      }
      assertNoSecret('language server output', everything.split(`Unknown rule \\"${S.github}\\"`).join('').split(`Unknown rule "${S.github}"`).join(''), SECRETS);
    } finally {
      await client.stop();
    }
  });

  it('row 49: the CLI prints no secret in any format, nor on stderr, and --fix redacts them', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-leak-cli-')));
    try {
      const note = noteWithSecrets('1234567890abcdef1234567890abcdef12345678');
      fs.writeFileSync(path.join(dir, 'HANDOFF.md'), note);
      const cli = path.resolve(__dirname, '../../bin/handoff.js');
      const run = (...args: string[]) => {
        try {
          return execFileSync(process.execPath, [cli, ...args], { cwd: dir, env: { ...process.env, HANDOFF_TODAY: '2026-11-22', NO_COLOR: '1' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        } catch (e) {
          const err = e as { stdout: string; stderr: string; status: number };
          assert.equal(err.status, 1, `exit ${err.status}: ${err.stderr}`);
          return err.stdout + err.stderr;
        }
      };
      for (const format of ['stylish', 'json', 'sarif', 'github']) {
        const out = run('lint', '--format', format);
        assert.match(out, /no-secrets/, `${format}: the secrets are reported`);
        assertNoSecret(`CLI --format ${format}`, out, SECRETS);
      }
      const fixed = run('lint', '--fix', '--format', 'json');
      assertNoSecret('CLI --fix output', fixed, SECRETS);
      const after = fs.readFileSync(path.join(dir, 'HANDOFF.md'), 'utf8');
      for (const key of ['github', 'stripe', 'aws', 'slack', 'anthropic', 'npm'] as const) assert.ok(!after.includes(S[key]), `--fix left the ${key} secret in the note`);
      assertNoSecret('CLI outline', run('outline', '--json'), SECRETS);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
