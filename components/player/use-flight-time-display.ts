// A view of route time that moves while the flight plays: the one place the player reads the
// clock frame by frame for React. The component that shows time (the timeline, the caption)
// calls it itself, so a frame re-renders that component only, and only when what it selects
// changes; the rest of the player re-renders on the clock's events alone (useFlightClockState).
import { useMemo, useSyncExternalStore } from 'react';
import type { FlightClock } from '@/scenes/timeline/flight-clock';
import { selectFlightTime, type FrameRequest } from '@/scenes/timeline/flight-time-selection';

export const requestBrowserFrame: FrameRequest = (callback) => {
  const frame = requestAnimationFrame(() => callback());
  return () => cancelAnimationFrame(frame);
};

export const browserNowMs = () => performance.now();

/** `select` must keep its identity across renders (useCallback or module scope): a new one starts a new store. */
export function useFlightTimeDisplay<T>(clock: FlightClock, select: (timeS: number) => T): T {
  const store = useMemo(() => selectFlightTime(clock, select, requestBrowserFrame, browserNowMs), [clock, select]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
