// What every tool of the MCP server stands on: the root it serves, whether git may run, and per
// call a fresh view of the project (configuration re-read, notes re-walked, git asked anew), so
// a long-running server never answers from a stale cache.
import { localDate } from '../engine';
import { resolveInside, toPosix } from '../project/paths';
import { RootConfigs } from '../project/root-configs';
import { ProjectSession } from '../project/session';
import { relative } from 'node:path';

export interface ServerOptions {
  /** Absolute root: every path a client names is resolved inside it. */
  root: string;
  /** false: no git process at all (the equivalent of VS Code's Restricted Mode). */
  git: boolean;
  /** An absolute path to the git executable, else git from PATH. */
  gitPath: string | null;
  /** Today as YYYY-MM-DD, or null for the local date at each call. */
  today: string | null;
}

/** A refusal or bad input, answered as a tool error with this message. */
export class ToolRefusal extends Error {}

export class McpContext {
  constructor(readonly options: ServerOptions) {}

  get root(): string {
    return this.options.root;
  }

  today(): string {
    return this.options.today ?? localDate(new Date());
  }

  /** The project's configurations, read anew. */
  configs(): RootConfigs {
    return new RootConfigs(this.root, null, true);
  }

  /** A project session for one call; dispose it when done. */
  session(): ProjectSession {
    return new ProjectSession(this.configs(), { git: this.options.git, gitPath: this.options.gitPath });
  }

  /** A client's path, resolved inside the root, or a refusal. */
  inside(path: string): string {
    const r = resolveInside(this.root, path);
    if ('refused' in r) throw new ToolRefusal(r.refused);
    return r.absolute;
  }

  /** How results name a file: POSIX, relative to the root. */
  display(absolute: string): string {
    return toPosix(relative(this.root, absolute)) || '.';
  }
}
