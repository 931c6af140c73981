// Turning a file's bytes into the text the engine lints, and back. Binary files are recognised
// by a NUL in their first 8 KB and skipped; UTF-8 is decoded non-fatally (U+FFFD for invalid
// sequences); a UTF-16 file with a BOM is decoded as UTF-16. The BOM is kept aside so that
// columns match what an editor shows, and is written back as it was.

export type Decoded =
  | { kind: 'binary' }
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
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { kind: 'binary' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
  return { kind: 'text', text, encoding: 'utf-8', bom, invalidSequences: countReplacements(text) - countEncodedReplacements(body) };
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
