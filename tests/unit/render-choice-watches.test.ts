// The two watches that move a flight between renderers mid-flight: local frame rate (lower the
// tier, then hand over to the cloud) and the cloud stream (hand over to local or posters).
import { describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  FRAME_GAP_MS,
  GRACE_MS,
  LocalRenderWatch,
  LOW_FPS,
  SUSTAINED_LOW_MS,
  type LocalRenderAction,
} from '@/components/player/render-choice/local-render-watch';
import {
  CONNECT_HANDOVER_MS,
  LOCAL_TAKEOVER_STALL_MS,
  RECONNECT_PREPARE_MS,
  STALL_HANDOVER_MS,
  STARVED_PREPARE_MS,
  StreamStallWatch,
  type StreamObservation,
} from '@/components/player/render-choice/stream-stall-watch';

interface Acted {
  atMs: number;
  action: LocalRenderAction;
}

/** Feeds frames of frameMs each from fromMs until toMs; returns the clock and every non-'none' answer. */
function play(watch: LocalRenderWatch, fromMs: number, toMs: number, frameMs: number, acted: Acted[] = []): number {
  let nowMs = fromMs;
  while (nowMs + frameMs <= toMs) {
    nowMs += frameMs;
    const action = watch.frame(frameMs, nowMs);
    if (action !== 'none') acted.push({ atMs: nowMs, action });
  }
  return nowMs;
}

const FPS_60_MS = 1000 / 60;
const FPS_15_MS = 1000 / 15;

describe('LocalRenderWatch', () => {
  test('a steady 60 fps never acts', () => {
    const watch = new LocalRenderWatch({ tier: 'laptop', canHandOver: true });
    const acted: Acted[] = [];
    play(watch, 0, 60_000, FPS_60_MS, acted);
    assert.deepEqual(acted, []);
    assert.equal(watch.tier, 'laptop');
  });

  test('sustained 15 fps at the laptop tier lowers the tier, then hands over, each after grace and a sustained stretch', () => {
    const watch = new LocalRenderWatch({ tier: 'laptop', canHandOver: true });
    const acted: Acted[] = [];
    play(watch, 0, 30_000, FPS_15_MS, acted);
    assert.deepEqual(
      acted.map((entry) => entry.action),
      ['lower-tier', 'handover'],
    );
    const firstFrameMs = FPS_15_MS;
    const lowerAt = acted[0].atMs;
    // Grace starts at the first frame; the first sample after it starts the low stretch.
    assert.ok(lowerAt >= firstFrameMs + GRACE_MS + SUSTAINED_LOW_MS, `lowered at ${lowerAt}`);
    assert.ok(lowerAt <= firstFrameMs + GRACE_MS + SUSTAINED_LOW_MS + 2 * FPS_15_MS, `lowered at ${lowerAt}`);
    const handoverAt = acted[1].atMs;
    assert.ok(handoverAt >= lowerAt + GRACE_MS + SUSTAINED_LOW_MS, `handed over at ${handoverAt}`);
    assert.ok(handoverAt <= lowerAt + GRACE_MS + SUSTAINED_LOW_MS + 2 * FPS_15_MS, `handed over at ${handoverAt}`);
    assert.equal(watch.tier, 'phone');
  });

  test('after asking for a handover it stays quiet until reset', () => {
    const watch = new LocalRenderWatch({ tier: 'phone', canHandOver: true });
    const acted: Acted[] = [];
    const nowMs = play(watch, 0, 20_000, FPS_15_MS, acted);
    assert.deepEqual(
      acted.map((entry) => entry.action),
      ['handover'],
    );
    watch.reset(nowMs);
    const again: Acted[] = [];
    play(watch, nowMs, nowMs + GRACE_MS + SUSTAINED_LOW_MS + 500, FPS_15_MS, again);
    assert.deepEqual(
      again.map((entry) => entry.action),
      ['handover'],
    );
  });

  test('dips shorter than the sustained stretch never act', () => {
    const watch = new LocalRenderWatch({ tier: 'laptop', canHandOver: true });
    const acted: Acted[] = [];
    let nowMs = 0;
    for (let cycle = 0; cycle < 10; cycle++) {
      nowMs = play(watch, nowMs, nowMs + 4000, FPS_60_MS, acted);
      nowMs = play(watch, nowMs, nowMs + 2500, FPS_15_MS, acted);
    }
    assert.deepEqual(acted, []);
  });

  test('isolated long frames (a GC pause every half second) leave the median alone', () => {
    const watch = new LocalRenderWatch({ tier: 'laptop', canHandOver: true });
    const acted: Acted[] = [];
    let nowMs = 0;
    for (let frame = 0; frame < 3000; frame++) {
      const frameMs = frame % 30 === 29 ? 400 : FPS_60_MS;
      nowMs += frameMs;
      const action = watch.frame(frameMs, nowMs);
      if (action !== 'none') acted.push({ atMs: nowMs, action });
    }
    assert.deepEqual(acted, []);
  });

  test('a dip that lasts lowers the tier', () => {
    const watch = new LocalRenderWatch({ tier: 'laptop', canHandOver: true });
    const acted: Acted[] = [];
    const nowMs = play(watch, 0, 10_000, FPS_60_MS, acted);
    play(watch, nowMs, nowMs + 6000, FPS_15_MS, acted);
    assert.deepEqual(
      acted.map((entry) => entry.action),
      ['lower-tier'],
    );
  });

  test('gaps over a second (hidden tab, debugger) are not slow frames and restart the window', () => {
    const watch = new LocalRenderWatch({ tier: 'laptop', canHandOver: true });
    const acted: Acted[] = [];
    let nowMs = play(watch, 0, GRACE_MS + 500, FPS_60_MS, acted);
    for (let cycle = 0; cycle < 20; cycle++) {
      // 2.5 s of 15 fps, then the tab is hidden: one frame reporting the whole gap.
      nowMs = play(watch, nowMs, nowMs + 2500, FPS_15_MS, acted);
      const gapMs = FRAME_GAP_MS + 200;
      nowMs += gapMs;
      const action = watch.frame(gapMs, nowMs);
      if (action !== 'none') acted.push({ atMs: nowMs, action });
    }
    assert.deepEqual(acted, []);
  });

  test('a gap seen only in the clock (frameMs measured after it) restarts the window too', () => {
    const watch = new LocalRenderWatch({ tier: 'phone', canHandOver: true });
    const acted: Acted[] = [];
    let nowMs = play(watch, 0, GRACE_MS + 2500, FPS_15_MS, acted);
    nowMs += 5000;
    assert.equal(watch.frame(FPS_15_MS, nowMs), 'none');
    play(watch, nowMs, nowMs + 2500, FPS_15_MS, acted);
    assert.deepEqual(acted, []);
  });

  test('slow first seconds are grace: shader compiles do not count', () => {
    const watch = new LocalRenderWatch({ tier: 'laptop', canHandOver: true });
    const acted: Acted[] = [];
    const nowMs = play(watch, 0, GRACE_MS - 100, 200, acted);
    play(watch, nowMs, nowMs + 30_000, FPS_60_MS, acted);
    assert.deepEqual(acted, []);
  });

  test('reset (tier change, tab visible, resume) starts a new grace period', () => {
    const watch = new LocalRenderWatch({ tier: 'phone', canHandOver: true });
    const acted: Acted[] = [];
    const resetAtMs = play(watch, 0, GRACE_MS + SUSTAINED_LOW_MS - 200, FPS_15_MS, acted);
    watch.reset(resetAtMs);
    const quietUntilMs = play(watch, resetAtMs, resetAtMs + GRACE_MS + SUSTAINED_LOW_MS - 200, FPS_15_MS, acted);
    assert.equal(acted.length, 0, 'no action within grace plus a sustained stretch of the reset');
    play(watch, quietUntilMs, resetAtMs + GRACE_MS + SUSTAINED_LOW_MS + 500, FPS_15_MS, acted);
    assert.deepEqual(
      acted.map((entry) => entry.action),
      ['handover'],
    );
  });

  test('reset can set the tier the player switched to', () => {
    const watch = new LocalRenderWatch({ tier: 'phone', canHandOver: false });
    watch.reset(0, 'laptop');
    assert.equal(watch.tier, 'laptop');
  });

  test('without a cloud to take over, a slow phone stays local, logged once; a cloud that appears takes over', (t) => {
    const info = t.mock.method(console, 'info', () => undefined);
    const watch = new LocalRenderWatch({ tier: 'phone', canHandOver: false });
    const acted: Acted[] = [];
    const nowMs = play(watch, 0, 30_000, FPS_15_MS, acted);
    assert.deepEqual(acted, []);
    assert.equal(info.mock.callCount(), 1);
    watch.setCanHandOver(true);
    assert.equal(watch.frame(FPS_15_MS, nowMs + FPS_15_MS), 'handover');
  });

  test('a device at or above LOW_FPS never acts, whatever its frame pattern', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 1000 / LOW_FPS, noNaN: true }), { maxLength: 2000 }), (frames) => {
        const watch = new LocalRenderWatch({ tier: 'laptop', canHandOver: true });
        let nowMs = 0;
        for (const frameMs of frames) {
          nowMs += frameMs;
          assert.equal(watch.frame(frameMs, nowMs), 'none');
        }
      }),
      { numRuns: 50 },
    );
  });

  test('nothing acts before grace plus a sustained stretch, however slow', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: FRAME_GAP_MS, noNaN: true }), { maxLength: 500 }), (frames) => {
        const watch = new LocalRenderWatch({ tier: 'laptop', canHandOver: true });
        let nowMs = 0;
        let firstMs: number | null = null;
        for (const frameMs of frames) {
          nowMs += frameMs;
          firstMs ??= nowMs;
          if (watch.frame(frameMs, nowMs) !== 'none') assert.ok(nowMs - firstMs >= GRACE_MS + SUSTAINED_LOW_MS);
        }
      }),
      { numRuns: 100 },
    );
  });
});

/** Paused frames drawn on demand (frameloop 'demand'), e.g. a visitor stepping through the flight with the arrow keys. */
const SEEK_EVERY_MS = 300;

describe('LocalRenderWatch on a paused flight (drawn only when its picture changes)', () => {
  test('frames drawn on demand while paused are not slow frames', () => {
    const watch = new LocalRenderWatch({ tier: 'laptop', canHandOver: true });
    const acted: Acted[] = [];
    let nowMs = play(watch, 0, 5_000, FPS_60_MS, acted);
    // Paused for a minute, seeking every 300 ms: as flying frames these would be 3 fps.
    const pausedUntilMs = nowMs + 60_000;
    while (nowMs + SEEK_EVERY_MS <= pausedUntilMs) {
      nowMs += SEEK_EVERY_MS;
      watch.pausedFrame();
    }
    play(watch, nowMs, nowMs + 30_000, FPS_60_MS, acted);
    assert.deepEqual(acted, []);
    assert.equal(watch.tier, 'laptop');
  });

  test('the same seeks fed as flying frames would lower the tier (what pausedFrame keeps out)', () => {
    const watch = new LocalRenderWatch({ tier: 'laptop', canHandOver: true });
    const acted: Acted[] = [];
    play(watch, 0, 60_000, SEEK_EVERY_MS, acted);
    assert.equal(acted[0]?.action, 'lower-tier');
  });

  test('a flight that flies again gets a fresh grace period before a low rate counts', () => {
    const watch = new LocalRenderWatch({ tier: 'laptop', canHandOver: true });
    const acted: Acted[] = [];
    // Long past the first grace period, then paused for half a second and flown on at 15 fps.
    const pausedAtMs = play(watch, 0, 10_000, FPS_60_MS, acted);
    watch.pausedFrame();
    const resumedAtMs = pausedAtMs + 500 + FPS_15_MS;
    play(watch, pausedAtMs + 500, pausedAtMs + 20_000, FPS_15_MS, acted);
    assert.equal(acted[0]?.action, 'lower-tier');
    assert.ok(acted[0].atMs >= resumedAtMs + GRACE_MS + SUSTAINED_LOW_MS, `acted at ${acted[0].atMs}, resumed at ${resumedAtMs}`);
  });
});

const streaming: StreamObservation = { state: 'streaming', waiting: false, playing: true };
const waitingForFrames: StreamObservation = { state: 'streaming', waiting: true, playing: true };

/** Reports the same observation every 100 ms from fromMs to toMs; returns the first action that is not 'none' and when. */
function hold(
  watch: StreamStallWatch,
  observation: StreamObservation,
  fromMs: number,
  toMs: number,
): { atMs: number; action: string } | null {
  for (let nowMs = fromMs; nowMs <= toMs; nowMs += 100) {
    const action = watch.update(observation, nowMs);
    if (action !== 'none') return { atMs: nowMs, action };
  }
  return null;
}

describe('StreamStallWatch', () => {
  test('a refusal hands over at once: to the device when it can draw, else to posters', () => {
    for (const state of ['unavailable', 'not-baked', 'busy'] as const) {
      assert.equal(
        new StreamStallWatch({ localTier: 'phone' }).update({ state, waiting: false, playing: false }, 0),
        'handover-local',
        state,
      );
      assert.equal(
        new StreamStallWatch({ localTier: null }).update({ state, waiting: false, playing: false }, 0),
        'handover-posters',
        state,
      );
    }
  });

  test('a healthy stream, and a paused one waiting for frames, never hand over', () => {
    const watch = new StreamStallWatch({ localTier: 'laptop' });
    assert.equal(hold(watch, { state: 'connecting', waiting: false, playing: true }, 0, 1000), null);
    assert.equal(hold(watch, streaming, 1100, 60_000), null);
    assert.equal(hold(watch, { state: 'streaming', waiting: true, playing: false }, 60_100, 120_000), null);
    assert.equal(watch.update({ state: 'closed', waiting: false, playing: false }, 120_100), 'none');
  });

  test('playing while waiting for frames past the 2 s buffer hands over to posters', () => {
    const watch = new StreamStallWatch({ localTier: null });
    assert.equal(hold(watch, streaming, 0, 5000), null);
    const acted = hold(watch, waitingForFrames, 5100, 20_000);
    assert.deepEqual(acted, { atMs: 5100 + STALL_HANDOVER_MS + 100, action: 'handover-posters' });
  });

  test('a device that can draw takes over after a second of frozen picture, sooner than the buffer', () => {
    const watch = new StreamStallWatch({ localTier: 'phone' });
    assert.equal(hold(watch, streaming, 0, 5000), null);
    const acted = hold(watch, waitingForFrames, 5100, 20_000);
    assert.deepEqual(acted, { atMs: 5100 + LOCAL_TAKEOVER_STALL_MS + 100, action: 'handover-local' });
    assert.ok(LOCAL_TAKEOVER_STALL_MS < STALL_HANDOVER_MS);
  });

  test('short stalls, each within the buffer, do not add up', () => {
    const watch = new StreamStallWatch({ localTier: null });
    let nowMs = 0;
    for (let cycle = 0; cycle < 20; cycle++) {
      assert.equal(hold(watch, waitingForFrames, nowMs, nowMs + STALL_HANDOVER_MS - 100), null);
      nowMs += STALL_HANDOVER_MS;
      assert.equal(hold(watch, streaming, nowMs, nowMs + 200), null);
      nowMs += 300;
    }
  });

  test('a reconnect that runs past the buffer hands over, counting its rejoin as the same stall', () => {
    const watch = new StreamStallWatch({ localTier: null });
    assert.equal(hold(watch, streaming, 0, 3000), null);
    assert.equal(hold(watch, { state: 'reconnecting', waiting: true, playing: true }, 3100, 4300), null);
    const acted = hold(watch, { state: 'buffering', waiting: true, playing: true }, 4400, 10_000);
    assert.deepEqual(acted, { atMs: 3100 + STALL_HANDOVER_MS + 100, action: 'handover-posters' });
  });

  test('a reconnect counts even while paused', () => {
    const watch = new StreamStallWatch({ localTier: null });
    assert.equal(hold(watch, { state: 'streaming', waiting: false, playing: false }, 0, 1000), null);
    assert.deepEqual(hold(watch, { state: 'reconnecting', waiting: false, playing: false }, 1100, 10_000), {
      atMs: 1100 + STALL_HANDOVER_MS + 100,
      action: 'handover-posters',
    });
  });

  test('a dropped connection on a device that can draw hands over while the buffer still plays', () => {
    const watch = new StreamStallWatch({ localTier: 'phone' });
    assert.equal(hold(watch, streaming, 0, 3000), null);
    const acted = hold(watch, { state: 'reconnecting', waiting: false, playing: true }, 3100, 10_000);
    assert.deepEqual(acted, { atMs: 3100 + RECONNECT_PREPARE_MS + 100, action: 'handover-local' });
    assert.ok(RECONNECT_PREPARE_MS < STALL_HANDOVER_MS, 'the device is asked before the buffer runs out');
  });

  test('a stream whose deliveries stop, while its buffer still plays, hands over to a device that can draw', () => {
    const watch = new StreamStallWatch({ localTier: 'phone' });
    assert.equal(hold(watch, streaming, 0, 3000), null);
    const acted = hold(watch, { state: 'streaming', waiting: false, starved: true, playing: true }, 3100, 10_000);
    assert.deepEqual(acted, { atMs: 3100 + STARVED_PREPARE_MS + 100, action: 'handover-local' });
    // A paused flight owes no frames; posters wait for the stream's real end.
    assert.equal(
      hold(new StreamStallWatch({ localTier: 'phone' }), { state: 'streaming', waiting: false, starved: true, playing: false }, 0, 10_000),
      null,
    );
    assert.equal(
      hold(new StreamStallWatch({ localTier: null }), { state: 'streaming', waiting: false, starved: true, playing: true }, 0, 10_000),
      null,
    );
  });

  test('a cloud the visitor chose outright rides out hiccups; only a stall past the whole buffer hands over', () => {
    const starving = new StreamStallWatch({ localTier: 'phone', eager: false });
    assert.equal(hold(starving, { state: 'streaming', waiting: false, starved: true, playing: true }, 0, 10_000), null);
    const reconnecting = new StreamStallWatch({ localTier: 'phone', eager: false });
    assert.equal(hold(reconnecting, streaming, 0, 1000), null);
    assert.deepEqual(hold(reconnecting, { state: 'reconnecting', waiting: true, playing: true }, 1100, 10_000), {
      atMs: 1100 + STALL_HANDOVER_MS + 100,
      action: 'handover-local',
    });
    const refused = new StreamStallWatch({ localTier: 'phone', eager: false });
    assert.equal(refused.update({ state: 'unavailable', waiting: false, playing: true }, 0), 'handover-local');
  });

  test('a first connect gets longer than a stall, then hands over', () => {
    const watch = new StreamStallWatch({ localTier: 'phone' });
    assert.equal(hold(watch, { state: 'connecting', waiting: false, playing: true }, 0, 3000), null);
    const acted = hold(watch, { state: 'buffering', waiting: true, playing: true }, 3100, 20_000);
    assert.deepEqual(acted, { atMs: CONNECT_HANDOVER_MS + 100, action: 'handover-local' });
  });

  test('it asks once, then again only after reset', () => {
    const watch = new StreamStallWatch({ localTier: 'phone' });
    assert.equal(watch.update({ state: 'unavailable', waiting: false, playing: true }, 0), 'handover-local');
    assert.equal(watch.update({ state: 'unavailable', waiting: false, playing: true }, 100), 'none');
    watch.reset();
    assert.equal(hold(watch, { state: 'connecting', waiting: false, playing: true }, 200, 200 + CONNECT_HANDOVER_MS), null);
    assert.equal(watch.update({ state: 'connecting', waiting: false, playing: true }, 300 + CONNECT_HANDOVER_MS), 'handover-local');
  });
});

test('console is untouched by the watches when nothing is wrong', () => {
  const info = mock.method(console, 'info', () => undefined);
  try {
    const watch = new LocalRenderWatch({ tier: 'phone', canHandOver: false });
    play(watch, 0, 20_000, FPS_60_MS);
    assert.equal(info.mock.callCount(), 0);
  } finally {
    info.mock.restore();
  }
});
