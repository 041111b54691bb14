// Listens for the keyboard look (look-keys.ts) on the page, as the player's shortcuts do, and
// leaves typing in a field alone.
import { useEffect } from 'react';
import { isLookArrow, isRecentreKey, turnRatesOf, type LookArrow } from './look-keys';
import type { LookStore } from './look-store';

function typingIn(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, select, textarea, [contenteditable="true"]') !== null;
}

export function useLookKeys(store: LookStore, onLook: () => void): void {
  useEffect(() => {
    const held = new Set<LookArrow>();
    const apply = () => {
      const rates = turnRatesOf(held);
      store.setTurnRate(rates.yawRateRadPerS, rates.pitchRateRadPerS);
    };
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typingIn(event.target)) return;
      if (event.shiftKey && isLookArrow(event.key)) {
        event.preventDefault();
        if (event.repeat || held.has(event.key)) return;
        held.add(event.key);
        apply();
        onLook();
      } else if (!event.shiftKey && isRecentreKey(event.key)) {
        store.recentre();
        onLook();
      }
    }
    function onKeyUp(event: KeyboardEvent) {
      // Letting go of Shift first ends the turn as well as letting go of the arrow.
      if (isLookArrow(event.key)) {
        if (held.delete(event.key)) apply();
      } else if (event.key === 'Shift') {
        stopAll();
      }
    }
    function stopAll() {
      if (held.size === 0) return;
      held.clear();
      apply();
    }
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', stopAll);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', stopAll);
      stopAll();
    };
  }, [store, onLook]);
}
