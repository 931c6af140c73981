import { strict as assert } from 'node:assert';
import { parseConfig, globTooComplex } from '../../server/src/engine/lint/config';
import { DEFAULT_HANDOFF_GLOBS, DEFAULT_ROADMAP_GLOBS } from '../../server/src/engine/model/detect';
import { RULES } from '../../server/src/engine/rules';

describe('globs from config are bounded', () => {
  it('refuses a backtracking glob with a problem that says why, and keeps the others', () => {
    const text = '{ "handoffGlobs": ["**/*a*a*a*a*b.md", "notes/*.md"] }';
    const { config, problems } = parseConfig(text, RULES);
    assert.deepEqual(config.handoffGlobs, ['notes/*.md']);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /refused: more than 3 "\*" in one path segment/);
    assert.equal(text.slice(problems[0].start, problems[0].end), '"**/*a*a*a*a*b.md"');
  });
  it('refuses over-long globs, extglobs and nested braces; accepts the defaults', () => {
    assert.match(globTooComplex('a'.repeat(300))!, /longer than/);
    assert.match(globTooComplex('**/+(a|aa)*.md')!, /extglob/);
    assert.match(globTooComplex('{a,{b,c}}.md')!, /nested braces/);
    assert.match(globTooComplex('**/**/**/**/**/x.md')!, /"\*\*" segments/);
    for (const g of [...DEFAULT_HANDOFF_GLOBS, ...DEFAULT_ROADMAP_GLOBS]) assert.equal(globTooComplex(g), null, g);
  });
});
