// The note's history in the engine: timeline entries and carried-over steps from versions given
// as texts (no git), including a step reworded from version to version, a step ticked and back,
// a step dropped and back, and a note with no versions.
import { strict as assert } from 'node:assert';
import { carriedSteps, contentOf, noteOf, timeline, type NoteVersion } from '../../server/src/engine';

const version = (n: number): NoteVersion => ({ commit: String(n).repeat(40), date: `2026-10-0${n}T10:00:00Z`, author: 'Dev', subject: `v${n}`, path: 'HANDOFF.md' });
const content = (steps: string[], risks: string[] = []) => contentOf(noteOf({ text: ['# Handoff', '', '## Next steps', '', ...steps, '', '## Risks', '', ...risks.map((r) => `- ${r}`), ''].join('\n'), path: 'HANDOFF.md' }));

describe('engine: the note history', () => {
  // Newest first: v4 … v1.
  const versions = [
    { version: version(4), content: content(['- [ ] Ship the release v1.2', '- [ ] Fix the flaky test', '- [ ] Port to Windows'], ['Disk fills up']) },
    { version: version(3), content: content(['- [ ] Ship release 1.2', '- [ ] Write docs'], ['Disk fills up']) },
    { version: version(2), content: content(['- [ ] Ship release 1.2', '- [x] Fix the flaky test', '- [ ] Write docs', '- [ ] Port to Windows'], ['Parser is slow', 'Disk fills up']) },
    { version: version(1), content: content(['- [ ] Release 1.2', '- [ ] Fix the flaky test', '- [ ] Port to Windows'], ['Parser is slow']) },
  ];

  it('follows a step through small rewordings and counts the versions it stood open', () => {
    const current = content(['- [ ] Ship the release v1.2', '- [ ] Fix the flaky test', '- [ ] Port to Windows', '- [x] Write docs', '- [ ] Brand new']);
    const carried = carriedSteps(current, versions).map((s) => [s.text, s.sessions, s.since?.subject ?? null, s.reopened && [s.reopened.in.subject, s.reopened.how]]);
    assert.deepEqual(carried, [
      ['Ship the release v1.2', 4, 'v1', null],
      // Open in v4, gone in v3, ticked in v2: it came back after it was done.
      ['Fix the flaky test', 1, 'v4', ['v2', 'done']],
      // Open in v4, gone in v3, open in v2: it came back after it was dropped.
      ['Port to Windows', 1, 'v4', ['v3', 'dropped']],
      ['Brand new', 0, null, null],
    ]);
  });

  it('says what each version changed against the one before it', () => {
    const entries = timeline(versions).map((e) => [e.subject, e.steps, e.risks]);
    assert.deepEqual(entries, [
      ['v4', { added: ['Fix the flaky test', 'Port to Windows'], done: [], dropped: ['Write docs'] }, { added: [], resolved: [] }],
      ['v3', { added: [], done: [], dropped: ['Port to Windows'] }, { added: [], resolved: ['Parser is slow'] }],
      ['v2', { added: ['Write docs'], done: ['Fix the flaky test'], dropped: [] }, { added: ['Disk fills up'], resolved: [] }],
      ['v1', { added: ['Release 1.2', 'Fix the flaky test', 'Port to Windows'], done: [], dropped: [] }, { added: ['Parser is slow'], resolved: [] }],
    ]);
  });

  it('has nothing to say without versions, and counts a step done before it was ever open', () => {
    assert.deepEqual(carriedSteps(content(['- [ ] One']), []).map((s) => s.sessions), [0]);
    assert.deepEqual(timeline([]), []);
    const [only] = timeline([{ version: version(1), content: content(['- [x] Done at once']) }]);
    assert.deepEqual(only.steps, { added: [], done: ['Done at once'], dropped: [] });
  });
});
