// The stage's handover rules: one active renderer, at most one incoming; a handover
// completes only after the incoming layer has drawn and faded in; failures and newer
// requests never leave the stage without a picture. And the handover record's arithmetic.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  afterIncomingFailed,
  CATCH_UP_MAX_MS,
  catchUpOverdue,
  initialStage,
  outgoingHoldsPicture,
  sameTarget,
  stageLayers,
  stageReducer,
  stageTarget,
  streamStallEndsFlight,
  streamStillArriving,
  type LayerTarget,
  type StageEvent,
  type StageState,
} from '@/components/player/handover/stage-layers';
import type { CloudState } from '@/components/player/cloud/stream-client';
import { finishRecord, markReady, startRecord } from '@/components/player/handover/handover-record';
import { noticeAfterHandover } from '@/components/player/handover/stage-notice';

const local: LayerTarget = { kind: 'local', tier: 'phone' };
const laptop: LayerTarget = { kind: 'local', tier: 'laptop' };
const cloud: LayerTarget = { kind: 'cloud' };
const posters: LayerTarget = { kind: 'posters' };

function run(state: StageState, ...events: StageEvent[]): StageState {
  return events.reduce(stageReducer, state);
}

describe('stage layers', () => {
  test('a handover prepares underneath, fades in once ready, then replaces the active layer', () => {
    let state = initialStage(local);
    state = run(state, { type: 'request', target: cloud, reason: 'choice' });
    assert.equal(state.active.kind, 'local');
    assert.equal(state.incoming?.kind, 'cloud');
    assert.equal(state.fading, false);
    assert.deepEqual(
      stageLayers(state).map((layer) => layer.kind),
      ['local', 'cloud'],
      'the incoming layer draws on top',
    );
    const incomingId = state.incoming!.id;
    state = run(state, { type: 'fade-done', id: incomingId });
    assert.equal(state.active.kind, 'local', 'no fade before the incoming layer has drawn');
    state = run(state, { type: 'incoming-ready', id: incomingId });
    assert.equal(state.fading, true);
    state = run(state, { type: 'fade-done', id: incomingId });
    assert.equal(state.active.kind, 'cloud');
    assert.equal(state.active.id, incomingId, 'the layer keeps its id, so React keeps its renderer');
    assert.equal(state.incoming, null);
    assert.equal(state.reason, null);
  });

  test("the poster held before play is not the posters' last resort: a decision for posters replaces it", () => {
    const held: LayerTarget = { kind: 'posters', held: true };
    assert.equal(sameTarget(held, posters), false);
    assert.equal(sameTarget(held, { kind: 'posters', held: true }), true);
    const state = run(initialStage(held), { type: 'request', target: posters, reason: 'probe' });
    assert.equal(state.incoming?.kind, 'posters', 'the explained posters come in over the held poster');
    assert.equal(run(initialStage(posters), { type: 'request', target: posters, reason: 'probe' }).incoming, null);
  });

  test('a renderer that cannot take over from the held poster hands on to the next, not back to the poster', () => {
    const held = { kind: 'posters', held: true, id: 1 } as const;
    const healthy = { failed: false, streamArriving: false };
    assert.deepEqual(afterIncomingFailed(held, healthy, local), local, 'the stream failed: the device draws');
    assert.deepEqual(afterIncomingFailed(held, healthy, posters), posters, 'nothing draws: the explained posters');
    assert.equal(afterIncomingFailed({ ...posters, id: 1 }, healthy, posters), null, 'the last resort keeps the flight');
  });

  test('a device giving way to a stream holds its picture once the stream shows one, until the stream has faded in or failed', () => {
    const preparing = run(initialStage(local), { type: 'request', target: cloud, reason: 'choice' });
    const id = preparing.incoming!.id;
    assert.equal(outgoingHoldsPicture(preparing), false, 'while the stream connects the flight moves on the device');
    const catchingUp = run(preparing, { type: 'incoming-drawing', id, nowMs: 1000 });
    assert.equal(outgoingHoldsPicture(catchingUp), true, 'a stream behind the clock gets the page to itself');
    assert.equal(run(catchingUp, { type: 'incoming-drawing', id, nowMs: 1500 }), catchingUp, 'said once: the hold is timed from the first');
    const fading = run(catchingUp, { type: 'incoming-ready', id });
    assert.equal(outgoingHoldsPicture(fading), true, 'still held beneath the fade');
    assert.equal(outgoingHoldsPicture(run(fading, { type: 'fade-done', id })), false, 'the stream is the active layer');
    const failed = run(catchingUp, { type: 'incoming-failed', id });
    assert.equal(outgoingHoldsPicture(failed), false, 'the device draws on when the stream fails');
    assert.equal(failed.catchingUpSinceMs, null);
    const back = run(catchingUp, { type: 'request', target: local, reason: 'choice' });
    assert.equal(outgoingHoldsPicture(back), false, 'the visitor chose the device again');
    assert.equal(
      outgoingHoldsPicture(run(preparing, { type: 'incoming-drawing', id: id + 1, nowMs: 0 })),
      false,
      'another layer’s picture',
    );
    // A device renderer coming in draws at the clock at once; the one it replaces draws on.
    const tierChange = run(initialStage(laptop), { type: 'request', target: local, reason: 'lower-tier' });
    assert.equal(outgoingHoldsPicture(run(tierChange, { type: 'incoming-drawing', id: tierChange.incoming!.id, nowMs: 0 })), false);
  });

  test('the hold is bounded: a stream still behind the clock CATCH_UP_MAX_MS after its first picture is overdue, one that landed is not', () => {
    const preparing = run(initialStage(local), { type: 'request', target: cloud, reason: 'choice' });
    const id = preparing.incoming!.id;
    assert.equal(catchUpOverdue(preparing, 1e9), false, 'connecting is not catching up: the stall watch times that');
    const catchingUp = run(preparing, { type: 'incoming-drawing', id, nowMs: 2000 });
    assert.equal(catchUpOverdue(catchingUp, 2000 + CATCH_UP_MAX_MS), false);
    assert.equal(catchUpOverdue(catchingUp, 2000 + CATCH_UP_MAX_MS + 1), true);
    const fading = run(catchingUp, { type: 'incoming-ready', id });
    assert.equal(catchUpOverdue(fading, 2000 + 10 * CATCH_UP_MAX_MS), false, 'it reached the clock and is fading in');
    const tierChange = run(initialStage(laptop), { type: 'request', target: local, reason: 'lower-tier' });
    const drawing = run(tierChange, { type: 'incoming-drawing', id: tierChange.incoming!.id, nowMs: 0 });
    assert.equal(catchUpOverdue(drawing, 1e9), false, 'only a stream coming in is held for');
  });

  test('a handover the player made on its own says where the flight went; one the visitor asked for says nothing', () => {
    assert.equal(noticeAfterHandover('choice', local, cloud), null);
    assert.equal(noticeAfterHandover('probe', cloud, local), null);
    assert.equal(noticeAfterHandover('stream-failed', cloud, posters), null, 'the posters explain themselves');
    assert.equal(noticeAfterHandover('low-fps', local, cloud), 'to-cloud');
    assert.equal(noticeAfterHandover('context-lost', local, cloud), 'to-cloud');
    assert.equal(noticeAfterHandover('cloud-ready', local, cloud), 'cloud-ready');
    assert.equal(noticeAfterHandover('lower-tier', laptop, local), 'lighter');
    assert.equal(noticeAfterHandover('stream-stalled', cloud, local), 'to-device');
  });

  test('asking for what is already there changes nothing', () => {
    const state = initialStage(local);
    assert.equal(stageReducer(state, { type: 'request', target: { kind: 'local', tier: 'phone' }, reason: 'choice' }), state);
    const preparing = run(state, { type: 'request', target: cloud, reason: 'low-fps' });
    assert.equal(stageReducer(preparing, { type: 'request', target: cloud, reason: 'choice' }), preparing);
  });

  test('a tier change is a handover like any other', () => {
    const state = run(initialStage(laptop), { type: 'request', target: local, reason: 'lower-tier' });
    assert.equal(state.incoming?.kind, 'local');
    assert.ok(!sameTarget(state.active, state.incoming!));
  });

  test('a failed incoming layer leaves the active one showing; asking back for the active one drops the incoming', () => {
    const preparing = run(initialStage(local), { type: 'request', target: cloud, reason: 'choice' });
    const failed = run(preparing, { type: 'incoming-failed', id: preparing.incoming!.id });
    assert.equal(failed.active.kind, 'local');
    assert.equal(failed.incoming, null);
    const back = run(preparing, { type: 'request', target: local, reason: 'choice' });
    assert.equal(back.incoming, null);
    assert.equal(back.active.id, preparing.active.id);
  });

  test('a newer request during a fade completes the fade first', () => {
    let state = run(initialStage(local), { type: 'request', target: cloud, reason: 'choice' });
    const cloudId = state.incoming!.id;
    state = run(state, { type: 'incoming-ready', id: cloudId }, { type: 'request', target: posters, reason: 'stream-failed' });
    assert.equal(state.active.id, cloudId, 'the faded-in layer became the active one');
    assert.equal(state.incoming?.kind, 'posters');
  });

  test('events for a layer that is gone are ignored', () => {
    const preparing = run(initialStage(local), { type: 'request', target: cloud, reason: 'choice' });
    const replaced = run(preparing, { type: 'request', target: posters, reason: 'stream-failed' });
    const staleId = preparing.incoming!.id;
    assert.equal(run(replaced, { type: 'incoming-ready', id: staleId }), replaced);
    assert.equal(run(replaced, { type: 'fade-done', id: staleId }), replaced);
    assert.equal(run(replaced, { type: 'incoming-failed', id: staleId }), replaced);
  });

  test('whatever happens, there is always exactly one active layer, at most one incoming, and ids are unique', () => {
    const target = fc.constantFrom(local, laptop, cloud, posters);
    const event = fc.oneof(
      target.map((t): StageEvent => ({ type: 'request', target: t, reason: 'choice' })),
      fc.integer({ min: 1, max: 12 }).map((id): StageEvent => ({ type: 'incoming-drawing', id, nowMs: id * 100 })),
      fc.integer({ min: 1, max: 12 }).map((id): StageEvent => ({ type: 'incoming-ready', id })),
      fc.integer({ min: 1, max: 12 }).map((id): StageEvent => ({ type: 'fade-done', id })),
      fc.integer({ min: 1, max: 12 }).map((id): StageEvent => ({ type: 'incoming-failed', id })),
    );
    fc.assert(
      fc.property(target, fc.array(event, { maxLength: 40 }), (first, events) => {
        let state = initialStage(first);
        for (const next of events) {
          const before = state;
          state = stageReducer(state, next);
          const layers = stageLayers(state);
          assert.ok(layers.length >= 1 && layers.length <= 2);
          assert.equal(new Set(layers.map((layer) => layer.id)).size, layers.length);
          assert.ok(layers.every((layer) => layer.id < state.nextId));
          if (state.fading || state.catchingUpSinceMs !== null) assert.ok(state.incoming !== null);
          // Only a device giving way to a stream ever holds its picture.
          if (outgoingHoldsPicture(state)) assert.ok(state.active.kind === 'local' && state.incoming?.kind === 'cloud');
          // The active layer only changes to a layer that had faded in.
          if (state.active.id !== before.active.id) assert.ok(before.incoming?.id === state.active.id && before.fading);
          if (next.type === 'request') assert.ok(sameTarget(stageTarget(state), next.target));
        }
      }),
    );
  });
});

describe('a handover to the device that fails while the stream still arrives', () => {
  const cloudStates: CloudState[] = [
    'connecting',
    'buffering',
    'streaming',
    'reconnecting',
    'not-baked',
    'revision-gone',
    'busy',
    'unavailable',
    'closed',
  ];

  test('a stream past its buffer hands over to the device; the device fails to start; the flight goes back to the stream, not to the posters', () => {
    let state = run(initialStage(cloud), { type: 'request', target: local, reason: 'stream-stalled' });
    const cloudLayer = state.active;
    state = run(state, { type: 'incoming-failed', id: state.incoming!.id });
    assert.deepEqual(state.active, cloudLayer, 'the stream is still on the stage');
    assert.equal(
      afterIncomingFailed(
        state.active,
        { failed: true, streamArriving: streamStillArriving({ state: 'streaming', starved: false }) },
        posters,
      ),
      null,
    );
    // Late frames still count as arriving; only a stream that stopped sends the flight on.
    assert.equal(streamStillArriving({ state: 'streaming', starved: false }), true);
    assert.deepEqual(
      afterIncomingFailed(
        state.active,
        { failed: true, streamArriving: streamStillArriving({ state: 'reconnecting', starved: false }) },
        posters,
      ),
      posters,
    );
    assert.deepEqual(
      afterIncomingFailed(
        state.active,
        { failed: true, streamArriving: streamStillArriving({ state: 'streaming', starved: true }) },
        posters,
      ),
      posters,
    );
  });

  test('once the device has failed, a late stream keeps the flight; with a working device its stall still hands over', () => {
    assert.equal(streamStallEndsFlight({ state: 'streaming', starved: false }, true), false);
    assert.equal(streamStallEndsFlight({ state: 'streaming', starved: false }, false), true);
    assert.equal(streamStallEndsFlight({ state: 'unavailable', starved: false }, true), true);
  });

  test('over any layers and stream states: the active layer keeps the flight unless it failed, and only a still-arriving stream is taken back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(local, laptop, cloud, posters),
        fc.constantFrom(local, cloud, posters),
        fc.boolean(),
        fc.constantFrom(...cloudStates),
        fc.boolean(),
        (activeTarget, fallback, failed, streamState, starved) => {
          const active = { ...activeTarget, id: 1 };
          const arriving = activeTarget.kind === 'cloud' && streamStillArriving({ state: streamState, starved });
          const next = afterIncomingFailed(active, { failed, streamArriving: arriving }, fallback);
          if (!failed) assert.equal(next, null);
          else if (arriving) assert.equal(next, null, 'a stream still arriving beats the fallback');
          else assert.deepEqual(next, fallback);
          if (arriving) assert.ok(streamState === 'streaming' || streamState === 'buffering');
          // A device that failed never leaves a live stream for the posters; one that works may take over.
          assert.equal(streamStallEndsFlight({ state: streamState, starved }, true), !streamStillArriving({ state: streamState, starved }));
          assert.equal(streamStallEndsFlight({ state: streamState, starved }, false), true);
        },
      ),
    );
  });
});

describe('handover record', () => {
  test('the gap runs from the outgoing renderer’s last picture to the incoming one’s first; overlap is no gap', () => {
    const started = startRecord(2, local, cloud, 'choice', 1000, 4.2);
    assert.equal(started.outcome, 'pending');
    assert.equal(started.from, 'local:phone');
    assert.equal(started.to, 'cloud');
    const frozen = markReady(started, 1800, 5.0, 5.02, 1100);
    assert.equal(frozen.visibleGapMs, 700);
    assert.ok(Math.abs(frozen.offsetMs! - -20) < 1e-9);
    const overlapping = markReady(started, 1800, 5.0, 5.0, 1810);
    assert.equal(overlapping.visibleGapMs, 0);
    const neverDrew = markReady(started, 1800, 5.0, 5.0, null);
    assert.equal(neverDrew.visibleGapMs, 800, 'a renderer that never drew counts from the request');
    const done = finishRecord(frozen, 'done', 2200);
    assert.equal(done.outcome, 'done');
    assert.equal(done.doneAtMs, 2200);
  });
});
