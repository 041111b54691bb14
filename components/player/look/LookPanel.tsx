'use client';
// The look panel's contents: face forward, what a let-go view does, the phone's gyroscope and
// (where a headset is present) the immersive view. Loaded on the panel's first opening
// (LookControls), not with the page: a first visit on a phone never needs it (issue 15).
import { useState } from 'react';
import type { PlayerMessages } from '@/components/player/player-messages';
import { ImmersiveEntry } from '@/components/xr/ImmersiveEntry';
import type { ImmersiveStore } from '@/components/xr/immersive-store';
import { useLookSettings } from './look-context';
import type { LookStore } from './look-store';
import { gyroSupported, turnOnGyro } from './use-gyro-look';
import styles from './LookControls.module.css';

export interface LookPanelProps {
  id: string;
  messages: PlayerMessages;
  store: LookStore;
  immersive: ImmersiveStore;
  immersiveAvailable: boolean;
}

export function LookPanel({ id, messages, store, immersive, immersiveAvailable }: LookPanelProps) {
  const settings = useLookSettings(store);
  // The panel renders in the browser only, so the gyroscope's support is known from the start.
  const [canGyro] = useState(gyroSupported);
  const [gyroDenied, setGyroDenied] = useState(false);

  async function toggleGyro() {
    if (settings.gyro) {
      store.setGyro(false);
      return;
    }
    // Called from the click itself: iOS only asks for motion access from a gesture.
    setGyroDenied(!(await turnOnGyro(store)));
  }

  return (
    <div id={id} className={styles.panel} role="group" aria-label={messages['look.panel']} data-testid="look-panel">
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
  );
}
