// PEM / OpenPGP private key blocks as one multi-line range.
//
// secretlint's privatekey rule needs both header and footer. A handoff note is often pasted from a
// terminal or truncated, so we also flag a header followed by at least 100 base64 characters and no
// footer: the range then runs to the end of the last base64 line. A block whose body is short or is not
// base64 (`...`, `<key here>`) is a placeholder and is not reported.
//
// Linear: each header is examined once, line by line, and the scan never goes back before the end of
// the previous block. A header must end its line, so 10⁵ headers in a row on one line (RELIABILITY
// row 40) cost O(1) each.

const HEADER = /-----BEGIN ((?:[A-Z0-9]{1,16} ){0,3})PRIVATE KEY( BLOCK)?-----/g;
const FOOTER = /^([ \t]*)(-----END (?:[A-Z0-9]{1,16} ){0,3}PRIVATE KEY(?: BLOCK)?-----)/;
/** RFC 1421 / RFC 4880 armor headers: `Proc-Type: 4,ENCRYPTED`, `DEK-Info: …`, `Version: …`, `Comment: …`. */
const ARMOR_HEADER = /^[ \t]*[A-Za-z][A-Za-z-]{0,31}: [^\r\n]{0,256}$/;
const BASE64_LINE = /^[ \t]*([A-Za-z0-9+/]{1,256}={0,2})[ \t]*$/;
/** OpenPGP armor checksum line, `=AbCd`. */
const PGP_CHECKSUM = /^[ \t]*=[A-Za-z0-9+/]{4}[ \t]*$/;

export interface PemFinding {
  start: number;
  end: number;
  /** The header line, e.g. `-----BEGIN RSA PRIVATE KEY-----` (public, used in the preview). */
  header: string;
}

/** Next line after offset `i` (which is at a line break or end of text): [lineStart, lineEnd, nextStart]. */
function nextLine(text: string, i: number): [number, number, number] | null {
  if (i >= text.length) return null;
  let s = i;
  if (text.charCodeAt(s) === 13) s++;
  if (text.charCodeAt(s) === 10) s++;
  if (s === i || s >= text.length) return null;
  let e = s;
  while (e < text.length && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
  return [s, e, e];
}

function restOfLineBlank(text: string, i: number): boolean {
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

export function findPemBlocks(text: string): PemFinding[] {
  const out: PemFinding[] = [];
  let after = 0;
  for (const m of text.matchAll(HEADER)) {
    const start = m.index;
    if (start < after) continue;
    let i = start + m[0].length;
    if (!restOfLineBlank(text, i)) continue;
    while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    let body = '';
    let bodyEnd = -1;
    let footerEnd = -1;
    let inArmorHeaders = true;
    for (let line = nextLine(text, i); line; line = nextLine(text, line[2])) {
      const s = text.slice(line[0], line[1]);
      const footer = FOOTER.exec(s);
      if (footer) {
        footerEnd = line[0] + footer[1].length + footer[2].length;
        break;
      }
      if (inArmorHeaders && ARMOR_HEADER.test(s)) continue;
      if (inArmorHeaders && s.trim() === '' && body === '') continue;
      inArmorHeaders = false;
      const b = BASE64_LINE.exec(s);
      if (b) {
        body += b[1];
        bodyEnd = line[1] - (s.length - s.trimEnd().length);
        continue;
      }
      if (PGP_CHECKSUM.test(s)) continue;
      break;
    }
    if (!isKeyBody(body)) continue;
    const end = footerEnd >= 0 ? footerEnd : bodyEnd;
    out.push({ start, end, header: m[0] });
    after = end;
  }
  return out;
}

/** At least 100 base64 characters of high entropy (random base64 is ≈ 6 bits/char; `AAAA…` is 0). */
function isKeyBody(body: string): boolean {
  if (body.length < 100) return false;
  const distinct = new Set(body).size;
  return distinct >= 32;
}
