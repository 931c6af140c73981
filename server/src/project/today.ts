// Today as the CLI and the MCP server see it: the local date, or HANDOFF_TODAY=YYYY-MM-DD (for
// tests and CI); a malformed HANDOFF_TODAY is a configuration problem.
import { localDate } from '../engine';
import { ConfigError } from './root-configs';

export function todayFrom(env: NodeJS.ProcessEnv, now = new Date()): string {
  const forced = env.HANDOFF_TODAY;
  if (forced !== undefined && forced !== '') {
    if (!isCalendarDate(forced)) {
      throw new ConfigError(`HANDOFF_TODAY must be a date written YYYY-MM-DD, got "${forced}"`);
    }
    return forced;
  }
  return localDate(now);
}

function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
