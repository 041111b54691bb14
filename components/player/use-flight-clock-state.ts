// The flight clock's state (playing, ended, speed) for React: re-renders on the clock's
// events only, never per tick. Per-frame time is a pull (clock.timeAt) or useFlightTimeDisplay.
import { useSyncExternalStore } from 'react';
import type { FlightClock } from '@/scenes/timeline/flight-clock';
import type { FlightClockSnapshot } from '@/scenes/timeline/flight-clock-events';

export function useFlightClockState(clock: FlightClock): FlightClockSnapshot {
  // The server renders the same snapshot the client hydrates with: a clock is made paused.
  return useSyncExternalStore(clock.subscribe, clock.getSnapshot, clock.getSnapshot);
}
