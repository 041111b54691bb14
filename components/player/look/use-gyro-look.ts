// The phone's gyroscope turns the view while the visitor has it on. iOS asks for permission,
// and only from a gesture: turnOnGyro must be called from the button's click. Each reading
// turns the view by the change since the last (gyro-look.ts), so drags still add to it.
import { useEffect } from 'react';
import { gyroTurn, type DeviceAngles } from './gyro-look';
import type { LookStore } from './look-store';

type PermissionAsking = { requestPermission?: () => Promise<'granted' | 'denied'> };

/** Whether this browser reports the device's orientation at all (phones and tablets do; most laptops do not). */
export function gyroSupported(): boolean {
  return typeof window !== 'undefined' && 'DeviceOrientationEvent' in window && navigator.maxTouchPoints > 0;
}

/** Asks (where the browser asks, iOS 13 and later) and turns the gyroscope on; false when refused. */
export async function turnOnGyro(store: LookStore): Promise<boolean> {
  const asking = (window.DeviceOrientationEvent as unknown as PermissionAsking | undefined)?.requestPermission;
  if (typeof asking === 'function') {
    const answer = await asking.call(window.DeviceOrientationEvent).catch(() => 'denied' as const);
    if (answer !== 'granted') return false;
  }
  store.setGyro(true);
  return true;
}

export function useGyroLook(store: LookStore, on: boolean): void {
  useEffect(() => {
    if (!on) return;
    let previous: DeviceAngles | null = null;
    function onOrientation(event: DeviceOrientationEvent) {
      if (event.alpha === null || event.beta === null || event.gamma === null) return;
      const next = { alphaDeg: event.alpha, betaDeg: event.beta, gammaDeg: event.gamma };
      if (previous !== null) {
        const turn = gyroTurn(previous, next);
        if (turn.deltaYawRad !== 0 || turn.deltaPitchRad !== 0) store.turnBy(turn.deltaYawRad, turn.deltaPitchRad);
      }
      previous = next;
    }
    window.addEventListener('deviceorientation', onOrientation);
    return () => window.removeEventListener('deviceorientation', onOrientation);
  }, [store, on]);
}
