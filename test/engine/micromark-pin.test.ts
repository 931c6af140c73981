// micromark is pinned to 4.0.2 through "overrides" in package.json. 4.0.3 replaced a splice in
// lib/initialize/document.js with an EditMap whose consume rebuilds the whole event array, which
// makes parsing long list-heavy notes super-linear: on a generated 4 MB handoff note micromark's
// event pass took 82 s with 4.0.3 against 5.6 s with 4.0.2, and the engine's whole parse 119 s
// against 26 s (bench/README.md; `node --import tsx bench/micromark.ts --setup`). Handoff parses
// on every keystroke, so an upgrade must be measured with that bench before this pin moves.
import { strict as assert } from 'node:assert';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';

/** Version of `name` as resolved from the package `from` (exports maps hide package.json). */
function versionFrom(from: string, name: string): string {
  const req = createRequire(from);
  let dir = dirname(req.resolve(name));
  while (dir !== dirname(dir)) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj)) {
      const json = JSON.parse(readFileSync(pj, 'utf8')) as { name?: string; version?: string };
      if (json.name === name) return json.version ?? '';
    }
    dir = dirname(dir);
  }
  throw new Error(`no package.json for ${name}`);
}

describe('micromark pin', () => {
  it('resolves micromark 4.0.2 for the parser the engine uses', () => {
    // remark-parse → mdast-util-from-markdown → micromark: resolve along that chain.
    const remarkParse = createRequire(__filename).resolve('remark-parse');
    const fromMarkdown = createRequire(remarkParse).resolve('mdast-util-from-markdown');
    assert.equal(versionFrom(fromMarkdown, 'micromark'), '4.0.2');
  });

  it('resolves micromark 4.0.2 at the top of node_modules', () => {
    assert.equal(versionFrom(__filename, 'micromark'), '4.0.2');
  });
});
