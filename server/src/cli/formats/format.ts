// What every output format of `handoff lint` is: reports in, the text for stdout out.
import type { FileReport } from '../../project/findings';

export interface FormatContext {
  /** Absolute working directory: report paths are relative to it. */
  cwd: string;
  version: string;
  color: boolean;
}

export type Formatter = (reports: FileReport[], context: FormatContext) => string;
