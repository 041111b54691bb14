// The passing word the player says after a handover it made on its own: where the flight is
// drawn now, and why. A handover the visitor asked for, or the probe's first choice, goes
// unannounced; the posters explain themselves in their own card. Pure.
import type { HandoverReason, LayerTarget } from './stage-layers';

/** 'cloud-behind': a switch to the cloud gave up, its stream never caught up with the clock; the device draws on. */
export type StageNotice = 'to-cloud' | 'to-device' | 'lighter' | 'cloud-ready' | 'cloud-behind';

export function noticeAfterHandover(reason: HandoverReason | null, from: LayerTarget, to: LayerTarget): StageNotice | null {
  if (reason === null || reason === 'choice' || reason === 'probe' || to.kind === 'posters') return null;
  if (reason === 'cloud-ready') return 'cloud-ready';
  if (to.kind === 'cloud') return 'to-cloud';
  return from.kind === 'local' ? 'lighter' : 'to-device';
}
