import { strict as assert } from 'node:assert';
import { findSecrets, type SecretHit } from '../../../server/src/engine/scan/secrets';
import { redaction } from '../../../server/src/engine/scan/mask';
import { assertExactHit, assertNoHitOn, makeR, SETS, uuid } from './util';

const R = makeR(0x5ec2e7);

// Pieces: prefixes are public; every body is random at test time.
const P = {
  ghp: 'gh' + 'p_',
  pat: 'github' + '_pat_',
  akia: 'AK' + 'IA',
  xoxb: 'xo' + 'xb-',
  begin: (label: string) => '-----BEGIN ' + label + '-----',
  end: (label: string) => '-----END ' + label + '-----',
  anthropic: 'sk-' + 'ant-' + 'api03-',
  openai: 'sk-' + 'proj-',
  openaiMarker: 'T3Blbk' + 'FJ',
  stripe: 'sk_' + 'live_',
  google: 'AI' + 'za',
  npm: 'np' + 'm_',
  jwt: 'ey' + 'J',
};

const pem = (label: string, body: string) => `${P.begin(label)}\n${body}\n${P.end(label)}`;
const wrap = (s: string, width: number) => s.match(new RegExp(`.{1,${width}}`, 'g'))!.join('\n');

function secretsOf(text: string): SecretHit[] {
  return findSecrets(text).filter((h) => h.certainty === 'secret');
}

/** The hit's preview is `prefix…(n chars)` and shows nothing of the body. */
function assertMasked(hit: SecretHit, token: string, prefix: string): void {
  assert.equal(hit.preview, `${prefix}…(${token.length} chars)`);
  const body = token.slice(prefix.length);
  for (let i = 0; i + 5 <= body.length; i++) assert.ok(!hit.preview.includes(body.slice(i, i + 5)), 'preview leaks the body');
}

interface Row {
  name: string;
  /** Text around the token, with `@` where the token goes. */
  context: string;
  token: string;
  kind: string;
  prefix: string;
}

const rows: Row[] = [
  { name: 'GitHub classic PAT', context: 'Token for CI: @ (rotate)', token: P.ghp + R(36, SETS.alnum), kind: 'GitHub token', prefix: P.ghp },
  { name: 'GitHub fine-grained', context: 'export GH=@', token: P.pat + R(82, SETS.word), kind: 'GitHub fine-grained token', prefix: P.pat },
  { name: 'AWS access key id', context: 'id `@`', token: P.akia + R(16, SETS.upperB32), kind: 'AWS access key id', prefix: P.akia },
  { name: 'Slack bot token', context: 'SLACK: @\n', token: `${P.xoxb}${R(11, SETS.digits)}-${R(12, SETS.digits)}-${R(24, SETS.alnum)}`, kind: 'Slack token', prefix: P.xoxb },
  { name: 'JWT', context: 'cookie @;', token: `${P.jwt}${R(30, SETS.b64url)}.${P.jwt}${R(40, SETS.b64url)}.${R(43, SETS.b64url)}`, kind: 'JWT', prefix: P.jwt },
  { name: 'Stripe', context: 'key @', token: P.stripe + R(24, SETS.alnum), kind: 'Stripe key', prefix: P.stripe },
  { name: 'OpenAI', context: 'OPENAI: @', token: P.openai + R(74, SETS.b64url) + P.openaiMarker + R(74, SETS.b64url), kind: 'OpenAI key', prefix: P.openai },
  { name: 'Anthropic', context: '(@)', token: P.anthropic + R(93, SETS.b64url) + 'AA', kind: 'Anthropic key', prefix: P.anthropic },
  { name: 'Google API key', context: 'maps @.', token: P.google + R(35, SETS.b64url), kind: 'Google API key', prefix: P.google },
  { name: 'npm token', context: 'NPM @', token: P.npm + R(36, SETS.lowerAlnum), kind: 'npm token', prefix: P.npm },
];

describe('scan/secrets: §7 vendor rows', () => {
  for (const row of rows) {
    it(`flags ${row.name} with the exact range, certainty and a masked preview`, () => {
      const text = `# Handoff\n\n${row.context.replace('@', row.token)}\n`;
      const hit = assertExactHit(text, findSecrets(text), row.token);
      assert.equal(hit.kind, row.kind);
      assert.equal(hit.certainty, 'secret');
      assertMasked(hit, row.token, row.prefix);
      assert.ok(!hit.preview.includes(row.token.slice(6)));
    });
  }

  it('flags a token whose last character is `-` (secretlint\'s `\\b` misses it)', () => {
    const token = P.openai + R(74, SETS.b64url) + P.openaiMarker + R(73, SETS.b64url) + '-';
    const text = `key: ${token} end`;
    assert.equal(assertExactHit(text, findSecrets(text), token).kind, 'OpenAI key');
  });

  it('does not flag the §7 vendor negatives', () => {
    const negatives = [
      `${P.ghp}… (elided)`,
      'use $GITHUB_TOKEN here',
      `${P.pat}<redacted>`,
      `${P.akia}IOSFODNN7EXAMPLE`,
      `${P.xoxb}<your-token>`,
      `${P.jwt}hbGciOi...`,
      'Authorization: Bearer <token>',
      `${P.stripe}...`,
      'sk_test_YOUR_KEY',
      'sk-...',
      'OPENAI_API_KEY=<set in env>',
      `${P.anthropic}****`,
      `${P.google}...`,
      '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
    ];
    for (const n of negatives) {
      const text = `- ${n}\n`;
      assert.deepEqual(secretsOf(text), [], n);
      assert.deepEqual(findSecrets(text).filter((h) => h.certainty !== 'placeholder'), [], n);
    }
  });

  it('reports vendor-shaped stand-ins at most as placeholders', () => {
    const cases = [P.ghp + 'x'.repeat(36), P.xoxb + 'your-token-here', P.ghp + 'x9Kq'.repeat(9)];
    for (const c of cases) {
      const text = `token ${c} here`;
      const hits = findSecrets(text);
      assert.ok(hits.every((h) => h.certainty === 'placeholder'), c);
      if (hits.length > 0) assertExactHit(text, hits, c);
    }
  });
});

describe('scan/secrets: §7 label rows (range covers the value only)', () => {
  it('AWS secret access key: value after the label', () => {
    for (let k = 0; k < 20; k++) {
      const value = R(40, SETS.awsSecret);
      const text = `aws_secret_access_key = ${value}\n`;
      const hit = assertExactHit(text, findSecrets(text), value);
      assert.equal(hit.kind, 'AWS secret access key');
      assertMasked(hit, value, '');
    }
  });

  it('AWS secret access key: `${AWS_SECRET_ACCESS_KEY}` is not flagged', () => {
    assert.deepEqual(findSecrets('aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}\n'), []);
  });

  it('DB URLs with a password: only the password is the range', () => {
    const cases: [string, string][] = [
      ['postgres://app:@@db.internal:5432/app', 'database URL password'],
      ['mysql://svc:@@mysql.prod:3306/shop', 'database URL password'],
      ['mongodb+srv://ops:@@cluster0.abcd.mongodb.net/db', 'database URL password'],
      ['redis://default:@@cache.internal:6379/0', 'database URL password'],
      ['amqp://worker:@@mq.internal:5672/vhost', 'database URL password'],
      ['https://deploy:@@git.acme-corp.com/org/repo.git', 'URL password'],
    ];
    for (const [shape, kind] of cases) {
      const password = R(16, SETS.alnum);
      const text = `DATABASE_URL: \`${shape.replace('@@', password + '@')}\``;
      const hit = assertExactHit(text, findSecrets(text), password);
      assert.equal(hit.kind, kind, shape);
      assert.equal(hit.preview, '…(16 chars)');
    }
  });

  it('DB URL negatives', () => {
    for (const n of [
      'postgres://user:password@localhost:5432/db',
      'mysql://root:${DB_PASS}@db/app',
      'postgres://app@db/app',
      'postgres://postgres:postgres@localhost:5432/app',
      'amqp://guest:guest@localhost:5672/',
      'redis://:${REDIS_PASSWORD}@cache:6379',
      'https://x-oauth-basic@github.com/org/repo',
    ]) {
      assert.deepEqual(findSecrets(`url: ${n}\n`), [], n);
    }
  });

  it('generic assignment: password, env style, JSON, YAML, backticks', () => {
    const shapes = [
      'password = "@"',
      'DB_PASSWORD=@',
      '"client_secret": "@",',
      'apiKey: \'@\'',
      '- `STRIPE_WEBHOOK_SECRET=@`',
      'export SERVICE_TOKEN=@',
      '**Password**: @',
      'access_key := "@"',
      'SECRET_KEY_BASE=@',
      'OPENAI_API_KEY_PROD=@',
      '- **API key**: `@`',
      '?access_token=@&user=1',
    ];
    for (const shape of shapes) {
      const value = R(20, SETS.alnum);
      const text = `config:\n${shape.replace('@', value)}\n`;
      const hit = assertExactHit(text, findSecrets(text), value);
      assert.equal(hit.kind, 'generic assignment', shape);
      assert.equal(hit.certainty, 'secret');
    }
  });

  it('generic assignment negatives', () => {
    const hex40 = R(40, SETS.hex);
    for (const n of [
      'password = "changeme"',
      // A value that says it is for CI only (a real French note: "secret de test, déjà public dans la CI")
      'export JWT_SECRET=ci-only-origins-secret-not-for-production-2001',
      'password: ${DB_PASSWORD}',
      'api_version=2024-01-01',
      'token_endpoint=https://auth.example.com/token',
      `clientId = "${uuid(R)}"`,
      `token = "${uuid(R)}"`,
      `commit: ${hex40}`,
      `token: ${hex40}`,
      'branch: feature/token-rotation',
      'branch: feature/token-refresh',
      'token: string',
      'apiKey: process.env.OPENAI_API_KEY',
      'api_key = os.environ["OPENAI_API_KEY"]',
      'password: z.string().min(8)',
      'GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}',
      'token: GITHUB_TOKEN_FROM_VAULT',
      'accessToken: accessTokenFromCookie',
      'auth: NextAuth.js',
      `secret_hash = ${R(32, SETS.hex)}`,
      'max_tokens = 4096',
      `password_hash: ${R(40, SETS.alnum)}`,
      `auth_url = https://login.acme-corp.com/${R(12, SETS.alnum)}`,
      'the API key is rotated: see the vault',
      `password == "${R(16, SETS.alnum)}"`,
      'password: "correct horse battery staple"',
      'token: 401',
      'API_KEY=your_openai_key_here',
      'API_KEY=...',
      'password: <your-password>',
      'token: %TOKEN%',
      'secret: "x9Kq".repeat(9)',
      `secret: ${'x9Kq'.repeat(9)}`,
    ]) {
      assert.deepEqual(findSecrets(`${n}\n`), [], n);
    }
  });

  it('entropy threshold: 3.5 bits/char is the gate', () => {
    // 12 distinct characters, each once: log2(12) = 3.58 > 3.5 → flagged.
    const hi = ['aB', '3d', 'E5', 'gH', '7j', 'K9'].join('');
    // 11 distinct characters, one repeated: 3.42 < 3.5 → not flagged.
    const lo = hi.slice(0, 11) + hi[0];
    assertExactHit(`password = "${hi}"`, findSecrets(`password = "${hi}"`), hi);
    assert.deepEqual(findSecrets(`password = "${lo}"`), []);
  });

  it('Bearer tokens are gated the same way', () => {
    const value = R(32, SETS.alnum);
    const text = `curl -H "Authorization: Bearer ${value}" https://api.acme-corp.com`;
    assert.equal(assertExactHit(text, findSecrets(text), value).kind, 'bearer token');
    assert.deepEqual(findSecrets('Authorization: Bearer <token>'), []);
    assert.deepEqual(findSecrets('Authorization: Bearer $TOKEN'), []);
  });

  it('curl basic auth: the password only', () => {
    for (const shape of ['curl -u deploy:@ https://host', 'curl -sS --user ci:@ https://host/api', 'curl --user=ci:@ https://host', "curl -u 'ops:@' https://host", 'curl -X POST \\\n  -u bot:@ \\\n  https://host']) {
      const password = R(16, SETS.alnum);
      const text = shape.replace('@', password);
      const hit = assertExactHit(text, findSecrets(text), password);
      assert.equal(hit.kind, 'curl password', shape);
    }
  });

  it('curl negatives', () => {
    for (const n of [
      'curl -u user:password https://host',
      'curl -u "$USER:$PASS" https://host',
      'curl -u admin:admin http://localhost:8080',
      'curl -u "${API_USER}:${API_PASS}" https://host',
      'curl --upload-file a.txt https://host',
      'Run `curl -u user:PASS https://host`.',
      'curl -u ci:API_TOKEN https://host',
      'curl -u ci:pw https://host',
    ]) {
      assert.deepEqual(findSecrets(n), [], n);
    }
  });
});

describe('scan/secrets: private keys', () => {
  const body = 'MII' + R(1200, SETS.base64);

  it('flags a PEM block, header through footer, as one range (one line body)', () => {
    const block = pem('RSA PRIVATE KEY', body);
    const text = `Key:\n\n\`\`\`\n${block}\n\`\`\`\n`;
    const hit = assertExactHit(text, findSecrets(text), block);
    assert.equal(hit.kind, 'private key');
    assert.equal(hit.preview, `${P.begin('RSA PRIVATE KEY')}…(${block.length} chars)`);
    assert.equal(redaction(hit), '<redacted private key>');
  });

  it('flags a PEM block wrapped at 64 columns, with CRLF, and OPENSSH / ENCRYPTED / PGP labels', () => {
    for (const label of ['PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'EC PRIVATE KEY']) {
      const block = pem(label, wrap(body, 64));
      for (const b of [block, block.replace(/\n/g, '\r\n')]) {
        const text = `before\n${b}\nafter`;
        assertExactHit(text, findSecrets(text), b);
      }
    }
    const pgp = `${P.begin('PGP PRIVATE KEY BLOCK')}\nVersion: GnuPG v2\n\n${wrap('lQ' + R(900, SETS.base64), 64)}\n=${R(4, SETS.base64)}\n${P.end('PGP PRIVATE KEY BLOCK')}`;
    assertExactHit(`x\n${pgp}\n`, findSecrets(`x\n${pgp}\n`), pgp);
  });

  it('flags a header with ≥ 100 base64 characters and no footer, through the last base64 line', () => {
    const partial = `${P.begin('RSA PRIVATE KEY')}\n${wrap(body.slice(0, 400), 64)}`;
    const text = `pasted:\n${partial}\n\n(truncated)\n`;
    const hit = assertExactHit(text, findSecrets(text), partial);
    assert.equal(hit.kind, 'private key');
  });

  it('does not flag placeholder blocks', () => {
    for (const t of [
      pem('PRIVATE KEY', '...'),
      pem('PRIVATE KEY', '<your key here>'),
      pem('RSA PRIVATE KEY', 'A'.repeat(200)),
      `${P.begin('PRIVATE KEY')}\n${R(60, SETS.base64)}\n`,
      `${P.begin('PRIVATE KEY')} is the header to look for`,
      P.begin('PUBLIC KEY') + '\n' + wrap('MII' + R(300, SETS.base64), 64) + '\n' + P.end('PUBLIC KEY'),
    ]) {
      assert.deepEqual(findSecrets(t), [], t.slice(0, 40));
    }
  });
});

describe('scan/secrets: split tokens (row 42)', () => {
  it('a known prefix with ≥ 8 token characters at a line end, continued on the next line', () => {
    const cases = [
      [P.ghp + R(12, SETS.alnum), R(24, SETS.alnum), '\n', 'GitHub token'],
      [P.ghp + R(20, SETS.alnum), R(16, SETS.alnum), '\r\n  ', 'GitHub token'],
      [P.pat + R(30, SETS.word), R(52, SETS.alnum), '\n', 'GitHub fine-grained token'],
      [P.akia + R(8, SETS.upperB32), R(8, SETS.upperB32), ' \\\n    ', 'AWS access key id'],
      [P.anthropic + R(40, SETS.b64url), R(50, SETS.alnum) + 'AA', '\n', 'Anthropic key'],
      [`${P.xoxb}${R(9, SETS.digits)}`, `${R(2, SETS.digits)}-${R(12, SETS.digits)}-${R(24, SETS.alnum)}`, '\n', 'Slack token'],
    ] as const;
    for (const [head, tail, eol, kind] of cases) {
      const span = head + eol + tail;
      const text = `Pasted ${span}\nnext line\n`;
      const hit = assertExactHit(text, findSecrets(text), span);
      assert.equal(hit.certainty, 'possible-split', head);
      assert.equal(hit.kind, kind);
      assert.ok(!hit.preview.includes(head.slice(-8)) && !hit.preview.includes(tail.slice(0, 4)));
      const prefix = hit.preview.slice(0, hit.preview.indexOf('…'));
      assert.equal(redaction(hit), `${prefix}<redacted>`);
    }
  });

  it('a split value that the generic check flags on its first line is one secret over both lines', () => {
    const span = `${P.ghp}${R(14, SETS.alnum)}\n${R(22, SETS.alnum)}`;
    const text = `export GH_TOKEN=${span}\n`;
    const hits = findSecrets(text);
    assert.equal(hits.length, 1);
    const hit = assertExactHit(text, hits, span);
    assert.equal(hit.certainty, 'secret');
    assert.equal(hit.kind, 'GitHub token');
  });

  it('a Slack token wrapped after an inner dash (its first line is a Slack shape) is one secret over both lines', () => {
    const span = `${P.xoxb}${R(11, SETS.digits)}-${R(6, SETS.digits)}\n${R(6, SETS.digits)}-${R(24, SETS.alnum)}`;
    const text = `Slack: ${span}\n`;
    const hit = assertExactHit(text, findSecrets(text), span);
    assert.equal(hit.certainty, 'secret');
    assert.equal(hit.kind, 'Slack token');
  });

  it('a complete token at a line end is a secret, not a split', () => {
    const token = P.ghp + R(36, SETS.alnum);
    const text = `${token}\nAnd then the next line.\n`;
    const hits = findSecrets(text);
    assert.equal(hits.length, 1);
    assert.equal(assertExactHit(text, hits, token).certainty, 'secret');
  });

  it('not a split: elided, placeholder, short, or nothing on the next line', () => {
    for (const t of [
      `Use a ${P.ghp}… token with repo scope.\n`,
      `- ${P.akia} keys are rotated monthly.\n`,
      `${P.ghp}${'x'.repeat(12)}\n${'x'.repeat(24)}\n`,
      `${P.ghp}${R(5, SETS.alnum)}\n${R(24, SETS.alnum)}\n`,
      `${P.ghp}${R(12, SETS.alnum)}\n\nNew paragraph.\n`,
      `${P.ghp}${R(12, SETS.alnum)}\n- list\n`,
    ]) {
      assert.deepEqual(findSecrets(t), [], JSON.stringify(t));
    }
  });
});

describe('scan/secrets: Markdown contexts (row 41) and handoff fields (row 44)', () => {
  const token = P.ghp + R(36, SETS.alnum);
  const contexts = [
    '```sh\nexport GH_TOKEN=@\n```',
    'inline `@` code',
    '[link](https://api.github.com/?access_token=@)',
    '<!-- @ -->',
    '---\ntoken: @\n---',
    '| name | value |\n|---|---|\n| gh | @ |',
    '> quoted @',
    '- [ ] rotate @ today',
  ];
  for (const c of contexts) {
    it(`flags the token only, inside ${JSON.stringify(c.slice(0, 12))}…`, () => {
      const text = c.replace('@', token);
      const hits = findSecrets(text);
      assertExactHit(text, hits, token);
      assert.equal(hits.length, 1);
    });
  }

  it('exempts commit SHAs, short hashes, UUIDs and branch names', () => {
    const sha = R(40, SETS.hex);
    const text = [
      '## Snapshot',
      `- commit: ${sha}`,
      `- HEAD: \`${sha.slice(0, 7)}\``,
      `- upstream: origin/main @ ${sha.slice(0, 12)}`,
      '- branch: feature/token-refresh',
      `- run id: ${uuid(R)}`,
      '- api_version=2024-01-01',
    ].join('\n');
    const hits = findSecrets(text);
    assert.deepEqual(hits, []);
    assertNoHitOn(text, hits, sha);
  });

  it('redaction keeps a known prefix and re-scans clean', () => {
    const parts = [P.ghp + R(36, SETS.alnum), P.akia + R(16, SETS.upperB32), `password = "${R(20, SETS.alnum)}"`, `postgres://app:${R(16, SETS.alnum)}@db.internal/app`];
    let text = parts.join('\n');
    const hits = findSecrets(text);
    assert.equal(hits.length, 4);
    assert.deepEqual(hits.map((h) => redaction(h)), [`${P.ghp}<redacted>`, `${P.akia}<redacted>`, '<redacted>', '<redacted>']);
    for (const h of [...hits].reverse()) text = text.slice(0, h.start) + redaction(h) + text.slice(h.end);
    assert.deepEqual(findSecrets(text), []);
  });
});
