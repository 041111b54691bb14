// What the player puts on window about where the flight is drawn: the visitor's preference,
// the device probe and its decision, the stage's renderers and every handover measured.
// End-to-end tests read it; so can anyone curious, in the console.
import type { DeviceProbe, RenderDecision, RenderPreference } from '../render-choice/render-choice-types';
import type { HandoverRecord } from './handover-record';

export interface YunshanRenderChoiceHandle {
  readonly preference: RenderPreference | null;
  readonly probe: DeviceProbe | null;
  readonly decision: RenderDecision | null;
  /** The renderer showing the flight, e.g. "local:phone", "cloud", "posters"; null before the choice. */
  readonly active: string | null;
  /** The renderer being prepared to take over, if any. */
  readonly incoming: string | null;
  readonly handovers: readonly HandoverRecord[];
}

declare global {
  interface Window {
    __yunshanRenderChoice?: YunshanRenderChoiceHandle;
  }
}
