// The player's headset store, with its comfort rules: while the visitor is in the headset, the
// flight keeps the calm pace (half speed, still clouds), and Escape on a tethered keyboard leaves.
import { useEffect, useState } from 'react';
import { useImmersiveState } from './immersive-context';
import { createImmersiveStore, type ImmersiveStore } from './immersive-store';

export function useComfortableImmersive(calm: boolean, turnCalmOn: () => void): ImmersiveStore {
  const [store] = useState(createImmersiveStore);
  const { phase } = useImmersiveState(store);
  const on = phase === 'on';
  useEffect(() => {
    if (on && !calm) turnCalmOn();
  }, [on, calm, turnCalmOn]);
  useEffect(() => {
    if (!on) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') store.leave();
    }
    // Captured at the window, first of all: an open panel's own Escape handler must not keep the visitor in.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [on, store]);
  return store;
}
