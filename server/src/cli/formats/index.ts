// Output formats of `handoff lint`. Each turns the reports into the text printed on stdout;
// notices (skipped files, files not written) go to stderr, so stdout stays machine-readable.
import type { FileReport } from '../report';
import { stylish } from './stylish';
import { json } from './json';
import { sarif } from './sarif';
import { github } from './github';

export interface FormatContext {
  /** Absolute working directory: report paths are relative to it. */
  cwd: string;
  version: string;
  color: boolean;
}

export type Formatter = (reports: FileReport[], context: FormatContext) => string;

export const FORMATS: Readonly<Record<string, Formatter>> = { stylish, json, sarif, github };
