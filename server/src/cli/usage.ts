// Usage text and the error a command throws for a usage problem (exit code 2).

export const USAGE = `Usage: handoff <command> [options]

Commands:
  lint [paths|globs...]   Lint handoff notes and roadmaps (default: the current directory)
  rules                   List the rules
  update [files...]       Bring handoff notes up to date with git
  outline [paths|globs...]  Print each note's snapshot, next steps, risks and roadmap
  history [paths|globs...]  Print each handoff's past versions and its steps carried over
  mcp [--root DIR]        Run the MCP server over stdio (handoff mcp --help)

Options for lint:
  --fix                   Apply fixes and write the files that changed
  --format <name>         stylish (default), json, sarif or github
  --config <file>         Use this configuration instead of the nearest .handoff.json(c)
  --follow-symlinks       With --fix, also write a note that is a link to a file outside the project
  --changed [<base>]      Only the notes changed since <base> (a branch, tag or commit; default
                          HEAD) left HEAD, up to the worktree; --changed=<base> when <base> is
                          also a path
  --fail-on <level>       Exit 1 on findings of this severity or above: error (default),
                          warning, info, or never

Options for update:
  --dry-run               Print the change as a unified diff; write nothing
  --config <file>         As for lint
  --follow-symlinks       As for lint

Options for outline:
  --json                  The outline as JSON (1-based lines), as the sidebar reads it
  --config <file>         As for lint

Options for history:
  --json                  The timeline and the carried-over steps as JSON
  --config <file>         As for lint

Options for rules:
  --format <name>         stylish (default) or json

  -h, --help              Show this help
  -v, --version           Show the version

Exit codes: 0 no errors (see --fail-on), 1 errors found, 2 usage or configuration problem, or a named file
that is not a regular file (a FIFO, a device).
Set HANDOFF_TODAY=YYYY-MM-DD to lint as of another day.`;

/** A problem with how the CLI was called or configured: printed, then exit 2. */
export class UsageError extends Error {
  constructor(message: string, readonly showUsage = false) {
    super(message);
  }
}
