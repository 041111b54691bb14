'use client';
// Looking around in the studio's preview: the player's own look store and drag, so a curator
// turns the device-drawn preview as a visitor turns a flight (the camera eases back to the
// route's direction on release, the player's default). Mounted with the preview's canvas only,
// so the poster before it stays a plain button.
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { LookProvider } from '../player/look/look-context';
import { createLookStore } from '../player/look/look-store';
import { latestDrawnLook } from '../player/look/look-test-handle';
import { useLookDrag } from '../player/look/use-look-drag';
import { createImmersiveStore } from '../xr/immersive-store';
import type { Messages } from '../i18n/messages';
import controls from './studio-controls.module.css';
import styles from './PreviewPane.module.css';

/** Until the preview's camera has drawn, a drag assumes the routes' usual field of view (as the player does). */
const USUAL_FOV_DEG = 55;
const verticalFovDeg = () => latestDrawnLook()?.fovDeg ?? USUAL_FOV_DEG;

export function PreviewLook({ messages: m, children }: { messages: Messages; children: ReactNode }) {
  const surfaceRef = useRef<HTMLDivElement>(null);
  const [store] = useState(() => createLookStore({ release: 'ease', gyro: false }));
  // No headset in the studio; the provider wants a session store all the same.
  const [immersive] = useState(createImmersiveStore);
  useLookDrag(surfaceRef, store, verticalFovDeg);
  const recentre = useCallback(() => store.recentre(), [store]);
  return (
    <LookProvider store={store} immersive={immersive}>
      <div ref={surfaceRef} className={styles.lookSurface} data-testid="studio-preview-look" title={m['look360.previewHint']}>
        {children}
      </div>
      <button type="button" className={`${controls.iconButton} ${styles.recentre}`} onClick={recentre} aria-label={m['look.recentre']}>
        ⟲
      </button>
    </LookProvider>
  );
}
