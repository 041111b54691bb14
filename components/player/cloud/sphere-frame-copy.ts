// Copies a decoded sphere frame's planes out of its VideoFrame, off the animation frame:
// VideoFrame.copyTo is asynchronous and, for the decoder's I420 output, a plain copy (a
// fraction of a millisecond for a 2k frame here). Only one copy runs at a time; a frame that
// becomes due meanwhile waits, and a newer one replaces it (the older is never shown), so a
// slow copy drops frames rather than queueing them behind the visitor's turns.
import type { I420Picture, PlaneLayout } from './sphere-view-renderer';
import { yuvToRgb } from './yuv-colour';

/** Whether the frame's planes can be copied and drawn as they are (the decoders' usual 8-bit I420). */
export function isPlanarI420(image: VideoFrame | ImageBitmap): image is VideoFrame {
  return typeof VideoFrame !== 'undefined' && image instanceof VideoFrame && image.format === 'I420';
}

export class SphereFrameCopier {
  #buffer = new Uint8Array(0);
  #busy = false;
  #waiting: { frame: VideoFrame; timeS: number } | null = null;
  /** Bumped by drop(): a copy begun before it lands nowhere. */
  #generation = 0;
  #closed = false;
  readonly #onCopied: (picture: I420Picture, timeS: number) => void;

  /** `onCopied` gets each copied frame; it must take the planes (upload them) before it returns: the buffer is reused. */
  constructor(onCopied: (picture: I420Picture, timeS: number) => void) {
    this.#onCopied = onCopied;
  }

  /** Takes a clone of `frame` (the caller keeps and closes its own). */
  copy(frame: VideoFrame, timeS: number): void {
    if (this.#closed) return;
    const mine = frame.clone();
    if (this.#busy) {
      this.#waiting?.frame.close();
      this.#waiting = { frame: mine, timeS };
      return;
    }
    void this.#run(mine, timeS);
  }

  /** Forgets the frames not yet landed (the stream went back to flat pictures). */
  drop(): void {
    this.#generation += 1;
    this.#waiting?.frame.close();
    this.#waiting = null;
  }

  close(): void {
    this.drop();
    this.#closed = true;
  }

  async #run(frame: VideoFrame, timeS: number): Promise<void> {
    this.#busy = true;
    const generation = this.#generation;
    try {
      const size = frame.allocationSize();
      if (this.#buffer.byteLength < size) this.#buffer = new Uint8Array(size);
      const layout = (await frame.copyTo(this.#buffer)) as PlaneLayout[];
      if (!this.#closed && generation === this.#generation && layout.length === 3) {
        this.#onCopied(
          {
            width: frame.visibleRect?.width ?? frame.codedWidth,
            height: frame.visibleRect?.height ?? frame.codedHeight,
            data: this.#buffer,
            planes: [layout[0], layout[1], layout[2]],
            colour: yuvToRgb(frame.colorSpace),
          },
          timeS,
        );
      }
    } catch {
      // A frame closed under us (a seek's reset): the next one is copied as usual.
    } finally {
      frame.close();
      this.#busy = false;
    }
    const next = this.#waiting;
    this.#waiting = null;
    if (next && !this.#closed) void this.#run(next.frame, next.timeS);
    else next?.frame.close();
  }
}
