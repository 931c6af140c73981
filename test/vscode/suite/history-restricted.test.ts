// Restricted Mode: the note's history needs git, which Handoff runs only in a trusted workspace;
// the Timeline view says so instead of staying blank.
import * as assert from 'node:assert/strict';
import { readConfig } from './runner';
import { viewsWhere } from './history-views';
import { openInEditor, workspaceUri } from './util';

describe('note history in Restricted Mode', () => {
  it('the Timeline view says the history needs a trusted workspace', async function () {
    if (readConfig().mode !== 'vsix') this.skip(); // a development extension ignores trust
    const uri = workspaceUri('HANDOFF.md');
    await openInEditor(uri);
    const d = await viewsWhere((x) => x.timeline.note === uri.toString() && x.timeline.message !== null && !/^Reading/.test(x.timeline.message), 'the timeline of HANDOFF.md');
    assert.deepEqual(d.timeline.items, []);
    assert.match(d.timeline.message!, /trust|Restricted Mode/i);
  });
});
