// Dates as handoff notes write them: ISO dates, ISO date-times, and "Month D, YYYY".

export interface DateToken {
  start: number;
  end: number;
  text: string;
  format: 'iso' | 'iso-datetime' | 'month-day-year';
  /** ISO calendar date (YYYY-MM-DD) when the date exists; null for 2024-02-30 and the like. */
  iso: string | null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d-])/;
const MDY = /\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;

function isoOf(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first date in a string, offsets relative to it. */
export function findDate(s: string): DateToken | null {
  const iso = ISO.exec(s);
  const mdy = MDY.exec(s);
  if (iso && (!mdy || iso.index <= mdy.index)) {
    const [text, y, m, d, hh] = iso;
    return { start: iso.index, end: iso.index + text.length, text, format: hh ? 'iso-datetime' : 'iso', iso: isoOf(+y, +m, +d) };
  }
  if (mdy) {
    const month = MONTHS.findIndex((name) => name.startsWith(mdy[1].toLowerCase().slice(0, 3))) + 1;
    return { start: mdy.index, end: mdy.index + mdy[0].length, text: mdy[0], format: 'month-day-year', iso: isoOf(+mdy[3], month, +mdy[2]) };
  }
  return null;
}

/** Today's date written in the format a note already uses. */
export function formatDateLike(previous: DateToken | null, todayIso: string, now?: Date): string {
  if (!previous || previous.format === 'iso') return todayIso;
  if (previous.format === 'iso-datetime') {
    const t = now ?? new Date();
    const sep = previous.text.includes('T') ? 'T' : ' ';
    const hm = `${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
    return `${todayIso}${sep}${hm}`;
  }
  const [y, m, d] = todayIso.split('-').map(Number);
  const name = MONTHS[m - 1];
  const short = /^[A-Za-z]{3}\.?\s/.test(previous.text) && !/^(?:May|June|July)\s/.test(previous.text);
  const month = short ? name.slice(0, 3) : name;
  return `${month[0].toUpperCase()}${month.slice(1)} ${d}, ${y}`;
}

/** Whole days from a to b (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86400000);
}

/** A moment's local calendar date as YYYY-MM-DD (what "today" means to the person writing). */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
