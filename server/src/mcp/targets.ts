// The notes a tool call looks at: the paths it names (each resolved inside the root; a folder is
// walked for notes), or every note of the root when it names none.
import { statSync } from 'node:fs';
import { noteFilesUnder } from '../project/candidates';
import type { LintTarget } from '../project/lint-note';
import type { ProjectSession } from '../project/session';
import { ToolRefusal, type McpContext } from './context';

export type PathInput = string | string[] | undefined;

export async function targetsOf(ctx: McpContext, session: ProjectSession, path: PathInput): Promise<LintTarget[]> {
  const found = new Map<string, LintTarget>();
  const add = (absolute: string, named: boolean) => {
    if (!found.has(absolute)) found.set(absolute, { absolute, display: ctx.display(absolute), named });
  };
  const paths = path === undefined ? [] : Array.isArray(path) ? path : [path];
  if (!paths.length) for (const file of await noteFilesUnder(ctx.root, session.configs)) add(file, false);
  for (const p of paths) {
    const absolute = ctx.inside(p);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      throw new ToolRefusal(`No such file or folder: ${JSON.stringify(p)}`);
    }
    if (isDirectory) for (const file of await noteFilesUnder(absolute, session.configs)) add(file, false);
    else add(absolute, true);
  }
  return [...found.values()];
}
