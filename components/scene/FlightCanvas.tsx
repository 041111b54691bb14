'use client';
// The whole rendered flight: the world of the route's scene, the atmosphere and a camera that follows
// a route over time. The caller owns the clock (getTimeS), so playback, seeking and baking
// all drive the same canvas.
import { Canvas, useThree } from '@react-three/fiber';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Scene, WebGLRenderer } from 'three';
import type { Route, SceneId } from '@/scenes/routes/route-schema';
import { DEFAULT_FOV_DEG } from '@/scenes/routes/route-schema';
import { geometryTierOf, type SceneTier } from '@/scenes/world/quality-tiers';
import { Atmosphere } from './atmosphere/Atmosphere';
import { CinematicEffects } from './cinematic/CinematicEffects';
import { DemandRedraw } from './DemandRedraw';
import { FlightCamera } from './FlightCamera';
import { FrameStats, type DrawnFrame } from './FrameStats';
import { precompilePrograms } from '@/components/player/render-choice/precompile-programs';
import { TianmenWorld } from './TianmenWorld';
import { WulingyuanWorld } from './WulingyuanWorld';

export interface FlightCanvasProps {
  route: Route;
  /** 'cinematic' only on the render server: the bake tier's world with the effects in cinematic/. */
  tier: SceneTier;
  getTimeS: () => number;
  /** Holds the clouds and ripples still; the flight itself still follows getTimeS. */
  reducedMotion?: boolean;
  className?: string;
  /** Only for capturing frames (tests, bakes): it costs a copy every frame. */
  preserveDrawingBuffer?: boolean;
  /**
   * 'never' lets the caller draw each frame with FlightRendererControl.advance (baking);
   * the R3F clock then reads exactly the time passed, so cloud drift and ripples follow it.
   * 'demand' draws only when the picture changes (a paused flight): see DemandRedraw.
   */
  frameloop?: 'always' | 'demand' | 'never';
  /** With frameloop 'demand': tells of changes to the picture from outside the scene (the flight clock's seeks). */
  subscribeRedraw?: (redraw: () => void) => () => void;
  /** Called once the scene is mounted, with what a baking renderer needs to draw frames itself. */
  onRendererReady?: (control: FlightRendererControl) => void;
  /** Every drawn frame (wall time, route time): the player's frame-rate watch and handovers read it. */
  onFrame?: (frame: DrawnFrame) => void;
  /** The browser took the WebGL context away (GPU reset, too many contexts): the picture is gone. */
  onContextLost?: () => void;
  /** Drawn inside the canvas with the scene (the render page's sphere capture). */
  children?: ReactNode;
}

export interface FlightRendererControl {
  gl: WebGLRenderer;
  scene: Scene;
  /** Runs every frame callback and draws one frame; with frameloop 'never' the R3F clock reads timeS. */
  advance(timeS: number): void;
}

const MAX_PIXEL_RATIO: Record<SceneTier, number> = { phone: 1.5, laptop: 2, bake: 1, cinematic: 1 };
export const CAMERA_NEAR_M = 1;
export const CAMERA_FAR_M = 9000;

export function FlightCanvas({
  route,
  tier,
  getTimeS,
  reducedMotion = false,
  className,
  preserveDrawingBuffer = false,
  frameloop = 'always',
  subscribeRedraw,
  onRendererReady,
  onFrame,
  onContextLost,
  children,
}: FlightCanvasProps) {
  const wrapper = useRef<HTMLDivElement>(null);
  const worldTier = geometryTierOf(tier);
  // The cinematic tier draws into its own buffers and anti-aliases by accumulating sub-frames.
  const gl = useMemo(
    () => ({ antialias: tier === 'laptop' || tier === 'bake', preserveDrawingBuffer, powerPreference: 'high-performance' as const }),
    [tier, preserveDrawingBuffer],
  );
  const stillTimeS = reducedMotion ? 0 : undefined;
  // The world arrives from a worker: until it is in the scene no frame counts as drawn and no
  // caller gets the renderer, so nothing measures, shows or bakes a sky without its mountains.
  const [loadedScene, setLoadedScene] = useState<SceneId | null>(null);
  const onWorldLoaded = useCallback(() => setLoadedScene(route.scene), [route.scene]);
  const worldLoaded = loadedScene === route.scene;
  // Nor is anything drawn before every program of the scene (sky, clouds and world) is linked,
  // a few per task: frames before would be unseen (the veil, or a hidden incoming renderer) and
  // the first of them would link every program in one long task.
  const [readyScene, setReadyScene] = useState<SceneId | null>(null);
  const onProgramsReady = useCallback(() => setReadyScene(route.scene), [route.scene]);
  const drawing = worldLoaded && readyScene === route.scene;
  return (
    <div ref={wrapper} className={className} data-ready="false" style={{ position: 'relative', width: '100%', height: '100%' }}>
      <Canvas
        gl={gl}
        frameloop={drawing ? frameloop : 'never'}
        dpr={[1, MAX_PIXEL_RATIO[tier]]}
        camera={{
          near: CAMERA_NEAR_M,
          far: CAMERA_FAR_M,
          fov: route.keyframes[0].fovDeg ?? DEFAULT_FOV_DEG,
          position: route.keyframes[0].position,
        }}
      >
        <FlightCamera route={route} getTimeS={getTimeS} />
        <Atmosphere
          timeOfDay={route.timeOfDay}
          tier={worldTier}
          sceneId={route.scene}
          timeS={stillTimeS}
          volumetric={tier === 'cinematic'}
        />
        {route.scene === 'tianmen' ? (
          <TianmenWorld tier={worldTier} onLoaded={onWorldLoaded} />
        ) : (
          <WulingyuanWorld tier={worldTier} timeS={stillTimeS} onLoaded={onWorldLoaded} />
        )}
        {worldLoaded && <ProgramsPrecompile onReady={onProgramsReady} />}
        {drawing && <DemandRedraw subscribe={subscribeRedraw} lookKey={`${route.id}:${tier}:${reducedMotion}`} />}
        {drawing && <FrameStats tier={worldTier} getTimeS={getTimeS} readyTarget={wrapper} onFrame={onFrame} />}
        {tier === 'cinematic' && <CinematicEffects route={route} />}
        {children}
        {onContextLost && <ContextLossWatch onLost={onContextLost} />}
        {drawing && onRendererReady && <RendererControl onReady={onRendererReady} />}
      </Canvas>
    </div>
  );
}

/** Compiles and links the whole scene's programs a few per task (see precompilePrograms), then says so. */
function ProgramsPrecompile({ onReady }: { onReady: () => void }) {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const camera = useThree((state) => state.camera);
  useEffect(() => {
    let current = true;
    precompilePrograms(gl, scene, { camera, keepGoing: () => current })
      .catch(() => null)
      .then(() => {
        if (current) onReady();
      });
    return () => {
      current = false;
    };
  }, [gl, scene, camera, onReady]);
  return null;
}

/** Last child of the canvas, mounted once the world is in: its effect runs after every scene component above it. */
function RendererControl({ onReady }: { onReady: (control: FlightRendererControl) => void }) {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const advance = useThree((state) => state.advance);
  useEffect(() => {
    onReady({ gl, scene, advance: (timeS) => advance(timeS, true) });
  }, [gl, scene, advance, onReady]);
  return null;
}

/** Reports a lost WebGL context; three.js alone would leave a blank canvas and carry on. */
function ContextLossWatch({ onLost }: { onLost: () => void }) {
  const canvas = useThree((state) => state.gl.domElement);
  useEffect(() => {
    // No restore is attempted (that would need every buffer re-uploaded): the player replaces the renderer.
    canvas.addEventListener('webglcontextlost', onLost);
    return () => canvas.removeEventListener('webglcontextlost', onLost);
  }, [canvas, onLost]);
  return null;
}
