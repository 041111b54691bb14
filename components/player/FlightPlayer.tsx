'use client';
// The flight player: owns the flight clock and lays controls, captions and keyboard
// shortcuts over the stage, where the flight is drawn on this device (three.js), streamed
// from the cloud, or shown as posters — chosen per device and handed over mid-flight
// (see handover/). Per-frame time lives in the clock (read through getTimeS); React sees
// it only a few times a second.
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { Route } from '../../scenes/routes/route-schema';
import { FlightClock } from '../../scenes/timeline/flight-clock';
import { activePointOfInterest } from '../../scenes/timeline/active-point-of-interest';
import type { Locale } from '../i18n/locale';
import { formatMessage, type Messages } from '../i18n/messages';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { NarrationCaption } from './NarrationCaption';
import { PlayerControls, SEEK_STEP_S, type PlaybackSpeed } from './PlayerControls';
import { BackIcon, FullscreenEnterIcon, FullscreenExitIcon, PlayIcon, ReplayIcon } from './PlayerIcons';
import { cloudStateBlocksPlayback } from './cloud/cloud-state';
import { StatsIcon } from './cloud/CloudIcons';
import { RenderPathSwitch } from './handover/RenderPathSwitch';
import { RenderStage } from './handover/RenderStage';
import { describeTarget } from './handover/handover-record';
import { useRenderChoice } from './handover/use-render-choice';
import { useRenderStage, type StageNotice } from './handover/use-render-stage';
import type { YunshanRenderChoiceHandle } from './handover/render-choice-test-handle';
import type { QualityTier } from '../../scenes/world/quality-tiers';
import type { RenderPreference } from './render-choice/render-choice-types';
import type { CloudReadiness } from '../../server/bake/cloud-readiness';
import type { BakeProgressSummary } from './cloud/bake-progress';
import { bakeWorthFollowing, bakingPercentOf } from './cloud/cloud-readiness-poll';
import { useLiveCloudReadiness } from './cloud/use-live-cloud-readiness';
import { useCinematicReady } from './picture/use-cinematic-ready';
import { whichPicture } from './picture/which-picture';
import { isCinematicProfile } from './cloud/cinematic-profiles';
import { readDownlinkKbps } from './render-choice/read-downlink';
import { useFullscreen } from './use-fullscreen';
import { useMediaQuery } from './use-media-query';
import type { YunshanPlayerHandle } from './player-test-handle';
import styles from './FlightPlayer.module.css';

/** How often the visible time, timeline and caption catch up with the clock. */
const UI_TICK_MS = 125;
const CONTROLS_HIDE_AFTER_MS = 3000;
const CALM_SPEED: PlaybackSpeed = 0.5;
/** A scene that never reports its first frame must not hold the flight (or the veil) forever. */
const SCENE_READY_TIMEOUT_MS = 15_000;
/** Autoplay waits at most this long past the first picture for the stream's next second (a slow link still starts). */
const PRIMED_WAIT_MAX_MS = 3000;

// The warm-up render (three.js) loads only on a first visit under Auto, while the probe runs.
const WarmupRender = dynamic(() => import('./render-choice/WarmupRender').then((module) => module.WarmupRender), { ssr: false });

const NOTICE_MESSAGE: Record<StageNotice, keyof Messages> = {
  'to-cloud': 'render.handoverToCloud',
  'to-device': 'render.handoverToDevice',
  lighter: 'render.handoverLighter',
  'cloud-ready': 'render.handoverCloudReady',
};

export interface FlightPlayerProps {
  route: Route;
  /** The route revision the page shows: the cloud streams this one, so captions and picture agree. */
  revision: number;
  /** How far the cloud's bake of this revision is, as the page read it; null when unknown. */
  cloudReadiness?: CloudReadiness | null;
  locale: Locale;
  messages: Messages;
  landmarkName: string;
  startS: number;
  autoplay: boolean;
  /** `?tier=`: draw on this device at this tier (posters, screenshots and tests use it). */
  tierOverride: QualityTier | null;
  /** The render server as the browser reaches it; null when there is no cloud path. */
  renderUrl?: string | null;
  /** `?render=` on the page: where to draw for this visit; null lets the visitor's remembered choice (or Auto) decide. */
  urlPreference?: RenderPreference | null;
}

export function FlightPlayer({
  route: routeProp,
  revision,
  cloudReadiness = null,
  locale,
  messages,
  landmarkName,
  startS,
  autoplay,
  tierOverride,
  renderUrl = null,
  urlPreference = null,
}: FlightPlayerProps) {
  // A language switch re-renders the page with an equal but new route object; keep the
  // first so the scene is not rebuilt. A new revision remounts the player (see its key).
  const [route] = useState(routeProp);
  const [clock] = useState(() => new FlightClock({ durationS: route.durationS, startS }));
  const rootRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);

  const [timeS, setTimeS] = useState(() => clock.timeAt(0));
  const [playing, setPlaying] = useState(false);
  const [hasStarted, setHasStarted] = useState(false);
  const [canvasReady, setCanvasReady] = useState(false);
  const [pictureSettled, setPictureSettled] = useState(false);
  const [statsShown, setStatsShown] = useState(false);
  const [controlsShown, setControlsShown] = useState(true);
  const hideTimerRef = useRef<number | undefined>(undefined);
  const lastPointerTypeRef = useRef<string>('mouse');
  const lastRevealMsRef = useRef(0);

  const prefersReducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const [calmChoice, setCalmChoice] = useState<boolean | null>(null);
  const calm = calmChoice ?? prefersReducedMotion;
  const [chosenSpeed, setChosenSpeed] = useState<PlaybackSpeed>(1);
  const speed = calm ? CALM_SPEED : chosenSpeed;

  const fullscreen = useFullscreen(rootRef);
  const getTimeS = useCallback(() => clock.timeAt(performance.now()), [clock]);

  const cloudAvailable = renderUrl !== null;
  // A tier in the URL only means something on this device, so it implies drawing here.
  const pagePreference = !cloudAvailable ? 'local' : (urlPreference ?? (tierOverride === null ? null : 'local'));
  // Still baking, the cloud can only say how far it is: the device draws if it can at all.
  // The page's reading of the bake queue says so up front for a bake under way; a stream
  // that answers "not baked" (a bake still queued) says so as soon as it is asked.
  // The reading stays live while a bake is pending, so the percentage moves as the visitor
  // watches, and a bake that lands mid-flight lets Auto take the cloud picture (below).
  const [bakeFromStream, setBakeFromStream] = useState<BakeProgressSummary | null>(null);
  const liveReadiness = useLiveCloudReadiness({ routeId: route.id, revision, initial: cloudReadiness, enabled: cloudAvailable, streamSaysBaking: bakeFromStream !== null });
  const bakingPercent = bakingPercentOf(cloudAvailable, liveReadiness, bakeFromStream);
  /** The bake landed during this visit: the next move to the cloud is because of it. */
  const bakeLanded = bakeWorthFollowing(cloudReadiness, bakeFromStream !== null) && liveReadiness?.state === 'ready';
  // A finished cinematic bake sways Auto to the cloud even on a device that draws well.
  const cinematicReady = useCinematicReady(cloudAvailable, liveReadiness);
  const [downlinkKbps] = useState(readDownlinkKbps);
  const choice = useRenderChoice({ cloudAvailable, cloudBaking: bakingPercent !== null, cinematicReady, downlinkKbps, urlPreference: pagePreference, tierOverride });
  const stage = useRenderStage({ clock, cloudAvailable, preference: choice.preference, localTier: choice.localTier, tierForced: tierOverride !== null, cloudBaking: bakingPercent !== null });
  const streamBake = stage.activeCloud?.state === 'not-baked' ? stage.activeCloud.bake : null;
  useEffect(() => {
    if (streamBake !== null && (streamBake.status === 'baking' || streamBake.status === 'queued')) setBakeFromStream(streamBake);
  }, [streamBake]);
  const stageState = stage.state;
  const showing = stageState?.active.kind ?? null;
  const cloud = showing === 'cloud';
  const cloudBlocked = cloud && stageState?.incoming === null && stage.activeCloud !== null && cloudStateBlocksPlayback(stage.activeCloud.state);

  const syncUi = useCallback(() => {
    const nowMs = performance.now();
    setTimeS(clock.timeAt(nowMs));
    setPlaying(clock.isPlaying(nowMs));
  }, [clock]);

  const revealControls = useCallback(() => {
    setControlsShown(true);
    lastRevealMsRef.current = performance.now();
    window.clearTimeout(hideTimerRef.current);
    hideTimerRef.current = window.setTimeout(() => {
      // A keyboard user working the controls keeps them; a mouse click's focus does not.
      const keyboardFocusInside = rootRef.current?.querySelector(':focus-visible') != null;
      if (clock.isPlaying(performance.now()) && !keyboardFocusInside) setControlsShown(false);
    }, CONTROLS_HIDE_AFTER_MS);
  }, [clock]);

  const play = useCallback(() => {
    clock.play(performance.now());
    setHasStarted(true);
    syncUi();
    revealControls();
  }, [clock, syncUi, revealControls]);

  const pause = useCallback(() => {
    clock.pause(performance.now());
    syncUi();
  }, [clock, syncUi]);

  const togglePlay = useCallback(() => {
    if (clock.isPlaying(performance.now())) pause();
    else play();
  }, [clock, play, pause]);

  const seekTo = useCallback(
    (toS: number) => {
      if (!Number.isFinite(toS)) return;
      clock.seek(toS, performance.now());
      syncUi();
    },
    [clock, syncUi],
  );

  const seekBy = useCallback(
    (deltaS: number) => {
      clock.seekBy(deltaS, performance.now());
      syncUi();
    },
    [clock, syncUi],
  );

  useEffect(() => {
    clock.setSpeed(speed, performance.now());
  }, [clock, speed]);

  // The visible time catches up a few times a second, and only while the clock runs.
  useEffect(() => {
    if (!playing) return;
    const interval = window.setInterval(syncUi, UI_TICK_MS);
    return () => window.clearInterval(interval);
  }, [playing, syncUi]);

  useEffect(() => () => window.clearTimeout(hideTimerRef.current), []);

  // The choice puts the first renderer on the stage; a later choice (the visitor's, or the
  // probe's under Auto) hands the flight over to another, at the same clock time.
  const targetKey = choice.target === null ? null : describeTarget(choice.target);
  const { start: startStage, request: requestStage } = stage;
  const chosenTarget = choice.target;
  const startedRef = useRef(false);
  useEffect(() => {
    if (chosenTarget === null) return;
    if (!startedRef.current) {
      startedRef.current = true;
      startStage(chosenTarget);
    } else {
      // Under Auto, a move to the cloud right after its bake landed says so (the notice); a
      // slow device drew only until then, and the stream takes over at the same pose.
      const autoReason = bakeLanded && chosenTarget.kind === 'cloud' ? 'cloud-ready' : 'probe';
      requestStage(chosenTarget, choice.preference === 'auto' ? autoReason : 'choice');
    }
    // Keyed on the target's value: an equal target made anew is not a new choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [targetKey]);

  // FlightCanvas marks its wrapper data-ready="true" once it has drawn a frame; the cloud
  // view once its first streamed frame is up (or it has something to say instead); the
  // posters once their picture is in. Only the stage's layers count, not the warm-up.
  const stageStarted = stageState !== null;
  useEffect(() => {
    const stage = stageRef.current;
    if (!stage || !stageStarted) return;
    const drawn = () => stage.querySelector('[data-layer-id] [data-ready="true"]') !== null;
    if (drawn()) {
      setCanvasReady(true);
      return;
    }
    const observer = new MutationObserver(() => {
      if (!drawn()) return;
      observer.disconnect();
      setCanvasReady(true);
    });
    observer.observe(stage, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
    const fallback = window.setTimeout(() => setCanvasReady(true), SCENE_READY_TIMEOUT_MS);
    return () => {
      observer.disconnect();
      window.clearTimeout(fallback);
    };
  }, [stageStarted]);

  const { choose } = choice;
  const flyOnDevice = useCallback(() => choose('local'), [choose]);
  const retryCloud = useCallback(() => requestStage({ kind: 'cloud' }, 'choice'), [requestStage]);
  const closeStats = useCallback(() => setStatsShown(false), []);

  // A stream's first picture is not yet a playing stream: the cloud view says data-primed once
  // the frames after it are decoded and a second of them has arrived. A clock started at the
  // first picture runs ahead of them and the first second's frames are dropped.
  useEffect(() => {
    const stage = stageRef.current;
    if (!stage || !canvasReady || pictureSettled) return;
    const settled = () => Array.from(stage.querySelectorAll('[data-layer-id] [data-ready="true"]')).some((element) => element.getAttribute('data-primed') !== 'false');
    if (settled()) {
      setPictureSettled(true);
      return;
    }
    const observer = new MutationObserver(() => {
      if (!settled()) return;
      observer.disconnect();
      setPictureSettled(true);
    });
    observer.observe(stage, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready', 'data-primed'] });
    const fallback = window.setTimeout(() => setPictureSettled(true), PRIMED_WAIT_MAX_MS);
    return () => {
      observer.disconnect();
      window.clearTimeout(fallback);
    };
  }, [canvasReady, pictureSettled]);

  // Autoplay waits for the picture, so a slow phone does not miss the opening seconds.
  const autoplayDoneRef = useRef(false);
  useEffect(() => {
    if (!autoplay || autoplayDoneRef.current || !canvasReady || !pictureSettled) return;
    // A cloud flight with nothing to show (still baking, node full) waits for the visitor's choice.
    if (cloudBlocked) return;
    autoplayDoneRef.current = true;
    // The page turns to "playing" first (the big button and its blur go, the controls settle):
    // that commit, style and repaint cost a frame or more on a busy machine. The clock starts
    // on the frame after it is painted, so the cost lands before the flight's first frames
    // are due, not on them (a clock already running would pass over the frames it delayed).
    setHasStarted(true);
    setPlaying(true);
    // (Not cancelled when the effect runs again: autoplay happens once, whatever re-renders meanwhile.)
    requestAnimationFrame(() => requestAnimationFrame(() => play()));
  }, [autoplay, canvasReady, pictureSettled, play, cloudBlocked]);

  // A flight in a background tab would fly on unseen; hold it until the visitor is back.
  useEffect(() => {
    function onVisibilityChange() {
      if (document.visibilityState === 'hidden' && clock.isPlaying(performance.now())) pause();
    }
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => document.removeEventListener('visibilitychange', onVisibilityChange);
  }, [clock, pause]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof Element ? event.target : null;
      const onTimeline = target instanceof HTMLInputElement && target.type === 'range';
      if (event.key === ' ' || event.code === 'Space') {
        // A focused button or link acts on Space itself; toggling too would undo it.
        if (!onTimeline && target?.closest('button, a, input, select, textarea, [contenteditable="true"]')) return;
        event.preventDefault();
        togglePlay();
        revealControls();
      } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        // The timeline seeks on its own arrow keys (and prevents default), so it never reaches here twice.
        if (onTimeline || target?.closest('input, select, textarea, [contenteditable="true"]')) return;
        event.preventDefault();
        seekBy(event.key === 'ArrowLeft' ? -SEEK_STEP_S : SEEK_STEP_S);
        revealControls();
      } else if (cloud && (event.key === 's' || event.key === 'S')) {
        if (target?.closest('input, select, textarea, [contenteditable="true"]')) return;
        setStatsShown((shown) => !shown);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [togglePlay, seekBy, revealControls, cloud]);

  useEffect(() => {
    const handle: YunshanPlayerHandle = {
      timeS: () => clock.timeAt(performance.now()),
      play,
      pause,
      seek: seekTo,
      playing: () => clock.isPlaying(performance.now()),
      durationS: clock.durationS,
    };
    window.__yunshanPlayer = handle;
    return () => {
      if (window.__yunshanPlayer === handle) delete window.__yunshanPlayer;
    };
  }, [clock, play, pause, seekTo]);

  useEffect(() => {
    const handle: YunshanRenderChoiceHandle = {
      preference: choice.preference,
      probe: choice.probe,
      decision: choice.decision,
      active: stageState === null ? null : describeTarget(stageState.active),
      incoming: stageState?.incoming ? describeTarget(stageState.incoming) : null,
      handovers: stage.handovers,
    };
    window.__yunshanRenderChoice = handle;
    return () => {
      if (window.__yunshanRenderChoice === handle) delete window.__yunshanRenderChoice;
    };
  }, [choice.preference, choice.probe, choice.decision, stageState, stage.handovers]);

  const lastToDevice = [...stage.handovers].reverse().find((record) => record.outcome === 'done' && record.to.startsWith('local'));
  const pictureLine = whichPicture({
    showing,
    cloudAvailable,
    preference: choice.preference,
    streamProfile: cloud ? (stage.activeCloud?.profile ?? null) : null,
    // A cinematic profile the stream lists counts too: its bake may have landed since the page was read.
    cinematicReady: cinematicReady === true || (stage.activeCloud?.profiles.some((profile) => isCinematicProfile(profile.id)) ?? false),
    reasons: choice.preference === 'auto' ? (choice.decision?.reasons ?? []) : [],
    lastHandoverToDevice: lastToDevice?.reason ?? null,
  });

  const controlsVisible = !playing || controlsShown;
  const ended = timeS >= route.durationS;
  const pointOfInterest = activePointOfInterest(route.pointsOfInterest, timeS);
  const bigButtonLabel = ended ? messages['player.replay'] : hasStarted ? messages['player.play'] : messages['player.start'];

  function startFromBigButton() {
    play();
    // The big button goes away once playing; hand focus to the bar's toggle so keyboard users keep their place.
    rootRef.current?.querySelector<HTMLButtonElement>('[data-testid="play-toggle"]')?.focus({ preventScroll: true });
  }

  function chooseSpeed(option: PlaybackSpeed) {
    setChosenSpeed(option);
    // Asking for a faster speed is asking to leave calm flight.
    if (option !== CALM_SPEED) setCalmChoice(false);
    revealControls();
  }

  function onPointerMove(event: ReactPointerEvent<HTMLDivElement>) {
    // Mice report movement constantly; a reveal every 200 ms is plenty.
    if (event.pointerType === 'mouse' && performance.now() - lastRevealMsRef.current > 200) revealControls();
  }

  function onPointerDownCapture(event: ReactPointerEvent<HTMLDivElement>) {
    lastPointerTypeRef.current = event.pointerType;
  }

  function onStageClick() {
    if (lastPointerTypeRef.current === 'mouse') {
      // On a laptop the picture behaves like a video: a click plays or pauses.
      togglePlay();
      return;
    }
    // On touch, a tap on the picture shows or hides the controls.
    if (controlsVisible && playing) {
      window.clearTimeout(hideTimerRef.current);
      setControlsShown(false);
    } else {
      revealControls();
    }
  }

  return (
    <div
      ref={rootRef}
      className={styles.player}
      data-controls={controlsVisible ? 'shown' : 'hidden'}
      data-playing={playing}
      onPointerMove={onPointerMove}
      onPointerDownCapture={onPointerDownCapture}
      onFocusCapture={revealControls}
      role="region"
      aria-label={formatMessage(messages['player.regionLabel'], { landmark: landmarkName })}
    >
      <div
        ref={stageRef}
        className={styles.stage}
        data-testid="flight-canvas"
        data-tier={stageState?.active.kind === 'local' ? stageState.active.tier : undefined}
        data-render-path={showing ?? undefined}
        data-handover={stageState?.incoming ? 'preparing' : undefined}
        onClick={onStageClick}
      >
        {stageState !== null && (
          <RenderStage
            state={stageState}
            callbacks={stage.callbacks}
            route={route}
            revision={revision}
            clock={clock}
            getTimeS={getTimeS}
            reducedMotion={calm}
            messages={messages}
            renderUrl={renderUrl}
            preference={choice.preference}
            showStats={statsShown}
            onCloseStats={closeStats}
            onUseDevice={flyOnDevice}
            onRetryCloud={cloudAvailable ? retryCloud : null}
          />
        )}
        {/* The probe's warm-up draws a few frames of the phone tier behind the veil, unseen. */}
        {choice.warmupWanted && <WarmupRender route={route} onDone={choice.onWarmupDone} />}
      </div>

      <div className={styles.veil} data-gone={canvasReady} role="status">
        <span className={styles.veilText}>
          {canvasReady ? '' : stageState === null ? messages['render.preparing'] : cloud ? messages['cloud.connecting'] : messages['player.loading']}
        </span>
      </div>

      {bakingPercent !== null && showing !== null && showing !== 'cloud' && (
        // A progress bar, not a live region: a screen reader is not told every few seconds.
        <p
          className={styles.cloudPreparing}
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={bakingPercent}
          aria-valuetext={formatMessage(messages['cloud.preparingOnDevice'], { percent: bakingPercent })}
          data-testid="cloud-preparing"
          data-percent={bakingPercent}
        >
          {formatMessage(messages['cloud.preparingOnDevice'], { percent: bakingPercent })}
          <span className={styles.cloudPreparingBar} style={{ transform: `scaleX(${bakingPercent / 100})` }} aria-hidden="true" />
        </p>
      )}

      {stage.notice !== null && (
        <p key={stage.notice.id} className={styles.handoverNotice} role="status" data-testid="handover-notice">
          {messages[NOTICE_MESSAGE[stage.notice.kind]]}
        </p>
      )}

      <div className={styles.chrome}>
        <header className={styles.topBar}>
          <Link href="/" className={styles.back} aria-label={messages['player.back']} prefetch={false}>
            <BackIcon />
          </Link>
          <div className={styles.heading}>
            <p className={styles.landmark}>{landmarkName}</p>
            <h1 className={styles.title}>{route.title[locale]}</h1>
            {pictureLine !== null && (
              <p className={styles.pictureLine} data-testid="which-picture" data-line={pictureLine}>
                {messages[pictureLine]}
              </p>
            )}
          </div>
          <div className={styles.topActions}>
            {cloudAvailable && choice.preference !== null && (
              <RenderPathSwitch
                messages={messages}
                preference={choice.preference}
                showing={showing ?? 'local'}
                onChoose={choice.choose}
                iconButtonClassName={styles.iconButton}
              />
            )}
            {cloud && (
              <button
                type="button"
                className={styles.iconButton}
                onClick={() => setStatsShown((shown) => !shown)}
                aria-label={messages['cloud.statsToggle']}
                aria-pressed={statsShown}
                data-testid="cloud-stats-toggle"
              >
                <StatsIcon sizePx={22} />
              </button>
            )}
            <LanguageSwitch locale={locale} label={messages['lang.switchLabel']} />
            {fullscreen.supported && (
              <button
                type="button"
                className={styles.iconButton}
                onClick={fullscreen.toggle}
                aria-label={fullscreen.active ? messages['player.exitFullscreen'] : messages['player.enterFullscreen']}
                aria-pressed={fullscreen.active}
                data-testid="fullscreen-toggle"
              >
                {fullscreen.active ? <FullscreenExitIcon /> : <FullscreenEnterIcon />}
              </button>
            )}
          </div>
        </header>

        {!playing && !cloudBlocked && (
          <button type="button" className={styles.bigPlay} onClick={startFromBigButton} aria-label={bigButtonLabel} data-testid="play-start">
            <span className={styles.bigPlayDisc}>{ended ? <ReplayIcon sizePx={34} /> : <PlayIcon sizePx={38} />}</span>
            {(!hasStarted || ended) && <span className={styles.bigPlayText}>{bigButtonLabel}</span>}
          </button>
        )}

        <div className={styles.bottom}>
          <NarrationCaption
            pointOfInterest={pointOfInterest}
            locale={locale}
            regionLabel={messages['player.captionRegion']}
            lowered={!controlsVisible}
          />
          <div className={styles.controlsDock}>
            <PlayerControls
              messages={messages}
              timeS={timeS}
              durationS={route.durationS}
              playing={playing}
              ended={ended}
              speed={speed}
              calm={calm}
              onTogglePlay={togglePlay}
              onSeek={seekTo}
              onSeekBy={seekBy}
              onChooseSpeed={chooseSpeed}
              onToggleCalm={() => {
                setCalmChoice(!calm);
                revealControls();
              }}
            />
          </div>
        </div>
      </div>
    </div>
  );
}
