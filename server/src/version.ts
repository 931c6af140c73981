// The version of the CLI and the MCP server, from package.json (inlined by the bundler).
import { version } from '../../package.json';

export const VERSION: string = version;
