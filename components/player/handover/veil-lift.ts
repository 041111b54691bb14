// How the veil holding the page's poster leaves the stage. Over the stage's held poster (the
// same picture in the same place) it lifts at once: a fade would only cost the phone a second of
// full-screen compositing while the page hydrates (issue 15). Any other picture fades in from
// under it.
import type { StageState } from './stage-layers';

export function veilLiftsAtOnce(heldPosterUrl: string | null, stageState: StageState | null): boolean {
  return heldPosterUrl !== null && stageState?.active.kind === 'posters' && stageState.active.held === true;
}
