// The layer boundaries (.dependency-cruiser.cjs) hold in the source tree, and the check really
// catches each kind of crossing: a tree shaped like Handoff's with one crossing per rule.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const BIN = path.join(ROOT, 'node_modules', '.bin', 'depcruise');

function violations(cwd: string): string[] {
  let out: string;
  try {
    out = execFileSync(BIN, ['server/src', 'client/src', '--config', CONFIG, '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    out = (e as { stdout: string }).stdout; // exit 1 when there are violations
  }
  const result = JSON.parse(out) as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> } };
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}

describe('layer boundaries', function () {
  this.timeout(120_000);

  it('the source tree has no crossing', () => {
    assert.deepEqual(violations(ROOT), []);
  });

  it('every kind of crossing is reported', () => {
    assert.deepEqual(violations(path.join(ROOT, 'test/fixtures/boundaries')), [
      'cli-not-to-lsp: server/src/cli/lint.ts -> server/src/lsp/log.ts',
      'client-only-protocol: client/src/extension.ts -> server/src/engine/rules/index.ts',
      'engine-is-pure: server/src/engine/impure.ts -> fs',
      'engine-is-pure: server/src/engine/impure.ts -> server/src/lsp/log.ts',
      'engine-through-its-door: server/src/cli/deep.ts -> server/src/engine/lint/lint.ts',
      'front-ends-not-to-mcp: server/src/cli/serve.ts -> server/src/mcp/tools.ts',
      'lsp-not-to-cli: server/src/lsp/start.ts -> server/src/cli/lint.ts',
      'mcp-not-to-cli-or-lsp: server/src/mcp/tools.ts -> server/src/cli/lint.ts',
      'project-not-to-front-ends: server/src/project/config.ts -> server/src/lsp/start.ts',
      'rules-through-the-list: server/src/engine/helper.ts -> server/src/engine/rules/a-rule.ts',
    ]);
  });
});
