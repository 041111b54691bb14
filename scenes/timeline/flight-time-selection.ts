// What a time display shows of the flight clock, as a store a view can subscribe to: a
// value selected from route time (the thumb's position, the caption in view) that follows
// the clock's events, and frame by frame only while it plays. It tells its subscribers only
// when the selected value changes, so a display re-renders when it would look different,
// not every frame. No React and no DOM: the caller passes the frame scheduler and the time.
import type { FlightClock } from './flight-clock';

/** Runs `callback` before the next frame is drawn (requestAnimationFrame in the browser); returns what cancels it. */
export type FrameRequest = (callback: () => void) => () => void;

export interface FlightTimeSelection<T> {
  subscribe(onChange: () => void): () => void;
  /** The selected value as of the last event or frame: stable between changes, as useSyncExternalStore needs. */
  getSnapshot(): T;
}

export function selectFlightTime<T>(
  clock: FlightClock,
  select: (timeS: number) => T,
  requestFrame: FrameRequest,
  nowMs: () => number,
): FlightTimeSelection<T> {
  let current = select(clock.timeAt(nowMs()));
  const listeners = new Set<() => void>();
  let stopClock: (() => void) | null = null;
  let cancelFrame: (() => void) | null = null;

  const refresh = () => {
    const next = select(clock.timeAt(nowMs()));
    if (Object.is(next, current)) return;
    current = next;
    for (const listener of [...listeners]) listener();
  };
  // Frames are asked for only while time runs; a paused or ended clock moves only by its events.
  const follow = () => {
    if (!clock.getSnapshot().playing) {
      cancelFrame?.();
      cancelFrame = null;
    } else if (cancelFrame === null) {
      cancelFrame = requestFrame(onFrame);
    }
  };
  const onFrame = () => {
    cancelFrame = null;
    refresh();
    follow();
  };
  const onClockEvent = () => {
    refresh();
    follow();
  };

  return {
    subscribe(onChange) {
      listeners.add(onChange);
      if (stopClock === null) {
        stopClock = clock.subscribe(onClockEvent);
        // The clock may have moved since the value was last read.
        onClockEvent();
      }
      return () => {
        listeners.delete(onChange);
        if (listeners.size > 0 || stopClock === null) return;
        stopClock();
        stopClock = null;
        cancelFrame?.();
        cancelFrame = null;
      };
    },
    getSnapshot: () => current,
  };
}
