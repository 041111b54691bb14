// When the cloud stream should carry the whole sphere instead of the route's own view, and
// what the player says about it meanwhile. Pure: the stream client feeds it the visitor's
// look offset every animation frame and asks for a profile switch when the answer changes
// (the server makes it at the next segment boundary, on the same session: no reconnect).
import type { LookOffset } from '@/scenes/routes/look-offset';
import type { SphereAvailability } from './adaptive-profile';

/**
 * Back on the route's own direction this long, the stream drops back to the flat profile.
 * Why drop back at all: a visitor who glanced around once and then watches should not pay
 * for the sphere for the rest of the flight. The flat stream costs about a third of the
 * bytes, and at 720p and above it is sharper than the route's view cut out of a 2k sphere
 * (13 px per degree against 5.7). Why wait so long: the switch back to the sphere lands only
 * at the next segment boundary, with the flat picture held meanwhile, so a visitor who looks
 * again soon (the view eases home after every drag) must not meet "360° view loading" each
 * time. Twenty seconds without a look is a visitor who has gone back to watching. "Stay"
 * and the gyroscope keep the look off the route's direction, so they keep the sphere.
 */
export const FLAT_AFTER_REST_MS = 20_000;

export interface LookDemand {
  /** The visitor looks, or looked within FLAT_AFTER_REST_MS: the stream should carry a sphere where it can. */
  wantsSphere: boolean;
  /** Since when the look has rested on the route's direction while a sphere is wanted (performance.now ms). */
  restingSinceMs: number | null;
}

export const NO_LOOK_DEMAND: LookDemand = { wantsSphere: false, restingSinceMs: null };

export function isLookingAway(offset: LookOffset): boolean {
  return offset.yawRad !== 0 || offset.pitchRad !== 0;
}

/** The demand after reading the look at `nowMs`; the same object when nothing changed. */
export function nextLookDemand(demand: LookDemand, offset: LookOffset, nowMs: number): LookDemand {
  if (isLookingAway(offset)) {
    return demand.wantsSphere && demand.restingSinceMs === null ? demand : { wantsSphere: true, restingSinceMs: null };
  }
  if (!demand.wantsSphere) return demand;
  if (demand.restingSinceMs === null) return { wantsSphere: true, restingSinceMs: nowMs };
  return nowMs - demand.restingSinceMs >= FLAT_AFTER_REST_MS ? NO_LOOK_DEMAND : demand;
}

/**
 * What the cloud view tells a visitor who looks around: nothing while they only watch
 * ('off') or once the sphere shows ('sphere'); '360° view loading' until the first sphere
 * frame lands ('loading'); and, where a drag cannot turn the stream, why, rather than
 * ignoring it: no sphere baked for this route that decodes here ('not-baked'), the data-saver
 * cap ('data-saver': a sphere is several times a 360p stream's bytes), or no WebGL2 to draw
 * the view with ('unsupported').
 */
export type LookAroundStatus = 'off' | 'loading' | 'sphere' | 'not-baked' | 'data-saver' | 'unsupported';

export interface LookAroundFacts {
  demand: LookDemand;
  /** Whether a sphere profile can stream here (adaptive-profile.ts); null until the server has listed the route's profiles. */
  availability: SphereAvailability | null;
  /** The view can be drawn (a WebGL2 context was had). */
  drawable: boolean;
  /** The picture on screen is a sphere frame. */
  sphereShown: boolean;
}

export function lookAroundStatus({ demand, availability, drawable, sphereShown }: LookAroundFacts): LookAroundStatus {
  if (!demand.wantsSphere) return 'off';
  if (!drawable) return 'unsupported';
  if (sphereShown) return 'sphere';
  if (availability === null || availability === 'ready') return 'loading';
  return availability;
}

/** Whether the stream should ask for a sphere profile now. */
export function streamsSphere(facts: Omit<LookAroundFacts, 'sphereShown'>): boolean {
  return facts.demand.wantsSphere && facts.drawable && facts.availability !== 'not-baked' && facts.availability !== 'data-saver';
}
