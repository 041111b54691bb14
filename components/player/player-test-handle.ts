// The handle the player puts on window for end-to-end tests and the screenshot script:
// read route time and drive the clock without simulating clicks.

export interface YunshanPlayerHandle {
  /** Route time in seconds, read from the clock now (not the throttled UI value). */
  timeS(): number;
  play(): void;
  pause(): void;
  /** Jumps to `timeS` seconds, clamped to the route. */
  seek(timeS: number): void;
  /** True while time is advancing. */
  playing(): boolean;
  readonly durationS: number;
}

declare global {
  interface Window {
    __yunshanPlayer?: YunshanPlayerHandle;
  }
}
