// When the player's controls show: always while paused; while playing, for a few seconds
// after the visitor moves, taps, types or focuses something, then they step aside.
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type { FlightClock } from '@/scenes/timeline/flight-clock';

const CONTROLS_HIDE_AFTER_MS = 3000;
/** Mice report movement constantly; a reveal this often is plenty. */
const MOUSE_REVEAL_EVERY_MS = 200;

export interface ControlsVisibility {
  /** Shown, as far as the visitor's activity goes: a paused flight shows them regardless. */
  controlsShown: boolean;
  revealControls: () => void;
  hideControls: () => void;
  /** The kind of pointer that last pressed inside the player ('mouse', 'touch', 'pen'). */
  lastPointerType: () => string;
  onPointerMove: (event: ReactPointerEvent<HTMLElement>) => void;
  onPointerDownCapture: (event: ReactPointerEvent<HTMLElement>) => void;
}

export function useControlsVisibility(clock: FlightClock, rootRef: RefObject<HTMLElement | null>): ControlsVisibility {
  const [controlsShown, setControlsShown] = useState(true);
  const hideTimerRef = useRef<number | undefined>(undefined);
  const lastPointerTypeRef = useRef<string>('mouse');
  const lastRevealMsRef = useRef(0);

  const revealControls = useCallback(() => {
    setControlsShown(true);
    lastRevealMsRef.current = performance.now();
    window.clearTimeout(hideTimerRef.current);
    hideTimerRef.current = window.setTimeout(() => {
      // A keyboard user working the controls keeps them; a mouse click's focus does not.
      const keyboardFocusInside = rootRef.current?.querySelector(':focus-visible') != null;
      if (clock.isPlaying(performance.now()) && !keyboardFocusInside) setControlsShown(false);
    }, CONTROLS_HIDE_AFTER_MS);
  }, [clock, rootRef]);

  const hideControls = useCallback(() => {
    window.clearTimeout(hideTimerRef.current);
    setControlsShown(false);
  }, []);

  useEffect(() => () => window.clearTimeout(hideTimerRef.current), []);

  const onPointerMove = useCallback(
    (event: ReactPointerEvent<HTMLElement>) => {
      if (event.pointerType === 'mouse' && performance.now() - lastRevealMsRef.current > MOUSE_REVEAL_EVERY_MS) revealControls();
    },
    [revealControls],
  );
  const onPointerDownCapture = useCallback((event: ReactPointerEvent<HTMLElement>) => {
    lastPointerTypeRef.current = event.pointerType;
  }, []);
  const lastPointerType = useCallback(() => lastPointerTypeRef.current, []);

  return { controlsShown, revealControls, hideControls, lastPointerType, onPointerMove, onPointerDownCapture };
}
