// One render node's entry in the registry, as it heart-beats it into Redis and as every node
// reads it back: parsed on read, so a node of another release writing another shape is skipped,
// never trusted.
import { z } from 'zod';

export const NodeEntrySchema = z.strictObject({
  nodeId: z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/),
  /** Where browsers reach this node (its YUNSHAN_PUBLIC_RENDER_URL): the socket.io endpoint and the segments. */
  renderUrl: z.string().regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/),
  /** Bakes are keyed by the scene version: a node streams only the bakes of its own. */
  sceneVersion: z.string().min(1).max(200),
  sessions: z.number().int().min(0),
  maxSessions: z.number().int().min(0),
  /** This process's share of the machine's CPU over the last heartbeat interval, 0–1. */
  cpu: z.number().min(0).max(1),
  /** Its frame store answered the last probe. */
  healthy: z.boolean(),
  /** SIGTERM received: it takes no new viewers and is moving its own elsewhere. */
  draining: z.boolean(),
  heartbeatAtMs: z.number().int().min(0),
});
export type NodeEntry = z.infer<typeof NodeEntrySchema>;
