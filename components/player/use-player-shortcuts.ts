// The page-wide keyboard shortcuts: Space plays or pauses, the arrows seek, S shows the
// stream's statistics while the cloud draws the flight. Shift with the arrows looks around
// instead (look/use-look-keys.ts).
import { useEffect } from 'react';
import { SEEK_STEP_S } from './PlayerTimeline';

export interface PlayerShortcuts {
  togglePlay: () => void;
  seekBy: (deltaS: number) => void;
  revealControls: () => void;
  /** Null when the statistics have nothing to show (not streaming). */
  toggleStats: (() => void) | null;
}

export function usePlayerShortcuts({ togglePlay, seekBy, revealControls, toggleStats }: PlayerShortcuts): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof Element ? event.target : null;
      const onTimeline = target instanceof HTMLInputElement && target.type === 'range';
      if (event.key === ' ' || event.code === 'Space') {
        // A focused button or link acts on Space itself; toggling too would undo it.
        if (!onTimeline && target?.closest('button, a, input, select, textarea, [contenteditable="true"]')) return;
        event.preventDefault();
        togglePlay();
        revealControls();
      } else if (!event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
        // The timeline seeks on its own arrow keys (and prevents default), so it never reaches here twice.
        if (onTimeline || target?.closest('input, select, textarea, [contenteditable="true"]')) return;
        event.preventDefault();
        seekBy(event.key === 'ArrowLeft' ? -SEEK_STEP_S : SEEK_STEP_S);
        revealControls();
      } else if (toggleStats !== null && (event.key === 's' || event.key === 'S')) {
        if (target?.closest('input, select, textarea, [contenteditable="true"]')) return;
        toggleStats();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [togglePlay, seekBy, revealControls, toggleStats]);
}
