// Inline code that reads back as exactly the text it was given, whatever backticks or spaces
// the text holds (a branch named "feat/a`b", a path with a backtick).

/** A code span for `text`: a fence longer than any backtick run inside, padded when needed. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space from each side when both are there and the content is not all spaces.
  const pad = /^[` ]|[` ]$/.test(text) && /[^ ]/.test(text) ? ' ' : '';
  return fence + pad + text + pad + fence;
}
