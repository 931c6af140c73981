// A synchronous driver for secretlint's recommended rules.
//
// @secretlint/core's `lintSource` is async (rule handlers may return promises, and the core reads
// config and files). Lint runs on every keystroke, so we call the preset's rule creators directly:
//
//   rule.create(context, options) → { file(source) } ; file(source) calls context.report({ message, range })
//
// with a minimal context and source object written here:
// - `createTranslator` returns `{ message: messageId, messageId, data }` and NEVER calls the rule's
//   message functions, because those interpolate the raw secret into the text (`found GitHub Token: ghp_…`).
//   The props (`data`) are kept only to locate the token and are dropped before a hit leaves this module.
// - `report` collects `{ ruleId, messageId, range, data }`; `ignore` is a no-op (suppression comments are
//   Handoff's own `handoff-lint-disable…` syntax, handled by the linter, not secretlint's).
// - the source has no file path and no extension, so path- and extension-keyed branches stay off.
// - every rule we keep returns synchronously from `file()`; a rule that returns a promise is a bug
//   (we would drop its results), so we refuse it at once instead of silently losing findings.
// - each rule is created once per process (the masking step scans every message a lint prints, so
//   the scan runs hundreds of times in one CLI run): its handlers hold only the translator and the
//   options, and its context reports into the sink of the call running now.
//
// Rules excluded: `gcp` (only acts on `.json`/`.p12` files; its p12 branch lazily imports node:fs and
// node-forge and is async) and `filter-comments` (secretlint-disable comments; see above).
// Kept rules use plain regexes with bounded quantifiers; all of them run in linear time on our
// adversarial inputs (see test/engine/scan/perf.test.ts).
//
// Ranges: some rules report a range that starts at the label but has the token's length
// (aws secret access key, npm x-oauth-basic), and the URL rules report the whole URL. `locate()` maps each
// report to the range of the secret itself, using the token the rule put in its message props.
//
// Dependency notes: the preset is one ESM bundle (rules inlined) that imports `node:path` at top level
// (for `path.basename` in messages) and holds a dynamic `import()` of a node-forge chunk (~880 KB) that
// only the excluded gcp rule reaches; esbuild still bundles that chunk into the server unless it is
// marked external. The package is ESM-only; esbuild bundles it into the CommonJS server and tests load
// it through tsx (Node ≥ 20.19 can `require()` ESM).

import { rules as presetRules } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretKind } from './types';

type RuleCreator = (typeof presetRules)[number];

/** One report from a secretlint rule, with the range narrowed to the secret itself. */
export interface SecretlintFinding {
  ruleId: string;
  kind: SecretKind;
  start: number;
  end: number;
  /** For a password found in a URL: the user name before it (to recognise `postgres:postgres`). */
  user?: string;
}

/** How to turn one rule's message into a finding: which kind, which message prop holds the token, how to find it. */
interface ReportMapping {
  kind: SecretKind | ((token: string) => SecretKind);
  prop: string;
  /** `token`: the prop is the token; `url-password`: the prop is a URL and the secret is its password. */
  locate: 'token' | 'url-password';
}

const PREFIX = '@secretlint/secretlint-rule-';

/** Kept rules: id → options and message mappings. A messageId without a mapping is dropped. */
const KEPT: Record<string, { options: Record<string, unknown>; messages: Record<string, ReportMapping> }> = {
  aws: {
    // The access key id scan is off by default in secretlint; we want `AKIA…` ids. AWSAccountID reports
    // (12-digit account numbers) are dropped: account ids are not secret.
    options: { enableIDScanRule: true },
    messages: {
      AWSAccessKeyID: { kind: 'AWS access key id', prop: 'ID', locate: 'token' },
      AWSSecretAccessKey: { kind: 'AWS secret access key', prop: 'KEY', locate: 'token' },
    },
  },
  privatekey: { options: {}, messages: { PrivateKey: { kind: 'private key', prop: 'KEY', locate: 'token' } } },
  npm: {
    options: {},
    messages: {
      NPM_ACCESS_TOKEN: { kind: 'npm token', prop: 'TOKEN', locate: 'token' },
      PackageJSON_xOauthToken: { kind: 'GitHub token', prop: 'TOKEN', locate: 'token' },
      Npmrc_authToken: { kind: 'npm token', prop: 'TOKEN', locate: 'token' },
    },
  },
  basicauth: { options: {}, messages: { BasicAuth: { kind: 'URL password', prop: 'CREDENTIAL', locate: 'url-password' } } },
  slack: {
    options: {},
    messages: {
      SLACK_TOKEN: { kind: 'Slack token', prop: 'TOKEN', locate: 'token' },
      IncomingWebhook: { kind: 'Slack webhook', prop: 'URL', locate: 'token' },
    },
  },
  sendgrid: { options: {}, messages: { SENDGRID_KEY: { kind: 'SendGrid key', prop: 'KEY', locate: 'token' } } },
  shopify: { options: {}, messages: { SHOPIFY_KEY: { kind: 'Shopify token', prop: 'KEY', locate: 'token' } } },
  github: {
    options: {},
    messages: {
      GITHUB_TOKEN: {
        kind: (t) => (t.startsWith('github_pat_') ? 'GitHub fine-grained token' : 'GitHub token'),
        prop: 'KEY',
        locate: 'token',
      },
    },
  },
  openai: { options: {}, messages: { OPENAI_TOKEN: { kind: 'OpenAI key', prop: 'TOKEN', locate: 'token' } } },
  anthropic: { options: {}, messages: { ANTHROPIC_API_KEY: { kind: 'Anthropic key', prop: 'KEY', locate: 'token' } } },
  linear: { options: {}, messages: { LINEAR_API_TOKEN: { kind: 'Linear key', prop: 'ID', locate: 'token' } } },
  '1password': { options: {}, messages: { OPS_TOKEN: { kind: '1Password token', prop: 'TOKEN', locate: 'token' } } },
  'database-connection-string': {
    options: {},
    messages: {
      MongoDBConnection: { kind: 'database URL password', prop: 'URI', locate: 'url-password' },
      MySQLConnection: { kind: 'database URL password', prop: 'URI', locate: 'url-password' },
      PostgreSQLConnection: { kind: 'database URL password', prop: 'URI', locate: 'url-password' },
    },
  },
};

/** Rule ids (without the `@secretlint/secretlint-rule-` prefix) deliberately not run. */
export const EXCLUDED_RULES: readonly string[] = ['gcp', 'filter-comments'];

/** The preset's rules we run, in preset order. */
export const SECRETLINT_RULES: readonly RuleCreator[] = presetRules.filter((r) => r.meta.id.slice(PREFIX.length) in KEPT);

interface RawReport {
  ruleId: string;
  messageId: string;
  range: readonly [number, number];
  data: Record<string, unknown> | undefined;
}

/** The source object secretlint rules read: content only, no path, no extension. */
function sourceOf(text: string) {
  const unsupported = (): never => {
    throw new Error('not supported by the synchronous secretlint adapter');
  };
  return {
    hasBOM: text.charCodeAt(0) === 0xfeff,
    content: text,
    filePath: undefined,
    physicalFilePath: undefined,
    contentType: 'text' as const,
    ext: '',
    getFilePath: () => undefined,
    getPhysicalFilePath: () => undefined,
    locationToRange: unsupported,
    rangeToLocation: unsupported,
    positionToIndex: unsupported,
    indexToPosition: unsupported,
  };
}

/** Where the running call's reports go (a scan is synchronous: one call at a time). */
let sink: RawReport[] = [];

function contextFor(ruleId: string) {
  return {
    sharedOptions: {},
    createTranslator: () => (messageId: string | number | symbol, data?: Record<string, unknown>) => ({
      message: String(messageId),
      messageId: String(messageId),
      data,
    }),
    report: (d: { message: { messageId: string; data?: unknown }; range: readonly [number, number] }) => {
      sink.push({ ruleId, messageId: d.message.messageId, range: d.range, data: d.message.data as Record<string, unknown> | undefined });
    },
    ignore: () => undefined,
  };
}

type Handlers = ReturnType<RuleCreator['create']>;
const created = new WeakMap<RuleCreator, Handlers>();

function handlersOf(rule: RuleCreator): Handlers {
  let handlers = created.get(rule);
  if (!handlers) {
    const id = rule.meta.id.slice(PREFIX.length);
    handlers = rule.create(contextFor(id) as never, (KEPT[id]?.options ?? {}) as never);
    created.set(rule, handlers);
  }
  return handlers;
}

/** Run one rule synchronously over `text` and return its raw reports. Exported for tests. */
export function runRule(rule: RuleCreator, text: string): RawReport[] {
  const id = rule.meta.id.slice(PREFIX.length);
  const reports: RawReport[] = [];
  const outer = sink;
  sink = reports;
  let result: unknown;
  try {
    result = handlersOf(rule).file?.(sourceOf(text) as never);
  } finally {
    sink = outer;
  }
  if (result !== undefined) throw new Error(`secretlint rule ${id} is not synchronous`);
  return reports;
}

/** Offsets of the user and the password inside a `scheme://user:password@host` string, or null. */
function urlCredential(url: string): { userStart: number; start: number; end: number } | null {
  const scheme = url.indexOf('://');
  if (scheme < 0) return null;
  const colon = url.indexOf(':', scheme + 3);
  if (colon < 0) return null;
  const at = url.indexOf('@', colon + 1);
  if (at < 0) return null;
  return { userStart: scheme + 3, start: colon + 1, end: at };
}

function locate(text: string, report: RawReport, mapping: ReportMapping): SecretlintFinding | null {
  const value = report.data?.[mapping.prop];
  if (typeof value !== 'string' || value.length === 0) return null;
  const [from] = report.range;
  const at = text.startsWith(value, from) ? from : text.indexOf(value, from);
  if (at < 0) return null;
  if (mapping.locate === 'url-password') {
    const c = urlCredential(value);
    if (!c) return null;
    const kind = typeof mapping.kind === 'function' ? mapping.kind('') : mapping.kind;
    return { ruleId: report.ruleId, kind, start: at + c.start, end: at + c.end, user: value.slice(c.userStart, c.start - 1) };
  }
  const end = at + value.length;
  const kind = typeof mapping.kind === 'function' ? mapping.kind(text.slice(at, end)) : mapping.kind;
  return { ruleId: report.ruleId, kind, start: at, end };
}

/** Run every kept secretlint rule over `text`; findings carry token ranges and no token text. */
export function runSecretlint(text: string): SecretlintFinding[] {
  const out: SecretlintFinding[] = [];
  for (const rule of SECRETLINT_RULES) {
    const id = rule.meta.id.slice(PREFIX.length);
    for (const report of runRule(rule, text)) {
      const mapping = KEPT[id]?.messages[report.messageId];
      if (!mapping) continue;
      const finding = locate(text, report, mapping);
      if (finding) out.push(finding);
    }
  }
  return out;
}
