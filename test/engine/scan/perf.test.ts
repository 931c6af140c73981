// Pathological inputs (RELIABILITY row 40, §8.5) for every scanner. Each must finish; timings are
// printed, not asserted (CI machines vary), together with the ratio between a 1 MB and a 2 MB input
// of the same shape, which stays near 2 for a linear scan and near 4 for a quadratic one.

import { findSecrets } from '../../../server/src/engine/scan/secrets';
import { findPersonalData } from '../../../server/src/engine/scan/personal';
import { findInvisible } from '../../../server/src/engine/scan/invisible';
import { findMojibake } from '../../../server/src/engine/scan/mojibake';
import { makeR, SETS, timeMs } from './util';

const SCANNERS = { secrets: findSecrets, personal: findPersonalData, invisible: findInvisible, mojibake: findMojibake };

/** Repeat `unit` to about `bytes` UTF-16 units. */
const fill = (unit: string, units: number) => unit.repeat(Math.max(1, Math.round(units / unit.length)));

const SHAPES: [string, string][] = [
  ['a', 'a'],
  ['BEGIN header, no END', '-----BEGIN ' + 'PRIVATE KEY-----'],
  ['backticks', '`'],
  ['[a](b', '[a](b'],
  ['gh prefix', 'gh' + 'p_'],
  ['a@', 'a@'],
  ['curl ', 'curl '],
  ['token="', 'token="'],
  ['api_key: ', 'api_key: '],
  ['xox a-', 'xo' + 'xb-a-'],
  ['+1 ', '+1 '],
  ['/home/', '/home/'],
  ['Ã', 'Ã'],
  ['Ð¿ ', 'Ð¿ '],
  ['ZWJ', '\u200d'],
  ['tag chars', '\u{E0041}'],
  ['x://a:b@', 'x://a:b@'],
  ['base64 lines after header', '-----BEGIN ' + 'PRIVATE KEY-----\n' + 'QUFBQUFB\n'.repeat(100)],
];

function handoffLike(units: number): string {
  const R = makeR(7);
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < units; i++) {
    const p = [
      `## Session ${i} — 2026-03-${String((i % 28) + 1).padStart(2, '0')}`,
      '',
      `- commit: ${R(40, SETS.hex)}`,
      `- branch: feature/token-refresh-${i}`,
      '- Status: tests pass (412/412); `npm run build` clean → next: wire the tree view.',
      `- See [notes](docs/notes-${i}.md) and \`src/engine/rules/no-secrets.ts\`; café, São Paulo, 次のステップ ✅`,
      '',
      '```sh',
      `export API_URL=https://api.example.com/v${i % 3}`,
      'curl -sS -H "Authorization: Bearer $TOKEN" "$API_URL/health"',
      '```',
      '',
      `| # | item | owner |\n|---|---|---|\n| ${i} | refactor the parser | dev@example.com |`,
      '',
    ].join('\n');
    parts.push(p);
    n += p.length;
  }
  return parts.join('\n').slice(0, units);
}

describe('scan: pathological inputs finish in linear time (timings printed, not asserted)', function () {
  this.timeout(120_000);

  it('handoff-like text: 40 KB and 4 MB', () => {
    for (const units of [40_000, 4_000_000]) {
      const text = handoffLike(units);
      for (const scan of Object.values(SCANNERS)) scan(text.slice(0, 1000)); // warm up
      const row = Object.entries(SCANNERS).map(([name, scan]) => `${name} ${timeMs(() => scan(text)).toFixed(1)} ms`);
      console.log(`      ${(units / 1000).toFixed(0)} KB handoff-like: ${row.join(', ')}`);
    }
  });

  for (const [label, unit] of SHAPES) {
    it(`${label} × 1 MB and 2 MB`, () => {
      const cells: string[] = [];
      for (const [name, scan] of Object.entries(SCANNERS)) {
        const one = timeMs(() => scan(fill(unit, 1 << 20)));
        const two = timeMs(() => scan(fill(unit, 2 << 20)));
        cells.push(`${name} ${one.toFixed(0)}/${two.toFixed(0)} ms`);
      }
      console.log(`      ${label.padEnd(26)} ${cells.join(', ')}`);
    });
  }

  it('10⁵ × BEGIN header with no END (row 40, 2.7 MB)', () => {
    const text = ('-----BEGIN ' + 'PRIVATE KEY-----').repeat(1e5);
    console.log(`      secrets ${timeMs(() => findSecrets(text)).toFixed(0)} ms for ${(text.length / 1e6).toFixed(1)} MB`);
  });
});
