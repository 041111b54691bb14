// Autoplay (?autoplay=1) waits for the picture, so a slow phone does not miss the opening
// seconds; a cloud flight with nothing to show (still baking, node full) waits for the visitor.
import { useEffect, useRef } from 'react';
import type { StageReadiness } from './use-stage-readiness';

export interface AutoplayOptions extends StageReadiness {
  autoplay: boolean;
  cloudBlocked: boolean;
  turnToPlaying: () => void;
}

export function useAutoplay({ autoplay, canvasReady, pictureSettled, cloudBlocked, turnToPlaying }: AutoplayOptions): void {
  const doneRef = useRef(false);
  useEffect(() => {
    if (!autoplay || doneRef.current || !canvasReady || !pictureSettled || cloudBlocked) return;
    // Once: whatever re-renders meanwhile, autoplay happens one time.
    doneRef.current = true;
    turnToPlaying();
  }, [autoplay, canvasReady, pictureSettled, cloudBlocked, turnToPlaying]);
}
