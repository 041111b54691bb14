'use client';
// The flight player: owns the flight clock and lays controls, captions and keyboard
// shortcuts over the stage, where the flight is drawn on this device (three.js), streamed
// from the cloud, or shown as posters — chosen per device and handed over mid-flight
// (see handover/). Per-frame time lives in the clock (read through getTimeS); the player
// re-renders on the clock's events (play, pause, seek, speed, end), and only the timeline
// and the caption follow time itself, each on its own (useFlightTimeDisplay).
import dynamic from 'next/dynamic';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { Route } from '@/scenes/routes/route-schema';
import { FlightClock } from '@/scenes/timeline/flight-clock';
import type { Locale } from '../i18n/locale';
import { formatMessage } from '../i18n/messages';
import type { PlayerMessageKey, PlayerMessages } from './player-messages';
import { NarrationCaption } from './NarrationCaption';
import { PlayerControls, type PlaybackSpeed } from './PlayerControls';
import { PlayerTopBar } from './PlayerTopBar';
import { LookProvider } from './look/look-context';
import { LookControls } from './look/LookControls';
import { usePlayerLook } from './look/use-player-look';
import { useComfortableImmersive } from '../xr/use-immersive-comfort';
import { immersiveAvailable } from '../xr/immersive-availability';
import { PlayIcon, ReplayIcon } from './PlayerIcons';
import { cloudStateBlocksPlayback } from './cloud/cloud-state';
import { RenderStage } from './handover/RenderStage';
import { veilLiftsAtOnce } from './handover/veil-lift';
import { describeTarget } from './handover/handover-record';
import { HeldPoster } from './handover/HeldPoster';
import { useRenderChoice } from './handover/use-render-choice';
import { useRenderChoiceTestHandle } from './handover/use-render-choice-test-handle';
import { useRenderStage, type StageNotice } from './handover/use-render-stage';
import type { QualityTier } from '@/scenes/world/quality-tiers';
import type { RenderPreference } from './render-choice/render-choice-types';
import type { CloudReadiness } from '@/server/bake/cloud-readiness';
import type { BakeProgressSummary } from './cloud/bake-progress';
import { bakeWorthFollowing, bakingPercentOf } from './cloud/cloud-readiness-poll';
import { useLiveCloudReadiness } from './cloud/use-live-cloud-readiness';
import { useCinematicReady } from './picture/use-cinematic-ready';
import { whichPicture } from './picture/which-picture';
import { isCinematicProfile } from './cloud/cinematic-profiles';
import { readDownlinkKbps } from './render-choice/read-downlink';
import { useAutoplay } from './use-autoplay';
import { useControlsVisibility } from './use-controls-visibility';
import { useFlightPlayback } from './use-flight-playback';
import { usePlaybackSpeed } from './use-playback-speed';
import { usePlayerShortcuts } from './use-player-shortcuts';
import { useStageReadiness } from './use-stage-readiness';
import styles from './FlightPlayer.module.css';

// The warm-up render (three.js) loads only on a first visit under Auto, while the probe runs.
const WarmupRender = dynamic(() => import('./render-choice/WarmupRender').then((module) => module.WarmupRender), { ssr: false });
// Sights are marked only in a picture the device draws: their code loads with that picture, not the page.
const SightMarker = dynamic(() => import('./look/SightMarker').then((module) => module.SightMarker), { ssr: false });
const NOTICE_MESSAGE: Record<StageNotice, PlayerMessageKey> = {
  'to-cloud': 'render.handoverToCloud',
  'to-device': 'render.handoverToDevice',
  lighter: 'render.handoverLighter',
  'cloud-ready': 'render.handoverCloudReady',
  'cloud-behind': 'render.handoverCloudBehind',
};

export interface FlightPlayerProps {
  route: Route;
  /** The route revision the page shows: the cloud streams this one, so captions and picture agree. */
  revision: number;
  /** How far the cloud's bake of this revision is, as the page read it; null when unknown. */
  cloudReadiness?: CloudReadiness | null;
  locale: Locale;
  messages: PlayerMessages;
  landmarkName: string;
  startS: number;
  autoplay: boolean;
  /** `?tier=`: draw on this device at this tier (posters, screenshots and tests use it). */
  tierOverride: QualityTier | null;
  /** The render server as the browser reaches it; null when there is no cloud path. */
  renderUrl?: string | null;
  /** `?render=` on the page: where to draw for this visit; null lets the visitor's remembered choice (or Auto) decide. */
  urlPreference?: RenderPreference | null;
  /** The poster the page holds before play (Auto, not told to draw), drawn under the veil from the first paint; null for none. */
  heldPosterUrl?: string | null;
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
  heldPosterUrl = null,
}: FlightPlayerProps) {
  // A language switch re-renders the page with an equal but new route object; keep the
  // first so the scene is not rebuilt. A new revision remounts the player (see its key).
  const [route] = useState(routeProp);
  const [clock] = useState(() => new FlightClock({ durationS: route.durationS, startS }));
  const rootRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const [statsShown, setStatsShown] = useState(false);

  const { speed, calm, chooseSpeed, toggleCalm } = usePlaybackSpeed(clock);
  const controls = useControlsVisibility(clock, rootRef);
  const { revealControls } = controls;
  // Every start reveals the controls, which then step aside while the flight plays.
  const { playing, ended, hasStarted, play, togglePlay, seekTo, seekBy, turnToPlaying } = useFlightPlayback(clock, revealControls);
  // The visitor wants the moving picture once they press play (or the page autoplays).
  const pictureWanted = autoplay || hasStarted;
  const controlsVisible = !playing || controls.controlsShown;
  const getTimeS = useCallback(() => clock.timeAt(performance.now()), [clock]);
  // Where the visitor looks (drag, keys, gyroscope): one store every renderer reads, so a handover keeps it.
  const look = usePlayerLook({ stageRef, onKeyLook: revealControls });
  const immersive = useComfortableImmersive(calm, toggleCalm);

  const cloudAvailable = renderUrl !== null;
  // A tier in the URL only means something on this device, so it implies drawing here.
  const pagePreference = !cloudAvailable ? 'local' : (urlPreference ?? (tierOverride === null ? null : 'local'));
  // Still baking, the cloud can only say how far it is: the device draws if it can at all.
  // The page's reading of the bake queue says so up front for a bake under way; a stream
  // that answers "not baked" (a bake still queued) says so as soon as it is asked.
  // The reading stays live while a bake is pending, so the percentage moves as the visitor
  // watches, and a bake that lands mid-flight lets Auto take the cloud picture (below).
  const [bakeFromStream, setBakeFromStream] = useState<BakeProgressSummary | null>(null);
  const liveReadiness = useLiveCloudReadiness({
    routeId: route.id,
    revision,
    initial: cloudReadiness,
    enabled: cloudAvailable,
    streamSaysBaking: bakeFromStream !== null,
  });
  const bakingPercent = bakingPercentOf(cloudAvailable, liveReadiness, bakeFromStream);
  /** The bake landed during this visit: the next move to the cloud is because of it. */
  const bakeLanded = bakeWorthFollowing(cloudReadiness, bakeFromStream !== null) && liveReadiness?.state === 'ready';
  // A finished cinematic bake sways Auto to the cloud even on a device that draws well.
  const cinematicReady = useCinematicReady(cloudAvailable, liveReadiness);
  const [downlinkKbps] = useState(readDownlinkKbps);
  const choice = useRenderChoice({
    cloudAvailable,
    cloudBaking: bakingPercent !== null,
    cinematicReady,
    downlinkKbps,
    urlPreference: pagePreference,
    tierOverride,
    probeAllowed: pictureWanted,
  });
  const stage = useRenderStage({
    clock,
    cloudAvailable,
    preference: choice.preference,
    localTier: choice.localTier,
    tierForced: tierOverride !== null,
    cloudBaking: bakingPercent !== null,
    look,
  });
  const streamBake = stage.activeCloud?.state === 'not-baked' ? stage.activeCloud.bake : null;
  useEffect(() => {
    if (streamBake !== null && (streamBake.status === 'baking' || streamBake.status === 'queued')) setBakeFromStream(streamBake);
  }, [streamBake]);
  const stageState = stage.state;
  const showing = stageState?.active.kind ?? null;
  const cloud = showing === 'cloud';
  const cloudBlocked =
    cloud && stageState?.incoming === null && stage.activeCloud !== null && cloudStateBlocksPlayback(stage.activeCloud.state);

  // The choice puts the first renderer on the stage; a later choice (the visitor's, or the
  // probe's under Auto) hands the flight over to another, at the same clock time.
  // Under Auto, nothing draws with WebGL (the probe's warm-up, the device renderer: seconds of
  // main-thread work on a phone, issue 15) until the visitor presses play: the route's poster
  // holds the stage meanwhile, and the chosen renderer takes over from it at the clock's pose.
  const pictureHeld = choice.preference === 'auto' && !pictureWanted;
  const chosenTarget = pictureHeld ? null : choice.target;
  const targetKey = chosenTarget === null ? null : describeTarget(chosenTarget);
  const { start: startStage, request: requestStage } = stage;
  const startedRef = useRef(false);
  useEffect(() => {
    if (!pictureHeld || startedRef.current) return;
    startedRef.current = true;
    // The HTML already shows this poster (HeldPoster): putting the stage's poster layer under it
    // is no hurry, so React may render it in slices around the browser's first-visit work.
    startTransition(() => startStage({ kind: 'posters', held: true }));
  }, [pictureHeld, startStage]);
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

  const { canvasReady, pictureSettled } = useStageReadiness(stageRef, stageState !== null);
  const veilLift = veilLiftsAtOnce(heldPosterUrl, stageState) ? 'at-once' : 'fade';
  useAutoplay({ autoplay, canvasReady, pictureSettled, cloudBlocked, turnToPlaying });

  const { choose } = choice;
  const flyOnDevice = useCallback(() => choose('local'), [choose]);
  const retryCloud = useCallback(() => requestStage({ kind: 'cloud' }, 'choice'), [requestStage]);
  const closeStats = useCallback(() => setStatsShown(false), []);
  const toggleStats = useCallback(() => setStatsShown((shown) => !shown), []);

  usePlayerShortcuts({ togglePlay, seekBy, revealControls, toggleStats: cloud ? toggleStats : null });
  useRenderChoiceTestHandle(choice, stageState, stage.handovers);

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
  const bigButtonLabel = ended ? messages['player.replay'] : hasStarted ? messages['player.play'] : messages['player.start'];

  function startFromBigButton() {
    play();
    // The big button goes away once playing; hand focus to the bar's toggle so keyboard users keep their place.
    rootRef.current?.querySelector<HTMLButtonElement>('[data-testid="play-toggle"]')?.focus({ preventScroll: true });
  }

  function onStageClick() {
    if (controls.lastPointerType() === 'mouse') {
      // On a laptop the picture behaves like a video: a click plays or pauses.
      togglePlay();
      return;
    }
    // On touch, a tap on the picture shows or hides the controls.
    if (controlsVisible && playing) {
      controls.hideControls();
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
      onPointerMove={controls.onPointerMove}
      onPointerDownCapture={controls.onPointerDownCapture}
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
          <LookProvider store={look} immersive={immersive}>
            <RenderStage
              state={stageState}
              callbacks={stage.callbacks}
              route={route}
              revision={revision}
              clock={clock}
              getTimeS={getTimeS}
              reducedMotion={calm}
              messages={messages}
              locale={locale}
              renderUrl={renderUrl}
              preference={choice.preference}
              showStats={statsShown}
              onCloseStats={closeStats}
              onUseDevice={flyOnDevice}
              onRetryCloud={cloudAvailable ? retryCloud : null}
            />
          </LookProvider>
        )}
        {showing === 'local' && <SightMarker pointsOfInterest={route.pointsOfInterest} locale={locale} look={look} />}
        {/* The probe's warm-up draws a few frames of the phone tier behind the veil, unseen. */}
        {choice.warmupWanted && <WarmupRender route={route} onDone={choice.onWarmupDone} />}
      </div>

      <div className={styles.veil} data-gone={canvasReady} data-lift={veilLift} role="status">
        {heldPosterUrl !== null && <HeldPoster src={heldPosterUrl} progress={startS / route.durationS} />}
        <span className={styles.veilText}>
          {canvasReady || (stageState === null && heldPosterUrl !== null)
            ? '' // the held poster says enough: nothing is prepared until play
            : stageState === null
              ? messages['render.preparing']
              : cloud
                ? messages['cloud.connecting']
                : messages['player.loading']}
        </span>
      </div>

      {bakingPercent !== null && showing !== null && showing !== 'cloud' && (
        // A progress bar, not a live region: a screen reader is not told every few seconds.
        <p
          className={styles.cloudPreparing}
          role="progressbar"
          // axe (Lighthouse accessibility) wants a progress bar named, not only valued.
          aria-label={formatMessage(messages['cloud.preparingOnDevice'], { percent: bakingPercent })}
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
        <PlayerTopBar
          messages={messages}
          locale={locale}
          landmarkName={landmarkName}
          title={route.title[locale]}
          pictureLine={pictureLine}
          rootRef={rootRef}
          renderPreference={cloudAvailable ? choice.preference : null}
          showing={showing ?? 'local'}
          onChooseRender={choose}
          statsShown={cloud ? statsShown : null}
          onToggleStats={toggleStats}
        />

        {!playing && !cloudBlocked && (
          <button
            type="button"
            className={styles.bigPlay}
            onClick={startFromBigButton}
            aria-label={bigButtonLabel}
            data-testid="play-start"
          >
            <span className={styles.bigPlayDisc}>{ended ? <ReplayIcon sizePx={34} /> : <PlayIcon sizePx={38} />}</span>
            {(!hasStarted || ended) && <span className={styles.bigPlayText}>{bigButtonLabel}</span>}
          </button>
        )}

        <div className={styles.bottom}>
          <NarrationCaption
            clock={clock}
            pointsOfInterest={route.pointsOfInterest}
            locale={locale}
            regionLabel={messages['player.captionRegion']}
            lowered={!controlsVisible}
          />
          <div className={styles.controlsDock}>
            <PlayerControls
              messages={messages}
              clock={clock}
              playing={playing}
              ended={ended}
              speed={speed}
              calm={calm}
              onTogglePlay={togglePlay}
              onSeek={seekTo}
              onSeekBy={seekBy}
              onChooseSpeed={(option: PlaybackSpeed) => {
                chooseSpeed(option);
                revealControls();
              }}
              onToggleCalm={() => {
                toggleCalm();
                revealControls();
              }}
              look={
                <LookControls
                  messages={messages}
                  store={look}
                  immersive={immersive}
                  immersiveAvailable={immersiveAvailable(showing, stage.activeCloud)}
                />
              }
            />
          </div>
        </div>
      </div>
    </div>
  );
}
