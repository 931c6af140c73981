// Option parsing with node:util parseArgs, its errors turned into usage errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<T extends Options>(args: string[], options: T, positionals: boolean) {
  try {
    return parseArgs({ args, options, allowPositionals: positionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''), true);
  }
}

export function formatOption(value: string | undefined, allowed: readonly string[]): string {
  const format = value ?? allowed[0];
  if (!allowed.includes(format)) throw new UsageError(`Unknown format "${format}", expected one of ${allowed.join(', ')}`);
  return format;
}
