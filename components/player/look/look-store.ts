// The visitor's look, held outside React: renderers read getLookOffset() every frame (no
// re-render per frame), inputs change it, and subscribers hear of each change (to wake a
// paused picture). The settings (ease back or stay; the gyroscope on or off) live here too,
// as one snapshot object React can read with useSyncExternalStore.
import type { LookOffset } from '@/scenes/routes/look-offset';
import {
  hold,
  isMoving,
  letGo,
  offsetAt,
  recentre,
  RESTING_MOTION,
  setOffset,
  setTurnRate,
  turnBy,
  type LookMotion,
  type LookRelease,
} from './look-motion';

export interface LookSettings {
  release: LookRelease;
  gyro: boolean;
}

export interface LookStore {
  /** Where the visitor looks, relative to the route, at nowMs (performance.now() by default). Cheap: call it every frame. */
  getLookOffset(nowMs?: number): LookOffset;
  /** Still moving by itself (easing home, a key held): keep drawing each frame. */
  isMoving(nowMs?: number): boolean;
  /** Called on every change of the look or the settings; returns what stops it. */
  subscribe(listener: () => void): () => void;
  getSettings(): LookSettings;
  hold(): void;
  turnBy(deltaYawRad: number, deltaPitchRad: number): void;
  letGo(): void;
  setTurnRate(yawRateRadPerS: number, pitchRateRadPerS: number): void;
  setLookOffset(offset: LookOffset): void;
  recentre(): void;
  setRelease(release: LookRelease): void;
  setGyro(on: boolean): void;
}

export function createLookStore(
  settings: LookSettings = { release: 'ease', gyro: false },
  now: () => number = () => performance.now(),
): LookStore {
  let motion: LookMotion = RESTING_MOTION;
  let current: LookSettings = settings;
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((listener) => listener());
  const change = (next: (motion: LookMotion, nowMs: number) => LookMotion) => {
    motion = next(motion, now());
    emit();
  };
  // With the gyroscope on, the phone is the visitor's head: nothing eases it back.
  const release = (): LookRelease => (current.gyro ? 'stay' : current.release);
  return {
    getLookOffset: (nowMs = now()) => offsetAt(motion, nowMs),
    isMoving: (nowMs = now()) => isMoving(motion, nowMs),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSettings: () => current,
    hold: () => change(hold),
    turnBy: (deltaYawRad, deltaPitchRad) => change((m, t) => turnBy(m, t, deltaYawRad, deltaPitchRad)),
    letGo: () => change((m, t) => letGo(m, t, release())),
    setTurnRate: (yawRate, pitchRate) => change((m, t) => setTurnRate(m, t, yawRate, pitchRate, release())),
    setLookOffset: (offset) => change((m, t) => setOffset(m, t, offset)),
    recentre: () => change(recentre),
    setRelease(next) {
      if (next === current.release) return;
      current = { ...current, release: next };
      // Choosing "ease back" while looking away brings the view home, as it says.
      if (next === 'ease' && !current.gyro) motion = letGo(motion, now(), 'ease');
      emit();
    },
    setGyro(on) {
      if (on === current.gyro) return;
      current = { ...current, gyro: on };
      if (!on) motion = letGo(motion, now(), current.release);
      emit();
    },
  };
}

/** Outside a player (the render server's bake page, the studio's preview): the route's own direction, always. */
export const STILL_LOOK: LookStore = createLookStore();
