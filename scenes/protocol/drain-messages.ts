// A render node that is shutting down (SIGTERM: a deploy, a scale-in) tells each of its viewers
// where to play on, so the flight continues at the same frame rather than breaking off. The
// browser's client and the Node viewer parse it with parseServerMessage('draining', …).
import { z } from 'zod';
import { FrameIndexSchema } from './stream-fields';

/** Why a node drains; only a shutdown for now, more reasons may be added. */
export const DrainReasonSchema = z.enum(['shutdown']);

/** An absolute http(s) URL, as a page's renderUrl is: the socket.io endpoint of another node. */
const RenderUrlSchema = z
  .string()
  .max(2048)
  .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'an http(s) URL without query or fragment');

export const DrainTargetSchema = z.discriminatedUnion('kind', [
  /** Another healthy render node: open a socket there and join afresh (this node's resume token is not valid there). */
  z.strictObject({ kind: z.literal('node'), renderUrl: RenderUrlSchema }),
  /** No other node has room: play on over HTTP segments. */
  z.strictObject({ kind: z.literal('http') }),
]);
export type DrainTarget = z.infer<typeof DrainTargetSchema>;

export const DrainingMessageSchema = z.strictObject({
  reason: DrainReasonSchema,
  /** The node disconnects this socket after this long: the viewer should have moved by then. */
  closesInMs: z.number().int().min(0).max(3_600_000),
  moveTo: DrainTargetSchema,
  /** The frame the node last knew on the viewer's screen (its last ack), -1 before any; the viewer's own playhead wins. */
  playheadFrame: FrameIndexSchema,
});
export type DrainingMessage = z.infer<typeof DrainingMessageSchema>;
