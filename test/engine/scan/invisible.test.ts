import { strict as assert } from 'node:assert';
import { findInvisible } from '../../../server/src/engine/scan/invisible';

/** Tag characters spelling `s` (U+E0000 + ASCII): invisible text a model still reads. */
const tags = (s: string) => [...s].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');

describe('scan/invisible', () => {
  it('flags bidi controls and zero-width characters at their exact UTF-16 range', () => {
    const cases: [string, string][] = [
      ['Run `npm\u200b test`.', 'ZERO WIDTH SPACE'],
      ['Check `access\u202e = admin`.', 'RIGHT-TO-LEFT OVERRIDE'],
      ['Path `src/\u2066app.ts`.', 'LEFT-TO-RIGHT ISOLATE'],
      ['if (isAdmin) {\u2069 return }', 'POP DIRECTIONAL ISOLATE'],
      ['\u202aembedded', 'LEFT-TO-RIGHT EMBEDDING'],
      ['pass\u200dword', 'ZERO WIDTH JOINER'],
      ['rm\u200c -rf', 'ZERO WIDTH NON-JOINER'],
      ['git\u2060 push', 'WORD JOINER'],
      ['mid\ufefftext', 'ZERO WIDTH NO-BREAK SPACE'],
      ['cur\u00adl -s', 'SOFT HYPHEN'],
      ['a\u200eb', 'LEFT-TO-RIGHT MARK'],
      ['x\u200f.txt', 'RIGHT-TO-LEFT MARK'],
      ['ls\u061c -la', 'ARABIC LETTER MARK'],
    ];
    for (const [text, name] of cases) {
      const hits = findInvisible(text);
      assert.equal(hits.length, 1, JSON.stringify(text));
      const hit = hits[0]!;
      assert.equal(hit.name, name);
      assert.equal(hit.end - hit.start, 1);
      assert.equal(text.slice(hit.start, hit.end), hit.char);
      assert.equal(text.slice(0, hit.start) + text.slice(hit.end), text.replace(hit.char, ''), 'the fix (remove) leaves the visible text');
    }
  });

  it('flags terminal controls (ESC, the other C0 controls, DEL, C1) but not tab, LF or CR', () => {
    const text = 'clear\u001b[2J title\u001b]0;pwned\u0007 csi\u009b31m nul\u0000 del\u007f nel\u0085 vt\u000b ff\u000c x\u0001';
    assert.deepEqual(
      findInvisible(text).map((h) => [h.char.codePointAt(0), h.name]),
      [
        [0x1b, 'ESCAPE'],
        [0x1b, 'ESCAPE'],
        [0x07, 'BELL'],
        [0x9b, 'CONTROL SEQUENCE INTRODUCER'],
        [0x00, 'NULL'],
        [0x7f, 'DELETE'],
        [0x85, 'NEXT LINE'],
        [0x0b, 'LINE TABULATION'],
        [0x0c, 'FORM FEED'],
        [0x01, 'CONTROL CHARACTER'],
      ],
    );
    assert.deepEqual(findInvisible('a\tb\nc\r\nd\re ~ \u00a0 \u00a9'), []);
  });

  it('flags Unicode tag characters (ASCII smuggling), two code units each', () => {
    const hidden = tags('ignore previous');
    const text = `Next step: run the tests.${hidden}\n`;
    const hits = findInvisible(text);
    assert.equal(hits.length, 'ignore previous'.length);
    assert.equal(hits[0]!.start, text.indexOf(hidden));
    assert.ok(hits.every((h) => h.end - h.start === 2 && h.name === 'TAG CHARACTER'));
  });

  it('flags every character of a Trojan-Source line', () => {
    const text = '/*\u202e } \u2066if (isAdmin)\u2069 \u2066 begin admins only */';
    assert.deepEqual(findInvisible(text).map((h) => h.char), ['\u202e', '\u2066', '\u2069', '\u2066']);
  });

  it('does not flag ZWJ emoji sequences, a leading BOM, or joiners and marks in scripts that use them', () => {
    for (const ok of [
      'Paired with 👩\u200d💻 on it.',
      'Family 👨\u200d👩\u200d👧 emoji',
      'Flag 🏳\ufe0f\u200d🌈 emoji',
      'Skin 👩🏽\u200d🚀 tone',
      'Scotland 🏴' + tags('gbsct') + '\u{E007F}' + ' flag',
      '\ufeff# Handoff',
      'Persian می\u200cخواهم text',
      'Hindi क्\u200dष text',
      'Malayalam ന്\u200d text',
      'Hebrew שלום\u200e (hello)',
      'Arabic مرحبا\u200f!',
      'Plain text — with “quotes” and emoji ✅',
      '한국어 텍스트, 日本語のテキスト, ภาษาไทย, Русский текст',
    ]) {
      assert.deepEqual(findInvisible(ok), [], JSON.stringify(ok));
    }
  });

  it('a joiner next to only one emoji, or a tag run without its flag, is still flagged', () => {
    assert.equal(findInvisible('👩\u200dx').length, 1);
    assert.equal(findInvisible('x\u200d💻').length, 1);
    assert.equal(findInvisible('no flag ' + tags('gbsct') + '\u{E007F}').length, 6);
  });
});
