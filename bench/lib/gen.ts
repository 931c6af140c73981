// Deterministic handoff notes of a given size, in the shape of the real ones in the corpus: a
// title, a snapshot block ("- Date:", "- Branch:", "HEAD: `abc1234`"), then dated session
// entries, each with nested bullets full of backticked paths and commands, commit hashes, a
// fenced code block now and then, a table, numbered next steps and the odd non-ASCII line. Long
// real notes (session logs) grow by appending such entries, so that is how these grow too.
//
// Same seed and size, same text, on every machine: the PRNG is mulberry32.

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the runner cache index parser session branch commit config schema endpoint handler worker queue ' +
  'migration fixture test build release token budget retry timeout lock outline rule finding diagnostic ' +
  'server client bundle watcher snapshot roadmap milestone review deploy staging rollback backfill ' +
  'import export adapter contract payload limit batch stream offset column table report metric ' +
  'now still only again before after because when while so that which with without into from over'
).split(' ');
const DIRS = ['src', 'server/src', 'client/src', 'docs', 'test', 'scripts', 'packages/core/lib', 'apps/web/app', 'bots/investment/team', 'src-tauri/src/api'];
const FILES = ['index.ts', 'router.py', 'models.py', 'cache.rs', 'README.md', 'worker.js', 'schema.sql', 'config.yaml', 'handler.go', 'App.tsx', 'journal-db.js'];
const COMMANDS = ['npm test', 'npm run build', 'pnpm -r typecheck', 'pdm run test', 'cargo test -p core', 'go test ./...', 'git log --oneline -5', 'make lint', 'pytest -q tests/unit', 'docker compose up -d db', 'node scripts/migrate.mjs --dry-run'];
const TOPICS = ['TP/SL tracking', 'bootstrap import', 'capital scope', 'runner contract', 'cache invalidation', 'schema migration', 'outline view', 'release pipeline', 'flaky CI', 'auth refresh', 'search index', 'retry budget'];
const NON_ASCII = [
  '- 다음 세션은 먼저 `docs/SESSION_CONTEXT_INDEX.md`를 읽고 이 문서를 보세요.',
  '- 次のセッションでは `npm test` を先に実行すること。',
  '- Prochaine étape : vérifier `config.yaml` après la migration — “résumé” à jour.',
  '- Следующий шаг: проверить `server/src/index.ts` и перезапустить сервер.',
];

export interface GenOptions {
  seed?: number;
  /** Target size in UTF-8 bytes; the note ends at the first entry boundary past it. */
  bytes: number;
}

export function generateNote({ seed = 1, bytes }: GenOptions): string {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(r() * 16)]).join('');
  const words = (lo: number, hi: number) => Array.from({ length: int(lo, hi) }, () => pick(WORDS)).join(' ');
  const path = () => `${pick(DIRS)}/${pick(FILES)}`;
  const inline = () => {
    const x = r();
    if (x < 0.35) return `\`${path()}\``;
    if (x < 0.55) return `\`${pick(COMMANDS)}\``;
    if (x < 0.7) return `\`${hex(7)}\``;
    if (x < 0.8) return `**${pick(WORDS)}**`;
    if (x < 0.88) return `[${pick(WORDS)}](${path()})`;
    return pick(WORDS);
  };
  const sentence = () => {
    const parts: string[] = [];
    const n = int(4, 14);
    for (let i = 0; i < n; i++) parts.push(r() < 0.25 ? inline() : pick(WORDS));
    const s = parts.join(' ');
    return s[0].toUpperCase() + s.slice(1) + (r() < 0.8 ? '.' : '');
  };
  const date = (i: number) => {
    const d = new Date(Date.UTC(2025, 0, 1) + i * 86400000);
    return d.toISOString().slice(0, 10);
  };
  const bullets = (indent: string, n: number, depth: number): string => {
    let out = '';
    for (let i = 0; i < n; i++) {
      out += `${indent}- ${sentence()}\n`;
      if (depth < 2 && r() < 0.35) out += bullets(indent + '  ', int(1, 4), depth + 1);
    }
    return out;
  };
  const numbered = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}. ${sentence()}`).join('\n') + '\n';
  const code = () => {
    const lang = pick(['bash', 'ts', 'json', '']);
    const lines = Array.from({ length: int(2, 8) }, () => (lang === 'bash' ? `$ ${pick(COMMANDS)}` : lang === 'json' ? `  "${pick(WORDS)}": ${int(0, 999)},` : `const ${pick(WORDS)} = ${pick(WORDS)}(${int(0, 9)});`));
    return '```' + lang + '\n' + lines.join('\n') + '\n```\n';
  };
  const table = () => {
    const rows = Array.from({ length: int(2, 6) }, () => `| \`${path()}\` | ${pick(['ok', 'failing', 'skipped', 'todo'])} | ${words(2, 6)} |`);
    return '| File | State | Note |\n| --- | --- | --- |\n' + rows.join('\n') + '\n';
  };

  // The dialect's sections come first (so that every size is detected and linted the same
  // way, also when a cap cuts the tail), then a session log that grows to the target size.
  let text =
    `# Session Handoff\n\n` +
    `Keep this file updated so the next session can pick up work quickly.\n\n` +
    `## Snapshot\n\n` +
    `- Date: ${date(400)}\n` +
    `- Branch / commit: \`main\` (\`${hex(7)}\`)\n` +
    `- HEAD / upstream (\`origin/main\`): \`${hex(7)}\`\n` +
    `- Worktree: dirty (local uncommitted changes)\n` +
    `- Goal of the session: ${sentence()}\n\n` +
    `## What changed\n\n${bullets('', 4, 0)}\n` +
    `## Decisions (and links)\n\n${bullets('', 2, 1)}\n` +
    `## How to run / verify\n\n- Quality: \`${pick(COMMANDS)} && ${pick(COMMANDS)}\`\n\n` +
    `## Known issues / risks\n\n${bullets('', 3, 1)}\n` +
    `## Next steps (recommended order)\n\n${numbered(5)}\n` +
    `## Session log\n\n`;
  const tail = `## Notes\n\n- Do not include secrets/tokens in this file.\n`;
  const enc = (s: string) => Buffer.byteLength(s, 'utf8');
  let size = enc(text) + enc(tail);
  let day = 399;
  while (size < bytes) {
    let e = `### ${date(day--)} — ${pick(TOPICS)}\n\n`;
    e += `${sentence()} ${sentence()}\n\n`;
    e += `#### What changed\n\n${bullets('', int(3, 8), 0)}\n`;
    if (r() < 0.5) e += `Commits: ${Array.from({ length: int(1, 4) }, () => '`' + hex(r() < 0.5 ? 7 : 40) + '`').join(', ')}\n\n`;
    if (r() < 0.3) e += code() + '\n';
    if (r() < 0.25) e += table() + '\n';
    if (r() < 0.4) e += `#### Decisions\n\n${bullets('', int(1, 4), 1)}\n`;
    if (r() < 0.15) e += `${pick(NON_ASCII)}\n\n`;
    if (r() < 0.05) e += `<!-- handoff-disable-next-line bullet-length -- long log line kept on purpose -->\n`;
    e += `#### Next\n\n${numbered(int(2, 5))}\n`;
    if (size + enc(e) > bytes) {
      // Last entry: only as many of its blocks as fit, so small notes stay near their size.
      for (const block of e.split(/(?<=\n\n)/)) {
        if (size + enc(block) > bytes) break;
        text += block;
        size += enc(block);
      }
      break;
    }
    text += e;
    size += enc(e);
  }
  return text + tail;
}

export const SIZES: ReadonlyArray<{ label: string; bytes: number }> = [
  { label: '4 KB', bytes: 4 * 1024 },
  { label: '40 KB', bytes: 40 * 1024 },
  { label: '400 KB', bytes: 400 * 1024 },
  { label: '4 MB', bytes: 4 * 1024 * 1024 },
];
