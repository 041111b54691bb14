'use client';
// Publishes per-frame render statistics on window.__yunshanStats and marks the wrapper
// ready once a frame has been drawn. Runs after the frame's other updates, reading the
// renderer counters of the frame just finished.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef, type RefObject } from 'react';
import type { QualityTier } from '../../scenes/world/quality-tiers';
import './frame-stats';

export function FrameStats({ tier, getTimeS, readyTarget }: { tier: QualityTier; getTimeS: () => number; readyTarget: RefObject<HTMLElement | null> }) {
  const gl = useThree((state) => state.gl);
  const counter = useRef({ frames: 0, lastWallMs: 0 });

  useEffect(() => {
    // One render per frame: letting three reset its counters on each render makes them per-frame counts.
    gl.info.autoReset = true;
  }, [gl]);

  useFrame(() => {
    const c = counter.current;
    const now = performance.now();
    const frameMs = c.lastWallMs === 0 ? 0 : now - c.lastWallMs;
    c.lastWallMs = now;
    c.frames++;
    window.__yunshanStats = {
      frames: c.frames,
      timeS: getTimeS(),
      drawCalls: gl.info.render.calls,
      triangles: gl.info.render.triangles,
      tier,
      frameMs,
    };
    // Counters describe the previous render, so from the second frame on one has certainly been drawn.
    if (c.frames === 2 && readyTarget.current) readyTarget.current.dataset.ready = 'true';
  });
  return null;
}
