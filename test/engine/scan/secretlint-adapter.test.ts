import { strict as assert } from 'node:assert';
import { EXCLUDED_RULES, runRule, runSecretlint, SECRETLINT_RULES } from '../../../server/src/engine/scan/secretlint-adapter';
import { makeR, SETS } from './util';

const R = makeR(0xada9);
const id = (r: { meta: { id: string } }) => r.meta.id.replace('@secretlint/secretlint-rule-', '');

/** A 1Password service-account token: `ops_` + base64 of a JSON object whose last group is `}` alone (`fQ==`). */
function onePasswordToken(): string {
  let json = `{"email":"${R(20, 'a-z')}","secretKey":"${R(60, SETS.alnum)}"}`;
  while (json.length % 3 !== 1) json = json.replace('{', '{ ');
  return 'ops_' + Buffer.from(json).toString('base64');
}

const positives: { rule: string; text: string; secret: string; kind: string }[] = (() => {
  const out: { rule: string; text: string; secret: string; kind: string }[] = [];
  const add = (rule: string, kind: string, secret: string, around: (s: string) => string) => out.push({ rule, kind, secret, text: around(secret) });
  add('aws', 'AWS access key id', 'AK' + 'IA' + R(16, SETS.upperB32), (s) => `id: ${s}\n`);
  add('aws', 'AWS secret access key', R(39, SETS.awsSecret) + 'Q', (s) => `AWS_SECRET_ACCESS_KEY = "${s}"\n`);
  const body = 'MII' + R(600, SETS.base64);
  add('privatekey', 'private key', `-----BEGIN ${'RSA PRIVATE KEY'}-----\n${body}\n-----END ${'RSA PRIVATE KEY'}-----`, (s) => `key:\n${s}\n`);
  add('npm', 'npm token', 'np' + 'm_' + R(36, SETS.lowerAlnum), (s) => `NPM ${s}\n`);
  add('npm', 'GitHub token', R(40, SETS.hex), (s) => `"url": "https://${s}:x-oauth-basic@github.com/org/repo"`);
  add('basicauth', 'URL password', R(16, SETS.alnum), (s) => `clone https://deploy:${s}@git.acme-corp.com/org/repo.git`);
  add('slack', 'Slack token', `xo${'xp-'}${R(11, SETS.digits)}-${R(12, SETS.digits)}-${R(24, SETS.alnum)}`, (s) => `slack ${s}\n`);
  add('slack', 'Slack webhook', `https://hooks.slack.com/services/T${R(8, SETS.alnum)}/B${R(8, SETS.alnum)}/${R(24, SETS.alnum)}`, (s) => `hook: ${s}\n`);
  add('sendgrid', 'SendGrid key', `S${'G.'}${R(22, SETS.alnum)}.${R(43, SETS.alnum)}`, (s) => `mail ${s}\n`);
  add('shopify', 'Shopify token', `sh${'pat_'}${R(32, SETS.alnum)}`, (s) => `shop ${s}\n`);
  add('github', 'GitHub token', `gh${'s_'}${R(36, SETS.alnum)}`, (s) => `app ${s}\n`);
  add('github', 'GitHub fine-grained token', `github${'_pat_'}${R(82, SETS.word)}`, (s) => `pat ${s}\n`);
  add('openai', 'OpenAI key', `sk-${'proj-'}${R(74, SETS.alnum)}${'T3Blbk' + 'FJ'}${R(74, SETS.alnum)}`, (s) => `openai ${s}\n`);
  add('anthropic', 'Anthropic key', `sk-${'ant-api03-'}${R(93, SETS.b64url)}AA`, (s) => `anthropic ${s}\n`);
  add('linear', 'Linear key', `lin${'_api_'}${R(40, SETS.alnum)}`, (s) => `linear ${s}\n`);
  add('1password', '1Password token', onePasswordToken(), (s) => `op ${s}\n`);
  add('database-connection-string', 'database URL password', R(16, SETS.alnum), (s) => `DATABASE_URL=postgresql://app:${s}@db.internal:5432/app\n`);
  add('database-connection-string', 'database URL password', R(16, SETS.alnum), (s) => `MONGO=mongodb://app:${s}@mongo.internal:27017/app\n`);
  add('database-connection-string', 'database URL password', R(16, SETS.alnum), (s) => `jdbc:mysql://app:${s}@mysql.internal:3306/app\n`);
  return out;
})();

describe('scan/secretlint-adapter', () => {
  it('runs the recommended preset minus the excluded rules', () => {
    const kept = SECRETLINT_RULES.map(id);
    assert.deepEqual(kept, ['aws', 'privatekey', 'npm', 'basicauth', 'slack', 'sendgrid', 'shopify', 'github', 'openai', 'anthropic', 'linear', '1password', 'database-connection-string']);
    for (const x of EXCLUDED_RULES) assert.ok(!kept.includes(x));
  });

  it('every kept rule reports synchronously and never renders its message (which embeds the secret)', () => {
    for (const p of positives) {
      const rule = SECRETLINT_RULES.find((r) => id(r) === p.rule)!;
      const reports = runRule(rule, p.text);
      assert.ok(reports.length > 0, `${p.rule} reported nothing`);
      for (const r of reports) {
        assert.equal(r.messageId, String(r.messageId));
        assert.ok(!JSON.stringify(r.messageId).includes(p.secret.slice(4, 12)));
      }
    }
  });

  for (const p of positives) {
    it(`maps ${p.rule} / ${p.kind} to the exact range of the secret`, () => {
      const hits = runSecretlint(p.text).filter((f) => f.ruleId === p.rule);
      const start = p.text.indexOf(p.secret);
      assert.deepEqual(
        hits.map((h) => [h.kind, h.start, h.end]),
        [[p.kind, start, start + p.secret.length]],
      );
    });
  }

  it('refuses a rule whose handler returns a promise instead of silently losing its results', () => {
    const asyncRule = {
      messages: {},
      meta: { id: '@secretlint/secretlint-rule-aws', type: 'scanner', recommended: true, supportedContentTypes: ['text'] },
      create: () => ({ file: async () => undefined }),
    } as unknown as (typeof SECRETLINT_RULES)[number];
    assert.throws(() => runRule(asyncRule, 'x'), /not synchronous/);
  });

  it('drops AWS account ids (not secret) and reports nothing on ordinary text', () => {
    assert.deepEqual(runSecretlint('aws_account_id = 1234-5678-9012\n'), []);
    assert.deepEqual(runSecretlint('# Handoff\n\nAll tests pass. Next: wire the tree view.\n'), []);
  });
});
