// The look store: changes reach subscribers, the setting decides a let-go, the gyroscope holds
// the view (no easing), and the read is a pure function of time (two readers agree).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLookStore } from '@/components/player/look/look-store';

function clockAt(startMs: number) {
  const clock = { nowMs: startMs, now: () => clock.nowMs };
  return clock;
}

test('every change tells subscribers; unsubscribing stops it', () => {
  const clock = clockAt(0);
  const store = createLookStore(undefined, clock.now);
  let heard = 0;
  const stop = store.subscribe(() => (heard += 1));
  store.hold();
  store.turnBy(0.1, 0);
  store.letGo();
  store.setRelease('stay');
  assert.equal(heard, 4);
  stop();
  store.recentre();
  assert.equal(heard, 4);
});

test('the let-go follows the setting; the gyroscope keeps the view where the phone points', () => {
  const clock = clockAt(0);
  const store = createLookStore({ release: 'stay', gyro: false }, clock.now);
  store.turnBy(0.5, 0);
  store.letGo();
  clock.nowMs = 5000;
  assert.equal(store.getLookOffset().yawRad, 0.5);
  store.setRelease('ease');
  clock.nowMs = 10_000;
  assert.equal(store.getLookOffset().yawRad, 0, 'choosing "turn back" brings the view home');

  store.setGyro(true);
  store.turnBy(0.7, 0);
  store.letGo();
  clock.nowMs = 20_000;
  assert.equal(store.getLookOffset().yawRad, 0.7);
  assert.deepEqual(store.getSettings(), { release: 'ease', gyro: true });
});

test('two renderers reading at the same moment read the same look (a handover keeps it)', () => {
  const clock = clockAt(0);
  const store = createLookStore(undefined, clock.now);
  store.turnBy(1.2, -0.3);
  store.letGo();
  const at = 137.5;
  assert.deepEqual(store.getLookOffset(at), store.getLookOffset(at));
  assert.ok(store.isMoving(at));
});

test('settings snapshots change identity only when a setting changes', () => {
  const store = createLookStore();
  const before = store.getSettings();
  store.turnBy(0.2, 0);
  assert.equal(store.getSettings(), before);
  store.setRelease('stay');
  assert.notEqual(store.getSettings(), before);
});
