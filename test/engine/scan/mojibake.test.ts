import { strict as assert } from 'node:assert';
import { findMojibake } from '../../../server/src/engine/scan/mojibake';

// Node's TextDecoder('windows-1252') decodes as ISO-8859-1, so the test writes the 32 upper-half
// characters itself (WHATWG windows-1252; the 5 undefined bytes stay C1 controls).
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
/** What an editor shows when it reads the UTF-8 bytes of `s` as Windows-1252. */
const garble = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => (b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80] : String.fromCharCode(b))).join('');
/** The same read as ISO-8859-1. */
const garbleLatin1 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

describe('scan/mojibake', () => {
  it('finds and repairs each run, with the exact range', () => {
    const words = ['—', '’', '“', '–', '•', '…', 'é', 'ç', '§', '°', '\u00a0', '→', '≥', '✅', '😀', 'ł', 'ę', 'ș', 'ệ', '€', '™', 'Привет', '안녕', 'こんにちは', '中文', 'Ελλάδα'];
    for (const w of words) {
      const bad = garble(w);
      const text = `Docs ${bad} updated.`;
      const hits = findMojibake(text);
      assert.equal(hits.length, 1, `${JSON.stringify(w)} → ${JSON.stringify(bad)}: ${JSON.stringify(hits)}`);
      const hit = hits[0]!;
      assert.equal(text.slice(hit.start, hit.end), bad);
      assert.equal(hit.repaired, w);
    }
  });

  it('repairs the classic literal forms', () => {
    const cases: [string, string][] = [
      ['Docs â€” updated', '—'],
      ['itâ€™s', '’'],
      ['CafÃ© opened', 'é'],
      ['see Â§1', '§'],
      ['a\u00c2\u00a0b', '\u00a0'],
      ['M1.1â€“M1.5', '–'],
      ['playerâ†’influence', '→'],
    ];
    for (const [text, repaired] of cases) assert.deepEqual(findMojibake(text).map((h) => h.repaired), [repaired], text);
  });

  it('repairs `â€` whose last byte (0x9D, undefined in cp1252) was lost, as a closing quote', () => {
    const text = 'He said â€œhelloâ€ and left.';
    assert.deepEqual(findMojibake(text).map((h) => [text.slice(h.start, h.end), h.repaired]), [['â€œ', '“'], ['â€', '”']]);
  });

  it('repairs ISO-8859-1 mojibake (C1 controls) and double encoding', () => {
    assert.deepEqual(findMojibake(`a ${garbleLatin1('—')} b`).map((h) => h.repaired), ['—']);
    for (const w of ['—', 'é', '’', '✅', 'Привет']) {
      for (const twice of [garble(garble(w)), garbleLatin1(garbleLatin1(w)), garble(garble(w)).replace('\u009d', '')]) {
        const hits = findMojibake(`x ${twice} y`);
        assert.deepEqual(hits.map((h) => h.repaired), [w], JSON.stringify(twice));
        assert.equal(`x ${twice} y`.slice(hits[0]!.start, hits[0]!.end), twice);
      }
    }
  });

  it('repairs a whole Russian sentence, single-letter words included', () => {
    const text = garble('Привет и пока');
    assert.equal(findMojibake(text).map((h) => h.repaired).join(' '), 'Привет и пока');
  });

  it('a BOM read as text repairs to nothing', () => {
    assert.deepEqual(findMojibake(garble('\ufeff') + '# Title').map((h) => [h.start, h.end, h.repaired]), [[0, 3, '']]);
  });

  it('does not flag legitimate European text', () => {
    for (const ok of [
      'Café, São Paulo, Größe, Ñandú, Ærøskøbing, Łódź.',
      'SÃO PAULO e NÃO são palavras portuguesas.',
      'Ação, coração, irmã’s, maçã.',
      '«CAFÉ» et «déjà» — voilà\u00a0» ; à\u00a0«\u00a0bientôt\u00a0»',
      'Ça va ? Ôter. Être. Île. Où.',
      '„Größe“ und „ÄRGER“, ÖL–ÜBER, Maß‘',
      '¿Qué pasó? ¡Olé! Año, niño, señor.',
      'È già così. Perché? Città, Più.',
      'Ø» and Ç… and É™ are odd but not mojibake.',
      'Ü“ ß“ Ö– ×² Ð¿?',
    ]) {
      assert.deepEqual(findMojibake(ok), [], ok);
    }
  });

  it('limit: an accented capital before cp1252 punctuation that decodes to a Latin letter is flagged', () => {
    // `Å’` is the bytes C5 92 = `Œ`; Polish mojibake (`Å‚` = `ł`) has exactly this shape, so we keep it.
    assert.deepEqual(findMojibake('PÅ’s').map((h) => h.repaired), ['Œ']);
  });

  it('does not flag Korean, Japanese, Chinese, Thai or Russian text', () => {
    for (const ok of ['다음 세션은 먼저 문서를 읽고', '次のステップ — 完了', '下一步：完成测试', 'ภาษาไทย ทดสอบ', 'Следующий шаг — тесты', '✅ Done → next ≥ 2']) {
      assert.deepEqual(findMojibake(ok), [], ok);
    }
  });
});
