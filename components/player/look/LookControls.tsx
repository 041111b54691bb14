'use client';
// The look-around button in the control bar: it opens a small panel to face forward again,
// choose what a let-go view does (turn back or stay), turn the phone's gyroscope on, and
// (where a headset is present) enter the immersive view. Dragging the picture needs none of it;
// the panel says so for visitors who have not found it. The panel's code (LookPanel, with the
// headset's entry) loads on the first opening, or as the pointer or focus reaches the button.
import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import type { PlayerMessages } from '@/components/player/player-messages';
import type { ImmersiveStore } from '@/components/xr/immersive-store';
import { Line, LineIcon } from '../PlayerIcons';
import type { LookStore } from './look-store';
import styles from './LookControls.module.css';

const loadLookPanel = () => import('./LookPanel').then((module) => module.LookPanel);
const LookPanel = dynamic(loadLookPanel, { ssr: false });

export interface LookControlsProps {
  messages: PlayerMessages;
  store: LookStore;
  /** The player's headset session; its entry shows only where a headset can be used. */
  immersive: ImmersiveStore;
  /** The flight can surround the visitor in a headset now (drawn here, or the cloud's sphere: immersive-availability.ts). */
  immersiveAvailable: boolean;
}

export function LookIcon({ sizePx }: { sizePx?: number }) {
  return (
    <LineIcon sizePx={sizePx}>
      <Line d="M12 4a8 8 0 1 0 0.01 0" />
      <Line d="M4 12h16M12 4c-2.6 2.3-3.6 5-3.6 8s1 5.7 3.6 8c2.6-2.3 3.6-5 3.6-8s-1-5.7-3.6-8" />
    </LineIcon>
  );
}

export function LookControls({ messages, store, immersive, immersiveAvailable }: LookControlsProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      // Escape closes the panel only; it must not also leave full screen.
      event.stopPropagation();
      setOpen(false);
      rootRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
    }
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, [open]);

  return (
    <div ref={rootRef} className={styles.root}>
      <button
        type="button"
        className={styles.open}
        aria-expanded={open}
        aria-controls="look-panel"
        aria-label={messages['look.open']}
        title={messages['look.open']}
        // About to be opened, most likely: fetch the panel's code now so it opens without a wait.
        onPointerEnter={() => void loadLookPanel()}
        onFocus={() => void loadLookPanel()}
        onClick={() => setOpen((shown) => !shown)}
        data-testid="look-open"
      >
        <LookIcon />
      </button>
      {open && (
        <LookPanel id="look-panel" messages={messages} store={store} immersive={immersive} immersiveAvailable={immersiveAvailable} />
      )}
    </div>
  );
}
