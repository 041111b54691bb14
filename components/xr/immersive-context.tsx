'use client';
// Hands the player's immersive store to the device renderer inside its canvas (React Three
// Fiber bridges context there), as look-context does for the look.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { NO_IMMERSIVE, type ImmersiveState, type ImmersiveStore } from './immersive-store';

const ImmersiveContext = createContext<ImmersiveStore | null>(null);

export function ImmersiveProvider({ store, children }: { store: ImmersiveStore; children: ReactNode }) {
  return <ImmersiveContext.Provider value={store}>{children}</ImmersiveContext.Provider>;
}

export function useImmersiveStore(): ImmersiveStore {
  return useContext(ImmersiveContext) ?? NO_IMMERSIVE;
}

export function useImmersiveState(store: ImmersiveStore): ImmersiveState {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}
