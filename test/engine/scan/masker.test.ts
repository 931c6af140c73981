// The one masking step (scan/masker.ts): it hides every secret of the note wherever an output quotes
// it (whole, cut, decoded from an escaped form), and it leaves harmless text next to a secret alone:
// only the characters that share an 8-character window with a secret's body are blanked.
import { strict as assert } from 'node:assert';
import { maskerFor, WINDOW } from '../../../server/src/engine/scan/masker';
import { corpusNotes } from '../../reliability/helpers';
import { makeR, SETS, uuid } from './util';

const R = makeR(0x3a5c);
const TOKEN = 'gh' + 'p_' + R(36, SETS.alnum);
const NOTE = `# Handoff\n\n- Branch: \`${TOKEN}\`\n- Path: \`cfg/${TOKEN.slice(4, 24)}.json\`\n`;

function windowsOf(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + WINDOW <= s.length; i++) out.push(s.slice(i, i + WINDOW));
  return out;
}

describe('scan: the masker', () => {
  const mask = maskerFor(NOTE);

  it('replaces an exact copy with the preview and a cut piece with an ellipsis', () => {
    assert.equal(mask(`Branch "${TOKEN}" is not the current branch`), 'Branch "ghp_…(40 chars)" is not the current branch');
    assert.equal(mask(`Path cfg/${TOKEN.slice(4, 24)}.json does not exist`), 'Path cfg/….json does not exist');
    assert.equal(mask(`Unknown script "${TOKEN.slice(10, 30)}"`), 'Unknown script "…"');
  });

  it('hides the decoded form of a token the note escaped (`ghp\\_…`), as rules quote the decoded text', () => {
    const escaped = `# Handoff\n\n## Steps ghp\\_${TOKEN.slice(4)}\n`;
    const m = maskerFor(escaped);
    assert.equal(m(`Duplicate section "Steps ${TOKEN}"`), 'Duplicate section "Steps ghp_…(40 chars)"');
  });

  it('blanks nothing beyond the secret: the words around it, other identifiers, hashes and dates stay', () => {
    const sha = R(40, SETS.hex);
    const id = uuid(R);
    const harmless = [
      'Branch "main" is not the current branch (feature/token-refresh)',
      `HEAD ${sha} is 3 commits behind; request ${id}`,
      'Unexpected date "2026-11-22", expected YYYY-MM-DD',
      'Path src/engine/scan/masker.ts does not exist; did you mean src/engine/scan/mask.ts?',
    ];
    for (const h of harmless) assert.equal(mask(h), h);
    // Right next to the token: only the token goes.
    const next = `before ${TOKEN}after and ${TOKEN.slice(4, 20)}: tail`;
    assert.equal(mask(next), 'before ghp_…(40 chars)after and …: tail');
    // A string that shares fewer than 8 characters with the body is left whole.
    const seven = TOKEN.slice(10, 17);
    assert.equal(mask(`x ${seven} y`), `x ${seven} y`);
  });

  it('over the corpus: masking output built from the notes changes only text that holds a secret window', () => {
    let lines = 0;
    let changed = 0;
    for (const n of corpusNotes()) {
      const planted = `${n.text}\n\n- Key: ${TOKEN}\n`;
      const m = maskerFor(planted);
      for (const line of n.text.split('\n')) {
        lines++;
        const out = m(line);
        if (out === line) continue;
        changed++;
        // A changed line must have held a secret the note's own scan finds (the corpus has a few
        // pasted example keys) or a window of the planted token.
        const own = maskerFor(n.text)(line) !== line;
        assert.ok(own || windowsOf(TOKEN.slice(4)).some((w) => line.includes(w)), `harmless line blanked: ${JSON.stringify(line.slice(0, 80))}`);
      }
    }
    console.log(`      ${lines} corpus lines masked against a note with a planted token: ${changed} changed, all of them holding a secret`);
  });
});
