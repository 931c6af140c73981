// Parser for `git status --porcelain=v2 --branch -z`: branch headers and file entries.
// Paths come NUL-terminated and unquoted, so spaces, newlines, non-ASCII and a leading `-`
// arrive exactly as they are on disk.
import type { FileChange } from '../engine/facts';

export interface StatusBranch {
  /** Full HEAD hash; null when the branch is unborn (`(initial)`). */
  oid: string | null;
  /** Branch name; null when HEAD is detached. */
  head: string | null;
  upstream: string | null;
  /** Null when there is no upstream or it is gone. */
  ahead: number | null;
  behind: number | null;
}

export interface ParsedStatus {
  branch: StatusBranch;
  /** The first `limit` entries, in git's order. */
  entries: FileChange[];
  /** All entries, including those beyond the limit. */
  total: number;
}

/** Text after the `n`-th space of `token` (the path of a v2 entry, which may itself hold spaces). */
function afterFields(token: string, n: number): string {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = token.indexOf(' ', at + 1);
    if (at < 0) return '';
  }
  return token.slice(at + 1);
}

function ordinaryStatus(xy: string): FileChange['status'] {
  const [x, y] = [xy[0], xy[1]];
  if (x === 'A' || y === 'A') return 'added';
  if (x === 'D' || y === 'D') return 'deleted';
  return 'modified';
}

export function parseStatusV2(stdout: string, limit: number): ParsedStatus {
  const branch: StatusBranch = { oid: null, head: null, upstream: null, ahead: null, behind: null };
  const entries: FileChange[] = [];
  let total = 0;
  const add = (change: FileChange): void => {
    total++;
    if (entries.length < limit) entries.push(change);
  };
  const tokens = stdout.split('\0');
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === '') continue;
    const kind = token.slice(0, 2);
    if (kind === '# ') {
      readHeader(branch, token.slice(2));
    } else if (kind === '1 ') {
      add({ path: afterFields(token, 8), status: ordinaryStatus(token.slice(2, 4)) });
    } else if (kind === '2 ') {
      const path = afterFields(token, 9);
      const from = tokens[++i] ?? '';
      const xy = token.slice(2, 4);
      if (xy.includes('R')) add({ path, status: 'renamed', from });
      else add({ path, status: 'added' }); // a copy: the new path is an addition
    } else if (kind === 'u ') {
      add({ path: afterFields(token, 10), status: 'modified' });
    } else if (kind === '? ') {
      add({ path: token.slice(2), status: 'untracked' });
    }
    // `! ` (ignored) is not requested; anything else is a format we do not know: skipped.
  }
  return { branch, entries, total };
}

function readHeader(branch: StatusBranch, header: string): void {
  const space = header.indexOf(' ');
  const key = space < 0 ? header : header.slice(0, space);
  const value = space < 0 ? '' : header.slice(space + 1);
  switch (key) {
    case 'branch.oid':
      branch.oid = value === '(initial)' ? null : value;
      break;
    case 'branch.head':
      branch.head = value === '(detached)' ? null : value;
      break;
    case 'branch.upstream':
      branch.upstream = value;
      break;
    case 'branch.ab': {
      const m = /^\+(\d+) -(\d+)$/.exec(value);
      if (m) {
        branch.ahead = Number(m[1]);
        branch.behind = Number(m[2]);
      }
      break;
    }
  }
}
