// Regression tests for bugs the reliability work found (each was first seen as a counterexample
// of a property in property.test.ts, or by a test of a RELIABILITY row).
import { strict as assert } from 'node:assert';
import { RULES, lint, noteOf, parseConfig } from '../../server/src/engine';
import { TODAY } from './helpers';

const capped = (max: number) => parseConfig(JSON.stringify({ maxLintBytes: max }), RULES).config;

describe('reliability: regressions', () => {
  describe('maxLintBytes cap', () => {
    it('cuts after the last line break of any kind, so LF, CRLF and CR notes are capped at the same line', () => {
      const lines = ['# Session Handoff', '', '## Snapshot', '', '- Date: 2026-11-20', 'x'.repeat(50)];
      const cuts = ['\n', '\r\n', '\r'].map((eol) => {
        const text = lines.join(eol);
        const note = noteOf({ text, path: 'HANDOFF.md', config: capped(text.indexOf('x') + 10) });
        return note.text.split(/\r\n|\r|\n/).length;
      });
      assert.deepEqual(cuts, [6, 6, 6]);
    });

    it('never keeps half of a surrogate pair when the first line is longer than the cap', () => {
      const text = '# 😀😀😀 handoff\n';
      for (let max = 1; max < 8; max++) {
        const note = noteOf({ text, path: 'HANDOFF.md', config: capped(max) });
        const last = note.text.charCodeAt(note.text.length - 1);
        assert.ok(!(last >= 0xd800 && last <= 0xdbff), `cap ${max} ends in a high surrogate`);
        const result = lint({ text, path: 'HANDOFF.md', config: capped(max), today: TODAY });
        assert.deepEqual(result.failures, []);
        assert.equal(result.findings.filter((f) => f.ruleId === 'max-size').length, 1);
      }
    });

    it('does not split a CRLF at the cap', () => {
      const text = '# Handoff\r\n\r\nabc\r\ndef\r\n';
      const max = text.indexOf('\r\ndef');
      const note = noteOf({ text, path: 'HANDOFF.md', config: capped(max) });
      assert.equal(note.text, '# Handoff\r\n\r\nabc\r\n');
    });
  });
});
