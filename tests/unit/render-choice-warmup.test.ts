// The warm-up's measuring loop, driven by a scripted clock: which frames count, the median,
// the hard budget, and the honest answers of a device too slow to finish its warm frames.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  measureWarmupFrames,
  medianMs,
  spreadTimesS,
  WARMUP_BUDGET_MS,
  WARMUP_TIMED_FRAMES,
  WARMUP_UNTIMED_FRAMES,
  type WarmupDriver,
} from '@/components/player/render-choice/warmup-frames';

/** A device whose n-th frame takes costsMs[n] (the last cost repeats); the clock moves only by drawing and finishing. */
function scriptedDevice(costsMs: number[], options: { lostAfterFrames?: number; stopAfterFrames?: number } = {}) {
  let nowMs = 1000;
  const drawnTimesS: number[] = [];
  const driver: WarmupDriver = {
    draw(timeS) {
      drawnTimesS.push(timeS);
    },
    finish() {
      const index = drawnTimesS.length - 1;
      nowMs += costsMs[Math.min(index, costsMs.length - 1)];
    },
    nowMs: () => nowMs,
    yieldBetweenFrames: async () => options.stopAfterFrames === undefined || drawnTimesS.length < options.stopAfterFrames,
    usable: () => options.lostAfterFrames === undefined || drawnTimesS.length < options.lostAfterFrames,
  };
  return { driver, drawnTimesS };
}

describe('measureWarmupFrames', () => {
  test('the median of the timed frames, the slow warm frames left out', async () => {
    const timed = [10, 12, 11, 30, 9, 10, 11, 12, 10, 11, 10, 13];
    const { driver, drawnTimesS } = scriptedDevice([400, 60, 40, ...timed]);
    const result = await measureWarmupFrames(90, driver);
    assert.deepEqual(result, { frameMs: 11, frames: WARMUP_TIMED_FRAMES });
    assert.equal(drawnTimesS.length, WARMUP_UNTIMED_FRAMES + WARMUP_TIMED_FRAMES);
    assert.deepEqual(drawnTimesS.slice(WARMUP_UNTIMED_FRAMES), spreadTimesS(90, WARMUP_TIMED_FRAMES));
  });

  test('stops once over the budget, with the frames it has', async () => {
    const { driver, drawnTimesS } = scriptedDevice([300, 300, 300, 250]);
    const result = await measureWarmupFrames(60, driver);
    // 900 ms of warm frames leave room for five 250 ms frames before the 2 s budget is spent.
    assert.deepEqual(result, { frameMs: 250, frames: 5 });
    assert.equal(drawnTimesS.length, 8);
  });

  test('a device that spends the whole budget warming up reports its later warm frames, not a failure', async () => {
    const { driver } = scriptedDevice([1500, 700, 600]);
    assert.deepEqual(await measureWarmupFrames(60, driver), { frameMs: 700, frames: 1 });
  });

  test('a single first frame over the budget is still an honest (upper bound) answer', async () => {
    const { driver, drawnTimesS } = scriptedDevice([WARMUP_BUDGET_MS + 500]);
    assert.deepEqual(await measureWarmupFrames(60, driver), { frameMs: WARMUP_BUDGET_MS + 500, frames: 1 });
    assert.equal(drawnTimesS.length, 1);
  });

  test('a lost context or a stop (unmount) is no measurement', async () => {
    assert.equal(await measureWarmupFrames(60, scriptedDevice([10], { lostAfterFrames: 5 }).driver), null);
    assert.equal(await measureWarmupFrames(60, scriptedDevice([10], { stopAfterFrames: 2 }).driver), null);
  });

  test('a frame counts until the GPU says it is done, however many tasks that takes: the wait never blocks', async () => {
    // The GPU finishes each frame 40 ms later, seen by polling between tasks, while the page
    // goes on (here: the clock moves only between tasks, as it would for the veil's frames).
    let nowMs = 0;
    let draws = 0;
    let tasksWhileWaiting = 0;
    const driver: WarmupDriver = {
      draw() {
        draws += 1;
      },
      async finish() {
        for (let waited = 0; waited < 40; waited += 10) {
          await new Promise<void>((resolve) => setTimeout(resolve, 0));
          tasksWhileWaiting += 1;
          nowMs += 10;
        }
      },
      nowMs: () => nowMs,
      yieldBetweenFrames: async () => true,
      usable: () => true,
    };
    assert.deepEqual(await measureWarmupFrames(60, driver), { frameMs: 40, frames: WARMUP_TIMED_FRAMES });
    assert.equal(draws, WARMUP_UNTIMED_FRAMES + WARMUP_TIMED_FRAMES);
    assert.equal(tasksWhileWaiting, draws * 4);
  });

  test('a clock too coarse to see the frame reads as its resolution, not as zero', async () => {
    const result = await measureWarmupFrames(60, scriptedDevice([0]).driver);
    assert.ok(result !== null && result.frameMs !== null && result.frameMs > 0);
  });
});

test('spread times sit inside the route, evenly', () => {
  const times = spreadTimesS(120, 12);
  assert.equal(times.length, 12);
  assert.equal(times[0], 5);
  assert.equal(times[11], 115);
  for (let i = 1; i < times.length; i++) assert.equal(times[i] - times[i - 1], 10);
});

test('median of odd and even counts', () => {
  assert.equal(medianMs([]), null);
  assert.equal(medianMs([5, 1, 3]), 3);
  assert.equal(medianMs([4, 1, 3, 2]), 2.5);
});
