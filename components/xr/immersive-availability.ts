// Where the headset entry is offered: on the device path wherever it draws; on the cloud path
// where the stream lists a sphere for this route and nothing says it cannot be shown (data
// saver, no decoder for it, no WebGL2): the flat stream alone cannot surround anyone.
import { isSphereProfile } from '@/scenes/protocol/profile-ladder';
import type { CloudSnapshot } from '@/components/player/cloud/stream-client/cloud-snapshot';

const CANNOT_TURN: ReadonlySet<CloudSnapshot['lookAround']> = new Set(['not-baked', 'data-saver', 'unsupported']);

export function immersiveAvailable(
  showing: 'local' | 'cloud' | 'posters' | null,
  cloud: Pick<CloudSnapshot, 'lookAround' | 'profiles'> | null,
): boolean {
  if (showing === 'local') return true;
  if (showing !== 'cloud' || cloud === null || CANNOT_TURN.has(cloud.lookAround)) return false;
  return cloud.profiles.some((profile) => isSphereProfile(profile.id));
}
