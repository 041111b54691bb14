'use client';
// Draws a flight on demand: with frameloop 'demand' R3F draws only when something asks. It
// redraws by itself on a resize or a change to the scene's objects (the store and the
// reconciler invalidate); this adds the changes it cannot see: the caller's own (a seek of the
// paused flight clock), and looks that only per-frame code reads (tier, reduced motion).
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';

/**
 * Frames drawn when on-demand drawing begins: FrameStats marks the picture ready on the second
 * (its counters describe the frame before), and the one after shows it settled.
 */
const SETTLE_FRAMES = 3;

export interface DemandRedrawProps {
  /** Calls `redraw` whenever the picture changes for a reason outside the scene; returns what stops it. */
  subscribe?: (redraw: () => void) => () => void;
  /** Names what per-frame code alone draws from (route, tier, reduced motion): a new key redraws. */
  lookKey: string;
}

export function DemandRedraw({ subscribe, lookKey }: DemandRedrawProps) {
  const invalidate = useThree((state) => state.invalidate);
  const frameloop = useThree((state) => state.frameloop);
  const onDemand = frameloop === 'demand';

  useEffect(() => {
    if (onDemand) invalidate(SETTLE_FRAMES);
  }, [onDemand, invalidate, lookKey]);

  useEffect(() => {
    if (!onDemand || !subscribe) return;
    return subscribe(() => invalidate());
  }, [onDemand, subscribe, invalidate]);
  return null;
}
