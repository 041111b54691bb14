'use client';
// The whole rendered flight: the Wulingyuan world, the atmosphere and a camera that follows
// a route over time. The caller owns the clock (getTimeS), so playback, seeking and baking
// all drive the same canvas.
import { Canvas } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import type { Route } from '../../scenes/routes/route-schema';
import { DEFAULT_FOV_DEG } from '../../scenes/routes/route-schema';
import type { QualityTier } from '../../scenes/world/quality-tiers';
import { Atmosphere } from './atmosphere/Atmosphere';
import { FlightCamera } from './FlightCamera';
import { FrameStats } from './FrameStats';
import { WulingyuanWorld } from './WulingyuanWorld';

export interface FlightCanvasProps {
  route: Route;
  tier: QualityTier;
  getTimeS: () => number;
  /** Holds the clouds and ripples still; the flight itself still follows getTimeS. */
  reducedMotion?: boolean;
  className?: string;
  /** Only for capturing frames (tests, bakes): it costs a copy every frame. */
  preserveDrawingBuffer?: boolean;
}

const MAX_PIXEL_RATIO: Record<QualityTier, number> = { phone: 1.5, laptop: 2, bake: 1 };
export const CAMERA_NEAR_M = 1;
export const CAMERA_FAR_M = 9000;

export function FlightCanvas({ route, tier, getTimeS, reducedMotion = false, className, preserveDrawingBuffer = false }: FlightCanvasProps) {
  const wrapper = useRef<HTMLDivElement>(null);
  const gl = useMemo(
    () => ({ antialias: tier !== 'phone', preserveDrawingBuffer, powerPreference: 'high-performance' as const }),
    [tier, preserveDrawingBuffer],
  );
  const stillTimeS = reducedMotion ? 0 : undefined;
  return (
    <div ref={wrapper} className={className} data-ready="false" style={{ position: 'relative', width: '100%', height: '100%' }}>
      <Canvas
        gl={gl}
        dpr={[1, MAX_PIXEL_RATIO[tier]]}
        camera={{ near: CAMERA_NEAR_M, far: CAMERA_FAR_M, fov: route.keyframes[0].fovDeg ?? DEFAULT_FOV_DEG, position: route.keyframes[0].position }}
      >
        <FlightCamera route={route} getTimeS={getTimeS} />
        <Atmosphere timeOfDay={route.timeOfDay} tier={tier} timeS={stillTimeS} />
        <WulingyuanWorld tier={tier} timeS={stillTimeS} />
        <FrameStats tier={tier} getTimeS={getTimeS} readyTarget={wrapper} />
      </Canvas>
    </div>
  );
}
