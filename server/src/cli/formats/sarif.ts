// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. Regions are 1-based with
// columns in UTF-16 code units (the run says so in `columnKind`).
import { pathToFileURL } from 'node:url';
import { RULES, type Severity } from '../../engine';
import { ruleDocUrl } from '../../engine';
import type { FileReport } from '../../project/findings';
import type { FormatContext } from './format';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function sarif(reports: FileReport[], { cwd, version }: FormatContext): string {
  const index = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const results = reports.flatMap((r) =>
    r.findings.map((f) => ({
      ruleId: f.rule,
      ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: fileUri(f.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
    })),
  );
  const notifications = reports.flatMap((r) =>
    [...(r.skipped ? [`skipped: ${r.skipped}`] : []), ...r.notes].map((text) => ({
      level: 'note',
      message: { text },
      locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(r.file), uriBaseId: '%SRCROOT%' } } }],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'handoff',
            version,
            informationUri: 'https://github.com/handoff-notes/handoff',
            rules: RULES.map((r) => ({
              id: r.meta.id,
              shortDescription: { text: r.meta.description },
              fullDescription: { text: r.meta.rationale },
              helpUri: ruleDocUrl(r.meta.id),
              defaultConfiguration: { level: LEVEL[r.meta.severity] },
              properties: { tags: r.meta.tags, fixable: r.meta.fixable },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(cwd) } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** A relative URI reference for a POSIX path (spaces and the like percent-encoded). */
function fileUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : href + '/';
}
