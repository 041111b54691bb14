// The render page's text message after the last chunk of a request: WebSocket order
// guarantees every chunk (chunk-codec bytes, the request id in the epoch field) arrived
// before it. Isomorphic: the page writes it, the pool parses it.
import { z } from 'zod';

export const RequestEndMessageSchema = z.strictObject({
  type: z.literal('request-end'),
  requestId: z.number().int().min(0),
  chunkCount: z.number().int().min(0),
});
export type RequestEndMessage = z.infer<typeof RequestEndMessageSchema>;
