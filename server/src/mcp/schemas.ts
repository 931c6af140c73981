// The input fields the tools share, with the names scripts rely on: `path` (a note relative to the
// root; absent means every note), `rule` and `dryRun` (fix), `apply` (update), `dialect` (new).
import { z } from 'zod';

export const pathList = z
  .union([z.string(), z.array(z.string()).max(1000)])
  .optional()
  .describe('A note (or folder) relative to the project root, or a list of them; absent means every note');

export const onePath = z.string().optional();

export const findingShape = z.object({
  file: z.string(),
  line: z.number(),
  column: z.number(),
  endLine: z.number(),
  endColumn: z.number(),
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  fixable: z.boolean(),
  docs: z.string(),
});

export const fileShape = z.object({
  file: z.string(),
  skipped: z.string().nullable(),
  notes: z.array(z.string()),
});
