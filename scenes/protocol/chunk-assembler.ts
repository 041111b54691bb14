// Joins the wire's fragments back into chunks. Both transports deliver in order, so a
// chunk is complete when its last fragment arrives; a fragment of another chunk abandons a
// partial one (counted in `abandoned`) instead of mixing bytes.
import { chunkOf, decodeChunkMessage, decodeChunkMessages, type ChunkFragment, type LabelledChunk } from './chunk-codec';

export class ChunkAssembler {
  private partial: { fragment: ChunkFragment; data: Uint8Array; received: number; next: number } | null = null;
  abandoned = 0;

  /** The completed chunk, or null while fragments are still missing; throws ChunkCodecError on bytes that are not a fragment. */
  push(message: ArrayBuffer | ArrayBufferView): LabelledChunk | null {
    return this.pushFragment(decodeChunkMessage(message));
  }

  /** Every chunk a message completes, for a message that may pack several fragments; throws ChunkCodecError as push does, before taking any of them. */
  pushPacked(message: ArrayBuffer | ArrayBufferView): LabelledChunk[] {
    const completed: LabelledChunk[] = [];
    for (const fragment of decodeChunkMessages(message)) {
      const chunk = this.pushFragment(fragment);
      if (chunk !== null) completed.push(chunk);
    }
    return completed;
  }

  private pushFragment(fragment: ChunkFragment): LabelledChunk | null {
    if (fragment.fragmentCount === 1) {
      if (this.partial !== null) this.abandon();
      if (fragment.payload.byteLength !== fragment.frameBytes) {
        this.abandoned++;
        return null;
      }
      return chunkOf(fragment, fragment.payload);
    }
    const current = this.partial;
    const continues =
      current !== null &&
      current.fragment.index === fragment.index &&
      current.fragment.epoch === fragment.epoch &&
      current.fragment.profileIndex === fragment.profileIndex &&
      current.fragment.frameBytes === fragment.frameBytes &&
      current.next === fragment.fragmentIndex &&
      current.received === fragment.fragmentOffset;
    if (!continues) {
      if (current !== null) this.abandon();
      if (fragment.fragmentIndex !== 0 || fragment.fragmentOffset !== 0) {
        this.abandoned++;
        return null;
      }
      this.partial = { fragment, data: new Uint8Array(fragment.frameBytes), received: 0, next: 0 };
    }
    const partial = this.partial!;
    partial.data.set(fragment.payload, fragment.fragmentOffset);
    partial.received += fragment.payload.byteLength;
    partial.next++;
    if (partial.next < fragment.fragmentCount) return null;
    this.partial = null;
    if (partial.received !== fragment.frameBytes) {
      this.abandoned++;
      return null;
    }
    return chunkOf(partial.fragment, partial.data);
  }

  reset(): void {
    this.partial = null;
  }

  private abandon(): void {
    this.partial = null;
    this.abandoned++;
  }
}
