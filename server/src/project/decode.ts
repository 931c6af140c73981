// Turning a file's bytes into the text the engine lints, and back. UTF-8 is decoded non-fatally
// (U+FFFD for invalid sequences); a UTF-16 file is decoded as UTF-16, with a BOM or, without one,
// when its first 8 KB have the NUL bytes of ASCII text in UTF-16 (nearly every byte at odd offsets
// for little-endian, at even ones for big-endian). Any other file with a NUL in its first 8 KB is
// binary: not linted, but its bytes are read as Latin-1 (one character per byte, nothing lost) so
// that the secret scan still reads them. The BOM is kept aside so that columns match what an editor
// shows, and is written back as it was.

export type Decoded =
  | {
      kind: 'binary';
      /** The bytes as Latin-1: what the secret scan reads. */
      text: string;
    }
  | {
      kind: 'text';
      /** The text without its BOM. */
      text: string;
      encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
      bom: boolean;
      /** Invalid UTF-8 sequences that decoded to U+FFFD. */
      invalidSequences: number;
    };

const SNIFF_BYTES = 8192;

export function decodeNote(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  const sniff = bytes.subarray(0, SNIFF_BYTES);
  if (sniff.includes(0)) {
    const utf16 = utf16WithoutBom(sniff);
    if (utf16) {
      const text = new TextDecoder(utf16, { fatal: false, ignoreBOM: true }).decode(bytes);
      return { kind: 'text', text, encoding: utf16, bom: false, invalidSequences: 0 };
    }
    return { kind: 'binary', text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
  return { kind: 'text', text, encoding: 'utf-8', bom, invalidSequences: countReplacements(text) - countEncodedReplacements(body) };
}

/** Text in UTF-16 without a BOM: at least 90% of the odd (LE) or even (BE) bytes are NUL, and almost none of the others. */
function utf16WithoutBom(sniff: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(sniff.length / 2);
  if (pairs < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < sniff.length; i += 2) {
    if (sniff[i] === 0) evenZero++;
    if (sniff[i + 1] === 0) oddZero++;
  }
  if (oddZero >= pairs * 0.9 && evenZero <= pairs * 0.02) return 'utf-16le';
  if (evenZero >= pairs * 0.9 && oddZero <= pairs * 0.02) return 'utf-16be';
  return null;
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes.subarray(2));
  return { kind: 'text', text, encoding, bom: true, invalidSequences: 0 };
}

/** UTF-8 bytes of a note's text, with its BOM when it had one. */
export function encodeNote(text: string, bom: boolean): Buffer {
  return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** U+FFFD written in the file itself (EF BF BD), which is text, not damage. */
function countEncodedReplacements(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  return n;
}
