// `handoff rules [--format stylish|json]`: every rule with its default severity, whether it
// can fix, and what it checks.
import { RULES } from '../../engine';
import { ruleDocUrl } from '../../engine';
import { formatOption, parseCommandArgs } from '../args';
import type { Command, Io } from '../io';
import { USAGE } from '../usage';

export const rulesCommand: Command = {
  name: 'rules',
  async run(args: string[], io: Io): Promise<number> {
    const { values } = parseCommandArgs(args, { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } }, false);
    if (values.help) {
      io.stdout(USAGE + '\n');
      return 0;
    }
    const format = formatOption(values.format, ['stylish', 'json']);
    if (format === 'json') {
      const rules = RULES.map(({ meta }) => ({
        id: meta.id,
        severity: meta.severity,
        fixable: meta.fixable,
        description: meta.description,
        tags: meta.tags,
        appliesTo: meta.appliesTo,
        options: Object.fromEntries(Object.entries(meta.options ?? {}).map(([name, o]) => [name, { type: o.type, default: o.default, description: o.description }])),
        docs: ruleDocUrl(meta.id),
      }));
      io.stdout(JSON.stringify(rules, null, 2) + '\n');
      return 0;
    }
    const rows = RULES.map(({ meta }) => [meta.id, meta.severity, meta.fixable ? 'fixable' : '', meta.description]);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
    for (const row of rows) io.stdout(row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('  ') + '\n');
    return 0;
  },
};
