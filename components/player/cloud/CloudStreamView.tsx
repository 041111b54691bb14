'use client';
// The cloud picture: a canvas the stream client draws baked frames onto, on the player's
// own flight clock, with what a viewer needs when the stream cannot show a picture (bake
// progress, a full node, no connection) and a way to fly on the device instead.
import { memo, useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import type { FlightClock } from '@/scenes/timeline/flight-clock';
import type { ProfileId } from '@/scenes/protocol/profile-ladder';
import { formatMessage } from '@/components/i18n/messages';
import type { PlayerMessageKey, PlayerMessages } from '@/components/player/player-messages';
import { CloudStreamClient, type CloudSnapshot, type CloudStats } from './stream-client';
import { useLatestRef } from '../use-latest-ref';
import type { Route } from '@/scenes/routes/route-schema';
import type { Locale } from '@/components/i18n/locale';
import { NO_LOOK_OFFSET, type LookOffset } from '@/scenes/routes/look-offset';
import type { LookAroundOptions } from './sphere-presenter';
import type { LookAroundStatus } from './look-around-demand';
import { StreamStatsPanel } from './StreamStatsPanel';
import { cloudStateBlocksPlayback, INITIAL_CLOUD_SNAPSHOT } from './cloud-state';
import { cloudTestHandle } from './cloud-test-handle';
import styles from './CloudStreamView.module.css';

const DATA_SAVER_KEY = 'yunshan.cloud.dataSaver';

export interface CloudStreamViewProps {
  renderUrl: string;
  routeId: string;
  /** The revision the page shows; the stream carries this one's frames or says it is gone. */
  revision: number;
  clock: FlightClock;
  messages: PlayerMessages;
  showStats: boolean;
  onCloseStats: () => void;
  onUseDevice: () => void;
  /** Every change of the stream's state, for the player's stall watch and its controls. */
  onSnapshot?: (snapshot: CloudSnapshot) => void;
  /** Every picture shown: frame index and performance.now ms (handovers measure with it). */
  onFrameShown?: (frameIndex: number, nowMs: number) => void;
  /** The player is handing the flight to another renderer: keep the last picture, say nothing over it. */
  quiet?: boolean;
  /**
   * Lets the visitor look around (issue 14), a live setting (no restart): the flat stream,
   * a third of the bytes and sharper, while the look rests on the route's direction; once
   * the visitor looks away, the route's sphere profile from the next segment boundary, the
   * view turned by this offset with no request to the server (look-around-demand.ts).
   */
  lookAround?: {
    route: Route;
    getLookOffset: () => LookOffset;
    /** Every change of the look, so a drag turns the view in its own task. */
    subscribeLook?: (listener: () => void) => () => void;
    /** Where the page's view goes on from after a headset session (the look the visitor had in it). */
    setLookOffset?: (offset: LookOffset) => void;
    locale: Locale;
  };
  /**
   * The player's headset session while this view is the one on the stage (immersive mode from
   * the baked sphere, mono); `failed` when it cannot be drawn here. Null while there is none.
   */
  immersive?: { session: XRSession | null; failed: () => void };
}

function readDataSaver(): boolean {
  try {
    return window.localStorage.getItem(DATA_SAVER_KEY) === '1';
  } catch {
    return false;
  }
}

export const CloudStreamView = memo(function CloudStreamView(props: CloudStreamViewProps) {
  const {
    renderUrl,
    routeId,
    revision,
    clock,
    messages,
    showStats,
    onCloseStats,
    onUseDevice,
    onSnapshot,
    onFrameShown,
    quiet = false,
    lookAround,
    immersive,
  } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const sphereCanvasRef = useRef<HTMLCanvasElement>(null);
  const sightMarksRef = useRef<HTMLDivElement>(null);
  const lookRoute = lookAround?.route ?? null;
  const getLookOffsetRef = useLatestRef(lookAround?.getLookOffset);
  const subscribeLookRef = useLatestRef(lookAround?.subscribeLook);
  const setLookOffsetRef = useLatestRef(lookAround?.setLookOffset);
  // The look's view for the client: the sphere canvas and the sight marks exist once lookRoute does.
  const lookOptions = useCallback(
    (): LookAroundOptions | null =>
      lookRoute && sphereCanvasRef.current
        ? {
            route: lookRoute,
            getLookOffset: () => getLookOffsetRef.current?.() ?? NO_LOOK_OFFSET,
            subscribeLook: (listener) => subscribeLookRef.current?.(listener) ?? (() => {}),
            sphereCanvas: sphereCanvasRef.current,
            sightMarks: sightMarksRef.current,
          }
        : null,
    [lookRoute, getLookOffsetRef, subscribeLookRef],
  );
  const lookOptionsRef = useLatestRef(lookOptions);
  const clientRef = useRef<CloudStreamClient | null>(null);
  const [snapshot, setSnapshot] = useState<CloudSnapshot>(INITIAL_CLOUD_SNAPSHOT);
  const [firstFrameShown, setFirstFrameShown] = useState(false);
  const [dataSaver, setDataSaver] = useState(false);
  const [manualProfile, setManualProfile] = useState<ProfileId | null>(null);
  // Read through a ref: a new callback from the player must not restart the stream.
  const onFrameShownRef = useLatestRef(onFrameShown);
  const immersiveSession = immersive?.session ?? null;
  const immersiveFailedRef = useLatestRef(immersive?.failed);
  const immersiveSessionRef = useLatestRef(immersiveSession);
  // Given to each client as it starts, and to the running one when the session begins or ends.
  const bindImmersive = useCallback(
    (client: CloudStreamClient, session: XRSession | null) =>
      client.setImmersiveSession(session, {
        failed: () => immersiveFailedRef.current?.(),
        // The page's view goes on from the headset's last look.
        ended: (look) => {
          if (look) setLookOffsetRef.current?.(look);
        },
      }),
    [immersiveFailedRef, setLookOffsetRef],
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const saver = readDataSaver();
    setDataSaver(saver);
    const client = new CloudStreamClient({
      renderUrl,
      routeId,
      revision,
      clock,
      canvas,
      dataSaver: saver,
      // ?stream=http plays the baked segments over HTTP from the start (testing a CDN path).
      transport: new URLSearchParams(window.location.search).get('stream') === 'http' ? 'http' : 'auto',
      onFrameShown: (frameIndex, nowMs) => onFrameShownRef.current?.(frameIndex, nowMs),
      lookAround: lookOptionsRef.current() ?? undefined,
      onChange: (next) => {
        setSnapshot(next);
        if (client.marks.firstFrameShownAtMs !== null) setFirstFrameShown(true);
      },
    });
    clientRef.current = client;
    bindImmersive(client, immersiveSessionRef.current);
    const handle = cloudTestHandle(client);
    window.__yunshanCloud = handle;
    void client.start();
    return () => {
      client.close();
      clientRef.current = null;
      if (window.__yunshanCloud === handle) delete window.__yunshanCloud;
    };
  }, [renderUrl, routeId, revision, clock, onFrameShownRef, lookOptionsRef, bindImmersive, immersiveSessionRef]);

  useEffect(() => {
    const client = clientRef.current;
    if (client) bindImmersive(client, immersiveSession);
  }, [immersiveSession, bindImmersive]);

  // Given or taken away later (a handover's incoming layer, a route change): a live setting, no new stream.
  useEffect(() => {
    clientRef.current?.setLookAround(lookOptions());
  }, [lookOptions]);

  useEffect(() => {
    onSnapshot?.(snapshot);
  }, [snapshot, onSnapshot]);

  const readStats = useCallback((): CloudStats => {
    const client = clientRef.current;
    return client
      ? client.stats()
      : {
          transport: null,
          profile: null,
          width: 0,
          height: 0,
          fpsShown: 0,
          bitrateKbps: 0,
          bufferAheadS: 0,
          rttMs: null,
          framesDecoded: 0,
          framesShown: 0,
          dropped: 0,
          lastShownFrameIndex: -1,
        };
  }, []);

  function chooseDataSaver(on: boolean) {
    setDataSaver(on);
    try {
      window.localStorage.setItem(DATA_SAVER_KEY, on ? '1' : '0');
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    clientRef.current?.setDataSaver(on);
  }

  function chooseProfile(profile: ProfileId | null) {
    setManualProfile(profile);
    clientRef.current?.setManualProfile(profile);
  }

  const blocked = cloudStateBlocksPlayback(snapshot.state);
  // FlightPlayer lifts its veil once something inside the stage says data-ready.
  const ready = firstFrameShown || blocked;
  const notice = !blocked && firstFrameShown && !quiet ? noticeFor(snapshot, messages) : null;
  // Beside the stream's own notice (a switch to the sphere may well wait for frames), not instead of it.
  const lookNotice = !blocked && !quiet ? LOOK_NOTICES[snapshot.lookAround] : null;

  return (
    <div
      className={styles.view}
      data-ready={ready}
      data-primed={snapshot.primed}
      data-cloud-state={snapshot.state}
      data-testid="cloud-view"
    >
      <canvas
        ref={canvasRef}
        className={styles.canvas}
        data-shown={firstFrameShown}
        role="img"
        aria-label={messages['cloud.canvasLabel']}
        width={640}
        height={360}
      />
      {lookRoute && (
        <>
          <canvas ref={sphereCanvasRef} className={styles.canvas} data-testid="cloud-sphere-view" data-shown="true" hidden />
          <div ref={sightMarksRef} className={styles.sightMarks} aria-hidden="true" hidden>
            {lookRoute.pointsOfInterest.map((sight) => (
              <span key={sight.id} className={styles.sightMark} data-sight={sight.id} hidden>
                {sight.title[lookAround?.locale ?? 'en']}
              </span>
            ))}
          </div>
        </>
      )}
      {notice !== null && (
        <p className={styles.notice} role="status" data-testid="cloud-notice">
          <span className={styles.noticeDot} aria-hidden="true" />
          {notice}
        </p>
      )}
      {lookNotice && (
        <p className={styles.lookNotice} role="status" data-testid="cloud-look-notice" data-look={snapshot.lookAround}>
          {messages[lookNotice]}
          {snapshot.lookAround !== 'loading' && (
            <button
              type="button"
              className={styles.lookNoticeButton}
              onClick={(event) => {
                // The stage behind plays or pauses on a click; this one is for the button.
                event.stopPropagation();
                onUseDevice();
              }}
              data-testid="cloud-look-use-device"
            >
              {messages['cloud.look.useDevice']}
            </button>
          )}
        </p>
      )}
      {blocked && !quiet && (
        <StatusCard snapshot={snapshot} messages={messages} onUseDevice={onUseDevice} onRetry={() => clientRef.current?.retry()} />
      )}
      {showStats && (
        <StreamStatsPanel
          messages={messages}
          readStats={readStats}
          snapshot={snapshot}
          manualProfile={manualProfile}
          onManualProfile={chooseProfile}
          dataSaver={dataSaver}
          onDataSaver={chooseDataSaver}
          onClose={onCloseStats}
        />
      )}
    </div>
  );
});

/** What the view says while the visitor looks around and the stream cannot turn (yet): never a drag silently ignored. */
const LOOK_NOTICES: Record<LookAroundStatus, PlayerMessageKey | null> = {
  off: null,
  sphere: null,
  loading: 'cloud.look.loading',
  'not-baked': 'cloud.look.notBaked',
  'data-saver': 'cloud.look.dataSaver',
  unsupported: 'cloud.look.unsupported',
};

function noticeFor(snapshot: CloudSnapshot, messages: PlayerMessages): string | null {
  if (snapshot.state === 'reconnecting') return messages['cloud.reconnecting'];
  if (snapshot.waiting) return messages['cloud.waiting'];
  return null;
}

interface StatusCardProps {
  snapshot: CloudSnapshot;
  messages: PlayerMessages;
  onUseDevice: () => void;
  onRetry: () => void;
}

function StatusCard({ snapshot, messages, onUseDevice, onRetry }: StatusCardProps) {
  const secondsLeft = useSecondsUntil(snapshot.retryAtMs);
  let title: string;
  let body: string;
  let percent: number | null = null;
  if (snapshot.state === 'not-baked') {
    title = messages['cloud.notBakedTitle'];
    const bake = snapshot.bake;
    if (bake?.status === 'baking') {
      percent = bake.percent;
      body = formatMessage(messages['cloud.notBakedProgress'], { percent: bake.percent });
    } else if (bake?.status === 'queued') {
      body = messages['cloud.notBakedQueued'];
    } else if (bake?.status === 'failed') {
      body = messages['cloud.notBakedFailed'];
    } else {
      body = messages['cloud.notBakedNotScheduled'];
    }
  } else if (snapshot.state === 'revision-gone') {
    title = messages['cloud.revisionGoneTitle'];
    body = messages['cloud.revisionGoneBody'];
  } else if (snapshot.state === 'busy') {
    title = messages['cloud.busyTitle'];
    body = formatMessage(messages['cloud.busyBody'], { seconds: secondsLeft ?? 0 });
  } else {
    title = messages['cloud.unavailableTitle'];
    body = messages['cloud.unavailableBody'];
  }

  function keepInside(event: MouseEvent) {
    // The stage behind plays or pauses on a click; a click on the card is for the card.
    event.stopPropagation();
  }

  return (
    <section className={styles.card} role="alert" aria-labelledby="cloud-status-title" onClick={keepInside} data-testid="cloud-status">
      <h2 id="cloud-status-title" className={styles.cardTitle}>
        {title}
      </h2>
      <p className={styles.cardBody} data-testid="cloud-status-body">
        {body}
      </p>
      {percent !== null && (
        <div
          className={styles.progress}
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-label={messages['cloud.bakeProgressLabel']}
        >
          <span className={styles.progressFill} style={{ width: `${Math.max(2, percent)}%` }} />
        </div>
      )}
      {snapshot.state === 'not-baked' && <p className={styles.cardHint}>{messages['cloud.notBakedHint']}</p>}
      <div className={styles.cardActions}>
        <button type="button" className={styles.primary} onClick={onUseDevice} data-testid="cloud-use-device">
          {messages['cloud.useDevice']}
        </button>
        {snapshot.state !== 'not-baked' && snapshot.state !== 'revision-gone' && (
          <button type="button" className={styles.secondary} onClick={onRetry} data-testid="cloud-retry">
            {messages['cloud.retry']}
          </button>
        )}
      </div>
    </section>
  );
}

/** Whole seconds until `atMs` (performance.now time), updated every second; null without a target. */
function useSecondsUntil(atMs: number | null): number | null {
  const [nowMs, setNowMs] = useState(() => performance.now());
  useEffect(() => {
    if (atMs === null) return;
    setNowMs(performance.now());
    const interval = window.setInterval(() => setNowMs(performance.now()), 1000);
    return () => window.clearInterval(interval);
  }, [atMs]);
  return atMs === null ? null : Math.max(0, Math.ceil((atMs - nowMs) / 1000));
}
