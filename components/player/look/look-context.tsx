'use client';
// Hands the player's look store to whatever draws the flight (the device's camera, the cloud's
// sphere view, the headset), however deep: React Three Fiber bridges context into its canvas.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { ImmersiveProvider } from '@/components/xr/immersive-context';
import type { ImmersiveStore } from '@/components/xr/immersive-store';
import { STILL_LOOK, type LookSettings, type LookStore } from './look-store';

const LookContext = createContext<LookStore | null>(null);

/** The look, and in a headset the session the head looks through. */
export function LookProvider({ store, immersive, children }: { store: LookStore; immersive: ImmersiveStore; children: ReactNode }) {
  return (
    <LookContext.Provider value={store}>
      <ImmersiveProvider store={immersive}>{children}</ImmersiveProvider>
    </LookContext.Provider>
  );
}

/** The player's look; outside a player (a bake, the studio's preview) the route's own direction. */
export function useLookStore(): LookStore {
  return useContext(LookContext) ?? STILL_LOOK;
}

/** The settings, re-rendering on their change only (never on the look itself). */
export function useLookSettings(store: LookStore): LookSettings {
  return useSyncExternalStore(store.subscribe, store.getSettings, store.getSettings);
}
