'use client';
// Draws the stage's layers: the renderer showing the flight and, during a handover, the
// incoming one on top of it, invisible until it has drawn the flight at the clock's time,
// then faded in while the outgoing one keeps drawing beneath. No black frame in between.
import dynamic from 'next/dynamic';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Route } from '@/scenes/routes/route-schema';
import type { LookOffset } from '@/scenes/routes/look-offset';
import type { FlightClock } from '@/scenes/timeline/flight-clock';
import type { PlayerMessages } from '@/components/player/player-messages';
import type { Locale } from '@/components/i18n/locale';
import { useLookStore } from '../look/look-context';
import { useImmersiveState, useImmersiveStore } from '@/components/xr/immersive-context';
import type { CloudSnapshot } from '../cloud/stream-client';
import type { CloudStreamViewProps } from '../cloud/CloudStreamView';
import { unavailableSnapshot } from '../cloud/cloud-state';
import { CanvasErrorBoundary } from '../CanvasErrorBoundary';
import type { FlightRendererControl } from '@/components/scene/FlightCanvas';
import type { QualityTier } from '@/scenes/world/quality-tiers';
import type { RenderPreference } from '../render-choice/render-choice-types';
import { useFlightClockState } from '../use-flight-clock-state';
import { PosterFlight } from './PosterFlight';
import { CROSS_FADE_MS, type LayerCallbacks } from './use-render-stage';
import { outgoingHoldsPicture, stageLayers, type StageLayer, type StageState } from './stage-layers';
import styles from './RenderStage.module.css';

// three.js needs a browser and weighs hundreds of kilobytes: load it only for a local flight.
const FlightCanvas = dynamic(() => import('@/components/scene/FlightCanvas').then((module) => module.FlightCanvas), { ssr: false });
// The stream client (socket.io, simple-peer, WebCodecs) likewise loads only for a cloud flight.
const CloudStreamView = dynamic(() => import('../cloud/CloudStreamView').then((module) => module.CloudStreamView), { ssr: false });

export interface RenderStageProps {
  state: StageState;
  callbacks: LayerCallbacks;
  route: Route;
  /** The route revision the page shows: the cloud streams this one's frames. */
  revision: number;
  clock: FlightClock;
  getTimeS: () => number;
  reducedMotion: boolean;
  messages: PlayerMessages;
  /** The page's language: the cloud's sight marks name the sights in it. */
  locale: Locale;
  renderUrl: string | null;
  preference: RenderPreference | null;
  showStats: boolean;
  onCloseStats: () => void;
  onUseDevice: () => void;
  onRetryCloud: (() => void) | null;
}

export function RenderStage(props: RenderStageProps) {
  const { state, callbacks } = props;
  const layers = stageLayers(state);
  return (
    <>
      {layers.map((layer) => {
        const role = layer.id === state.active.id ? 'active' : 'incoming';
        return (
          <LayerFrame key={layer.id} layer={layer} role={role} fading={role === 'incoming' && state.fading} onFadeDone={callbacks.fadeDone}>
            <LayerContent
              {...props}
              layer={layer}
              role={role}
              alone={state.incoming === null}
              holding={role === 'active' && outgoingHoldsPicture(state)}
            />
          </LayerFrame>
        );
      })}
    </>
  );
}

interface LayerFrameProps {
  layer: StageLayer;
  role: 'active' | 'incoming';
  fading: boolean;
  onFadeDone: (id: number) => void;
  children: ReactNode;
}

function LayerFrame({ layer, role, fading, onFadeDone, children }: LayerFrameProps) {
  // The fade's end is timed, not awaited from transitionend: a hidden tab or reduced motion may never fire it.
  useEffect(() => {
    if (!fading) return;
    const timer = window.setTimeout(() => onFadeDone(layer.id), CROSS_FADE_MS + 30);
    return () => window.clearTimeout(timer);
  }, [fading, layer.id, onFadeDone]);
  return (
    <div
      className={styles.layer}
      data-role={role}
      data-fading={fading}
      data-layer-kind={layer.kind}
      data-layer-id={layer.id}
      style={{ transitionDuration: `${CROSS_FADE_MS}ms` }}
    >
      {children}
    </div>
  );
}

interface LayerContentProps extends RenderStageProps {
  layer: StageLayer;
  role: 'active' | 'incoming';
  /** No handover under way: the layer may speak (status cards, notices). */
  alone: boolean;
  /** The outgoing device holds its last picture while the incoming stream catches up (outgoingHoldsPicture). */
  holding: boolean;
}

function LayerContent({
  layer,
  role,
  alone,
  holding,
  callbacks,
  route,
  revision,
  clock,
  getTimeS,
  reducedMotion,
  messages,
  locale,
  renderUrl,
  preference,
  showStats,
  onCloseStats,
  onUseDevice,
  onRetryCloud,
}: LayerContentProps) {
  if (layer.kind === 'local') {
    return (
      <CanvasErrorBoundary onError={() => callbacks.localFailed(layer.id, 'local-failed')} fallback={null}>
        <LocalLayer
          id={layer.id}
          route={route}
          tier={layer.tier}
          clock={clock}
          handingOver={!alone}
          holding={holding}
          getTimeS={getTimeS}
          reducedMotion={reducedMotion}
          callbacks={callbacks}
        />
      </CanvasErrorBoundary>
    );
  }
  if (layer.kind === 'cloud' && renderUrl !== null) {
    return (
      <CloudLayer
        id={layer.id}
        renderUrl={renderUrl}
        routeId={route.id}
        lookRoute={route}
        locale={locale}
        revision={revision}
        clock={clock}
        messages={messages}
        showStats={showStats && role === 'active'}
        onCloseStats={onCloseStats}
        onUseDevice={onUseDevice}
        // Only a stream the visitor chose outright explains itself; under Auto the player moves on.
        quiet={!alone || role !== 'active' || preference !== 'cloud'}
        takesHeadset={role === 'active'}
        callbacks={callbacks}
      />
    );
  }
  return (
    <PosterFlight
      routeId={route.id}
      clock={clock}
      messages={messages}
      renderUrl={renderUrl}
      // The poster held before play is no last resort: it says nothing about what cannot draw.
      explained={!(layer.kind === 'posters' && layer.held)}
      appearsAtOnce={layer.kind === 'posters' && layer.held === true}
      onRetryCloud={role === 'active' && alone ? onRetryCloud : null}
      onReady={() => callbacks.postersReady(layer.id)}
    />
  );
}

const FAILED_TO_LOAD = unavailableSnapshot('the stream client failed to load');

/** The stream view's own props, its two reports wired to this layer's callbacks, and the look to follow. */
type CloudLayerProps = Omit<CloudStreamViewProps, 'onSnapshot' | 'onFrameShown' | 'lookAround' | 'immersive'> & {
  id: number;
  callbacks: LayerCallbacks;
  lookRoute: Route;
  locale: Locale;
  /** The layer on the stage (not one coming in or going out): a headset session is drawn by it. */
  takesHeadset: boolean;
};

const CloudLayer = memo(function CloudLayer({ id, callbacks, lookRoute, locale, takesHeadset, ...view }: CloudLayerProps) {
  const onSnapshot = useCallback((snapshot: CloudSnapshot) => callbacks.cloudSnapshot(id, snapshot), [callbacks, id]);
  const onFrameShown = useCallback((frameIndex: number, nowMs: number) => callbacks.cloudFrame(id, frameIndex, nowMs), [callbacks, id]);
  // Every stream may be looked around in: it carries the flat profile until the visitor looks
  // away (drag, keys, gyroscope), then the route's sphere, or says why it cannot (CloudStreamView).
  const look = useLookStore();
  const lookAround = useMemo(
    () => ({
      route: lookRoute,
      getLookOffset: () => look.getLookOffset(),
      subscribeLook: (listener: () => void) => look.subscribe(listener),
      setLookOffset: (offset: LookOffset) => look.setLookOffset(offset),
      locale,
    }),
    [lookRoute, look, locale],
  );
  // In a headset, the stream's sphere surrounds the visitor (CloudStreamView, sphere-immersive.ts).
  const headset = useImmersiveStore();
  const { session } = useImmersiveState(headset);
  const headsetSession = takesHeadset ? session : null;
  const immersive = useMemo(() => ({ session: headsetSession, failed: () => headset.failed() }), [headsetSession, headset]);
  return (
    // A stream client that fails to load (a stale script after a deploy) counts as a failed stream.
    <CanvasErrorBoundary onError={() => callbacks.cloudSnapshot(id, FAILED_TO_LOAD)} fallback={null}>
      <CloudStreamView {...view} lookAround={lookAround} immersive={immersive} onSnapshot={onSnapshot} onFrameShown={onFrameShown} />
    </CanvasErrorBoundary>
  );
});

interface LocalLayerProps {
  id: number;
  route: Route;
  tier: QualityTier;
  clock: FlightClock;
  /** A handover is under way: both pictures must keep drawing (the incoming one to become ready, the outgoing beneath the fade). */
  handingOver: boolean;
  /** Out of the incoming stream's way: no new frames while the flight plays (a paused one still redraws on a seek). */
  holding: boolean;
  getTimeS: () => number;
  reducedMotion: boolean;
  callbacks: LayerCallbacks;
}

// Memoised so the player's few-times-a-second updates never re-render the scene.
const LocalLayer = memo(function LocalLayer({
  id,
  route,
  tier,
  clock,
  handingOver,
  holding,
  getTimeS,
  reducedMotion,
  callbacks,
}: LocalLayerProps) {
  // The frame loop starts once the scene's shader programs are linked, a few per task: the
  // first frame would otherwise wait on every link in one long main-thread task.
  const [frameloop, setFrameloop] = useState<'never' | 'always'>('never');
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const onRendererReady = useCallback((control: FlightRendererControl) => {
    // Loaded with the scene's own chunk (three.js), never with the page.
    void import('../render-choice/precompile-programs')
      .then((module) => module.precompilePrograms(control.gl, control.scene, () => mounted.current))
      .catch(() => null)
      .then(() => {
        if (mounted.current) setFrameloop('always');
      });
  }, []);
  // A paused flight's picture changes only when the clock is sought (or the canvas resized):
  // drawing it at full rate anyway kept the main thread and GPU busy for nothing (issue 15).
  // Its slow cloud drift freezes meanwhile, as the rest of the paused picture does.
  const { playing } = useFlightClockState(clock);
  const subscribeRedraw = useCallback((redraw: () => void) => clock.subscribe(() => redraw()), [clock]);
  // Held (the canvas keeps its last picture): paused it is 'demand' as when alone; playing, 'never', since
  // 'demand' would begin with settling frames (DemandRedraw), the very frames the stream is waiting behind.
  const held = holding ? (playing ? 'never' : 'demand') : null;
  const loop = frameloop === 'never' ? 'never' : (held ?? (playing || handingOver ? 'always' : 'demand'));
  return (
    <FlightCanvas
      route={route}
      tier={tier}
      getTimeS={getTimeS}
      reducedMotion={reducedMotion}
      className={styles.canvas}
      frameloop={loop}
      subscribeRedraw={subscribeRedraw}
      onRendererReady={frameloop === 'never' ? onRendererReady : undefined}
      onFrame={(frame) => callbacks.localFrame(id, frame)}
      onContextLost={() => callbacks.localFailed(id, 'context-lost')}
    />
  );
});
