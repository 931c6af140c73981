// Windows-1252 as browsers and editors decode it (WHATWG): bytes 0x00–0x7F and 0xA0–0xFF are the same
// code point; 0x80–0x9F are the 27 characters below, and the 5 undefined bytes (0x81, 0x8D, 0x8F, 0x90,
// 0x9D) decode to the C1 control with the same number, as does every 0x80–0x9F byte under ISO-8859-1.

const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const BYTE_OF = new Map<number, number>(HIGH.map((cp, k) => [cp, 0x80 + k]));

/**
 * The byte that Windows-1252 (or ISO-8859-1) decodes to the UTF-16 code unit `c`, or -1 if none does.
 * C1 controls U+0080–U+009F map to themselves so that ISO-8859-1 mojibake is covered too.
 */
export function cp1252Byte(c: number): number {
  if (c < 0x100) return c;
  return BYTE_OF.get(c) ?? -1;
}
