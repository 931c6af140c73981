import { strict as assert } from 'node:assert';
import { lint } from '../../server/src/engine';
import { MAX_FINDINGS_PER_RULE } from '../../server/src/engine/lint/lint';

const ZWSP = '\u200b';

describe('findings per rule per file are capped', () => {
  it('lists the first MAX_FINDINGS_PER_RULE of a rule, then one "…and N more" finding', () => {
    const text = '# Handoff\n\n## Snapshot\n\n' + `a${ZWSP}`.repeat(5000) + '\n';
    const { findings } = lint({ text, today: '2026-01-01' });
    const invisible = findings.filter((f) => f.ruleId === 'invisible-characters');
    assert.equal(invisible.length, MAX_FINDINGS_PER_RULE + 1);
    const last = invisible[invisible.length - 1];
    assert.match(last.message, new RegExp(`and ${5000 - MAX_FINDINGS_PER_RULE} more of this rule`));
    assert.equal(last.fix, undefined);
    assert.ok(last.start > invisible[MAX_FINDINGS_PER_RULE - 1].start);
  });

  it('does not add the summary at or under the cap, and suppressed findings do not count', () => {
    const text = '# Handoff\n\n## Snapshot\n\n' + `a${ZWSP}`.repeat(MAX_FINDINGS_PER_RULE) + '\n';
    const invisible = lint({ text, today: '2026-01-01' }).findings.filter((f) => f.ruleId === 'invisible-characters');
    assert.equal(invisible.length, MAX_FINDINGS_PER_RULE);
    assert.ok(invisible.every((f) => !/more of this rule/.test(f.message)));
    const suppressed = '# Handoff\n\n## Snapshot\n\n<!-- handoff-disable-next-line invisible-characters -->\n' + `a${ZWSP}`.repeat(500) + '\n\n' + `b${ZWSP}`.repeat(3) + '\n';
    const rest = lint({ text: suppressed, today: '2026-01-01' }).findings.filter((f) => f.ruleId === 'invisible-characters');
    assert.equal(rest.length, 3);
  });
});
