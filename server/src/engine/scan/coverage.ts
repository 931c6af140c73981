// Which token shapes the secret scan covers and from where, as a Markdown table for the no-secrets
// docs page: secretlint's recommended rules (driven by secretlint-adapter.ts), gitleaks' default
// rules (written out in vendor.ts, shapes.ts and the generic scanners), and Handoff's own.

import { SHAPES } from './shapes';

const ids = (xs: readonly string[]): string => xs.map((x) => `\`${x}\``).join(', ');

/** Shapes found by secretlint's preset or by the scanners beside shapes.ts, with the gitleaks rules they also stand for. */
const BUILT_IN: ReadonlyArray<[shape: string, source: string, gitleaks: readonly string[]]> = [
  ['GitHub tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`, `github_pat_`)', 'secretlint `github`', ['github-pat', 'github-oauth', 'github-app-token', 'github-refresh-token', 'github-fine-grained-pat']],
  ['AWS access key id (`AKIA…`) and secret access key', 'secretlint `aws`', ['aws-access-token']],
  ['Slack tokens (`xoxb-`, `xoxp-`, `xoxa-`, `xoxo-`, `xoxr-`, `xapp-`) and incoming webhooks', 'secretlint `slack`', ['slack-bot-token', 'slack-user-token', 'slack-app-token', 'slack-legacy-bot-token', 'slack-legacy-token', 'slack-legacy-workspace-token']],
  ['npm tokens (`npm_`, `.npmrc` `_authToken`)', 'secretlint `npm`', ['npm-access-token']],
  ['SendGrid keys (`SG.`)', 'secretlint `sendgrid`', []],
  ['Shopify tokens (`shpat_`, `shpca_`, `shppa_`, `shpss_`)', 'secretlint `shopify`', ['shopify-access-token', 'shopify-custom-access-token', 'shopify-private-app-access-token', 'shopify-shared-secret']],
  ['OpenAI keys (`sk-proj-`, `sk-svcacct-`, `sk-admin-`)', 'secretlint `openai`, Handoff (a key ending in `-`)', ['openai-api-key']],
  ['Anthropic keys (`sk-ant-api03-`)', 'secretlint `anthropic`', ['anthropic-api-key']],
  ['Linear keys (`lin_api_`)', 'secretlint `linear`', ['linear-api-key']],
  ['1Password service account tokens (`ops_`)', 'secretlint `1password`', ['1password-service-account-token']],
  ['Private keys (PEM blocks, also without a footer or hard-wrapped)', 'secretlint `privatekey`, Handoff (pem.ts)', ['private-key']],
  ['Passwords in database URLs (postgres, mysql, mongodb)', 'secretlint `database-connection-string`', []],
  ['Passwords in http(s)/ftp URLs', 'secretlint `basicauth`', []],
  ['Passwords in any other URL scheme (redis, amqp, …) and in `curl -u user:pass`', 'Handoff (credentials.ts)', ['curl-auth-user', 'sidekiq-sensitive-url']],
  ['JWTs', 'Handoff (vendor.ts)', ['jwt']],
  ['Stripe keys (`sk_live_`, `rk_test_`, …)', 'Handoff (vendor.ts, shapes.ts)', ['stripe-access-token']],
  ['Google API keys (`AIza`)', 'Handoff (vendor.ts)', ['gcp-api-key']],
  ['High-entropy values assigned to `password`, `token`, `api_key`, `secret`, … and `Bearer` values', 'Handoff (assignment.ts), entropy > 3.5 as gitleaks', ['generic-api-key', 'database-password', 'curl-auth-header']],
  ['Known prefixes hard-wrapped at a line end (warning "possible split secret")', 'Handoff (split.ts)', []],
];

/** gitleaks default rules not covered, and why. */
const NOT_COVERED: ReadonlyArray<[ids: string, why: string]> = [
  ['`freemius-secret-key`, `hashicorp-tf-password`, `kubernetes-secret-yaml`, `nuget-config-password`, `pkcs12-file`', 'keyed to a file type (`.php`, `.tf`, YAML, `nuget.config`, `.p12`), not to a note; their values are still caught by the generic assignment check when they have high entropy'],
  ['`asana-client-id`, `discord-client-id`', 'digits only: public client ids, not secrets'],
  ['`sourcegraph-access-token` (a bare 40-hex value)', 'indistinguishable from a commit hash; the `sgp_` forms are covered'],
  ['`vault-service-token` (the legacy `s.` form)', 'too short a prefix for prose; the `hvs.` form is covered'],
];

/** The covered-shapes section of docs/rules/no-secrets.md. */
export function coveredShapesMarkdown(): string {
  const rows = [
    ...BUILT_IN.map(([shape, source, g]) => `| ${shape} | ${source}${g.length ? `; gitleaks ${ids(g)}` : ''} |`),
    ...SHAPES.map((s) => `| ${s.kind}${s.prefix ? ` (\`${s.prefix}\`)` : ''} | ${s.gitleaks.length ? `gitleaks ${ids(s.gitleaks)}` : 'Handoff'} (shapes.ts)${s.before && !s.prefix ? ', after its keyword' : ''} |`),
  ];
  return [
    'The scan reads the text as written and as a reader sees it (backslash escapes, entities and percent-encoding decoded; emphasis markers, zero-width and other invisible characters removed) and reports on the raw range. Files read as binary are still scanned.',
    '',
    '| Shape | Source |',
    '|---|---|',
    ...rows,
    '',
    'Not covered from gitleaks\' default rules:',
    '',
    ...NOT_COVERED.map(([i, why]) => `- ${i}: ${why}.`),
  ].join('\n');
}
