// What the render stage hook takes and gives: its options, the callbacks each layer reports
// through, and the stage the player renders.
import type { DrawnFrame } from '@/components/scene/FrameStats';
import type { QualityTier } from '@/scenes/world/quality-tiers';
import type { FlightClock } from '@/scenes/timeline/flight-clock';
import type { CloudSnapshot } from '../cloud/stream-client';
import type { RenderPreference } from '../render-choice/render-choice-types';
import type { HandoverRecord } from './handover-record';
import type { HandoverReason, LayerTarget, StageState } from './stage-layers';
import type { ShownNotice } from './use-stage-notice';

import type { LookStore } from '../look/look-store';

export interface RenderStageOptions {
  clock: FlightClock;
  cloudAvailable: boolean;
  preference: RenderPreference | null;
  /** Where the flight may go when the cloud fails; null when this device cannot draw it. */
  localTier: QualityTier | null;
  /** The page's URL fixed the tier: no watch lowers it. */
  tierForced: boolean;
  /** The route is still baking: a slow device keeps drawing, since the cloud has no picture to hand over to. */
  cloudBaking?: boolean;
  /** Where the visitor looks: every renderer reads it, and each handover's record notes it. */
  look?: LookStore;
}

export interface LayerCallbacks {
  localFrame: (id: number, frame: DrawnFrame) => void;
  localFailed: (id: number, reason: 'context-lost' | 'local-failed') => void;
  cloudFrame: (id: number, frameIndex: number, nowMs: number) => void;
  cloudSnapshot: (id: number, snapshot: CloudSnapshot) => void;
  postersReady: (id: number) => void;
  fadeDone: (id: number) => void;
}

export interface RenderStage {
  state: StageState | null;
  callbacks: LayerCallbacks;
  /** Puts the first renderer on the stage (once the choice is known). */
  start: (target: LayerTarget) => void;
  request: (target: LayerTarget, reason: HandoverReason) => void;
  handovers: readonly HandoverRecord[];
  notice: ShownNotice | null;
  /** The active cloud layer's latest state (for the player's controls), null when not streaming. */
  activeCloud: CloudSnapshot | null;
}
