// Parser for `--name-status -z` output of diff, log and diff-tree --stdin.
// Tokens are NUL-separated: a status (`M`, `A`, `D`, `T`, `U`, `R087`, `C100`), then one path,
// or two for renames and copies. log and diff-tree put a commit header between groups.
import type { FileChange } from '../engine/facts';

export interface RawChange {
  /** Status letter: A, C, D, M, R, T, U, X. */
  letter: string;
  path: string;
  /** Source path of a rename or copy. */
  from?: string;
}

export interface CommitChanges {
  commit: string;
  changes: RawChange[];
}

/** log `--format=%x01%H` header, or the bare hash diff-tree --stdin prints. */
const LOG_HEADER = '\x01';
const HASH = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const STATUS = /^([A-Z])(\d*)$/;

/** Groups changes by commit; changes before any header go to a record with commit ''. */
export function parseNameStatusRecords(stdout: string): CommitChanges[] {
  const tokens = stdout.split('\0');
  const records: CommitChanges[] = [];
  let current: CommitChanges | undefined;
  const record = (): CommitChanges => {
    if (!current) {
      current = { commit: '', changes: [] };
      records.push(current);
    }
    return current;
  };
  let i = 0;
  while (i < tokens.length) {
    // log separates its format line from the diff with a newline that lands on the status token.
    const token = tokens[i].replace(/^\n+/, '');
    if (token === '') {
      i++;
      continue;
    }
    if (token.startsWith(LOG_HEADER) || HASH.test(token)) {
      current = { commit: token.replace(LOG_HEADER, '').trim(), changes: [] };
      records.push(current);
      i++;
      continue;
    }
    const m = STATUS.exec(token);
    if (!m) {
      i++; // not a status where one belongs: skip rather than misread paths
      continue;
    }
    const letter = m[1];
    if (letter === 'R' || letter === 'C') {
      const from = tokens[i + 1];
      const path = tokens[i + 2];
      if (from !== undefined && path !== undefined) record().changes.push({ letter, path, from });
      i += 3;
    } else {
      const path = tokens[i + 1];
      if (path !== undefined) record().changes.push({ letter, path });
      i += 2;
    }
  }
  return records;
}

export function toFileChange(change: RawChange): FileChange {
  switch (change.letter) {
    case 'R':
      return { path: change.path, status: 'renamed', from: change.from };
    case 'A':
    case 'C':
      return { path: change.path, status: 'added' };
    case 'D':
      return { path: change.path, status: 'deleted' };
    default:
      return { path: change.path, status: 'modified' };
  }
}
