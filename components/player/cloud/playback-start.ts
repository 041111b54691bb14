// When a cloud flight may start its clock: not at the first picture, as a video player would
// not. Frame 0 on the canvas says the stream has begun; it does not say the next second is
// here. A clock started then runs against a decoder still filling its queue and a data
// channel still ramping up, and the first second's frames arrive late and are dropped. The
// clock waits until the decoded queue is full and a second of encoded frames has arrived
// (or the route's end has), so the first frames due are already waiting. Pure.

/** Encoded frames beyond the one on screen before the clock may start, in seconds of flight. */
export const START_BUFFER_S = 1;

export interface StartBufferState {
  /** Index of the frame on the canvas; -1 before the first. */
  shownIndex: number;
  /** Decoded frames waiting to be shown. */
  decodedWaiting: number;
  /** How many decoded frames the buffer holds at most (the decoder stops there). */
  decodedCapacity: number;
  /** Highest encoded frame index received in the current epoch; -1 before any. */
  lastReceivedIndex: number;
  frameCount: number;
  fps: number;
}

/** True once the frames the clock will ask for first are here: the clock may start without dropping them. */
export function readyToStartClock(state: StartBufferState): boolean {
  if (state.shownIndex < 0) return false;
  const remaining = state.frameCount - 1 - state.shownIndex;
  const wantReceived = Math.min(remaining, Math.ceil(START_BUFFER_S * state.fps));
  const wantDecoded = Math.min(remaining, state.decodedCapacity);
  return state.lastReceivedIndex - state.shownIndex >= wantReceived && state.decodedWaiting >= wantDecoded;
}

/** Animation frames in a row that must keep pace before the clock may start. */
export const STEADY_DISPLAY_TICKS = 8;

/**
 * True once the page's animation frames come at least as often as the flight's frames, over
 * the last STEADY_DISPLAY_TICKS intervals. A page still hydrating, compiling or laying out
 * paints at 15–25 Hz for its first second or two: a clock started then passes frames that
 * are decoded and waiting, and they are dropped although the stream is on time. Each
 * interval may run half a frame long (one late refresh is absorbed by the buffer's late
 * tolerance); on average they must keep the flight's pace. `tickTimesMs` ascend.
 */
export function displayKeepsPace(tickTimesMs: readonly number[], fps: number): boolean {
  if (tickTimesMs.length < STEADY_DISPLAY_TICKS + 1) return false;
  const recent = tickTimesMs.slice(-(STEADY_DISPLAY_TICKS + 1));
  const frameMs = 1000 / fps;
  for (let i = 1; i < recent.length; i++) if (recent[i] - recent[i - 1] > frameMs * 1.5) return false;
  return (recent[recent.length - 1] - recent[0]) / STEADY_DISPLAY_TICKS <= frameMs;
}

/** The last few animation frames' times, kept for displayKeepsPace. */
export class DisplayPace {
  readonly #tickTimesMs: number[] = [];

  tick(nowMs: number): void {
    this.#tickTimesMs.push(nowMs);
    if (this.#tickTimesMs.length > STEADY_DISPLAY_TICKS + 1) this.#tickTimesMs.shift();
  }

  keepsPace(fps: number): boolean {
    return displayKeepsPace(this.#tickTimesMs, fps);
  }
}
