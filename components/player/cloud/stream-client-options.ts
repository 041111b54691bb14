// What the cloud stream client is given: where to stream from, the clock it follows, the
// canvas it draws on, and the visitor's wishes (data saver, a profile by hand, looking around).
import type { ProfileId } from '@/scenes/protocol/profile-ladder';
import type { FlightClock } from '@/scenes/timeline/flight-clock';
import type { CloudSnapshot } from './stream-client/cloud-snapshot';
import type { LookAroundOptions } from './sphere-presenter';

export interface CloudStreamOptions {
  renderUrl: string;
  routeId: string;
  /** The revision the page shows: the server streams its frames, never another revision's. */
  revision: number;
  clock: FlightClock;
  canvas: HTMLCanvasElement;
  /** The player's data-saver setting (saveData and cellular links add to it). */
  dataSaver?: boolean;
  /** A profile chosen by hand; null for automatic. */
  manualProfile?: ProfileId | null;
  /** False skips WebRTC: frames come over HTTP segments (or socket.io where the server names none). */
  webrtc?: boolean;
  /** 'http' plays the baked segments over HTTP from the start (a page URL param, for testing). */
  transport?: 'auto' | 'http';
  onChange?: (snapshot: CloudSnapshot) => void;
  /** Every picture put on the canvas: its frame index and when (performance.now ms). */
  onFrameShown?: (frameIndex: number, nowMs: number) => void;
  now?: () => number;
  /** Look around (issue 14): stream a sphere profile where one is baked and draw the visitor's view out of it. */
  lookAround?: LookAroundOptions;
}
