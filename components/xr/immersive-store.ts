// The immersive (WebXR) session of one player, held outside React like the look: the entry
// button starts it from the visitor's gesture, the device renderer draws into it, and anyone
// can end it. "failed" stays until the next try, so the page can say why nothing happened.

export type ImmersivePhase = 'off' | 'starting' | 'on' | 'failed';

export interface ImmersiveState {
  phase: ImmersivePhase;
  session: XRSession | null;
}

export interface ImmersiveStore {
  getState(): ImmersiveState;
  subscribe(listener: () => void): () => void;
  starting(): void;
  began(session: XRSession): void;
  failed(): void;
  /** Ends the session if there is one (the easy way out), and forgets it. */
  leave(): void;
}

const OFF: ImmersiveState = Object.freeze({ phase: 'off', session: null });

export function createImmersiveStore(): ImmersiveStore {
  let state: ImmersiveState = OFF;
  const listeners = new Set<() => void>();
  const set = (next: ImmersiveState) => {
    state = next;
    listeners.forEach((listener) => listener());
  };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    starting: () => set({ phase: 'starting', session: null }),
    began(session) {
      // The headset's own button, or the browser, can end it too.
      session.addEventListener('end', () => {
        if (state.session === session) set(OFF);
      });
      set({ phase: 'on', session });
    },
    failed() {
      // A session that could not be drawn into is no use to the visitor: end it too.
      const session = state.session;
      set({ phase: 'failed', session: null });
      void session?.end().catch(() => null);
    },
    leave() {
      const session = state.session;
      set(OFF);
      void session?.end().catch(() => null);
    },
  };
}

/** No player, no headset: the bake page and the studio's preview never go immersive. */
export const NO_IMMERSIVE: ImmersiveStore = createImmersiveStore();
