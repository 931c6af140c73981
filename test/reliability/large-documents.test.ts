// Large and hard documents never hold up the others (level P, over stdio): a document over
// 1 MB or 50,000 lines is linted in the server's lint worker, so a small note opened after it gets its
// diagnostics first, and requests about other documents are answered while it is linted.
// Ordering of events is asserted, never a duration.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fakeSecrets } from './helpers';
import { ReliabilityClient, fileUri } from './lsp-client';

const BROKEN = '# Session Handoff\n\n## Snapshot\n\n- Date: 2026-13-45\n';

describe('reliability: a large document is linted off the server thread', function () {
  this.timeout(300_000);
  let dir: string;
  let client: ReliabilityClient;
  const uriOf = (name: string) => fileUri(path.join(dir, name));

  beforeEach(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-large-')));
    client = new ReliabilityClient();
    await client.start([dir]);
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Index of the first publication for `uri` with diagnostics, or -1. */
  const firstPublished = (uri: string) => client.published.findIndex((p) => p.uri === uri && p.diagnostics.length > 0);

  for (const [label, body] of [
    ['a 12 MB document', Array.from({ length: 150_000 }, (_, i) => `- Item ${i}: checked \`src/file-${i % 50}.ts\` and moved on.`).join('\n')],
    ['300,000 headings (1.2 MB)', '# h\n'.repeat(300_000)],
    ['100,000 headings (0.4 MB: under 1 MB, over 50,000 lines)', '# h\n'.repeat(100_000)],
    ['1.6 MB of fence lines', '```\n'.repeat(400_000)],
  ] as const)
    it(`${label} is opened first, a small broken note second: the small note's diagnostics arrive first, and its requests are answered`, async () => {
      const secret = fakeSecrets().github;
      let text = `# Session Handoff\n\n${body}\n\nLast line: token ${secret}\n`;
      if (label.startsWith('a 12 MB')) while (text.length < 12_000_000) text += text.slice(0, 12_000_000 - text.length);
      const big = uriOf('BIG-HANDOFF.md');
      const small = uriOf('HANDOFF.md');
      await client.open(big, text);
      await client.open(small, BROKEN);
      const mine = await client.diagnostics(small, (p) => p.diagnostics.some((d) => d.code === 'date-format'), 240_000);
      assert.ok(mine);
      const symbols = await client.symbols(small);
      assert.ok(symbols.length > 0, `the small note is not outlined: ${JSON.stringify(symbols)}`);
      assert.equal(firstPublished(big), -1, `${label}: its diagnostics came before the small note's were answered`);
      const theirs = await client.diagnostics(big, (p) => p.diagnostics.length > 0, 240_000);
      assert.ok(firstPublished(small) < firstPublished(big));
      assert.ok(theirs.diagnostics.some((d) => d.code === 'no-secrets'), `${label}: the secret is not reported`);
      assert.equal(client.process.exitCode, null, 'the server exited');
    });
});
