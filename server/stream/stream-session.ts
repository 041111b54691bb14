// One viewer's stream: which frames to send next and when. It keeps the viewer about two
// seconds ahead of its playhead (estimated from the viewer's acks, extrapolated at the
// playback rate for at most ACK_STALE_MS) and never lets the transport's queue grow past
// a bound, polling it because wrtc never fires bufferedamountlow. Transport-agnostic:
// it runs the same over a data channel or socket.io.
import { FRAMES_PER_SEGMENT, seekStartFrame } from '@/scenes/protocol/frame-timing';
import { profileIndexOf, type ProfileId } from '@/scenes/protocol/profile-ladder';
import { sameRungIn } from '@/scenes/protocol/codec-choice';
import type { BakedRoute, BakedRouteSource } from './baked-route-source';
import type { FrameTransport } from './frame-transport';
import { encodeChunkMessages, type EncodedChunk } from '@/scenes/protocol/chunk-codec';
import type { AckMessage, ControlMessage } from '@/scenes/protocol/client-messages';
import type { StateMessage, StreamErrorMessage } from '@/scenes/protocol/server-messages';
import { MAX_AHEAD_MS, MAX_MESSAGE_BYTES, MIN_AHEAD_MS, TARGET_AHEAD_MS } from '@/scenes/protocol/stream-limits';

/** Without an ack for this long the server stops assuming the viewer keeps playing. */
export const ACK_STALE_MS = 1000;
/** How often a session blocked on a full transport queue looks again. */
export const BACKPRESSURE_POLL_MS = 10;
export const DEFAULT_MAX_BUFFERED_BYTES = 512 * 1024;
/**
 * Once full, a session waits until the viewer is this much below the target and then
 * tops up in one go: a few wake-ups a second per viewer instead of one per frame, which
 * is most of what a node's CPU spends per viewer.
 */
export const REFILL_MS = 300;

/** Shared by every session of a node, for /metrics. */
export interface StreamCounters {
  bytesSent: number;
  framesSent: number;
  stalls: number;
}

export interface SessionListener {
  state(message: StateMessage): void;
  error(message: StreamErrorMessage): void;
}

export interface StreamSessionOptions {
  id: string;
  resumeToken: string;
  route: BakedRoute;
  source: BakedRouteSource;
  /** Profiles this viewer may receive (baked, within its capabilities). */
  profiles: readonly ProfileId[];
  profile: ProfileId;
  startS: number;
  counters: StreamCounters;
  targetAheadMs?: number;
  maxBufferedBytes?: number;
  /** The viewer reads frame messages packed several to one (its join's capabilities.packedFrames). */
  packedFrames?: boolean;
  nowMs?: () => number;
}

export class StreamSession {
  readonly id: string;
  readonly resumeToken: string;
  readonly route: BakedRoute;
  readonly profiles: readonly ProfileId[];
  readonly packedFrames: boolean;
  private readonly source: BakedRouteSource;
  private readonly counters: StreamCounters;
  private readonly targetAheadMs: number;
  private readonly maxBufferedBytes: number;
  private readonly now: () => number;

  private transportInUse: FrameTransport | null = null;
  listener: SessionListener | null = null;

  epoch = 0;
  profile: ProfileId;
  pendingProfile: ProfileId | null = null;
  paused = true;
  rate = 1;
  startFrame = 0;
  targetFrame = 0;
  /** The next frame index to send in this epoch. */
  nextFrame = 0;
  /** The viewer's playhead at anchorMs (from its last ack, or from a control). */
  private anchorFrame = -1;
  private anchorMs = 0;
  private stalled = false;
  private failed = false;
  private closed = false;
  private pumping = false;
  private timer: NodeJS.Timeout | null = null;
  private timerDueMs = Number.POSITIVE_INFINITY;
  framesSent = 0;
  bytesSent = 0;

  constructor(options: StreamSessionOptions) {
    this.id = options.id;
    this.resumeToken = options.resumeToken;
    this.route = options.route;
    this.profiles = options.profiles;
    this.packedFrames = options.packedFrames === true;
    this.profile = options.profile;
    this.source = options.source;
    this.counters = options.counters;
    this.targetAheadMs = Math.min(MAX_AHEAD_MS, Math.max(MIN_AHEAD_MS, options.targetAheadMs ?? TARGET_AHEAD_MS));
    this.maxBufferedBytes = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
    this.now = options.nowMs ?? (() => performance.now());
    this.restartAt(options.startS * this.route.fps);
    this.epoch = 0;
  }

  get transport(): FrameTransport | null {
    return this.transportInUse;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  state(): StateMessage {
    return {
      epoch: this.epoch,
      startFrame: this.startFrame,
      targetFrame: this.targetFrame,
      paused: this.paused,
      rate: this.rate,
      profile: this.profile,
      pendingProfile: this.pendingProfile,
      transport: this.transportInUse?.kind ?? 'none',
    };
  }

  /** Starts sending over `transport` (closing any previous one) from the keyframe at or before the playhead. */
  attachTransport(transport: FrameTransport): void {
    if (this.closed) {
      transport.close();
      return;
    }
    const previous = this.transportInUse;
    this.transportInUse = transport;
    if (previous !== null && previous !== transport) previous.close();
    if (previous === null && this.nextFrame === this.startFrame) {
      // Nothing of this epoch went out yet: its first keyframe is still the right start.
      this.notifyState();
      this.wake();
      return;
    }
    // Frames queued on the old transport may be lost: start again at a keyframe.
    this.restartAtPlayhead();
  }

  /** The transport went away (peer closed, socket gone); the session waits for another. */
  detachTransport(transport?: FrameTransport): void {
    if (transport !== undefined && transport !== this.transportInUse) return;
    this.transportInUse?.close();
    this.transportInUse = null;
    this.clearTimer();
    this.notifyState();
  }

  /** Restarts at the keyframe at or before where the viewer is now (after a transport change or resume). */
  restartAtPlayhead(positionFrame?: number): void {
    const playhead = positionFrame ?? this.playheadAt(this.now());
    // Short of this epoch's target the viewer has shown nothing new (frames before it only
    // prime the decoder), so the target still stands: two quick restarts must not walk it back.
    this.restartAt(playhead < this.targetFrame ? this.targetFrame : Math.floor(playhead));
  }

  control(message: Exclude<ControlMessage, { type: 'transport' }>): void {
    const now = this.now();
    switch (message.type) {
      case 'play':
      case 'pause':
        this.reanchor(now);
        this.paused = message.type === 'pause';
        break;
      case 'speed':
        this.reanchor(now);
        this.rate = message.rate;
        break;
      case 'seek':
        this.failed = false;
        this.restartAt(message.timeS * this.route.fps);
        return;
      case 'profile': {
        // A player may name a rung in the other codec (720p while it streams 720p-vp9).
        const id = sameRungIn(message.id, this.profiles);
        if (id === null) {
          this.listener?.error({
            code: 'profile-unavailable',
            message: `profile ${message.id} is not available to this viewer; available: ${this.profiles.join(', ')}`,
          });
          return;
        }
        this.pendingProfile = id === this.profile ? null : id;
        break;
      }
    }
    this.notifyState();
    this.wake();
  }

  ack(message: AckMessage): void {
    if (message.epoch !== this.epoch || this.closed) return;
    const now = this.now();
    this.anchorFrame = Math.max(message.playheadFrame, this.targetFrame - 1);
    this.anchorMs = now;
    const frameMs = 1000 / this.route.fps;
    const stalledNow =
      !this.paused &&
      message.playheadFrame >= this.targetFrame &&
      message.bufferAheadMs < frameMs &&
      message.lastReceivedFrame < this.route.frameCount - 1;
    if (stalledNow && !this.stalled) this.counters.stalls++;
    this.stalled = stalledNow;
    this.wake();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.clearTimer();
    this.transportInUse?.close();
    this.transportInUse = null;
    this.listener = null;
  }

  /** Media ahead of the viewer's playhead, in wall-clock ms at the current rate. */
  aheadMs(now = this.now()): number {
    const aheadFrames = this.nextFrame - 1 - this.playheadAt(now);
    return ((aheadFrames / this.route.fps) * 1000) / this.rate;
  }

  /** The viewer's own word on where it is (with a transport change): fresher than its last ack. */
  notePlayhead(frame: number): void {
    if (this.closed) return;
    this.anchorFrame = Math.min(frame, this.route.frameCount - 1);
    this.anchorMs = this.now();
  }

  /** The frame the viewer is estimated to show now (-1 before its first). */
  playheadFrame(): number {
    return this.playheadAt(this.now());
  }

  private playheadAt(now: number): number {
    const until = Math.min(now, this.anchorMs + ACK_STALE_MS);
    const advanced = this.paused ? 0 : (Math.max(0, until - this.anchorMs) / 1000) * this.route.fps * this.rate;
    // The viewer cannot be showing a frame it has not been sent.
    return Math.min(this.anchorFrame + advanced, this.nextFrame - 1);
  }

  private reanchor(now: number): void {
    this.anchorFrame = this.playheadAt(now);
    this.anchorMs = now;
  }

  private restartAt(frame: number): void {
    const lastFrame = this.route.frameCount - 1;
    const target = Math.min(lastFrame, Math.max(0, Math.round(frame)));
    this.epoch = (this.epoch + 1) & 0xffff;
    this.startFrame = seekStartFrame(target, this.route.frameCount);
    this.targetFrame = target;
    this.nextFrame = this.startFrame;
    this.anchorFrame = target - 1;
    this.anchorMs = this.now();
    this.stalled = false;
    // A new epoch starts at a keyframe: a pending profile switch can happen right here.
    if (this.pendingProfile !== null) {
      this.profile = this.pendingProfile;
      this.pendingProfile = null;
    }
    this.notifyState();
    this.wake();
  }

  private notifyState(): void {
    this.listener?.state(this.state());
  }

  private wake(): void {
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    const dueMs = this.now() + delayMs;
    if (this.timer !== null && this.timerDueMs <= dueMs) return;
    this.clearTimer();
    this.timerDueMs = dueMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerDueMs = Number.POSITIVE_INFINITY;
      void this.pump();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.timerDueMs = Number.POSITIVE_INFINITY;
  }

  private async pump(): Promise<void> {
    if (this.pumping) {
      // The running pass will look again; make sure something does once it ends.
      this.schedule(BACKPRESSURE_POLL_MS);
      return;
    }
    this.pumping = true;
    let filling = false;
    try {
      for (;;) {
        const transport = this.transportInUse;
        if (this.closed || this.failed || transport === null || transport.closed) return;
        if (this.nextFrame >= this.route.frameCount) return;
        const now = this.now();
        const aheadMs = this.aheadMs(now);
        const stopAtMs = filling ? this.targetAheadMs : this.targetAheadMs - REFILL_MS;
        if (aheadMs >= stopAtMs) {
          // Paused, or playing on stale acks: an ack or a control wakes the session.
          if (!this.paused) this.schedule(Math.min(1000, Math.max(1000 / this.route.fps, aheadMs - (this.targetAheadMs - REFILL_MS))));
          return;
        }
        filling = true;
        if (transport.bufferedBytes() >= this.maxBufferedBytes) {
          this.schedule(BACKPRESSURE_POLL_MS);
          return;
        }
        if (this.pendingProfile !== null && this.nextFrame % FRAMES_PER_SEGMENT === 0) {
          this.profile = this.pendingProfile;
          this.pendingProfile = null;
          this.notifyState();
        }
        const epoch = this.epoch;
        const profile = this.profile;
        const frameIndex = this.nextFrame;
        const chunk = await this.chunkAt(profile, frameIndex);
        if (epoch !== this.epoch || profile !== this.profile || frameIndex !== this.nextFrame || transport !== this.transportInUse)
          continue;
        const messages = encodeChunkMessages(
          {
            index: frameIndex,
            timestampUs: chunk.timestampUs,
            key: chunk.key,
            data: chunk.data,
            profileIndex: profileIndexOf(profile),
            epoch,
            last: frameIndex === this.route.frameCount - 1,
          },
          MAX_MESSAGE_BYTES,
        );
        let bytes = 0;
        for (const message of messages) {
          if (!transport.send(message)) return;
          bytes += message.byteLength;
        }
        this.nextFrame = frameIndex + 1;
        this.framesSent++;
        this.bytesSent += bytes;
        this.counters.framesSent++;
        this.counters.bytesSent += bytes;
      }
    } catch (error) {
      this.failed = true;
      this.listener?.error({ code: 'frame-store', message: `could not read frames: ${(error as Error).message}; seek to try again` });
    } finally {
      // Frames packed during this pass leave now, whatever ended it.
      this.transportInUse?.flush();
      this.pumping = false;
    }
  }

  private async chunkAt(profile: ProfileId, frameIndex: number): Promise<EncodedChunk> {
    const segmentIndex = Math.floor(frameIndex / FRAMES_PER_SEGMENT);
    const key = this.route.keyFor(profile);
    let chunks = this.source.cachedSegment(key, segmentIndex);
    if (chunks === null) {
      // Frames packed so far do not wait on the disk.
      this.transportInUse?.flush();
      chunks = await this.source.segment(key, segmentIndex);
    }
    const offset = frameIndex - segmentIndex * FRAMES_PER_SEGMENT;
    const chunk = chunks[offset];
    if (chunk === undefined || chunk.index !== frameIndex)
      throw new Error(`segment ${segmentIndex} of ${profile} has no frame ${frameIndex}`);
    // Read the next segment while this one is sent, so a segment boundary never waits on disk.
    if (
      offset === 0 &&
      (segmentIndex + 1) * FRAMES_PER_SEGMENT < this.route.frameCount &&
      this.source.cachedSegment(key, segmentIndex + 1) === null
    ) {
      this.source.segment(key, segmentIndex + 1).catch(() => {});
    }
    return chunk;
  }
}
