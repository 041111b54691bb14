'use client';
// The flight player: owns the flight clock, draws the scene full screen through
// FlightCanvas and lays controls, captions and keyboard shortcuts over it. Per-frame
// time lives in the clock (read through getTimeS); React sees it only a few times a second.
// From the cloud, CloudStreamView draws baked frames on the same clock instead of FlightCanvas.
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { memo, useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { Route } from '../../scenes/routes/route-schema';
import type { QualityTier } from '../../scenes/world/quality-tiers';
import { FlightClock } from '../../scenes/timeline/flight-clock';
import { activePointOfInterest } from '../../scenes/timeline/active-point-of-interest';
import type { Locale } from '../i18n/locale';
import { formatMessage, type Messages } from '../i18n/messages';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { CanvasErrorBoundary } from './CanvasErrorBoundary';
import { NarrationCaption } from './NarrationCaption';
import { PlayerControls, SEEK_STEP_S, type PlaybackSpeed } from './PlayerControls';
import { BackIcon, FullscreenEnterIcon, FullscreenExitIcon, PlayIcon, ReplayIcon } from './PlayerIcons';
import { cloudStateBlocksPlayback } from './cloud/cloud-state';
import { RenderPathSwitch } from './cloud/RenderPathSwitch';
import { StatsIcon } from './cloud/CloudIcons';
import type { RenderPath } from './cloud/render-path';
import type { CloudState } from './cloud/stream-client';
import { guessQualityTier, readDeviceHints } from './guess-quality-tier';
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

// three.js needs a browser and weighs hundreds of kilobytes: load it only here, only on the client.
const FlightCanvas = dynamic(() => import('../scene/FlightCanvas').then((module) => module.FlightCanvas), { ssr: false });
// The stream client (socket.io, simple-peer, WebCodecs) likewise loads only for a cloud flight.
const CloudStreamView = dynamic(() => import('./cloud/CloudStreamView').then((module) => module.CloudStreamView), { ssr: false });

interface SceneLayerProps {
  route: Route;
  tier: QualityTier;
  getTimeS: () => number;
  reducedMotion: boolean;
}

// Memoised so the UI's few-times-a-second updates never re-render the scene.
const SceneLayer = memo(function SceneLayer({ route, tier, getTimeS, reducedMotion }: SceneLayerProps) {
  return <FlightCanvas route={route} tier={tier} getTimeS={getTimeS} reducedMotion={reducedMotion} className={styles.canvas} />;
});

export interface FlightPlayerProps {
  route: Route;
  locale: Locale;
  messages: Messages;
  landmarkName: string;
  startS: number;
  autoplay: boolean;
  tierOverride: QualityTier | null;
  /** The render server as the browser reaches it; null when there is no cloud path. */
  renderUrl?: string | null;
  /** Where the flight is drawn at first; the visitor can switch in the top bar. */
  initialRenderPath?: RenderPath;
}

export function FlightPlayer({
  route: routeProp,
  locale,
  messages,
  landmarkName,
  startS,
  autoplay,
  tierOverride,
  renderUrl = null,
  initialRenderPath = 'local',
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
  const [tier, setTier] = useState<QualityTier | null>(tierOverride);
  const [canvasReady, setCanvasReady] = useState(false);
  const [canvasFailed, setCanvasFailed] = useState(false);
  const [renderPath, setRenderPath] = useState<RenderPath>(renderUrl === null ? 'local' : initialRenderPath);
  const cloud = renderPath === 'cloud' && renderUrl !== null;
  const [cloudState, setCloudState] = useState<CloudState>('connecting');
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

  // The first guess is taken once: a rotated phone or resized window must not rebuild the scene.
  useEffect(() => {
    if (tier === null) setTier(guessQualityTier(readDeviceHints()));
  }, [tier]);

  // FlightCanvas marks its wrapper data-ready="true" once it has drawn a frame; the cloud
  // view once its first streamed frame is up (or it has something to say instead).
  useEffect(() => {
    const stage = stageRef.current;
    if (!stage || (!cloud && tier === null)) return;
    const drawn = () => stage.querySelector('[data-ready="true"]') !== null;
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
  }, [tier, cloud]);

  const chooseRenderPath = useCallback(
    (path: RenderPath) => {
      if (path === renderPath) return;
      // The other renderer starts from nothing: the veil returns until it has drawn.
      setCanvasReady(false);
      setCanvasFailed(false);
      setCloudState('connecting');
      setRenderPath(path);
    },
    [renderPath],
  );
  const flyOnDevice = useCallback(() => chooseRenderPath('local'), [chooseRenderPath]);
  const closeStats = useCallback(() => setStatsShown(false), []);

  // Autoplay waits for the scene, so a slow phone does not miss the opening seconds.
  // Without a scene the narration still plays: captions carry the flight on their own.
  const autoplayDoneRef = useRef(false);
  useEffect(() => {
    if (!autoplay || autoplayDoneRef.current || !(canvasReady || canvasFailed)) return;
    // A cloud flight with nothing to show (still baking, node full) waits for the visitor's choice.
    if (cloud && cloudStateBlocksPlayback(cloudState)) return;
    autoplayDoneRef.current = true;
    play();
  }, [autoplay, canvasReady, canvasFailed, play, cloud, cloudState]);

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
        data-tier={tier ?? undefined}
        data-render-path={cloud ? 'cloud' : 'local'}
        onClick={onStageClick}
      >
        {cloud && (
          // A stream client that fails to load (a stale script after a deploy) must not take the player down.
          <CanvasErrorBoundary
            onError={() => {
              setCloudState('unavailable');
              setCanvasFailed(true);
            }}
            fallback={<p className={styles.sceneError}>{messages['cloud.unavailableTitle']}</p>}
          >
            <CloudStreamView
              renderUrl={renderUrl}
              routeId={route.id}
              clock={clock}
              messages={messages}
              showStats={statsShown}
              onCloseStats={closeStats}
              onUseDevice={flyOnDevice}
              onStateChange={setCloudState}
            />
          </CanvasErrorBoundary>
        )}
        {!cloud && tier !== null && (
          <CanvasErrorBoundary
            onError={() => setCanvasFailed(true)}
            fallback={<p className={styles.sceneError}>{messages['player.canvasError']}</p>}
          >
            <SceneLayer route={route} tier={tier} getTimeS={getTimeS} reducedMotion={calm} />
          </CanvasErrorBoundary>
        )}
      </div>

      <div className={styles.veil} data-gone={canvasReady || canvasFailed} role="status">
        <span className={styles.veilText}>{canvasReady || canvasFailed ? '' : cloud ? messages['cloud.connecting'] : messages['player.loading']}</span>
      </div>

      <div className={styles.chrome}>
        <header className={styles.topBar}>
          <Link href="/" className={styles.back} aria-label={messages['player.back']} prefetch={false}>
            <BackIcon />
          </Link>
          <div className={styles.heading}>
            <p className={styles.landmark}>{landmarkName}</p>
            <h1 className={styles.title}>{route.title[locale]}</h1>
          </div>
          <div className={styles.topActions}>
            {renderUrl !== null && <RenderPathSwitch messages={messages} renderPath={cloud ? 'cloud' : 'local'} onChoose={chooseRenderPath} />}
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

        {!playing && !(cloud && cloudStateBlocksPlayback(cloudState)) && (
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
