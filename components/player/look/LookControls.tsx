'use client';
// The look-around button in the control bar: it opens a small panel to face forward again,
// choose what a let-go view does (turn back or stay), turn the phone's gyroscope on, and
// (where a headset is present) enter the immersive view. Dragging the picture needs none of it;
// the panel says so for visitors who have not found it.
import { useEffect, useRef, useState } from 'react';
import type { Messages } from '@/components/i18n/messages';
import { ImmersiveEntry } from '@/components/xr/ImmersiveEntry';
import type { ImmersiveStore } from '@/components/xr/immersive-store';
import { Line, LineIcon } from '../PlayerIcons';
import { useLookSettings } from './look-context';
import type { LookStore } from './look-store';
import { gyroSupported, turnOnGyro } from './use-gyro-look';
import styles from './LookControls.module.css';

export interface LookControlsProps {
  messages: Messages;
  store: LookStore;
  /** The player's headset session; its entry shows only where a headset can be used. */
  immersive: ImmersiveStore;
  /** The flight is drawn on this device now, so the headset can surround the visitor with it. */
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
  const settings = useLookSettings(store);
  const [open, setOpen] = useState(false);
  const [gyroDenied, setGyroDenied] = useState(false);
  const [canGyro, setCanGyro] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  // Known only in the browser; the server renders without the gyroscope switch.
  useEffect(() => setCanGyro(gyroSupported()), []);

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

  async function toggleGyro() {
    if (settings.gyro) {
      store.setGyro(false);
      return;
    }
    // Called from the click itself: iOS only asks for motion access from a gesture.
    setGyroDenied(!(await turnOnGyro(store)));
  }

  return (
    <div ref={rootRef} className={styles.root}>
      <button
        type="button"
        className={styles.open}
        aria-expanded={open}
        aria-controls="look-panel"
        aria-label={messages['look.open']}
        title={messages['look.open']}
        onClick={() => setOpen((shown) => !shown)}
        data-testid="look-open"
      >
        <LookIcon />
      </button>
      {open && (
        <div id="look-panel" className={styles.panel} role="group" aria-label={messages['look.panel']} data-testid="look-panel">
          <p className={styles.hint}>{messages['look.hint']}</p>
          <button type="button" className={styles.item} onClick={() => store.recentre()} data-testid="look-recentre">
            {messages['look.recentre']}
          </button>
          <div className={styles.release} role="group" aria-label={messages['look.releaseGroup']}>
            <span className={styles.releaseLabel} aria-hidden="true">
              {messages['look.releaseGroup']}
            </span>
            <div className={styles.choices}>
              {(['ease', 'stay'] as const).map((release) => (
                <button
                  key={release}
                  type="button"
                  className={styles.choice}
                  aria-pressed={settings.release === release}
                  onClick={() => store.setRelease(release)}
                  data-testid={`look-release-${release}`}
                >
                  {messages[release === 'ease' ? 'look.releaseEase' : 'look.releaseStay']}
                </button>
              ))}
            </div>
          </div>
          {canGyro && (
            <button type="button" className={styles.item} aria-pressed={settings.gyro} onClick={toggleGyro} data-testid="look-gyro">
              {messages['look.gyro']}
            </button>
          )}
          {gyroDenied && (
            <p className={styles.note} role="status">
              {messages['look.gyroDenied']}
            </p>
          )}
          <ImmersiveEntry
            messages={messages}
            store={immersive}
            available={immersiveAvailable}
            className={styles.item}
            noteClassName={styles.note}
          />
        </div>
      )}
    </div>
  );
}
