// PROTOTYPE (bench only, not engine code): a line scanner that finds a note's root-level
// headings without building mdast, for a workspace index that needs outlines, not whole Notes.
// It knows the block structure that decides whether a "#" line is a root heading: fenced
// code, front matter, multi-line HTML comments and raw blocks, block quotes and list item
// content (a heading indented under a list item belongs to the item). Setext headings are
// recognised after a paragraph line. bench/prototype/check-outline.ts measures how often it
// agrees with noteOf on the corpus.

export interface ScannedHeading {
  text: string;
  depth: number;
  start: number;
}

export interface ScannedOutline {
  headings: ScannedHeading[];
}

const ATX = /^( {0,3})(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const LIST = /^( {0,3})([-+*]|\d{1,9}[.)])([ \t]+|$)/;
const HTML_OPEN = /^ {0,3}<(?:!--|pre\b|script\b|style\b|textarea\b|\?|![A-Za-z]|!\[CDATA\[)/i;
const BLOCK_TAGS = 'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
/** HTML blocks of kinds 6 and 7: they run to the next blank line. */
const HTML_TO_BLANK = new RegExp(`^ {0,3}(?:</?(?:${BLOCK_TAGS})(?:[\\s/>]|$)|</?[A-Za-z][A-Za-z0-9-]*(?:\\s+[A-Za-z_:][\\w.:-]*(?:\\s*=\\s*(?:"[^"]*"|'[^']*'|[^\\s"'=<>\`]+))?)*\\s*/?>[ \\t]*$)`, 'i');
const HTML_CLOSE: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<(?:pre|script|style|textarea)\b/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** Plain text of a heading's inline content, close to mdast plainText for common markup. */
export function headingText(raw: string): string {
  return raw
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>\s]+[^>]*>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/`+([^`]*?)`+/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .trim();
}

export function scanOutline(text: string): ScannedOutline {
  const headings: ScannedHeading[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let fence: { char: string; len: number } | null = null;
  let html: RegExp | null = null;
  let listIndent = -1; // content column of the open list item, -1 when none
  let paragraph: { start: number; text: string } | null = null;
  let blankBefore = true;
  let first = true;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end).replace(/\r$/, '');
    const start = pos;
    pos = end + 1;
    if (first && line === '---') {
      // YAML front matter: skip to the closing fence.
      const close = text.indexOf('\n---', start + 3);
      if (close >= 0) {
        const after = text.indexOf('\n', close + 4);
        pos = after < 0 ? text.length + 1 : after + 1;
        first = false;
        continue;
      }
    }
    first = false;
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[2][0] === fence.char && m[2].length >= fence.len && !m[3].trim()) fence = null;
      continue;
    }
    if (html) {
      if (html.test(line)) html = null;
      continue;
    }
    const blank = !line.trim();
    if (blank) {
      paragraph = null;
      blankBefore = true;
      if (end >= text.length) break;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (listIndent >= 0 && blankBefore && indent < listIndent && !LIST.test(line)) listIndent = -1;
    const inList = listIndent >= 0 && indent >= listIndent;
    const quoted = /^ {0,3}>/.test(line);
    const f = FENCE.exec(line);
    if (f && !(f[2][0] === '`' && f[3].includes('`'))) {
      fence = { char: f[2][0], len: f[2].length };
      paragraph = null;
    } else if (!inList && !quoted && HTML_TO_BLANK.test(line) && (!paragraph || !/^ {0,3}<[A-Za-z][\w-]*[^>]*>[ \t]*$/.test(line) || new RegExp(`^ {0,3}</?(?:${BLOCK_TAGS})(?:[\\s/>]|$)`, 'i').test(line))) {
      html = /^[ \t]*$/;
      paragraph = null;
    } else if (HTML_OPEN.test(line) && !inList && !quoted) {
      const close = HTML_CLOSE.find(([open]) => open.test(line));
      const rest = line.replace(/^ {0,3}/, '').slice(2);
      if (close && !close[1].test(rest)) html = close[1];
      paragraph = null;
    } else if (!inList && !quoted && ATX.test(line)) {
      const m = ATX.exec(line)!;
      headings.push({ text: headingText((m[3] ?? '').replace(/[ \t]+#+$/, '')), depth: m[2].length, start: start + m[1].length });
      paragraph = null;
      listIndent = -1;
    } else if (!inList && !quoted && paragraph && SETEXT.test(line)) {
      const depth = line.trim()[0] === '=' ? 1 : 2;
      headings.push({ text: headingText(paragraph.text), depth, start: paragraph.start });
      paragraph = null;
    } else {
      const l = LIST.exec(line);
      if (l) {
        listIndent = l[1].length + l[2].length + Math.max(1, Math.min(l[3].length, 4));
        paragraph = null;
      } else if (!inList && !quoted && indent < 4 && !/^ {0,3}(?:[-*_][ \t]*){3,}$/.test(line) && !line.includes('|')) {
        paragraph = paragraph ? { start: paragraph.start, text: paragraph.text + ' ' + line.trim() } : { start: start + indent, text: line.trim() };
      } else if (!inList) paragraph = null;
    }
    blankBefore = false;
    if (end >= text.length) break;
  }
  return { headings };
}
