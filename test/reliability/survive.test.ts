// The server survives (RELIABILITY row 39, §8.6): a rule that throws costs one info diagnostic
// "Internal error in rule X (see the Handoff output)", one log line without document text (the
// error's message is not logged either: it may quote the text), and nothing else; the server
// answers the next request and lints the next note. No production hook is needed: the server
// runs in this process (startServer on an in-memory stream pair, the same code as over stdio)
// and a rule of the engine's own RULES list is made to throw for the length of the test.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { RULES, lintWith, type Rule } from '../../server/src/engine';
import { startServer } from '../../server/src/lsp/start';
import { TODAY, assertNoSecret, fakeSecrets } from './helpers';
import { fileUri } from './lsp-client';

const SECRET = fakeSecrets(0x7e57).github;
const NOTE = `# Session Handoff\n\n## Status\n\n- token ${SECRET}\n- a very long bullet ${'word '.repeat(60)}\n\n## Next steps\n\n1. x\n`;

/** The server in this process, over an in-memory stream pair. */
class InProcess {
  readonly client: ProtocolConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: Array<{ method: string; params: unknown }> = [];
  private readonly streams = [new PassThrough(), new PassThrough()];

  constructor() {
    const [up, down] = this.streams;
    const server = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
    startServer(server, []);
    this.client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    this.client.onNotification(PublishDiagnosticsNotification.type, (p) => this.published.push(p));
    (this.client.onNotification as unknown as (h: (method: string, params: unknown) => void) => void)((method, params) => this.messages.push({ method, params }));
    this.client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.client.onRequest('client/registerCapability', () => null);
    this.client.listen();
  }

  async start(root: string): Promise<void> {
    await this.client.sendRequest(InitializeRequest.type, { processId: null, rootUri: fileUri(root), workspaceFolders: [{ uri: fileUri(root), name: 'ws' }], capabilities: { workspace: { configuration: true } }, initializationOptions: { trusted: false } });
    await this.client.sendNotification(InitializedNotification.type, {});
  }

  async open(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    await this.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const deadline = Date.now() + 10000;
    for (;;) {
      const p = this.published.find((x) => x.uri === uri);
      if (p) return p;
      if (Date.now() > deadline) throw new Error('no diagnostics');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  logs(): string[] {
    return this.messages.filter((m) => m.method === 'window/logMessage').map((m) => (m.params as { message: string }).message);
  }

  dispose(): void {
    this.client.dispose();
    for (const s of this.streams) s.destroy();
  }
}

/** Makes a rule throw (with the secret in the error's message) until restored. */
function breakRule(id: string): () => void {
  const rule = RULES.find((r) => r.meta.id === id) as Rule;
  const original = rule.check;
  rule.check = () => {
    throw new Error(`cannot read ${SECRET} at offset 12`);
  };
  return () => {
    rule.check = original;
  };
}

describe('reliability: the server survives', function () {
  this.timeout(30000);
  let dir: string;
  let server: InProcess;
  let restore: (() => void) | null = null;

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-survive-')));
    server = new InProcess();
  });
  afterEach(() => {
    restore?.();
    restore = null;
    server.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('row 39 (U): lintWith catches a throwing rule, reports one internal-error info, and the other rules still report', () => {
    const boom: Rule = { meta: { ...RULES[0].meta, id: 'boom' }, check: () => { throw new TypeError(`x ${SECRET}`); } };
    const result = lintWith({ text: NOTE, path: 'HANDOFF.md', today: TODAY, rules: [boom, ...RULES] });
    assert.deepEqual(result.failures.map((f) => f.ruleId), ['boom']);
    const internal = result.findings.filter((f) => f.ruleId === 'boom');
    assert.deepEqual(internal.map((f) => [f.severity, f.message, f.start, f.end]), [['info', 'Internal error in rule "boom" (see the Handoff output)', 0, 0]]);
    assert.ok(result.findings.some((f) => f.ruleId === 'no-secrets'));
  });

  it('row 39 (P): a rule that throws in the server: one info diagnostic, one log line without text, the next requests answered', async () => {
    restore = breakRule('bullet-length');
    await server.start(dir);
    const uri = fileUri(path.join(dir, 'HANDOFF.md'));
    const p = await server.open(uri, NOTE);
    const internal = p.diagnostics.filter((d) => d.code === 'bullet-length');
    assert.equal(internal.length, 1);
    assert.equal(internal[0].severity, 3);
    assert.equal(internal[0].message, 'Internal error in rule "bullet-length" (see the Handoff output)');
    assert.ok(p.diagnostics.some((d) => d.code === 'no-secrets'), 'the other rules still ran');
    const symbols = (await server.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as Array<{ name: string }>;
    assert.equal(symbols[0].name, 'Session Handoff');
    // A second note: linted, and the failure is not logged again.
    const other = fileUri(path.join(dir, 'next', 'HANDOFF.md'));
    await server.open(other, NOTE.replace('Status', 'State'));
    const logged = server.logs().filter((l) => l.includes('bullet-length'));
    assert.equal(logged.length, 1, `logged ${logged.length} times`);
    assert.match(logged[0], /^Rule "bullet-length" failed and was skipped: Error/);
    assertNoSecret('the log', server.logs().join('\n'), { SECRET });
    assertNoSecret('everything the server sent', JSON.stringify([server.messages, server.published]), { SECRET });
  });

  it('every rule throwing at once: the note gets one internal-error info per rule and nothing breaks', async () => {
    const restores = RULES.map((r) => breakRule(r.meta.id));
    restore = () => restores.forEach((f) => f());
    await server.start(dir);
    const uri = fileUri(path.join(dir, 'HANDOFF.md'));
    const p = await server.open(uri, NOTE);
    assert.ok(p.diagnostics.length > 0 && p.diagnostics.every((d) => d.message.startsWith('Internal error in rule')));
    assertNoSecret('the log', server.logs().join('\n'), { SECRET });
    const symbols = await server.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
  });
});
