// Which picture the visitor sees and why, as one short line in the player: the cinematic
// stream, a standard stream on its way up to it, or this device's drawing (and what keeps the
// cinematic picture away: it is still being prepared, the visitor asked to save data, the link
// is too thin, the stream faltered, or the visitor chose the device). Pure: the player passes
// what it knows and shows the message the key names.
import type { MessageKey } from '@/components/i18n/messages';
import type { HandoverReason } from '../handover/stage-layers';
import type { DecisionReason, RenderPreference } from '../render-choice/render-choice-types';
import { isCinematicProfile } from '../cloud/cinematic-profiles';

export interface PictureContext {
  /** What the stage shows now; null before the first renderer is up. */
  showing: 'local' | 'cloud' | 'posters' | null;
  cloudAvailable: boolean;
  preference: RenderPreference | null;
  /** The profile the stream shows now; null when not streaming. */
  streamProfile: string | null;
  /** The route has a finished cinematic bake this browser can decode. */
  cinematicReady: boolean;
  /** Auto's reasons; empty when the visitor chose a path or the probe has not run. */
  reasons: readonly DecisionReason[];
  /** Why the flight last moved to this device, if it did. */
  lastHandoverToDevice: HandoverReason | null;
}

export type PictureLineKey = Extract<MessageKey, `picture.${string}`>;

const STREAM_TROUBLE: readonly HandoverReason[] = ['stream-failed', 'stream-stalled'];

export function whichPicture(context: PictureContext): PictureLineKey | null {
  const { showing, cinematicReady, reasons } = context;
  if (showing === null || showing === 'posters') return null;
  if (showing === 'cloud') {
    if (context.streamProfile !== null && isCinematicProfile(context.streamProfile)) return 'picture.cloudCinematic';
    // The ladder starts cheap and climbs to the cinematic profile as the link proves it can.
    return cinematicReady ? 'picture.cloudClimbing' : 'picture.cloudPending';
  }
  if (!context.cloudAvailable) return 'picture.device';
  if (context.lastHandoverToDevice !== null && STREAM_TROUBLE.includes(context.lastHandoverToDevice)) return 'picture.deviceStreamFaltered';
  if (context.preference === 'local') return cinematicReady ? 'picture.deviceChosen' : 'picture.device';
  if (!cinematicReady) return 'picture.devicePending';
  if (reasons.includes('save-data')) return 'picture.deviceSaveData';
  if (reasons.includes('slow-network') || reasons.includes('cinematic-network-short')) return 'picture.deviceSlowNetwork';
  return 'picture.device';
}
