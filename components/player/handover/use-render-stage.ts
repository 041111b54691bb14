'use client';
// The stage's life: which renderer shows the flight, which one is being prepared to take
// over, and the watches that ask for a handover — sustained low frame rate or a lost
// context on this device, a failed or stalled stream from the cloud. Every renderer
// reads the one flight clock, so a handover lands on the same poseAt time; this hook only
// decides when to switch, and measures each switch.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { DrawnFrame } from '@/components/scene/FrameStats';
import { STREAM_FPS } from '../cloud/frame-for-time';
import type { CloudSnapshot } from '../cloud/stream-client';
import { LocalRenderWatch } from '../render-choice/local-render-watch';
import { StreamStallWatch } from '../render-choice/stream-stall-watch';
import type { QualityTier } from '@/scenes/world/quality-tiers';
import { finishRecord, markReady, startRecord, type HandoverRecord } from './handover-record';
import { noticeAfterHandover } from './stage-notice';
import { useStageNotice } from './use-stage-notice';
import type { LayerCallbacks, RenderStage, RenderStageOptions } from './render-stage-types';
import {
  afterIncomingFailed,
  catchUpOverdue,
  initialStage,
  stageReducer,
  streamStallEndsFlight,
  streamStillArriving,
  type HandoverReason,
  type LayerTarget,
  type StageEvent,
  type StageLayer,
  type StageState,
} from './stage-layers';

/** The incoming picture fades in over the outgoing one this long; the outgoing keeps drawing beneath. */
export const CROSS_FADE_MS = 350;
/** After the cloud failed, Auto does not ask it again for this long (a visitor's own choice still does). */
const CLOUD_RETRY_AFTER_MS = 60_000;
/** The stall watch needs time to pass even when the stream's state does not change. */
const STALL_CHECK_MS = 500;
/** A streamed picture within one frame of the clock counts as "at the clock's time". */
const CLOUD_READY_TOLERANCE_S = 1 / STREAM_FPS + 0.004;

export type { StageNotice } from './stage-notice';
export type { LayerCallbacks, RenderStage, RenderStageOptions } from './render-stage-types';

type StageAction = StageEvent | { type: 'start'; target: LayerTarget };

function reducer(state: StageState | null, action: StageAction): StageState | null {
  if (action.type === 'start') return state ?? initialStage(action.target);
  return state === null ? null : stageReducer(state, action);
}

export function useRenderStage({
  clock,
  cloudAvailable,
  preference,
  localTier,
  tierForced,
  cloudBaking = false,
  look,
}: RenderStageOptions): RenderStage {
  const [state, dispatch] = useReducer(reducer, null);
  const [handovers, setHandovers] = useState<HandoverRecord[]>([]);
  const { notice, announce } = useStageNotice();
  const [activeCloud, setActiveCloud] = useState<CloudSnapshot | null>(null);

  // Per-frame bookkeeping lives in refs: it changes every frame and must not re-render.
  const stateRef = useRef(state);
  const settingsRef = useRef({ cloudAvailable, preference, localTier, tierForced, cloudBaking });
  const lastFrameAtMs = useRef(new Map<number, number>());
  const readyIds = useRef(new Set<number>());
  const deadIds = useRef(new Set<number>());
  const localWatches = useRef(new Map<number, LocalRenderWatch>());
  const stallWatches = useRef(new Map<number, StreamStallWatch>());
  const cloudSnapshots = useRef(new Map<number, CloudSnapshot>());
  const records = useRef(new Map<number, HandoverRecord>());
  const cloudFailedAtMs = useRef(-Infinity);
  /** A local renderer failed to start here (no WebGL, a shader error): it will not start on a later try either. */
  const deviceFailed = useRef(false);
  /** Once lowered for frame rate, this page does not climb back to the laptop tier on its own. */
  const tierCap = useRef<QualityTier | null>(null);

  useEffect(() => {
    stateRef.current = state;
  }, [state]);
  useEffect(() => {
    settingsRef.current = { cloudAvailable, preference, localTier, tierForced, cloudBaking };
  }, [cloudAvailable, preference, localTier, tierForced, cloudBaking]);

  const publish = useCallback((record: HandoverRecord) => {
    records.current.set(record.id, record);
    setHandovers([...records.current.values()]);
  }, []);

  const dispatchAndTrack = useCallback((action: StageAction) => {
    // Keep the ref in step at once: several callbacks can fire before React re-renders.
    const next = reducer(stateRef.current, action);
    stateRef.current = next;
    dispatch(action);
    return next;
  }, []);

  const request = useCallback(
    (target: LayerTarget, reason: HandoverReason) => {
      const before = stateRef.current;
      if (before === null) return;
      const superseded = before.incoming;
      const after = dispatchAndTrack({ type: 'request', target, reason });
      if (after === null || after === before) return;
      const nowMs = performance.now();
      if (superseded !== null && after.incoming?.id !== superseded.id) {
        const old = records.current.get(superseded.id);
        // A layer that had faded in completes; one still preparing is dropped.
        if (old && old.outcome === 'pending') publish(finishRecord(old, after.active.id === superseded.id ? 'done' : 'superseded', nowMs));
      }
      if (after.incoming !== null && after.incoming.id !== superseded?.id) {
        publish(
          startRecord(after.incoming.id, after.active, after.incoming, reason, nowMs, clock.timeAt(nowMs), look?.getLookOffset(nowMs)),
        );
      }
    },
    [clock, dispatchAndTrack, publish, look],
  );

  const start = useCallback(
    (target: LayerTarget) => {
      dispatchAndTrack({ type: 'start', target });
    },
    [dispatchAndTrack],
  );

  /** Where the flight goes when the layer `from` cannot show it: the other renderer, or the posters. */
  const fallbackFrom = useCallback((from: StageLayer): LayerTarget => {
    const { cloudAvailable: cloud, localTier: tier } = settingsRef.current;
    const nowMs = performance.now();
    if (from.kind === 'local') {
      return cloud && nowMs - cloudFailedAtMs.current > CLOUD_RETRY_AFTER_MS ? { kind: 'cloud' } : { kind: 'posters' };
    }
    if (from.kind === 'cloud')
      return tier === null || deviceFailed.current ? { kind: 'posters' } : { kind: 'local', tier: tierCap.current ?? tier };
    return { kind: 'posters' };
  }, []);

  /** A layer cannot show the flight: if it was coming in, the active one stays; if it was showing it, hand over. */
  const layerFailed = useCallback(
    (id: number, reason: HandoverReason) => {
      const current = stateRef.current;
      if (current === null || deadIds.current.has(id)) return;
      deadIds.current.add(id);
      const nowMs = performance.now();
      if (current.incoming?.id === id) {
        const failedLayer = current.incoming;
        const record = records.current.get(id);
        if (record) publish(finishRecord(record, 'failed', nowMs));
        dispatchAndTrack({ type: 'incoming-failed', id });
        const active = current.active;
        const activeSnapshot = cloudSnapshots.current.get(active.id);
        const activeFailed = deadIds.current.has(active.id);
        const next = afterIncomingFailed(
          active,
          { failed: activeFailed, streamArriving: activeSnapshot !== undefined && streamStillArriving(activeSnapshot) },
          fallbackFrom(failedLayer),
        );
        if (next !== null) {
          request(next, reason);
        } else if (activeFailed) {
          // The stream it was leaving takes the flight back: judge it afresh from here.
          deadIds.current.delete(active.id);
          stallWatches.current.delete(active.id);
        }
        return;
      }
      if (current.active.id === id) {
        const next = current.incoming !== null && !deadIds.current.has(current.incoming.id) ? null : fallbackFrom(current.active);
        if (next !== null) request(next, reason);
      }
    },
    [dispatchAndTrack, fallbackFrom, publish, request],
  );

  const becameReady = useCallback(
    (id: number, pictureTimeS: number, nowMs: number) => {
      if (readyIds.current.has(id)) return;
      readyIds.current.add(id);
      const current = stateRef.current;
      if (current?.incoming?.id !== id) return;
      const record = records.current.get(id);
      // A paused flight's picture does not change: a renderer still alive shows the right one until now.
      const outgoing = current.active;
      const stillRight = !deadIds.current.has(outgoing.id) && !clock.isPlaying(nowMs);
      const outgoingLastMs = stillRight ? nowMs : (lastFrameAtMs.current.get(outgoing.id) ?? null);
      if (record) publish(markReady(record, nowMs, pictureTimeS, clock.timeAt(nowMs), outgoingLastMs, look?.getLookOffset(nowMs)));
      dispatchAndTrack({ type: 'incoming-ready', id });
    },
    [clock, dispatchAndTrack, publish, look],
  );

  const fadeDone = useCallback(
    (id: number) => {
      const before = stateRef.current;
      if (before?.incoming?.id !== id) return;
      const reason = before.reason;
      const from = before.active;
      const to = before.incoming;
      dispatchAndTrack({ type: 'fade-done', id });
      const nowMs = performance.now();
      const record = records.current.get(id);
      if (record) publish(finishRecord(record, 'done', nowMs));
      // The outgoing layer is gone: forget its bookkeeping.
      for (const map of [lastFrameAtMs.current, localWatches.current, stallWatches.current, cloudSnapshots.current]) map.delete(from.id);
      if (to.kind !== 'cloud') setActiveCloud(null);
      else setActiveCloud(cloudSnapshots.current.get(to.id) ?? null);
      // The probe promised more than this device delivered: measure it afresh next visit.
      if (reason === 'low-fps' || reason === 'lower-tier' || reason === 'context-lost') {
        void import('../render-choice/remembered-choice').then((memory) => memory.forgetRememberedProbe());
      }
      const kind = noticeAfterHandover(reason, from, to);
      if (kind !== null) announce(kind);
    },
    [announce, dispatchAndTrack, publish],
  );

  const localFrame = useCallback(
    (id: number, frame: DrawnFrame) => {
      // three.js keeps "drawing" into a lost context; those frames never reach the screen.
      if (deadIds.current.has(id)) return;
      lastFrameAtMs.current.set(id, frame.nowMs);
      const current = stateRef.current;
      if (current === null) return;
      // The second frame: the first has certainly reached the screen. Its pose is the clock's by construction.
      if (frame.frames >= 2 && current.incoming?.id === id) becameReady(id, frame.timeS, frame.nowMs);
      if (current.active.id !== id || current.incoming !== null || current.active.kind !== 'local') return;
      const { preference, cloudAvailable: cloud, tierForced: forced } = settingsRef.current;
      const tier = current.active.tier;
      // A tier fixed by the page's URL (posters, screenshots, tests) is drawn as asked.
      if (forced || tier === 'bake') return;
      let watch = localWatches.current.get(id);
      if (!watch) {
        watch = new LocalRenderWatch({ tier, canHandOver: preference === 'auto' && cloud });
        localWatches.current.set(id, watch);
      }
      // Paused, the flight is drawn only when its picture changes: no frame rate to judge.
      if (!clock.isPlaying(frame.nowMs)) {
        watch.pausedFrame();
        return;
      }
      const action = watch.frame(frame.frameMs, frame.nowMs);
      // Each new layer gets a new watch with its own grace period: that paces lower-tier, then cloud.
      if (action === 'none') return;
      if (action === 'lower-tier') {
        tierCap.current = 'phone';
        request({ kind: 'local', tier: 'phone' }, 'lower-tier');
      } else if (
        action === 'handover' &&
        !settingsRef.current.cloudBaking &&
        frame.nowMs - cloudFailedAtMs.current > CLOUD_RETRY_AFTER_MS
      ) {
        // (After the cloud failed, this waits a minute: the flight must not flap between the two.)
        request({ kind: 'cloud' }, 'low-fps');
      }
    },
    [becameReady, clock, request],
  );

  const localFailed = useCallback(
    (id: number, reason: 'context-lost' | 'local-failed') => {
      if (reason === 'local-failed') deviceFailed.current = true;
      layerFailed(id, reason);
    },
    [layerFailed],
  );

  const cloudFrame = useCallback(
    (id: number, frameIndex: number, nowMs: number) => {
      lastFrameAtMs.current.set(id, nowMs);
      if (readyIds.current.has(id)) return;
      const pictureS = frameIndex / STREAM_FPS;
      // Only a picture at the clock's own time lets the switch land on the same pose.
      if (Math.abs(pictureS - clock.timeAt(nowMs)) <= CLOUD_READY_TOLERANCE_S) becameReady(id, pictureS, nowMs);
      // Behind the clock, it is catching up: the device it replaces gets out of its way (outgoingHoldsPicture).
      else if (stateRef.current?.incoming?.id === id && stateRef.current.catchingUpSinceMs === null)
        dispatchAndTrack({ type: 'incoming-drawing', id, nowMs });
    },
    [becameReady, clock, dispatchAndTrack],
  );

  const judgeStream = useCallback(
    (id: number, nowMs: number) => {
      const current = stateRef.current;
      const snapshot = cloudSnapshots.current.get(id);
      if (current === null || snapshot === undefined || deadIds.current.has(id)) return;
      const isActive = current.active.id === id;
      const isIncoming = current.incoming?.id === id;
      if (!isActive && !isIncoming) return;
      // An outgoing stream (something else is on its way in) is not judged: it is leaving anyway.
      if (isActive && current.incoming !== null) return;
      // Pictures that never reach the clock must not keep the device's picture frozen: it draws on, and says why.
      if (isIncoming && catchUpOverdue(current, nowMs)) {
        cloudFailedAtMs.current = nowMs;
        layerFailed(id, 'stream-stalled');
        announce('cloud-behind');
        return;
      }
      // Chosen outright, a route still baking or a full node is the visitor's to wait for (the card says so).
      const { preference, localTier: tier } = settingsRef.current;
      if (preference === 'cloud' && isActive && (snapshot.state === 'not-baked' || snapshot.state === 'busy')) return;
      // With nowhere better to go (the device failed to draw), a late stream keeps the flight.
      if (!streamStallEndsFlight(snapshot, deviceFailed.current)) return;
      let watch = stallWatches.current.get(id);
      if (!watch) {
        // (Its local-or-posters verdict matches fallbackFrom's; the stage applies fallbackFrom's, which knows the tier cap.)
        watch = new StreamStallWatch({ localTier: tier === 'bake' ? 'laptop' : tier, eager: preference !== 'cloud' });
        stallWatches.current.set(id, watch);
      }
      const action = watch.update(
        { state: snapshot.state, waiting: snapshot.waiting, starved: snapshot.starved, playing: clock.isPlaying(nowMs) },
        nowMs,
      );
      if (action === 'none') return;
      cloudFailedAtMs.current = nowMs;
      const reason: HandoverReason =
        snapshot.state === 'not-baked' || snapshot.state === 'revision-gone' || snapshot.state === 'busy'
          ? 'stream-not-ready'
          : snapshot.state === 'unavailable'
            ? 'stream-failed'
            : 'stream-stalled';
      layerFailed(id, reason);
    },
    [announce, clock, layerFailed],
  );

  const cloudSnapshot = useCallback(
    (id: number, snapshot: CloudSnapshot) => {
      cloudSnapshots.current.set(id, snapshot);
      if (stateRef.current?.active.id === id) setActiveCloud(snapshot);
      judgeStream(id, performance.now());
    },
    [judgeStream],
  );

  // Stalls are judged on time passing, not only on state changes.
  useEffect(() => {
    const interval = window.setInterval(() => {
      const nowMs = performance.now();
      for (const id of cloudSnapshots.current.keys()) judgeStream(id, nowMs);
    }, STALL_CHECK_MS);
    return () => window.clearInterval(interval);
  }, [judgeStream]);

  const postersReady = useCallback(
    (id: number) => {
      const nowMs = performance.now();
      lastFrameAtMs.current.set(id, nowMs);
      becameReady(id, clock.timeAt(nowMs), nowMs);
    },
    [becameReady, clock],
  );

  // A tab coming back (or a tier change) is not a slow frame: the local watch starts over.
  useEffect(() => {
    function onVisibility() {
      if (document.visibilityState !== 'visible') return;
      const nowMs = performance.now();
      for (const watch of localWatches.current.values()) watch.reset(nowMs);
    }
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  const callbacks = useMemo<LayerCallbacks>(
    () => ({ localFrame, localFailed, cloudFrame, cloudSnapshot, postersReady, fadeDone }),
    [localFrame, localFailed, cloudFrame, cloudSnapshot, postersReady, fadeDone],
  );
  return { state, callbacks, start, request, handovers, notice, activeCloud };
}
