// What the stream client tells the player: its state in a snapshot (for React and the
// player's watches) and its figures (for the stats panel and tests). Types only.
import type { ProfileId } from '@/scenes/protocol/profile-ladder';
import type { ProfileSummary } from '@/scenes/protocol/server-messages';
import type { TransportKind } from '@/scenes/protocol/stream-fields';
import type { BakeProgressSummary } from '../bake-progress';
import type { LookAroundStatus } from '../look-around-demand';

/** How the frames arrive: a WebRTC data channel, the socket.io fallback, or baked segments over plain HTTP. */
export type PlayerTransport = TransportKind | 'http';

export type CloudState =
  /** Reaching the render server and joining the route. */
  | 'connecting'
  /** Joined; waiting for the first picture. */
  | 'buffering'
  | 'streaming'
  /** The socket dropped; showing the last picture while it comes back. */
  | 'reconnecting'
  | 'not-baked'
  /** The page's revision was replaced and its frames are not stored: it will never stream. */
  | 'revision-gone'
  | 'busy'
  /** The render server cannot be reached, refused the route or spoke out of protocol: fly on the device instead. */
  | 'unavailable'
  | 'closed';

export interface CloudSnapshot {
  state: CloudState;
  transport: PlayerTransport | null;
  profile: ProfileId | null;
  profiles: readonly ProfileSummary[];
  /** Profiles the viewer may pick by hand: decodable here and within the data-saver cap. */
  selectableProfiles: readonly ProfileId[];
  bake: BakeProgressSummary | null;
  /** When the next automatic try after 'busy' or 'not-baked' happens (performance.now ms). */
  retryAtMs: number | null;
  /** Playing, but the frame due is not here yet. */
  waiting: boolean;
  /**
   * A picture is up and the frames after it are here (the decoded queue full, a second of
   * encoded frames received): a clock started now drops none of them. Autoplay waits for it.
   */
  primed: boolean;
  /**
   * Playing, and nothing has arrived for a while although more is due: the server or the
   * link has stopped. The picture still plays from the buffer, but not for long.
   */
  starved: boolean;
  /** A short technical reason for 'unavailable', for the stats panel and logs. */
  problem: string | null;
  /** Looking around (issue 14): what the view says of it (look-around-demand.ts). */
  lookAround: LookAroundStatus;
}

/** performance.now() marks of a stream's start: client start, server ready, first frame decoded and shown. */
export interface StreamMarks {
  startedAtMs: number;
  readyAtMs: number | null;
  firstFrameDecodedAtMs: number | null;
  firstFrameShownAtMs: number | null;
}

export interface CloudStats {
  transport: PlayerTransport | null;
  profile: ProfileId | null;
  width: number;
  height: number;
  fpsShown: number;
  bitrateKbps: number;
  bufferAheadS: number;
  rttMs: number | null;
  framesDecoded: number;
  framesShown: number;
  dropped: number;
  lastShownFrameIndex: number;
}
