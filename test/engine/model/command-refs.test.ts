// The commands `command-exists` checks (model/references.ts): in inline code and in shell code
// blocks, fenced or indented, at top level, in list items and in block quotes, each with the
// exact range it has in the note.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { noteOf } from '../../../server/src/engine';
import { commandRefs } from '../../../server/src/engine/model/references';
import { mdFiles } from '../../reliability/helpers';

function refs(text: string): string[] {
  return commandRefs(noteOf({ text, path: 'HANDOFF.md' })).map((r) => `${r.command} @${text.slice(r.start, r.end)}`);
}

const FIXTURES = resolve(__dirname, '../../fixtures');

describe('model: command references', () => {
  it('finds the commands of every kind of shell block on their own lines', () => {
    const blocks = [
      ['indented, top level', '    npm run build\n    npm test\n'],
      ['indented, in a list item', '- Run:\n\n      npm ci\n      npm run build\n'],
      ['fenced, in a list item', '1. ```sh\n   npm run build\n   npm test\n   ```\n'],
      ['fenced, in a block quote', '>   ```sh\n>   npm run build\n>   npm test\n>   ```\n'],
      ['tilde fence, indented two spaces', '  ~~~bash\n  npm run build\n  npm test\n  ~~~\n'],
      ['fenced, no language, CRLF', '```\r\nnpm run build\r\nnpm test\r\n```\r\n'],
    ];
    for (const [label, block] of blocks) {
      const text = `# Session Handoff\n\n## How to verify\n\n${block}\nDone.\n`;
      const want = block.includes('npm ci') ? ['npm ci @npm ci', 'npm run build @npm run build'] : ['npm run build @npm run build', 'npm test @npm test'];
      assert.deepEqual(refs(text), want, label);
    }
  });

  it('places a command in inline code over two lines of a list item on both lines', () => {
    const text = '# Session Handoff\n\n- Install it with `bun add -g\n  opencode-ai` first.\n- Then `npm run\n  build`.\n';
    assert.deepEqual(refs(text), ['bun add -g\nopencode-ai @bun add -g\n  opencode-ai', 'npm run\nbuild @npm run\n  build']);
  });

  it('reads a block that starts with a blank line, and one that is empty', () => {
    assert.deepEqual(refs('# Session Handoff\n\n```sh\n\nnpm test\n```\n\n```sh\n```\n'), ['npm test @npm test']);
  });

  it('gives every reference of every fixture note the range of its command (over two lines, the source of each line)', () => {
    let seen = 0;
    for (const file of mdFiles(FIXTURES)) {
      const text = readFileSync(file, 'utf8');
      for (const r of commandRefs(noteOf({ text, path: 'HANDOFF.md' }))) {
        const source = text.slice(r.start, r.end);
        assert.equal(source.split(/\r?\n[ \t>]*/).join('\n'), r.command, `${file}: ${r.command}`);
        seen++;
      }
    }
    assert.ok(seen > 100, `only ${seen} command references in the fixtures`);
  });
});
