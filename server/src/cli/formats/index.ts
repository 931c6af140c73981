// Output formats of `handoff lint`. Each turns the reports into the text printed on stdout;
// notices (skipped files, files not written) go to stderr, so stdout stays machine-readable.
import type { Formatter } from './format';
import { stylish } from './stylish';
import { json } from './json';
import { sarif } from './sarif';
import { github } from './github';

export const FORMATS: Readonly<Record<string, Formatter>> = { stylish, json, sarif, github };
