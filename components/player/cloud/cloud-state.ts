// Which cloud states leave the player with nothing to play, and the state a stream starts
// in. Its own module so the player can ask without loading the stream client (socket.io,
// simple-peer) for a local flight.
import type { CloudSnapshot, CloudState } from './stream-client';

export const INITIAL_CLOUD_SNAPSHOT: CloudSnapshot = {
  state: 'connecting',
  transport: null,
  profile: null,
  profiles: [],
  selectableProfiles: [],
  bake: null,
  retryAtMs: null,
  waiting: false,
  starved: false,
  primed: false,
  problem: null,
  lookAround: 'off',
};

/** A stream that cannot even start (its client failed to load): the player treats it as unreachable. */
export function unavailableSnapshot(problem: string): CloudSnapshot {
  return { ...INITIAL_CLOUD_SNAPSHOT, state: 'unavailable', problem };
}

/** States with no picture to show: the cloud view explains instead, and the veil lifts. */
export function cloudStateBlocksPlayback(state: CloudState): boolean {
  return state === 'not-baked' || state === 'revision-gone' || state === 'busy' || state === 'unavailable';
}
