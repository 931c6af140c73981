// Text from notes, file names and git reaches a terminal only escaped: a control character (ESC
// starts sequences that clear the screen or set the window title), a C1 control, a bidi control
// (which reorders what is shown) or a line break in a file name (which forges output lines) is
// written as `\n`, `\r`, `\t` or `\uXXXX` instead. The github format escapes its own way.

/** C0 controls, DEL, C1 controls, the bidi marks, embeddings, overrides and isolates, LS and PS. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, but tab and line breaks pass: for text printed as lines (a diff). */
const UNSAFE_IN_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const escape = (c: string): string => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One field on one line: a file name, a message, a note's title or step. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** A block of lines (a diff, a message that spans lines): tabs and line breaks kept. */
export function terminalLines(text: string): string {
  return text.replace(UNSAFE_IN_LINES, escape);
}
