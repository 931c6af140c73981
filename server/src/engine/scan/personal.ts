// Personal data in notes: real-looking e-mail addresses, home-directory paths and phone numbers.
//
// Decisions (each one is a test):
// - E-mail: flagged unless the domain is reserved or not routable (`example.com/.org/.net` and their
//   subdomains; TLDs `.example`, `.test`, `.invalid`, `.localhost`, `.local`, `.internal`), the local part
//   is a role or bot address (`noreply`, `no-reply`, `support`, `security`, …, any `*.noreply.*` domain such
//   as `users.noreply.github.com`, which GitHub made to hide the real address), or the match is not an
//   address at all: `git@github.com:org/repo` (scp-style remotes: `user@host:path`), `ssh user@host`, URL
//   userinfo (`postgres://app@db`), `icon@2x.png` (a file-extension "TLD"). Also not flagged: a domain
//   that says "your domain" or "my company" in any language (`yourdomain.com`, `tudominio.cl`,
//   `votredomaine.fr`, `seudominio.com.br`: stand-ins), and an address its own line calls a shared or team
//   account (`팀 공용 계정`, "shared account", "cuenta compartida": not a person's). Nor a local part that
//   is a role, numbered or not (`agent1@`, `user_2@`: an app's seeded logins), an address its line calls
//   demo, sample, test, seed or default data in any language (`Tài khoản demo`, `テスト用`), or one that
//   is the name of a public social handle on its line (a business's published contact), or one its line
//   says was made for the business, shop or project (`店舗用に取った`), unless the line calls it personal.
//   A "domain" that ends in a systemd unit suffix (`web@prod.service`, `.socket`, `.timer`) is a unit.
// - Home path: `/Users/<name>`, `/home/<name>`, `C:\Users\<name>` (also `C:/Users/…` and JSON-escaped
//   `C:\\Users\\…`). The range covers the home prefix only (`/Users/alice`), which a fix can write as `~`.
//   Not flagged: `~/`, `$HOME`, `%USERPROFILE%`, `/root`, `/home/user`, `/Users/username`, `/home/your…` and other stand-in
//   or service names (`ubuntu`, `runner`, `vagrant`, `ec2-user`, `Shared`, `Public`, …), and `/home/` that
//   is part of a longer path or URL (`/var/home/x`, `https://site/home/x`, `app/home/page.tsx`).
// - Phone: conservative. Only international numbers `+CC` followed by separated digit groups, 9 to 15
//   digits in all (E.164). Dates, versions, hashes, diff stats (`+12 -3`) and times (`+05:30`) do not have
//   that shape. Reserved fictional numbers (NANP 555-01xx, Ofcom drama ranges) are not flagged.
// All scans are linear: e-mails expand around each `@` and stop at the next `@`.

import type { PersonalHit } from './types';

export type { PersonalHit, PersonalKind } from './types';

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** `[A-Za-z0-9._%+-]` */
const isLocalChar = (c: number): boolean => isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
/** `[A-Za-z0-9.-]` */
const isDomainChar = (c: number): boolean => isAlnum(c) || c === 46 || c === 45;
const RESERVED_DOMAIN = /(?:^|\.)example\.(?:com|org|net)$|\.(?:example|test|invalid|localhost|local|internal|lan|home\.arpa)$|(?:^|\.)noreply\.|^localhost$/i;
const ROLE_LOCAL =
  /^(?:no-?reply|do-?not-?reply|donotreply|notifications?|support|help|info|hello|contact|team|admin|security|privacy|abuse|postmaster|webmaster|hostmaster|sales|billing|legal|press|jobs|careers|feedback|bot|git|mailer-daemon|dev|devs|developers?|engineering|ops|devops|office|contato|contacto|kontakt|soporte|suporte|ventas|vendas)$/i;
/** A domain whose first label says "your/my domain (company, site)" in one of the notes' languages. */
const STAND_IN_DOMAIN =
  /^(?:your|my|the|tu|su|mi|seu|sua|meu|tuo|tua|mio|vostro|votre|ton|mon|dein|deine|ihr|ihre|mein|uw|jouw|mijn|twoj|twoja|moj|senin|benim|ten)?[-_]?(?:domain|dominio|domaine|domein|domena|company|empresa|entreprise|azienda|firma|bedrijf|site|sitio|website|org|organization|organisation)\./i;
/** The line calls the address a shared or team account, not a person's. */
const SHARED_ACCOUNT =
  /\b(?:shared|team|common|group|generic)\s+(?:google\s+)?(?:account|mailbox|address|inbox|e-?mail)\b|\bcuenta\s+(?:compartida|com[uú]n|del equipo)|\bconta\s+(?:compartilhada|comum|da equipe)|\bcompte\s+(?:partag[ée]|commun|d'[ée]quipe)|\bgemeinsame[sn]?\s+(?:konto|postfach)|\bteam-?(?:konto|postfach)|\baccount\s+condiviso|\bgedeeld\s+account|\bwsp[oó]lne\s+konto|общ(?:ий|его)\s+(?:аккаунт|ящик)|\bortak\s+hesap|\bakun\s+bersama|t[àa]i\s+kho[ảa]n\s+chung|共用アカウント|共有アカウント|共享账号|共享帳號|公共账号|公用账号|공용\s*계정|공유\s*계정|팀\s*계정/iu;

/**
 * A role numbered or not (`agent1`, `user_2`, `staff01`, `demo`): seeded logins of an app name what an
 * account does, a person's address names the person.
 */
const NUMBERED_ROLE_LOCAL =
  /^(?:admin|administrator|superadmin|root|agent|user|customer|client|staff|manager|teacher|student|member|employee|seller|buyer|vendor|driver|owner|editor|viewer|operator|moderator|mod|guest|demo|test|tester|sample|seed|dummy|mock|account|shop|store|partner|dealer|doctor|patient|reviewer|approver)[-_.]?\d{0,3}$/i;

/**
 * The line calls the address demo, sample, test, seed or default data: an app's fixture, not a
 * person's (`Tài khoản demo`, "test accounts", `テスト用`, `测试账号`, `тестовый`).
 */
const SAMPLE_DATA =
  /\b(?:demo|sample|seed(?:ed)?|mock|dummy|fake|fixture|test(?:ing)?\s+(?:accounts?|users?|logins?|credentials?|data)|default\s+(?:accounts?|users?|logins?|credentials?)|prueba|ejemplo|exemplo|teste|exemple|essai|beispiel|testkonto|esempio|contoh|mẫu|th[ửu]\s+nghi[ệe]m|t[àa]i\s+kho[ảa]n\s+m[ặa]c\s+đ[ịi]nh)\b|демо|тестов|пример|テスト|デモ|サンプル|演示|测试|測試|示例|样例|範例|테스트|데모|샘플|예시/iu;

/** The line says the address is someone's real or own account, whatever else it lists ("본인 실계정"). */
/**
 * The line says the address was made for the business, shop or project (`店舗用に取った`, "the shop's
 * account", "cuenta de la tienda"): the business's, not a person's, unless it also says personal.
 */
const BUSINESS_ACCOUNT =
  /\b(?:business|company|shop|store|project|organi[sz]ation|official|corporate|brand)(?:'s)?\s+(?:google\s+)?(?:account|address|e-?mail|mailbox|inbox)\b|\b(?:account|address|e-?mail)\s+(?:for|of)\s+the\s+(?:business|company|shop|store|project)\b|\b(?:cuenta|correo)\s+(?:de\s+la|del)\s+(?:tienda|negocio|empresa|proyecto|local)\b|\b(?:conta|e-?mail)\s+d[ao]\s+(?:loja|empresa|neg[oó]cio|projeto)\b|\b(?:compte|adresse)\s+(?:de\s+la|du)\s+(?:boutique|magasin|soci[ée]t[ée]|entreprise|projet)\b|\b(?:firmen|gesch[äa]fts|shop|projekt)-?(?:konto|adresse|e-?mail|postfach)\b|\b(?:account|indirizzo)\s+(?:del(?:la)?|dell')\s*(?:negozio|azienda|progetto)\b|(?:店舗|お店|店|会社|事業|業務|プロジェクト)用|店舗の(?:アカウント|メール|アドレス)|(?:店铺|公司|官方|项目|項目|企业|企業)(?:账号|帳號|邮箱|郵箱)|(?:매장|가게|회사|업체|프로젝트)\s*(?:용|계정|메일)|(?:аккаунт|почта|ящик)\s+(?:магазина|компании|проекта)|корпоративн|t[àa]i\s+kho[ảa]n\s+(?:c[ủu]a\s+)?(?:c[ửu]a\s+h[àa]ng|c[ôo]ng\s+ty|d[ựu]\s+[áa]n)/iu;

/** The line calls the address personal: a business word elsewhere on it does not make it the business's. */
const PERSONAL_ACCOUNT = /\bpersonal\b|個人|个人|개인|личн|\bpessoal\b|\bpersonnel(?:le)?\b|\bpers[öo]nlich/iu;

const REAL_ACCOUNT =
  /\b(?:real|personal|own|private)\s+(?:account|address|e-?mail|login)\b|実アカウント|本人|本人の|真实账号|个人邮箱|個人|실계정|실제\s*계정|본인|개인\s*계정|реальн|личн(?:ый|ая|ого)|\bconta\s+pessoal|\bcuenta\s+personal|\bcompte\s+personnel|\bpers[öo]nliche?s?\b/iu;

/** Whether the line around [start, end) matches `pattern` (up to 200 characters each side). */
function lineSays(pattern: RegExp, text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 200);
  const before = text.slice(from, start);
  const after = text.slice(end, end + 200);
  return pattern.test(before.slice(before.lastIndexOf('\n') + 1) + ' ' + after.split('\n', 1)[0]);
}

/**
 * The address is the name of a public social handle on its own line (`agency.losqualotenerife@…` beside
 * `tiktok.com/@agencylosqualotenerife`): a business's published contact, not a person's.
 */
function isPublicHandle(text: string, start: number, end: number, local: string): boolean {
  const name = local.toLowerCase().replace(/[._-]/g, '');
  if (name.length < 6) return false;
  const from = Math.max(0, start - 200);
  const before = text.slice(from, start);
  const line = (before.slice(before.lastIndexOf('\n') + 1) + ' ' + text.slice(end, end + 200).split('\n', 1)[0]).toLowerCase();
  for (const m of line.matchAll(/[/@]([a-z0-9._-]{6,64})/g)) {
    if ((m[1] as string).replace(/[._-]/g, '') === name) return true;
  }
  return false;
}

/**
 * File extensions that look like TLDs in `name@2x.png`, `pkg@scope.js`, and systemd (and Quadlet)
 * unit suffixes: `web@prod.service` is a template instance, not an address.
 */
const FILE_EXTENSION =
  /^(?:service|socket|timer|target|mount|automount|slice|scope|swap|path|device|container|volume|pod|kube|png|jpe?g|gif|svg|webp|ico|bmp|js|mjs|cjs|ts|tsx|jsx|json|md|mdx|css|scss|html?|py|rb|rs|go|java|kt|swift|sh|txt|ya?ml|toml|lock|map|zip|gz|tgz|tar|pdf|csv|wasm|vue|svelte|php|lua|dart|exs?)$/i;

function isEmailDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  const tld = labels[labels.length - 1] as string;
  if (!/^[A-Za-z]{2,24}$/.test(tld) || FILE_EXTENSION.test(tld)) return false;
  return labels.every((l) => l.length >= 1 && l.length <= 63 && !l.startsWith('-') && !l.endsWith('-'));
}

function findEmails(text: string, out: PersonalHit[]): void {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let ls = at;
    while (ls > 0 && at - ls < 64 && isLocalChar(text.charCodeAt(ls - 1))) ls--;
    while (ls < at && text[ls] === '.') ls++;
    let de = at + 1;
    while (de < text.length && de - at <= 253 && isDomainChar(text.charCodeAt(de))) de++;
    while (de > at + 1 && (text[de - 1] === '.' || text[de - 1] === '-')) de--;
    const local = text.slice(ls, at);
    const domain = text.slice(at + 1, de);
    if (local.length === 0 || local.endsWith('.') || !isEmailDomain(domain)) continue;
    if (ls > 0 && /[A-Za-z0-9_@/]/.test(text[ls - 1] as string)) continue;
    if (text[ls - 1] === ':' && !/mailto:$/i.test(text.slice(Math.max(0, ls - 7), ls))) continue;
    if (text[de] === ':' && /[A-Za-z0-9~/._-]/.test(text[de + 1] ?? '')) continue;
    if (/\b(?:ssh|scp|sftp|mosh)[ \t]+(?:-\S+[ \t]+){0,4}$/.test(text.slice(Math.max(0, ls - 48), ls))) continue;
    if (RESERVED_DOMAIN.test(domain) || STAND_IN_DOMAIN.test(domain) || ROLE_LOCAL.test(local) || NUMBERED_ROLE_LOCAL.test(local)) continue;
    if (lineSays(SHARED_ACCOUNT, text, ls, de) || (lineSays(SAMPLE_DATA, text, ls, de) && !lineSays(REAL_ACCOUNT, text, ls, de)) || isPublicHandle(text, ls, de, local)) continue;
    if (lineSays(BUSINESS_ACCOUNT, text, ls, de) && !lineSays(PERSONAL_ACCOUNT, text, ls, de)) continue;
    out.push({ start: ls, end: de, kind: 'email', preview: `${local[0]}…@${domain}` });
  }
}

/** Stand-in or service account names that are not a person. Compared case-insensitively. */
const NOT_A_PERSON = new Set([
  'user', 'username', 'user-name', 'user_name', 'yourname', 'your-name', 'your_name', 'yourusername', 'you', 'me',
  'name', 'myuser', 'someone', 'somebody', 'shared', 'public', 'default', 'guest', 'all users', 'ubuntu',
  'runner', 'vagrant', 'ec2-user', 'centos', 'debian', 'fedora', 'admin', 'root', 'node', 'app', 'coder',
  'codespace', 'codespaces', 'vscode', 'gitpod', 'jovyan', 'linuxbrew', 'pi', 'docker', 'git', 'build',
  'builder', 'ci', 'jenkins', 'circleci', 'travis', 'runneradmin', 'test', 'tester', 'dev', 'developer',
  // "your name" and "user" in the languages notes are written in
  'tuonome', 'tuo_nome', 'tunombre', 'tu_nombre', 'tuusuario', 'seunome', 'seu_nome', 'seuusuario', 'votrenom', 'votre_nom',
  'deinname', 'dein_name', 'ihrname', 'benutzer', 'benutzername', 'usuario', 'utente', 'nomeutente', 'utilisateur',
  'gebruiker', 'uzytkownik', 'kullanici', 'pengguna', 'nguoidung', 'tennguoidung',
]);

const HOME = /\/Users\/|\/home\/|[A-Za-z]:(?:\\{1,2}|\/)Users(?:\\{1,2}|\/)/g;
const NAME = /^[A-Za-z0-9._-]{1,64}/;

function findHomePaths(text: string, out: PersonalHit[]): void {
  for (const m of text.matchAll(HOME)) {
    const start = m.index;
    const prev = text[start - 1];
    if (m[0].startsWith('/') && prev !== undefined && /[A-Za-z0-9._~/$%-]/.test(prev) && !/file:\/\/$/.test(text.slice(Math.max(0, start - 7), start))) {
      continue;
    }
    if (!m[0].startsWith('/') && prev !== undefined && /[A-Za-z0-9]/.test(prev)) continue;
    const name = NAME.exec(text.slice(start + m[0].length, start + m[0].length + 65))?.[0];
    if (!name || /^\.+$/.test(name) || /^your/i.test(name) || NOT_A_PERSON.has(name.toLowerCase())) continue;
    const end = start + m[0].length + name.length;
    out.push({ start, end, kind: 'home-path', preview: `${m[0]}${name[0]}…` });
  }
}

const PHONE =
  /(?<![\w+.-])\+(\d{1,3})(?:[ .\u00A0-]\(?\d{1,5}\)?|\(\d{1,5}\))(?:[ .\u00A0-]\d{2,8}){1,5}(?![\w+]|[.-]\d)/g;

function isFictional(cc: string, national: string): boolean {
  if (cc === '1') return /^\d{3}55501\d\d$/.test(national);
  if (cc === '44') return /^(?:2079460|1632960|7700900)\d{3}$/.test(national);
  return false;
}

function findPhones(text: string, out: PersonalHit[]): void {
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 9 || digits.length > 15) continue;
    const cc = m[1] as string;
    if (isFictional(cc, digits.slice(cc.length))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'phone', preview: `+${cc} …(${digits.length} digits)` });
  }
}

/** Personal data in `text`, sorted by start. Pure, synchronous, linear. */
export function findPersonalData(text: string): PersonalHit[] {
  const out: PersonalHit[] = [];
  findEmails(text, out);
  findHomePaths(text, out);
  findPhones(text, out);
  return out.sort((a, b) => a.start - b.start);
}
