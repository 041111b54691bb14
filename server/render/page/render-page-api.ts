// The contract between the Node renderer and its render page: what the page publishes on
// window and the jobs Node asks it to do. Types only, shared by both sides.
import type { Route } from '@/scenes/routes/route-schema';
import type { SceneTier } from '@/scenes/world/quality-tiers';
import type { ProfileProjection } from '@/scenes/protocol/profile-ladder';
import type { EncodingQuality } from './encode-quality-probe';

export interface RenderPageInfo {
  /** The unmasked WebGL renderer string, e.g. "ANGLE (Mesa, llvmpipe (LLVM 15…), OpenGL 4.5)". */
  glRenderer: string;
  webgl2: boolean;
}

export interface SegmentJob {
  requestId: number;
  fps: number;
  firstFrame: number;
  frameCount: number;
  codec: 'vp8' | 'jpeg';
  bitrateKbps: number;
  jpegQuality: number;
  /**
   * A VP9 encoding of the same frames beside the VP8 one (its chunks carry encoding 1 on the
   * loopback): one render, two encoders, so a VP9 twin costs an encode, not a second render.
   */
  vp9BitrateKbps: number | null;
  /** Draw and wait for the GPU only: no snapshot, no encode, no transfer (the bench's baseline). */
  renderOnly: boolean;
  /** Decode every VP8/VP9 chunk again and compare it with the drawn frame (the bench's quality measure; slow). */
  measureQuality: boolean;
}

export interface SegmentJobResult {
  chunkCount: number;
  /** Main-thread time drawing the frames and taking them off the canvas. */
  renderMs: number;
  /** Of renderMs: running the frame callbacks and issuing GL commands (scene update on the CPU). */
  advanceMs: number;
  totalMs: number;
  /** Of totalMs: waiting between frames while Node held the bake for the machine's foreground. */
  heldMs: number;
  /** Per encoding, when the job measured quality. */
  quality?: EncodingQuality[];
}

export interface StillJob {
  requestId: number;
  timeS: number;
  format: 'jpeg' | 'png';
  jpegQuality: number;
}

export interface RenderPageApi {
  info(): RenderPageInfo;
  /**
   * Mounts the route at this canvas size and tier (or keeps the mounted scene when nothing changed) and draws once.
   * 'equirect' draws every frame as the whole sphere around the pose (components/scene/omni), width = 2 × height.
   */
  setScene(route: Route, width: number, height: number, tier: SceneTier, projection?: ProfileProjection): Promise<void>;
  renderSegment(job: SegmentJob): Promise<SegmentJobResult>;
  renderStill(job: StillJob): Promise<void>;
  /** Hold (true) or release (false) the frames of segments in progress and to come, between frames. */
  setHeld(held: boolean): void;
}

declare global {
  interface Window {
    __yunshanRender?: RenderPageApi;
    /** Set when the page failed to start, so Node can report why instead of timing out. */
    __yunshanRenderError?: string;
  }
}
