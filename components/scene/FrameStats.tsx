'use client';
// Publishes per-frame render statistics on window.__yunshanStats and marks the wrapper
// ready once a frame has been drawn. Runs after the frame's other updates, reading the
// renderer counters of the frame just finished.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef, type RefObject } from 'react';
import type { QualityTier } from '@/scenes/world/quality-tiers';
import './frame-stats';

export interface FrameStatsProps {
  tier: QualityTier;
  getTimeS: () => number;
  readyTarget: RefObject<HTMLElement | null>;
  /** Every drawn frame, for the player's frame-rate watch and handovers. */
  onFrame?: (frame: DrawnFrame) => void;
}

/** One frame as the player's watch sees it. */
export interface DrawnFrame {
  /** Wall ms since the previous frame; 0 for the first. */
  frameMs: number;
  /** Route time the frame shows. */
  timeS: number;
  /** performance.now() when it was drawn. */
  nowMs: number;
  /** Frames drawn so far by this canvas. */
  frames: number;
}

export function FrameStats({ tier, getTimeS, readyTarget, onFrame }: FrameStatsProps) {
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
    const timeS = getTimeS();
    window.__yunshanStats = {
      frames: c.frames,
      timeS,
      drawCalls: gl.info.render.calls,
      triangles: gl.info.render.triangles,
      tier,
      frameMs,
    };
    // Counters describe the previous render, so from the second frame on one has certainly been drawn.
    if (c.frames === 2 && readyTarget.current) readyTarget.current.dataset.ready = 'true';
    onFrame?.({ frameMs, timeS, nowMs: now, frames: c.frames });
  });
  return null;
}
