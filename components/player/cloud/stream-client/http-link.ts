// The stream client's hold on the HTTP transport: opened when the session moves to HTTP
// segments, it fetches from where the frames received so far end (mid-flight the buffered
// frames keep the picture going meanwhile) or from the clock's frame, follows seeks, and is
// pumped every animation frame with the frame the clock names.
import { FRAMES_PER_SEGMENT } from '@/scenes/protocol/frame-timing';
import { HttpSegmentFeed } from '../http-segment-feed';
import { HttpThroughput } from '../http-throughput';
import type { PicturePipeline } from './picture-pipeline';
import type { HttpPlan } from './session-state';

export class HttpLink {
  #feed: HttpSegmentFeed | null = null;
  /** The link's speed over the segments fetched, kept across a switch of profile (a new feed). */
  readonly throughput = new HttpThroughput();

  constructor(
    private readonly pipeline: PicturePipeline,
    /** Where manifest paths lead: the node streaming now (a drain moves it). */
    public renderUrl: string,
    private readonly now: () => number,
    private readonly onProblem: (problem: string | null) => void,
  ) {}

  get active(): boolean {
    return this.#feed !== null;
  }

  /** Requests made so far (zero until the session moves to HTTP). */
  get requests(): { manifest: number; segment: number } {
    return this.#feed?.requests ?? { manifest: 0, segment: 0 };
  }

  /**
   * Starts fetching a profile's segments: on a move to HTTP, and on a switch of profile, where
   * the new feed goes on after the frames received (a segment's keyframe) and the buffered frames
   * of the old profile play out meanwhile, so the switch shows no gap.
   */
  open(plan: HttpPlan, clockFrame: number): void {
    this.#feed?.close();
    this.#feed = new HttpSegmentFeed({
      // A path names the render server; an absolute URL a CDN in front of it.
      manifestUrl: new URL(plan.manifestUrl, this.renderUrl).toString(),
      profileId: plan.profileId,
      media: this.pipeline,
      transfer: (bytes, startMs, endMs) => this.throughput.record(bytes, startMs, endMs),
      now: this.now,
      onProblem: this.onProblem,
    });
    if (plan.restart === true) {
      this.seek(clockFrame);
      return;
    }
    const received = this.pipeline.queue.lastReceivedIndex;
    this.#feed.seek(received >= 0 ? received + 1 : clockFrame);
  }

  /** A seek: the picture pipeline starts again at the frame, the feed at its segment (a keyframe). */
  seek(targetFrame: number): void {
    if (!this.#feed) return;
    this.pipeline.seek(targetFrame, true);
    this.#feed.seek(targetFrame);
  }

  pump(targetFrame: number): void {
    const feed = this.#feed;
    if (!feed) return;
    feed.pump(targetFrame);
    // Segments come in bursts, a second's worth at a time: a pause in bytes is a stall only
    // while a request is out (or failing) and less than a segment is left ahead.
    if (!feed.waiting || this.pipeline.bufferAheadFrames(targetFrame) >= FRAMES_PER_SEGMENT) {
      this.pipeline.deliveryExpectedSinceMs = this.now();
    }
  }

  close(): void {
    this.#feed?.close();
  }
}
