// A handover's record notes where the visitor looked when it was asked for and at the incoming
// renderer's first picture: the look is part of the pose a handover keeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markReady, startRecord } from '@/components/player/handover/handover-record';
import { createLookStore } from '@/components/player/look/look-store';

test('the record carries the look from the request to the first picture', () => {
  const clock = { nowMs: 1000 };
  const look = createLookStore({ release: 'stay', gyro: false }, () => clock.nowMs);
  look.turnBy(0.6, -0.2);
  look.letGo();
  const started = startRecord(1, { kind: 'local', tier: 'phone' }, { kind: 'cloud' }, 'choice', clock.nowMs, 4, look.getLookOffset());
  assert.deepEqual(started.lookAtRequest, { yawRad: 0.6, pitchRad: -0.2 });
  assert.equal(started.lookAtReady, null);
  clock.nowMs = 1800;
  const ready = markReady(started, clock.nowMs, 4.8, 4.8, 1790, look.getLookOffset());
  assert.deepEqual(ready.lookAtReady, started.lookAtRequest, 'a look the visitor left alone arrives unchanged');
});

test('a look easing home during the handover is recorded as it was at each moment', () => {
  const clock = { nowMs: 0 };
  const look = createLookStore({ release: 'ease', gyro: false }, () => clock.nowMs);
  look.turnBy(1, 0);
  look.letGo();
  const started = startRecord(1, { kind: 'cloud' }, { kind: 'local', tier: 'laptop' }, 'choice', 0, 0, look.getLookOffset());
  clock.nowMs = 5000;
  const ready = markReady(started, 5000, 0, 0, null, look.getLookOffset());
  assert.equal(started.lookAtRequest.yawRad, 1);
  assert.deepEqual(ready.lookAtReady, { yawRad: 0, pitchRad: 0 });
});
