// namesUndone (model/status.ts) reads only the done-words of the status vocabulary: a done-word
// under a negation is work still to do; a negated word of another status, partiality or time is
// not.
import { strict as assert } from 'node:assert';
import { namesUndone } from '../../../server/src/engine/model/status';

describe('status: namesUndone', () => {
  const undone = ["Ce qui n'est pas fait", 'Что не доделано', '미완료', '未完成', 'Not done yet', 'nicht erledigt', 'não concluído', 'Work not completed', 'Planned, not done', 'chưa hoàn thành'];
  const not = ['Not started', 'Done', 'Completed items', 'Partially done', '完了後', 'Remaining', 'Not planned', 'Blocked', 'Next steps'];

  it('names a negated done-word', () => {
    for (const label of undone) assert.equal(namesUndone(label), true, label);
  });

  it('leaves alone a done-word unnegated, partial or of time, and negated words of other statuses', () => {
    for (const label of not) assert.equal(namesUndone(label), false, label);
  });
});
