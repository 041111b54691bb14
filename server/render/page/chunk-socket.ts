// The render page's side of the loopback WebSocket: encoded frames go to Node as binary
// messages, each request closes with a text message once all its frames are queued.
import { encodeChunk, type EncodedChunk } from '@/scenes/protocol/chunk-codec';
import type { RequestEndMessage } from '../request-end-message';

export interface ChunkSocket {
  /**
   * The request id travels in the codec's epoch field, and the encoding's place in the job
   * (0, or 1 for a VP9 twin encoded from the same frames) in its profile index field.
   */
  sendChunk(frame: EncodedChunk & { requestId: number; encoding?: number }): void;
  endRequest(requestId: number, chunkCount: number): void;
}

export function openChunkSocket(url: string, timeoutMs: number): Promise<ChunkSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.binaryType = 'arraybuffer';
    const timer = setTimeout(() => reject(new Error(`Chunk socket ${url} did not open within ${timeoutMs} ms`)), timeoutMs);
    socket.addEventListener('error', () => reject(new Error(`Chunk socket ${url} failed to open`)));
    socket.addEventListener('open', () => {
      clearTimeout(timer);
      resolve({
        sendChunk(frame) {
          if (socket.readyState !== WebSocket.OPEN) throw new Error('Chunk socket is closed');
          socket.send(encodeChunk(frame, { epoch: frame.requestId, profileIndex: frame.encoding ?? 0 }));
        },
        endRequest(requestId, chunkCount) {
          const message: RequestEndMessage = { type: 'request-end', requestId, chunkCount };
          socket.send(JSON.stringify(message));
        },
      });
    });
  });
}

const yieldChannel = new MessageChannel();
const yieldWaiters: Array<() => void> = [];
yieldChannel.port1.onmessage = () => yieldWaiters.shift()?.();

/**
 * Lets queued tasks (encoder output callbacks, socket sends) run between frames without
 * setTimeout's 4 ms clamp.
 */
export function yieldToTasks(): Promise<void> {
  return new Promise((resolve) => {
    yieldWaiters.push(resolve);
    yieldChannel.port2.postMessage(null);
  });
}
