// Status words and emoji of roadmaps and task lists, and where in a line they count. A word is a
// status only where authors put one: the whole text ("Done"), the end of a short title ("v0.1
// released"), a part set off by a separator ("Phase 3 — planned", "Done: setup"), a bracket
// ("(выполнено)", "(Current Focus)"), or at the start when it qualifies a noun ("Remaining
// deliverables", "Completed items"). "Complete one objective", "Done when:" and "Definition of
// done" are not statuses; neither is a list of statuses ("planned, in_progress, done").
export type ItemStatus = 'done' | 'in-progress' | 'planned' | 'blocked' | 'dropped';

export interface StatusHit {
  status: ItemStatus;
  style: 'emoji' | 'word';
  /** Offset of the marker in the string that was examined. */
  index: number;
  length: number;
}

const EMOJI: ReadonlyArray<[RegExp, ItemStatus]> = [
  // 🎉 is not among them: it cheers a line ("… shows your images! 🎉") more often than it closes one.
  [/✅|✔️?|☑️?|✓|🟢|🏁/gu, 'done'],
  [/⏳|🚧|🔄|🟡|🟠|🔵|🔨|🏗️?|⚙️|🔧|▶️/gu, 'in-progress'],
  [/🔜|📋|⬜|⚪|🔲|☐|🗓️?|📅|⏭️?|🔮|💡/gu, 'planned'],
  [/🔴|⛔|🛑|🚫|⏸️?|🅿️?/gu, 'blocked'],
  [/❌|🗑️?|✖️?/gu, 'dropped'],
];

/**
 * Status vocabulary, by where a word may stand in a part of the text: `lead` words qualify a noun
 * and may open or close a part ("Completed items", "v0.1 released"); `tail` words close it
 * ("Phase 1 complete") or are all of it ("Done: …"); `exact` words count only as the whole part
 * ("Now", "Open"). CJK words have no word boundaries; they count at either edge of a part.
 */
type Position = 'lead' | 'tail' | 'exact';

interface Word {
  re: RegExp;
  status: ItemStatus;
  position: Position;
}

const W = (status: ItemStatus, position: Position, source: string): Word => ({ re: new RegExp(source, 'giu'), status, position });

const WORDS: readonly Word[] = [
  W('done', 'lead', String.raw`\b(?:completed|finished|shipped|released|landed|implemented|merged|resolved|delivered|closed|what works|already (?:done|landed|shipped))\b`),
  W('done', 'tail', String.raw`\b(?:done|complete|fixed)\b|\bconclu[ií]d[oa]s?\b|\bcompletad[oa]s?\b|\bterminad[oa]s?\b|\bcerrad[oa]s?\b|\bresuelt[oa]s?\b|\bfatto\b|\berledigt\b|\babgeschlossen\b|\btermin[ée]e?s?\b|выполнен[оа]?|завершен[оа]?|готово|(?:до|с)делано|\bfaite?s?\b`),
  W('done', 'lead', '完了|已完成|完成|完工|済み|완료'),
  W('done', 'tail', String.raw`\bxong\b|(?<!\p{L})hoàn thành(?!\p{L})`),
  W('in-progress', 'lead', String.raw`(?<!\p{L})đang (?:làm|thực hiện|tiến hành|xây dựng)(?!\p{L})`),
  W('planned', 'lead', String.raw`\bchưa(?: bắt đầu| làm| xong)?(?!\p{L})|(?<!\p{L})kế hoạch(?!\p{L})`),
  W('in-progress', 'lead', String.raw`\b(?:in[ -]progress|ongoing|currently(?: working(?: on)?| in progress)?|current (?:focus|phase|milestone|sprint)|wip|in review|in development|under ?way|started)\b|\ben (?:curso|progreso|andamento)\b|\bfase actual\b|\bin corso\b|\bin arbeit\b|в работе`),
  W('in-progress', 'exact', String.raw`\bnow\b`),
  W('in-progress', 'lead', '進行中|进行中|作業中|진행 ?중'),
  W('planned', 'lead', String.raw`\b(?:planned|pending|remaining|upcoming|proposed|future|next|backlog|queued|scheduled|not (?:yet )?(?:started|done|complete|completed|finished|implemented|shipped)|undone|incomplete|unfinished|what'?s left|still to do|left to do)\b|\bpendientes?\b|\bplanejad[oa]s?\b|\bpr[óo]xim[oa]s?\b|\bprevist[oa]s?\b|\bgeplant\b|\bpr[ée]vue?s?\b|запланировано|планируется`),
  W('planned', 'exact', String.raw`\b(?:todo|to[ -]do|later|open)\b`),
  W('planned', 'lead', '未着手|予定|残って|残り|计划|計劃|待办|待辦|下一|候选|候補|예정'),
  W('blocked', 'lead', String.raw`\b(?:blocked|on hold|waiting|parked|paused|stalled)\b|\baparcad[oa]s?\b|\bbloquead[oa]s?\b|ブロック|阻塞|保留|заблокировано`),
  W('dropped', 'lead', String.raw`\b(?:dropped|cancell?ed|won'?t do|abandoned|deferred|descoped|rejected|superseded)\b|\bcancelad[oa]s?\b|отменено|中止|取消`),
];

/**
 * A done-word is the part's status only when nothing turns it: a negation right before it makes it
 * pending ("미완료", "não concluído", "не выполнено", "nicht erledigt"), a word of partiality makes
 * it in progress ("부분 완료", "Algumas concluídas", "частично готово"), and a word of time around it
 * makes it qualify something else ("完成後の拡張アイデア", ideas for after completion; "완료 후").
 */
const NEGATED = /(?:(?<!\p{L})(?:no|not|não|nao|nicht|noch nicht|pas|non|не|nie|niet|değil|chưa)\s+|(?<!\p{L})не\s?|[未不没沒非]\s?|(?<!\p{L})[미안]\s?)$/iu;
const PARTIAL_BEFORE =
  /(?:(?<!\p{L})(?:partial(?:ly)?|partly|some|mostly|half|parcial(?:mente)?|parzial(?:mente)?|partiellement|teilweise|algun[oa]s|algumas|alguns|quelques|частично|kısmen|częściowo|gedeeltelijk|một phần)\s+|(?:一部|部分|부분|일부|半)\s?)$/iu;
const PARTIAL_AFTER = /^\s*(?:partial(?:ly)?|parcial(?:mente)?|parzialmente|partiellement|teilweise|частично)(?!\p{L})/iu;
const TIME_BEFORE = /(?<!\p{L})(?:after|before|until|once|post|nach|après|apres|avant|después de|depois de|antes de|dopo|prima di|после|до|sau khi|trước khi)\s+$/iu;
const TIME_AFTER = /^\s?(?:後|后|前|以降|以後|之后|之後|までに|まで|次第|時|时|후|이후|전|条件|條件|基準|基准|标准|標準|기준|조건)/u;

/** The status of a done-word `h` of `part` once negation, partiality and time are read; null: not a status. */
function turned(part: string, h: StatusHit): ItemStatus | null {
  if (h.status !== 'done') return h.status;
  const before = part.slice(0, h.index);
  const after = part.slice(h.index + h.length);
  if (TIME_BEFORE.test(before) || TIME_AFTER.test(after)) return null;
  if (NEGATED.test(before)) return 'planned';
  if (PARTIAL_BEFORE.test(before) || PARTIAL_AFTER.test(after)) return 'in-progress';
  return 'done';
}

/** Whether `label` says something is not done: a done-word under a negation ("Ce qui n'est pas fait", "Что не доделано", "미완료"). */
export function namesUndone(label: string): boolean {
  return wordHits(label, DONE_WORDS).some((h) => h.status === 'done' && turned(label, h) === 'planned');
}

const NOT_A_STATUS = /\bdefinition of done\b|\bdone when\b|\bwhen (?:it is |it's )?done\b/iu;

/**
 * Emoji that stand for a status and little else. The others double as icons ("🔧 Commands",
 * "💡 Ideas") or colours of another scheme ("🔴 P0"), so on a heading they count only where the
 * roadmap uses them as statuses.
 */
const STRONG_EMOJI = /^(?:✅|✔️?|☑️?|✓|⏳|🚧|⬜|🔲|☐|❌)$/u;

export function isStrongEmoji(marker: string): boolean {
  return STRONG_EMOJI.test(marker);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Whether the marker at [index, index + length) of `s` sits inside running text: a word right
 * before it and right after it, glued to the next word ("chains the 🟢auto steps") or after
 * three words of a sentence. "Phase 1 ✅ Complete" and "Parser — ✅ done" are markers.
 */
export function inRunningText(s: string, index: number, length: number): boolean {
  let a = index;
  while (a > 0 && s[a - 1] === ' ') a--;
  let b = index + length;
  const glued = b < s.length && WORD_CHAR.test(s[b]);
  while (b < s.length && s[b] === ' ') b++;
  if (a === 0 || b >= s.length || !WORD_CHAR.test(s[a - 1]) || !WORD_CHAR.test(s[b])) return false;
  if (glued) return true;
  const before = s.slice(0, a).split(/[-–—|:：(（[]/u).pop()!.trim().split(/\s+/).filter(Boolean);
  return before.length >= 3;
}

/** Every emoji hit in `s` that is not inside running text, earliest first. */
function emojiHits(s: string): StatusHit[] {
  const out: StatusHit[] = [];
  for (const [re, status] of EMOJI) {
    re.lastIndex = 0;
    for (const m of s.matchAll(re)) if (!inRunningText(s, m.index, m[0].length)) out.push({ status, style: 'emoji', index: m.index, length: m[0].length });
  }
  return out.sort((a, b) => a.index - b.index);
}

// A heading's parts are read for undone work before any status: only the done-words' patterns
// are compiled for that (each pattern costs V8 milliseconds to compile on first use).
const DONE_WORDS = WORDS.filter((w) => w.status === 'done');

function wordHits(s: string, words = WORDS): Array<StatusHit & { position: Position }> {
  const out: Array<StatusHit & { position: Position }> = [];
  for (const w of words) {
    w.re.lastIndex = 0;
    for (const m of s.matchAll(w.re)) out.push({ status: w.status, style: 'word', index: m.index, length: m[0].length, position: w.position });
  }
  return out.sort((a, b) => a.index - b.index || b.length - a.length);
}

/** Blanks out bracketed groups, code spans and link targets (same length, so offsets hold). */
function opaque(s: string): { base: string; brackets: Array<[number, number]> } {
  const brackets: Array<[number, number]> = [];
  let base = s.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length));
  base = base.replace(/\]\([^)]*\)/g, (m) => ']' + ' '.repeat(m.length - 1));
  base = base.replace(/[([（【]([^()[\]（）【】]{1,60})[)\]）】]/gu, (m, inner: string, at: number) => {
    brackets.push([at + 1, at + 1 + inner.length]);
    return ' '.repeat(m.length);
  });
  return { base, brackets };
}

const EDGE_JUNK = /[\s*_~.,;:!?。、：，·•|#>"'“”«»-]|\p{Extended_Pictographic}|\ufe0f|\u200d/u;
const NUMBERING = /^(?:\d+(?:\.\d+)*[.)]?|[A-Z]\d*[.)]|§\s*\d+(?:\.\d+)*)\s+/u;

/** The part's content bounds without emphasis, numbering, emoji and punctuation at its edges. */
function trimmed(s: string, start: number, end: number): [number, number] {
  let a = start;
  let b = end;
  for (;;) {
    while (a < b && EDGE_JUNK.test(s[a])) a++;
    const num = NUMBERING.exec(s.slice(a, b));
    if (!num) break;
    a += num[0].length;
  }
  while (b > a && EDGE_JUNK.test(s[b - 1])) b--;
  return [a, b];
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;

/**
 * A status in the part [start, end) of `s`, by the position rules above. `strict` (list items,
 * table cells): the status must close the part and be nearly all of it ("Done", "already done",
 * "(完了)"), not a word of a sentence ("Invalid signatures rejected", "Delivered supplies").
 */
function inPart(s: string, start: number, end: number, strict: boolean): StatusHit | null {
  const [a, b] = trimmed(s, start, end);
  if (b <= a || b - a > 48) return null;
  const part = s.slice(a, b);
  if (NOT_A_STATUS.test(part)) return null;
  const hits = wordHits(part);
  if (!hits.length) return null;
  const statuses = new Set(hits.map((h) => h.status));
  if (statuses.size > 1 && /[,/、，]/u.test(part)) return null;
  for (const hit of hits) {
    const status = turned(part, hit);
    if (!status) continue;
    const h = { ...hit, status };
    const atStart = h.index === 0;
    const atEnd = h.index + h.length === part.length;
    const cjk = CJK.test(part[h.index]);
    const ok =
      (atStart && atEnd) ||
      (cjk && (atStart || atEnd)) ||
      (h.position === 'lead' && (atStart || atEnd)) ||
      (h.position === 'tail' && atEnd);
    if (ok && strict && !atEnd) continue;
    if (ok && strict) {
      const rest = (part.slice(0, h.index) + ' ' + part.slice(h.index + h.length)).replace(/[\p{P}\p{S}]/gu, ' ');
      const cjk = [...rest].filter((c) => CJK.test(c)).length;
      const words = rest.replace(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/gu, ' ').trim().split(/\s+/).filter(Boolean).length;
      if (cjk > 3 || words > 1) continue;
    }
    if (ok) return { status: h.status, style: 'word', index: a + h.index, length: h.length };
  }
  return null;
}

/**
 * The status a line of text states, with the offset of its marker in `s`. `anywhere`: the whole
 * string is about status (a status column, a "Status:" value), so the first word anywhere counts;
 * `strict`: a list item or table cell, whose words count only when they are nearly all of a part.
 */
export function statusOfText(s: string, options: { anywhere?: boolean; strict?: boolean } = {}): StatusHit | null {
  const strict = options.strict ?? false;
  const emoji = emojiHits(s)[0];
  if (emoji) return emoji;
  if (options.anywhere) {
    const h = wordHits(s)[0];
    return h ? { status: h.status, style: 'word', index: h.index, length: h.length } : null;
  }
  const { base, brackets } = opaque(s);
  const separators = [...base.matchAll(/\s+[-–—|]\s+|\.\s+(?=\S)|\s*\|\s*|[:：](?:\*\*|__)?(?:\s+|$)|\s+[-–—]$/gu)];
  if (!separators.length) {
    const whole = inPart(base, 0, base.length, strict);
    if (whole) return whole;
  } else {
    const first = separators[0];
    const leading = inPart(base, 0, first.index, strict);
    if (leading) return leading;
    const last = separators[separators.length - 1];
    const trailing = inPart(base, last.index + last[0].length, base.length, strict);
    if (trailing) return trailing;
    // A part between two separators counts when it is all status ("X — DONE. More prose").
    for (let i = 0; i + 1 < separators.length; i++) {
      const middle = inPart(base, separators[i].index + separators[i][0].length, separators[i + 1].index, true);
      if (middle) return middle;
    }
  }
  for (const [a, b] of brackets) {
    const hit = inPart(s, a, b, strict);
    if (hit) return hit;
  }
  return null;
}

/** Whether a string names more than one status word (a legend row, a list of statuses). */
export function statusWords(s: string): ItemStatus[] {
  return [...new Set(wordHits(s).map((h) => h.status))];
}
