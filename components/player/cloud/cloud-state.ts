// Which cloud states leave the player with nothing to play. Its own module so the player
// can ask without loading the stream client (socket.io, simple-peer) for a local flight.
import type { CloudState } from './stream-client';

/** States with no picture to show: the cloud view explains instead, and the veil lifts. */
export function cloudStateBlocksPlayback(state: CloudState): boolean {
  return state === 'not-baked' || state === 'busy' || state === 'unavailable';
}
