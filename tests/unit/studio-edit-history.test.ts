// The studio's undo history: one drag is one undo step however slowly its moves arrive; typed edits with the
// same key merge only within the merge window.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeStep, MERGE_WINDOW_MS, recordEdit, startHistory, undo } from '@/components/studio/edit-history';

test('a drag whose moves come seconds apart (a busy machine) still undoes in one step', () => {
  let history = startHistory(0);
  for (let i = 1; i <= 8; i++) history = recordEdit(history, i, 'move-keyframe-2', i * 3 * MERGE_WINDOW_MS, true);
  history = closeStep(history);
  assert.equal(history.present, 8);
  assert.equal(undo(history).present, 0, 'one undo puts the keyframe back where the drag began');
});

test('the next drag of the same keyframe is a step of its own', () => {
  let history = startHistory(0);
  history = closeStep(recordEdit(history, 1, 'move-keyframe-2', 0, true));
  history = closeStep(recordEdit(history, 2, 'move-keyframe-2', 10, true));
  assert.equal(undo(history).present, 1);
});

test('typed edits with the same key merge within the window, not beyond it', () => {
  let history = startHistory('');
  history = recordEdit(history, 'a', 'title', 0);
  history = recordEdit(history, 'ab', 'title', MERGE_WINDOW_MS / 2);
  history = recordEdit(history, 'abc', 'title', MERGE_WINDOW_MS / 2 + MERGE_WINDOW_MS + 1);
  assert.equal(undo(history).present, 'ab');
  assert.equal(undo(undo(history)).present, '');
});
