// Tokens hard-wrapped at a line end (RELIABILITY row 42). Neither secretlint nor gitleaks detects these.
//
// A known prefix (`ghp_`…`ghr_`, `github_pat_`, `sk-ant-`, `AKIA`, `xox?-`) followed by at least 8 token
// characters that end the line (optionally with a shell `\` continuation), and a next line that starts,
// after optional indentation, with at least 4 token characters. The range runs from the prefix to the
// end of that continuation, line break included. When the first line already holds a complete token the
// full-token hit wins (see secrets.ts), so this only adds hits for tokens cut short.

import { isPlaceholder } from './placeholder';

export interface SplitFinding {
  start: number;
  end: number;
  prefix: string;
}

const HEAD =
  /(?<![A-Za-z0-9_-])(github_pat_|gh[pousr]_|sk-ant-|AKIA|xox[abporse]-)([A-Za-z0-9_-]{8,256})[ \t]{0,4}(?:\\[ \t]{0,4})?(?:\r\n|\n|\r)/g;
const CONTINUATION = /^[ \t]{0,16}([A-Za-z0-9][A-Za-z0-9_-]{3,256})/;

export function findSplitTokens(text: string): SplitFinding[] {
  const out: SplitFinding[] = [];
  for (const m of text.matchAll(HEAD)) {
    const [whole, prefix, body] = m as unknown as [string, string, string];
    if (isPlaceholder(body)) continue;
    const next = m.index + whole.length;
    const cont = CONTINUATION.exec(text.slice(next, next + 280));
    if (!cont) continue;
    const tail = cont[1] as string;
    if (isPlaceholder(tail)) continue;
    out.push({ start: m.index, end: next + cont[0].length, prefix });
  }
  return out;
}
