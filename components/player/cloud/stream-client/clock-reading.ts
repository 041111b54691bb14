// What the session reducer reads of the flight clock with every event: where the flight is,
// whether it plays and how fast, and the frame on screen.
import type { FlightClock } from '@/scenes/timeline/flight-clock';
import type { ClockReading } from './session-state';

export function readFlightClock(clock: FlightClock, nowMs: number, shownFrame: number): ClockReading {
  return { timeS: clock.timeAt(nowMs), playing: clock.isPlaying(nowMs), rate: clock.speed, shownFrame };
}
