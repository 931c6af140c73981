// A note's change as a unified diff (a/ and b/ paths, three lines of context), as `handoff update
// --dry-run` prints it and the MCP tools return it. The caller masks it: it shows the note's lines.
import { createTwoFilesPatch } from 'diff';

export function unifiedDiff(display: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${display}`, `b/${display}`, before, after, '', '', { context: 3 }).replace(/^=+\n/, '');
}
