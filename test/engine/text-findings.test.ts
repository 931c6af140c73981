// The text findings a large note shows before its structure is modelled (engine's `textFindings`)
// are exactly findings of the whole lint: never one the whole lint would not show, so the first
// publication is never taken back, only added to.
import { strict as assert } from 'node:assert';
import { defaultConfig, lint, textFindings, type Finding } from '../../server/src/engine';
import { corpusNotes, exampleNotes, fakeSecrets } from '../reliability/helpers';

const today = '2026-02-06';
const secrets = fakeSecrets();

/** The note with text findings planted in its middle: a secret, an e-mail address, a zero-width space. */
function planted(text: string): string {
  const at = text.indexOf('\n', text.length >> 1) + 1;
  return `${text.slice(0, at)}\nToken ${secrets.github}, ask ${secrets.email} about \`npm\u200b test\`.\n${text.slice(at)}`;
}

const key = (f: Finding) => JSON.stringify(f);

describe('text findings before the structure is modelled', () => {
  it('are, for every corpus note and example as a handoff and as a roadmap, findings of the whole lint', () => {
    let compared = 0;
    let withFindings = 0;
    for (const { name, text: original } of [...corpusNotes(), ...exampleNotes()]) {
      for (const text of [original, planted(original)]) {
        for (const path of ['HANDOFF.md', 'docs/ROADMAP.md']) {
          const early = textFindings({ text, path, today });
          if (!early) continue;
          const whole = new Set(lint({ text, path, today }).findings.map(key));
          for (const f of early.findings) assert.ok(whole.has(key(f)), `${name} as ${path}: ${key(f)} is not among the whole lint's findings`);
          compared++;
          if (early.findings.length) withFindings++;
        }
      }
    }
    assert.ok(compared > 100, `only ${compared} notes compared`);
    assert.ok(withFindings > compared / 3, `only ${withFindings} of ${compared} with text findings`);
  });

  it('read the whole text of a note over maxLintBytes and say where the lint stops', () => {
    const text = '# Session Handoff\n\n' + '- an item of the note\n'.repeat(2_000) + `Token ${secrets.github}\n`;
    const config = { ...defaultConfig(), maxLintBytes: 10_000 };
    const early = textFindings({ text, path: 'HANDOFF.md', today, config });
    assert.ok(early);
    assert.deepEqual(early.findings.map((f) => f.ruleId).sort(), ['max-size', 'no-secrets']);
    const whole = lint({ text, path: 'HANDOFF.md', today, config });
    for (const f of early.findings) assert.ok(whole.findings.some((w) => key(w) === key(f)));
  });

  it('are not given when the path does not make the text a note, or a comment could disable a text rule', () => {
    const text = `# Session Handoff\n\nToken ${secrets.github}\n`;
    assert.equal(textFindings({ text, path: 'docs/notes.md', today }), null, 'only the content could make it a note');
    assert.equal(textFindings({ text, path: null, today }), null);
    for (const comment of ['<!-- handoff-disable-next-line no-secrets -->', '<!-- handoff-disable -->', '<!-- handoff-lint-disable-file invisible-characters, bullet-length -->'])
      assert.equal(textFindings({ text: `${comment}\n${text}`, path: 'HANDOFF.md', today }), null, comment);
    const other = textFindings({ text: `<!-- handoff-disable-next-line bullet-length -- long -->\n<!-- handoff-enable -->\n${text}`, path: 'HANDOFF.md', today });
    assert.deepEqual(other?.findings.map((f) => f.ruleId), ['no-secrets'], 'a comment for structural rules only hides none of them');
  });
});
