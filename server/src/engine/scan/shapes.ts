// The token shapes of gitleaks' default configuration that secretlint's recommended preset does not
// already find, plus a few well-known shapes neither has as a plain token (Discord bot tokens, Telegram
// bot tokens, Azure storage account keys, `Authorization: Basic`). gitleaks' way, rule by rule:
//   - a keyword prefilter: the regex runs only when the lower-cased text holds one of the keywords;
//   - bounded quantifiers and explicit token-character boundaries, so each regex runs in linear time;
//   - an entropy gate on the secret itself where gitleaks has one.
// Two forms: a token with a public prefix (`glpat-…`, `dop_v1_…`), and a value assigned to a name that
// holds a vendor keyword (`DISCORD_TOKEN = <64 hex>`), gitleaks' "semi-generic" rules. The patterns are
// written here from each vendor's token format; the `gitleaks` field names the rule ids they stand for
// (docs/rules/no-secrets.md lists them).

import { shannonEntropy } from './entropy';

export interface Shape {
  /** What the message calls it. */
  kind: string;
  /** The gitleaks rule ids this shape stands for; empty for a shape gitleaks has only keyword-gated or not at all. */
  gitleaks: readonly string[];
  /** Lower-case substrings (two characters or more), one of which must be in the text for the regex to run; none: it always runs. */
  keywords: readonly string[];
  /** Group 1 is the secret; it ends the match. */
  re: RegExp;
  /** The secret's own pattern (regex source, no boundaries), for the docs and for generated tests. */
  secret: string;
  /** Text that leads up to the secret where the shape needs one (`AccountKey=`, `discord_token = `). */
  before: string;
  /** Minimum Shannon entropy (bits/char) of the secret. */
  entropy?: number;
  /** Public prefix shown in previews and kept by a redaction. */
  prefix?: string;
}

export interface ShapeFinding {
  kind: string;
  start: number;
  end: number;
  prefix: string;
}

const TAIL = '(?![A-Za-z0-9_])';
const HEAD = '(?<![A-Za-z0-9_])';
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Options {
  entropy?: number;
  prefix?: string;
  /** Regex flags besides `g`. */
  flags?: string;
  /** Lookbehind and lookahead around the secret (default: no token character on either side). */
  head?: string;
  tail?: string;
  /** Regex source that must come right before the secret, and sample text for it. */
  lead?: [source: string, sample: string];
}

function raw(kind: string, gitleaks: string[], keywords: string[], secret: string, o: Options = {}): Shape {
  const re = new RegExp((o.lead?.[0] ?? '') + (o.head ?? HEAD) + `(${secret})` + (o.tail ?? TAIL), 'g' + (o.flags ?? ''));
  return { kind, gitleaks, keywords, re, secret, before: o.lead?.[1] ?? '', entropy: o.entropy, prefix: o.prefix };
}

/** A token that starts with a public prefix. `flags` adds `i` where the vendor's body is case-free. */
function token(kind: string, gitleaks: string[], prefix: string, body: string, entropy?: number, flags = ''): Shape {
  return raw(kind, gitleaks, [prefix.toLowerCase()], escape(prefix) + body, { entropy, prefix, flags });
}

/**
 * A value assigned to a name holding a vendor keyword (`discord_bot_token: "…"`, `**Sentry token**: …`):
 * the keyword, up to 20 name characters, an optional closing quote or bold, an operator, optional
 * opening quotes, then the value, which must end the token. Case-insensitive, as gitleaks' rules are.
 */
function assigned(kind: string, gitleaks: string[], keywords: string[], value: string, entropy?: number): Shape {
  const lead = `(?:${keywords.map(escape).join('|')})[ \\t\\w.-]{0,20}[\\s'"*\`]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\s'"\`=]{0,5}`;
  return raw(kind, gitleaks, keywords, `(?:${value})`, { entropy, flags: 'i', head: '', tail: `(?=[\\s'"\`;|),.*<>\\]\\\\]|$)`, lead: [lead, `${keywords[0]}_token = `] });
}

const HEX = '[a-f0-9]';
const UUID = `${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}`;
const AN = 'A-Za-z0-9';

export const SHAPES: readonly Shape[] = [
  // Tokens with a public prefix.
  token('1Password secret key', ['1password-secret-key'], 'A3-', `[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}`, 3.8),
  token('Adobe client secret', ['adobe-client-secret'], 'p8e-', `[${AN}]{32}`, 2),
  token('age secret key', ['age-secret-key'], 'AGE-SECRET-KEY-1', '[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}'),
  token('Alibaba access key id', ['alibaba-access-key-id'], 'LTAI', `[${AN}]{20}`, 2),
  token('Anthropic admin key', ['anthropic-admin-api-key'], 'sk-ant-admin01-', `[${AN}_-]{93}AA`),
  token('Artifactory API key', ['artifactory-api-key'], 'AKCp', `[${AN}]{69}`, 4.5),
  token('Artifactory reference token', ['artifactory-reference-token'], 'cmVmd', `[${AN}]{59}`, 4.5),
  token('Atlassian API token', ['atlassian-api-token'], 'ATATT3', `[${AN}_=-]{186}`, 3.5),
  raw('Authress access key', ['authress-service-client-access-key'], ['sc_', 'ext_', 'scauth_', 'authress_'], `(?:sc|ext|scauth|authress)_[${AN}]{5,30}\\.[${AN}]{4,6}\\.acc[_-][a-z0-9-]{10,32}\\.[a-z0-9+/_=-]{30,120}`, { entropy: 2 }),
  raw('AWS access key id', ['aws-access-token'], ['a3t', 'asia', 'abia', 'acca'], '(?:A3T[A-Z0-9]|ASIA|ABIA|ACCA)[A-Z2-7]{16}', { entropy: 3 }),
  raw('Azure AD client secret', ['azure-ad-client-secret'], ['q~'], '[\\w~.]{3}\\dQ~[\\w~.-]{31,34}', { entropy: 3, head: '(?<![\\w~.])', tail: '(?![\\w~.-])' }),
  token('ClickHouse Cloud secret key', ['clickhouse-cloud-api-secret-key'], '4b1d', `[${AN}]{38}`, 3),
  token('Clojars token', ['clojars-api-token'], 'CLOJARS_', `[a-z0-9]{60}`, 2, 'i'),
  token('Cloudflare origin CA key', ['cloudflare-origin-ca-key'], 'v1.0-', `${HEX}{24}-${HEX}{146}`, 2),
  token('Databricks token', ['databricks-api-token'], 'dapi', `${HEX}{32}(?:-\\d)?`, 3),
  token('DigitalOcean OAuth token', ['digitalocean-access-token'], 'doo_v1_', `${HEX}{64}`, 3),
  token('DigitalOcean token', ['digitalocean-pat'], 'dop_v1_', `${HEX}{64}`, 3),
  token('DigitalOcean refresh token', ['digitalocean-refresh-token'], 'dor_v1_', `${HEX}{64}`),
  token('Doppler token', ['doppler-api-token'], 'dp.pt.', `[${AN}]{43}`, 2),
  raw('Duffel token', ['duffel-api-token'], ['duffel_'], `duffel_(?:test|live)_[${AN}_=-]{43}`, { entropy: 2, prefix: 'duffel_' }),
  token('Dynatrace token', ['dynatrace-api-token'], 'dt0c01.', `[${AN}]{24}\\.[${AN}]{64}`, 4),
  raw('EasyPost token', ['easypost-api-token', 'easypost-test-api-token'], ['ezak', 'eztk'], `EZ[AT]K[${AN}]{54}`, { entropy: 2 }),
  raw('Facebook page token', ['facebook-page-access-token'], ['eaam', 'eaac'], `EAA[MC][${AN}]{100,512}`, { entropy: 4 }),
  raw('Flutterwave key', ['flutterwave-encryption-key', 'flutterwave-public-key', 'flutterwave-secret-key'], ['flwseck_test', 'flwpubk_test'], 'FLW(?:SECK|PUBK)_TEST-(?:[a-hA-H0-9]{32}-X|[a-hA-H0-9]{12})', { entropy: 2 }),
  raw('Fly.io token', ['flyio-access-token'], ['fo1_', 'fm1', 'fm2_'], `fo1_[\\w-]{43}|fm1[ar]_[${AN}+/]{100,1024}={0,3}|fm2_[${AN}+/]{100,1024}={0,3}`, { entropy: 4, tail: '(?![A-Za-z0-9_=+/])' }),
  token('Frame.io token', ['frameio-api-token'], 'fio-u-', `[${AN}_=-]{64}`),
  token('GitLab CI/CD job token', ['gitlab-cicd-job-token'], 'glcbt-', `[${AN}]{1,5}_[${AN}_-]{20}`, 3),
  token('GitLab deploy token', ['gitlab-deploy-token'], 'gldt-', `[${AN}_-]{20}`, 3),
  token('GitLab feature flag token', ['gitlab-feature-flag-client-token'], 'glffct-', `[${AN}_-]{20}`, 3),
  token('GitLab feed token', ['gitlab-feed-token'], 'glft-', `[${AN}_-]{20}`, 3),
  token('GitLab incoming mail token', ['gitlab-incoming-mail-token'], 'glimt-', `[${AN}_-]{25}`, 3),
  token('GitLab agent token', ['gitlab-kubernetes-agent-token'], 'glagent-', `[${AN}_-]{50}`, 3),
  token('GitLab OAuth secret', ['gitlab-oauth-app-secret'], 'gloas-', `[${AN}_-]{64}`, 3),
  token('GitLab token', ['gitlab-pat', 'gitlab-pat-routable'], 'glpat-', `(?:[${AN}_-]{27,300}\\.[0-9a-z]{9}|[${AN}_-]{20})`, 3),
  token('GitLab trigger token', ['gitlab-ptt'], 'glptt-', `${HEX}{40}`, 3),
  token('GitLab runner registration token', ['gitlab-rrt'], 'GR1348941', `[${AN}_-]{20}`, 3),
  token('GitLab runner token', ['gitlab-runner-authentication-token', 'gitlab-runner-authentication-token-routable'], 'glrt-', `(?:t\\d_[${AN}_-]{27,300}\\.[0-9a-z]{9}|[${AN}_-]{20})`, 3),
  token('GitLab SCIM token', ['gitlab-scim-token'], 'glsoat-', `[${AN}_-]{20}`, 3),
  raw('GitLab session cookie', ['gitlab-session-cookie'], ['_gitlab_session='], '[0-9a-z]{32}', { entropy: 3, head: '', lead: ['_gitlab_session=', '_gitlab_session='] }),
  token('Grafana API key', ['grafana-api-key'], 'eyJrIjoi', `[${AN}]{70,400}={0,3}`, 3),
  token('Grafana Cloud token', ['grafana-cloud-api-token'], 'glc_', `[${AN}+/]{32,400}={0,3}`, 3),
  token('Grafana service account token', ['grafana-service-account-token'], 'glsa_', `[${AN}]{32}_[A-Fa-f0-9]{8}`, 3),
  raw('Harness token', ['harness-api-key'], ['pat.', 'sat.'], `[ps]at\\.[${AN}_-]{22}\\.[${AN}]{24}\\.[${AN}]{20}`),
  raw('Terraform Cloud token', ['hashicorp-tf-api-token'], ['atlasv1'], `[${AN}]{14}\\.atlasv1\\.[${AN}_=-]{60,70}`, { entropy: 3.5 }),
  token('Heroku API key', ['heroku-api-key-v2'], 'HRKU-AA', `[${AN}_-]{58}`, 4),
  token('Hugging Face token', ['huggingface-access-token'], 'hf_', '[A-Za-z]{34}', 2),
  token('Hugging Face organization token', ['huggingface-organization-api-token'], 'api_org_', '[A-Za-z]{34}', 2),
  token('Infracost token', ['infracost-api-token'], 'ico-', `[${AN}]{32}`, 3),
  raw('42 Intra secret', ['intra42-client-secret'], ['s-s4t2ud-', 's-s4t2af-'], 's-s4t2(?:ud|af)-[a-fA-F0-9]{64}', { entropy: 3 }),
  raw('JWT (base64)', ['jwt-base64'], ['zxlk'], `ZXlK(?:aGJHY2lPaU|MGVYQWlPaU|cmFXUWlP|aGNIVWlPaU|cGMzTWlPaU|emRXSWlPaU)[${AN}/+_-]{40,8192}={0,2}`, { entropy: 2, tail: '(?![A-Za-z0-9_=+/-])' }),
  raw('MaxMind license key', ['maxmind-license-key'], ['_mmk'], `[${AN}]{6}_[${AN}]{29}_mmk`, { entropy: 4 }),
  raw('Microsoft Teams webhook', ['microsoft-teams-webhook'], ['webhook.office.com'], `https://[a-z0-9]{1,64}\\.webhook\\.office\\.com/webhookb2/${UUID}@${UUID}/IncomingWebhook/[a-z0-9]{32}/${UUID}`, { prefix: 'https://', head: '', tail: '(?![a-z0-9])' }),
  token('Notion token', ['notion-api-token'], 'ntn_', `[0-9]{11}[${AN}]{35}`, 4),
  token('Octopus Deploy key', ['octopus-deploy-api-key'], 'API-', '[A-Z0-9]{26}', 3),
  raw('OpenAI key', ['openai-api-key'], ['t3blbkfj'], `sk-[${AN}]{20}` + 'T3Blbk' + `FJ[${AN}]{20}`, { entropy: 3, prefix: 'sk-' }),
  raw('OpenShift token', ['openshift-user-token'], ['sha256~'], 'sha256~[\\w-]{43}', { entropy: 3.5, prefix: 'sha256~', head: '(?<![\\w~-])', tail: '(?![\\w-])' }),
  token('Perplexity key', ['perplexity-api-key'], 'pplx-', `[${AN}]{48}`, 4),
  token('PlanetScale token', ['planetscale-api-token'], 'pscale_tkn_', '[\\w=.-]{32,64}', 3),
  token('PlanetScale OAuth token', ['planetscale-oauth-token'], 'pscale_oauth_', '[\\w=.-]{32,64}', 3),
  token('PlanetScale password', ['planetscale-password'], 'pscale_pw_', '[\\w=.-]{32,64}', 3),
  token('Postman key', ['postman-api-token'], 'PMAK-', '[a-fA-F0-9]{24}-[a-fA-F0-9]{34}', 3),
  token('Prefect token', ['prefect-api-token'], 'pnu_', `[${AN}]{36}`, 2),
  token('Pulumi token', ['pulumi-api-token'], 'pul-', `${HEX}{40}`, 2),
  token('PyPI upload token', ['pypi-upload-token'], 'pypi-' + 'AgEIcHlwaS5vcmc', '[\\w-]{50,1000}', 3),
  token('ReadMe token', ['readme-api-token'], 'rdme_', '[a-z0-9]{70}', 2),
  token('RubyGems token', ['rubygems-api-token'], 'rubygems_', `${HEX}{48}`, 2),
  token('Scalingo token', ['scalingo-api-token'], 'tk-us-', '[\\w-]{48}', 2),
  // SendGrid's own format is SG.<22>.<43>; secretlint's pattern misses a first part that holds `-`.
  token('SendGrid key', ['sendgrid-api-token'], 'SG.', `[${AN}=_.-]{66}`, 2),
  token('Sendinblue key', ['sendinblue-api-token'], 'xkeysib-', `${HEX}{64}-[${AN}]{16}`, 2),
  raw('Sentry organization token', ['sentry-org-token'], ['sntrys_eyjpyxqio'], `sntrys_eyJpYXQiO[${AN}+/]{10,200}(?:LCJyZWdpb25fdXJs|InJlZ2lvbl91cmwi|cmVnaW9uX3VybCI6)[${AN}+/]{10,200}={0,2}_[${AN}+/]{43}`, { entropy: 4.5, prefix: 'sntrys_' }),
  token('Sentry user token', ['sentry-user-token'], 'sntryu_', `${HEX}{64}`, 3.5),
  raw('SettleMint token', ['settlemint-application-access-token', 'settlemint-personal-access-token', 'settlemint-service-access-token'], ['sm_aat', 'sm_pat', 'sm_sat'], `sm_[aps]at_[${AN}]{16}`, { entropy: 3 }),
  raw('Shippo token', ['shippo-api-token'], ['shippo_'], 'shippo_(?:live|test)_[a-fA-F0-9]{40}', { entropy: 2, prefix: 'shippo_' }),
  raw('Slack configuration token', ['slack-config-access-token', 'slack-config-refresh-token'], ['xoxe'], `xoxe(?:\\.xox[bp])?-\\d-[A-Z0-9]{146,166}`, { entropy: 2, prefix: 'xoxe', flags: 'i' }),
  raw('Slack user token', ['slack-user-token'], ['xoxe-'], `xoxe(?:-[0-9]{10,13}){3}-[${AN}-]{28,34}`, { entropy: 2, prefix: 'xoxe-' }),
  raw('Slack webhook', ['slack-webhook-url'], ['hooks.slack.com'], `(?:https?://)?hooks\\.slack\\.com/(?:services|workflows|triggers)/[${AN}+/]{43,56}`, { head: '', tail: '(?![A-Za-z0-9+/])' }),
  raw('Sourcegraph token', ['sourcegraph-access-token'], ['sgp_'], 'sgp_(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40}', { entropy: 3, prefix: 'sgp_' }),
  raw('Square token', ['square-access-token'], ['sq0atp-', 'eaaa'], '(?:EAAA|sq0atp-)[\\w-]{22,60}', { entropy: 2 }),
  raw('Stripe key', ['stripe-access-token'], ['sk_prod', 'rk_prod'], `[sr]k_prod_[${AN}]{10,99}`, { entropy: 2 }),
  token('Twilio API key', ['twilio-api-key'], 'SK', '[0-9a-fA-F]{32}', 3),
  token('Vault batch token', ['vault-batch-token'], 'hvb.', '[\\w-]{138,300}', 4),
  token('Vault service token', ['vault-service-token'], 'hvs.', '[\\w-]{90,120}', 3.5),
  // Assigned to a name that holds the vendor's keyword.
  assigned('Adafruit key', ['adafruit-api-key'], ['adafruit'], '[a-z0-9_-]{32}'),
  assigned('Adobe client id', ['adobe-client-id'], ['adobe'], `${HEX}{32}`, 2),
  assigned('Airtable key', ['airtable-api-key'], ['airtable'], '[a-z0-9]{17}'),
  assigned('Algolia key', ['algolia-api-key'], ['algolia'], '[a-z0-9]{32}'),
  assigned('Alibaba secret key', ['alibaba-secret-key'], ['alibaba'], '[a-z0-9]{30}', 2),
  assigned('Asana secret', ['asana-client-secret'], ['asana'], '[a-z0-9]{32}'),
  assigned('Atlassian API token', ['atlassian-api-token'], ['atlassian', 'confluence', 'jira'], `[a-z0-9]{20}${HEX}{4}`, 3.5),
  assigned('Beamer token', ['beamer-api-token'], ['beamer'], 'b_[a-z0-9=_-]{44}'),
  assigned('Bitbucket secret', ['bitbucket-client-id', 'bitbucket-client-secret'], ['bitbucket'], '[a-z0-9=_-]{64}|[a-z0-9]{32}'),
  assigned('Bittrex key', ['bittrex-access-key', 'bittrex-secret-key'], ['bittrex'], '[a-z0-9]{32}'),
  assigned('Cisco Meraki key', ['cisco-meraki-api-key'], ['meraki'], `${HEX}{40}`, 3),
  assigned('Cloudflare key', ['cloudflare-api-key', 'cloudflare-global-api-key'], ['cloudflare'], `[a-z0-9_-]{40}|${HEX}{37}`, 2),
  assigned('Codecov token', ['codecov-access-token'], ['codecov'], '[a-z0-9]{32}'),
  assigned('Cohere key', ['cohere-api-token'], ['cohere', 'co_api_key'], `[${AN}]{40}`, 4),
  assigned('Coinbase token', ['coinbase-access-token'], ['coinbase'], '[a-z0-9_-]{64}'),
  assigned('Confluent key', ['confluent-access-token', 'confluent-secret-key'], ['confluent'], '[a-z0-9]{64}|[a-z0-9]{16}'),
  assigned('Contentful token', ['contentful-delivery-api-token'], ['contentful'], '[a-z0-9=_-]{43}'),
  assigned('Datadog token', ['datadog-access-token'], ['datadog'], '[a-z0-9]{40}'),
  assigned('Defined Networking token', ['defined-networking-api-token'], ['dnkey'], 'dnkey-[a-z0-9=_-]{26}-[a-z0-9=_-]{52}'),
  assigned('Discord secret', ['discord-api-token', 'discord-client-secret'], ['discord'], `${HEX}{64}|[a-z0-9=_-]{32}`, 2),
  assigned('Drone CI token', ['droneci-access-token'], ['droneci'], '[a-z0-9]{32}'),
  assigned('Dropbox token', ['dropbox-api-token', 'dropbox-long-lived-api-token', 'dropbox-short-lived-api-token'], ['dropbox'], 'sl\\.[a-z0-9=_-]{135}|[a-z0-9]{11}AAAAAAAAAA[a-z0-9_=-]{43}|[a-z0-9]{15}'),
  assigned('Etsy token', ['etsy-access-token'], ['etsy'], '[a-z0-9]{24}', 3),
  assigned('Facebook secret', ['facebook-secret', 'facebook-access-token'], ['facebook'], `[0-9]{15,16}(?:\\||%)[0-9a-z_-]{27,40}|${HEX}{32}`, 3),
  assigned('Fastly token', ['fastly-api-token'], ['fastly'], '[a-z0-9=_-]{32}'),
  assigned('Finicity secret', ['finicity-api-token', 'finicity-client-secret'], ['finicity'], `${HEX}{32}|[a-z0-9]{20}`),
  assigned('Finnhub token', ['finnhub-access-token'], ['finnhub'], '[a-z0-9]{20}'),
  assigned('Flickr token', ['flickr-access-token'], ['flickr'], '[a-z0-9]{32}'),
  assigned('FreshBooks token', ['freshbooks-access-token'], ['freshbooks'], '[a-z0-9]{64}'),
  assigned('Gitter token', ['gitter-access-token'], ['gitter'], '[a-z0-9_-]{40}'),
  assigned('GoCardless token', ['gocardless-api-token'], ['gocardless'], 'live_[a-z0-9_=-]{40}'),
  assigned('Heroku API key', ['heroku-api-key'], ['heroku'], UUID),
  assigned('HubSpot key', ['hubspot-api-key'], ['hubspot'], UUID),
  assigned('Intercom token', ['intercom-api-key'], ['intercom'], '[a-z0-9=_-]{60}'),
  assigned('JFrog key', ['jfrog-api-key', 'jfrog-identity-token'], ['jfrog', 'artifactory', 'bintray', 'xray'], '[a-z0-9]{73}|[a-z0-9]{64}'),
  assigned('Kraken token', ['kraken-access-token'], ['kraken'], '[a-z0-9/=_+-]{80,90}'),
  assigned('KuCoin key', ['kucoin-access-token', 'kucoin-secret-key'], ['kucoin'], `${UUID}|${HEX}{24}`),
  assigned('LaunchDarkly token', ['launchdarkly-access-token'], ['launchdarkly'], '[a-z0-9=_-]{40}'),
  assigned('Linear client secret', ['linear-client-secret'], ['linear'], `${HEX}{32}`, 2),
  assigned('LinkedIn secret', ['linkedin-client-id', 'linkedin-client-secret'], ['linkedin', 'linked_in', 'linked-in'], '[a-z0-9]{16}|[a-z0-9]{14}', 2),
  assigned('Lob key', ['lob-api-key', 'lob-pub-api-key'], ['lob'], `(?:live|test)_pub_${HEX}{31}|(?:live|test)_${HEX}{35}`),
  assigned('Mailchimp key', ['mailchimp-api-key'], ['mailchimp'], `${HEX}{32}-us\\d\\d`),
  assigned('Mailgun key', ['mailgun-private-api-token', 'mailgun-pub-key', 'mailgun-signing-key'], ['mailgun'], `(?:pub)?key-${HEX}{32}|[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8}`),
  assigned('Mapbox token', ['mapbox-api-token'], ['mapbox'], 'pk\\.[a-z0-9]{60}\\.[a-z0-9]{22}'),
  assigned('Mattermost token', ['mattermost-access-token'], ['mattermost'], '[a-z0-9]{26}'),
  assigned('MessageBird key', ['messagebird-api-token', 'messagebird-client-id'], ['messagebird', 'message-bird', 'message_bird'], `${UUID}|[a-z0-9]{25}`),
  assigned('Netlify token', ['netlify-access-token'], ['netlify'], '[a-z0-9=_-]{40,46}'),
  assigned('New Relic key', ['new-relic-browser-api-token', 'new-relic-insert-key', 'new-relic-user-api-id', 'new-relic-user-api-key'], ['new-relic', 'newrelic', 'new_relic'], `NRJS-${HEX}{19}|NRII-[a-z0-9-]{32}|NRAK-[a-z0-9]{27}|[a-z0-9]{64}`),
  assigned('New York Times token', ['nytimes-access-token'], ['nytimes', 'new-york-times', 'newyorktimes'], '[a-z0-9=_-]{32}'),
  assigned('Okta token', ['okta-access-token'], ['okta'], '00[\\w=-]{40}', 4),
  assigned('Plaid secret', ['plaid-api-token', 'plaid-client-id', 'plaid-secret-key'], ['plaid'], `access-(?:sandbox|development|production)-${UUID}|[a-z0-9]{30}|[a-z0-9]{24}`, 3.5),
  assigned('PrivateAI token', ['privateai-api-token'], ['privateai', 'private_ai', 'private-ai'], '[a-z0-9]{32}', 3),
  assigned('RapidAPI token', ['rapidapi-access-token'], ['rapidapi'], '[a-z0-9_-]{50}'),
  assigned('Sendbird token', ['sendbird-access-id', 'sendbird-access-token'], ['sendbird'], `${HEX}{40}|${UUID}`),
  assigned('Sentry token', ['sentry-access-token'], ['sentry'], `${HEX}{64}`, 3),
  assigned('Sidekiq secret', ['sidekiq-secret'], ['bundle_enterprise__contribsys__com', 'bundle_gems__contribsys__com'], `${HEX}{8}:${HEX}{8}`),
  assigned('Snyk token', ['snyk-api-token'], ['snyk'], UUID),
  assigned('Sonar token', ['sonar-api-token'], ['sonar'], '[a-z0-9=_-]{40}'),
  assigned('Squarespace token', ['squarespace-access-token'], ['squarespace'], UUID),
  assigned('Sumo Logic key', ['sumologic-access-id', 'sumologic-access-token'], ['sumo'], `[a-z0-9]{64}|su[${AN}]{12}`, 3),
  assigned('Telegram bot token', ['telegram-bot-api-token'], ['telegr'], '[0-9]{5,16}:A[a-z0-9_-]{34}'),
  assigned('Travis CI token', ['travisci-access-token'], ['travis'], '[a-z0-9]{22}'),
  assigned('Twitch token', ['twitch-api-token'], ['twitch'], '[a-z0-9]{30}'),
  assigned('Twitter secret', ['twitter-access-secret', 'twitter-access-token', 'twitter-api-key', 'twitter-api-secret', 'twitter-bearer-token'], ['twitter'], `A{22}(?:[${AN}]|%(?:2B|2F|3D)){80,100}|[0-9]{15,25}-[${AN}]{20,40}|[a-z0-9]{50}|[a-z0-9]{45}|[a-z0-9]{25}`),
  assigned('Typeform token', ['typeform-api-token'], ['typeform'], 'tfp_[a-z0-9_.=-]{59}'),
  assigned('Yandex key', ['yandex-access-token', 'yandex-api-key', 'yandex-aws-access-token'], ['yandex'], 't1\\.[\\w-]{1,256}={0,2}\\.[\\w-]{86}={0,2}|AQVN[\\w-]{35,38}|YC[\\w-]{38}'),
  assigned('Zendesk secret', ['zendesk-secret-key'], ['zendesk'], '[a-z0-9]{40}'),
  // Shapes gitleaks has only keyword-gated (or not at all), found here from the token's own form.
  raw('Discord bot token', [], [], `[MN][${AN}]{23,25}\\.[\\w-]{6}\\.[\\w-]{27,38}`, { entropy: 4, tail: '(?![\\w-])' }),
  raw('Telegram bot token', [], [':aa'], '[0-9]{8,10}:AA[\\w-]{33}', { entropy: 3.5, head: '(?<![\\w:])', tail: '(?![\\w-])' }),
  raw('Azure storage account key', [], ['accountkey='], `[${AN}+/]{86}==`, { head: '', tail: '(?![A-Za-z0-9+/=])', flags: 'i', lead: ['AccountKey=', 'DefaultEndpointsProtocol=https;AccountName=app;AccountKey='] }),
  raw('HTTP basic credentials', ['curl-auth-header'], ['basic'], `[${AN}+/]{8,1024}={0,2}`, { entropy: 3, head: '', tail: '(?![A-Za-z0-9+/=])', flags: 'i', lead: ['Authorization["\'`*]{0,2}[ \\t]{0,4}[:=][ \\t]{0,4}["\'`]?Basic[ \\t]{1,4}', 'Authorization: Basic '] }),
];

/** Keywords by their first two characters: the text is searched for all of them in one pass. */
const BY_PAIR = new Map<number, string[]>();
const pairOf = (s: string, i: number): number => s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
for (const k of new Set(SHAPES.flatMap((s) => s.keywords))) BY_PAIR.set(pairOf(k, 0), [...(BY_PAIR.get(pairOf(k, 0)) ?? []), k]);
/**
 * The same lists for two ASCII characters, in an array indexed by the pair: a note's every other
 * character starts such a pair, and an array read costs a fraction of hashing a key.
 */
const ASCII_PAIRS: Array<string[] | undefined> = new Array<string[] | undefined>(128 * 128).fill(undefined);
for (const [pair, keywords] of BY_PAIR) {
  const a = Math.floor(pair / 65536);
  const b = pair % 65536;
  if (a < 128 && b < 128) ASCII_PAIRS[(a << 7) | b] = keywords;
}

/** The keywords present in `lower`, in one pass over it. */
function presentKeywords(lower: string): Set<string> {
  const present = new Set<string>();
  let b = lower.charCodeAt(0);
  for (let i = 0; i + 1 < lower.length; i++) {
    const a = b;
    b = lower.charCodeAt(i + 1);
    const candidates = (a | b) < 128 ? ASCII_PAIRS[(a << 7) | b] : BY_PAIR.get(a * 65536 + b);
    if (candidates !== undefined) for (const k of candidates) if (lower.startsWith(k, i)) present.add(k);
  }
  return present;
}

const ASCII_KEYWORDS = [...BY_PAIR.values()].every((list) => list.every((k) => /^[\x00-\x7f]*$/.test(k)));
const lowerAscii = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/**
 * The keywords present in `text` lower-cased, without lower-casing a copy of it. Only U+0130 and
 * U+212A lower-case into ASCII (İ → i̇, K → k); without them, and with ASCII keywords, a keyword
 * is in the lower-cased text exactly where the text's ASCII letters lower-cased one by one spell it.
 */
export function presentKeywordsIn(text: string): Set<string> {
  if (!ASCII_KEYWORDS || text.includes('\u0130') || text.includes('\u212a')) return presentKeywords(text.toLowerCase());
  const present = new Set<string>();
  let b = lowerAscii(text.charCodeAt(0));
  for (let i = 0; i + 1 < text.length; i++) {
    const a = b;
    b = lowerAscii(text.charCodeAt(i + 1));
    if ((a | b) >= 128) continue;
    const candidates = ASCII_PAIRS[(a << 7) | b];
    if (candidates !== undefined) for (const k of candidates) if (spells(text, i, k)) present.add(k);
  }
  return present;
}

/** Whether `text` at i, its ASCII letters lower-cased, starts with the keyword `k` (its first two characters already matched). */
function spells(text: string, i: number, k: string): boolean {
  if (i + k.length > text.length) return false;
  for (let m = 2; m < k.length; m++) if (lowerAscii(text.charCodeAt(i + m)) !== k.charCodeAt(m)) return false;
  return true;
}

/** Every shape's secret in `text`. Linear in the text: one keyword pass, then each bounded regex only behind its keyword. */
export function findShapes(text: string): ShapeFinding[] {
  const present = presentKeywordsIn(text);
  const out: ShapeFinding[] = [];
  for (const shape of SHAPES) {
    if (shape.keywords.length && !shape.keywords.some((k) => present.has(k))) continue;
    for (const m of text.matchAll(shape.re)) {
      // Group 1, where a shape has one, always ends the match.
      const secret = m[1] ?? m[0];
      const start = m.index + m[0].length - secret.length;
      if (shape.entropy !== undefined && shannonEntropy(secret) < shape.entropy) continue;
      if (shape.kind === 'HTTP basic credentials' && !decodesToPair(secret)) continue;
      out.push({ kind: shape.kind, start, end: start + secret.length, prefix: shape.prefix && secret.startsWith(shape.prefix) ? shape.prefix : '' });
    }
  }
  return out;
}

/** `user:password` in base64: what an Authorization: Basic value holds. */
function decodesToPair(b64: string): boolean {
  try {
    const text = atob(b64);
    return /^[\x20-\x7e]{1,128}:[\x20-\x7e]{1,256}$/.test(text);
  } catch {
    return false;
  }
}

/** Public prefixes of the shapes, longest first. */
export const SHAPE_PREFIXES: readonly string[] = [...new Set(SHAPES.map((s) => s.prefix).filter((p): p is string => !!p))].sort((a, b) => b.length - a.length);
