// Logging to the client's output channel. Never logs document text: only rule ids, messages
// of our own errors, and stack frames. A failing rule is reported once per session. Every line
// still passes through the token-shape masker, so a message that quotes one cannot leak it.
import type { Connection } from 'vscode-languageserver/node';
import { maskTokenShapes as m } from '../engine';

export class Log {
  private readonly reported = new Set<string>();

  constructor(private readonly connection: Connection) {}

  info(message: string): void {
    this.connection.console.info(m(message));
  }

  warn(message: string): void {
    this.connection.console.warn(m(message));
  }

  /** Logs once per key; later calls with the same key are dropped (no repeating messages). */
  once(key: string, message: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.connection.console.warn(m(message));
  }

  error(message: string, error: unknown): void {
    this.connection.console.error(m(`${message}: ${describe(error)}`));
  }

  ruleFailure(ruleId: string, error: unknown): void {
    this.once(`rule:${ruleId}`, `Rule "${ruleId}" failed and was skipped: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const frames = (error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 6).join('\n');
    return `${error.name}${frames ? '\n' + frames : ''}`;
  }
  return typeof error;
}
