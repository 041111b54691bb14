// The cinematic tier's motion blur: sub-frames spread over a 180° shutter, centred on the frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawOrder, FRAMES_PER_S, SHUTTER_OPEN_FRACTION, shutterOffsetsS } from '@/components/scene/cinematic/shutter';

test('sub-frame times lie inside the open shutter, evenly spaced and centred on the frame', () => {
  const openS = SHUTTER_OPEN_FRACTION / FRAMES_PER_S;
  for (const count of [1, 2, 3, 4, 5]) {
    const offsets = shutterOffsetsS(count);
    assert.equal(offsets.length, count);
    for (const o of offsets) assert.ok(Math.abs(o) < openS / 2, `${o} outside ±${openS / 2}`);
    const mean = offsets.reduce((a, b) => a + b, 0) / count;
    assert.ok(Math.abs(mean) < 1e-12, `mean ${mean} for ${count}`);
    for (let k = 1; k < count; k++) assert.ok(Math.abs(offsets[k] - offsets[k - 1] - openS / count) < 1e-12);
  }
  assert.deepEqual(shutterOffsetsS(1), [0]);
});

test('the sub-frame at the frame time is drawn first, and every sub-frame once', () => {
  for (const count of [1, 2, 3, 4, 5]) {
    const order = drawOrder(count);
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      Array.from({ length: count }, (_, k) => k),
    );
    const offsets = shutterOffsetsS(count);
    const nearest = Math.min(...offsets.map(Math.abs));
    assert.equal(Math.abs(offsets[order[0]]), nearest);
  }
});
