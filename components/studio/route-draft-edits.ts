// The edits a curator makes on the studio map, as pure functions from route to route:
// adding and moving keyframes and sights, altitude and look-at, with keyframe times and
// (optionally) the duration kept consistent so the timing rules hold as they edit.
import type { LocalizedText, PointOfInterest, Route, Vec3 } from '@/scenes/routes/route-schema';
import { ROUTE_MAX_DURATION_S, ROUTE_MIN_DURATION_S } from '@/scenes/routes/route-schema';
import { LANDMARKS, type LandmarkId } from '@/scenes/world/landmarks';
import { hasErrors, validateRoute } from '@/scenes/routes/validate-route';

/** What the edits need from the world: ground height and the pillars' tops. */
export interface EditWorld {
  heightAt(x: number, z: number): number;
  clearanceAt(p: Vec3): number;
}

/** A new keyframe flies this high above the ground under it: below most pillar tops, so the map shows what it would hit. */
export const NEW_KEYFRAME_HEIGHT_ABOVE_GROUND_M = 150;
/** The look-at target of a new keyframe lies this far ahead along the flight, a little lower. */
export const LOOK_AHEAD_M = 320;
export const LOOK_AHEAD_DROP_M = 40;
/** Auto duration: an unhurried cruise, well under the comfort limit. */
export const AUTO_CRUISE_SPEED_MPS = 20;
export const MIN_KEYFRAMES = 2;

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function pathLengthStraightM(route: Route): number {
  let total = 0;
  for (let i = 1; i < route.keyframes.length; i++) total += distance3(route.keyframes[i - 1].position, route.keyframes[i].position);
  return total;
}

function distance3(a: Vec3, b: Vec3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** A duration that flies the path at AUTO_CRUISE_SPEED_MPS, easing included, within the allowed range. */
export function autoDurationS(route: Route): number {
  const cruiseS = pathLengthStraightM(route) / AUTO_CRUISE_SPEED_MPS + (route.easeInS + route.easeOutS) / 2;
  return Math.min(ROUTE_MAX_DURATION_S, Math.max(ROUTE_MIN_DURATION_S, Math.ceil(cruiseS / 5) * 5));
}

/**
 * Keyframe times spread in proportion to the distance flown: first at 0, last at the
 * duration, strictly increasing. For constant-speed routes that is what the times mean.
 */
export function retimeKeyframes(route: Route): Route {
  const { keyframes, durationS } = route;
  const gaps = keyframes.map((k, i) => (i === 0 ? 0 : Math.max(1, distance3(keyframes[i - 1].position, k.position))));
  const total = gaps.reduce((sum, gap) => sum + gap, 0);
  let walked = 0;
  const retimed = keyframes.map((k, i) => {
    walked += gaps[i];
    const timeS = i === keyframes.length - 1 ? durationS : round1((durationS * walked) / total);
    return { ...k, timeS };
  });
  return { ...route, keyframes: retimed };
}

/** After any change to the path: the duration follows the path when `autoDuration`, and the times follow the path. */
export function settlePath(route: Route, autoDuration: boolean): Route {
  const timed = autoDuration ? { ...route, durationS: autoDurationS(route) } : route;
  return retimeKeyframes(timed);
}

export function defaultAltitudeM(world: EditWorld, x: number, z: number): number {
  return Math.round(world.heightAt(x, z) + NEW_KEYFRAME_HEIGHT_ABOVE_GROUND_M);
}

/** A target ahead of `to`, in the direction flown from `from`. */
export function lookAheadTarget(from: Vec3, to: Vec3): Vec3 {
  const dx = to[0] - from[0];
  const dz = to[2] - from[2];
  const horizontal = Math.hypot(dx, dz);
  if (horizontal < 1) return [to[0], to[1] - LOOK_AHEAD_DROP_M, to[2] - LOOK_AHEAD_M];
  return [
    Math.round(to[0] + (dx / horizontal) * LOOK_AHEAD_M),
    Math.round(to[1] - LOOK_AHEAD_DROP_M),
    Math.round(to[2] + (dz / horizontal) * LOOK_AHEAD_M),
  ];
}

/** The landmark's sight at a height the eye is drawn to. */
export function landmarkTarget(landmark: LandmarkId, world: EditWorld, altitudeM: number): Vec3 {
  const { x, z } = LANDMARKS[landmark];
  return [x, Math.round(Math.max(world.heightAt(x, z) + 60, altitudeM - 60)), z];
}

export function appendKeyframe(route: Route, x: number, z: number, world: EditWorld, autoDuration: boolean): Route {
  const last = route.keyframes[route.keyframes.length - 1];
  const position: Vec3 = [Math.round(x), defaultAltitudeM(world, x, z), Math.round(z)];
  const keyframe = { timeS: route.durationS, position, lookAt: lookAheadTarget(last.position, position) };
  return settlePath({ ...route, keyframes: [...route.keyframes, keyframe] }, autoDuration);
}

export function moveKeyframe(route: Route, index: number, x: number, z: number, autoDuration: boolean): Route {
  const keyframes = route.keyframes.map((k, i) =>
    i === index ? { ...k, position: [Math.round(x), k.position[1], Math.round(z)] as Vec3 } : k,
  );
  return settlePath({ ...route, keyframes }, autoDuration);
}

export function setKeyframeAltitude(route: Route, index: number, altitudeM: number, autoDuration: boolean): Route {
  const keyframes = route.keyframes.map((k, i) =>
    i === index ? { ...k, position: [k.position[0], altitudeM, k.position[2]] as Vec3 } : k,
  );
  return settlePath({ ...route, keyframes }, autoDuration);
}

export function setKeyframeLookAt(route: Route, index: number, lookAt: Vec3): Route {
  return { ...route, keyframes: route.keyframes.map((k, i) => (i === index ? { ...k, lookAt } : k)) };
}

/** Removing is refused below MIN_KEYFRAMES: a route needs a start and an end. */
export function removeKeyframe(route: Route, index: number, autoDuration: boolean): Route {
  if (route.keyframes.length <= MIN_KEYFRAMES) return route;
  return settlePath({ ...route, keyframes: route.keyframes.filter((_, i) => i !== index) }, autoDuration);
}

export function setDuration(route: Route, durationS: number): Route {
  return retimeKeyframes({ ...route, durationS });
}

function nextPoiId(route: Route): string {
  const taken = new Set(route.pointsOfInterest.map((p) => p.id));
  let n = route.pointsOfInterest.length + 1;
  while (taken.has(`sight-${n}`)) n++;
  return `sight-${n}`;
}

/** When the flight passes nearest to (x, z), measured on the straight path between keyframes. */
export function closestPassTimeS(route: Route, x: number, z: number): number {
  let bestS = 0;
  let bestM = Infinity;
  const { keyframes } = route;
  for (let i = 1; i < keyframes.length; i++) {
    const a = keyframes[i - 1];
    const b = keyframes[i];
    for (let step = 0; step <= 20; step++) {
      const f = step / 20;
      const px = a.position[0] + (b.position[0] - a.position[0]) * f;
      const pz = a.position[2] + (b.position[2] - a.position[2]) * f;
      const d = Math.hypot(px - x, pz - z);
      if (d < bestM) {
        bestM = d;
        bestS = a.timeS + (b.timeS - a.timeS) * f;
      }
    }
  }
  return bestS;
}

export const NEW_POI_DWELL_S = 8;

/** What a new sight says until the curator writes its title and narration (both languages, as visitors need). */
export const NEW_POI_TEXT = {
  title: { zh: '新景点', en: 'New sight' },
  narration: { zh: '请在这里写下解说词。', en: 'Write the narration here.' },
} as const satisfies { title: LocalizedText; narration: LocalizedText };

/** A new sight where the curator clicked, captioned when the flight passes nearest to it. */
export function addPointOfInterest(
  route: Route,
  x: number,
  z: number,
  world: EditWorld,
  placeholder: { title: LocalizedText; narration: LocalizedText } = NEW_POI_TEXT,
): Route {
  const dwellS = NEW_POI_DWELL_S;
  const timeS = round1(Math.max(0, Math.min(route.durationS - dwellS, closestPassTimeS(route, x, z) - 2)));
  const poi: PointOfInterest = {
    id: nextPoiId(route),
    title: { ...placeholder.title },
    narration: { ...placeholder.narration },
    position: [Math.round(x), Math.round(world.heightAt(x, z)), Math.round(z)],
    timeS,
    dwellS,
  };
  return { ...route, pointsOfInterest: [...route.pointsOfInterest, poi] };
}

export function updatePointOfInterest(route: Route, index: number, change: Partial<PointOfInterest>): Route {
  return { ...route, pointsOfInterest: route.pointsOfInterest.map((p, i) => (i === index ? { ...p, ...change } : p)) };
}

export function movePointOfInterest(route: Route, index: number, x: number, z: number, world: EditWorld): Route {
  return updatePointOfInterest(route, index, { position: [Math.round(x), Math.round(world.heightAt(x, z)), Math.round(z)] });
}

export function removePointOfInterest(route: Route, index: number): Route {
  return { ...route, pointsOfInterest: route.pointsOfInterest.filter((_, i) => i !== index) };
}

/** What a curator gives a new route before its first sketch. */
export interface StarterRouteInput {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  landmark: LandmarkId;
}

/** Where the starter's two keyframes sit relative to the landmark: south of it first, then turned round it. */
const STARTER_OFFSETS: ReadonlyArray<readonly [number, number]> = [
  [-300, 650],
  [100, 450],
];
const STARTER_TURNS_RAD = [0, Math.PI / 4, -Math.PI / 4, Math.PI / 2, -Math.PI / 2, (3 * Math.PI) / 4, (-3 * Math.PI) / 4, Math.PI];

/**
 * A first sketch for a new route: two keyframes south of its landmark, high enough to
 * clear everything near them, looking at the sight. Curators add to it on the map, so it
 * should open without errors: where the sketch south of the sight passes through a crown or
 * dives too steeply, the pair is flown level and then turned round the sight until one is
 * clean (the first sketch is kept if none is).
 */
export function starterRoute(input: StarterRouteInput, world: EditWorld): Route {
  const first = starterSketch(input, world, 0, false);
  if (!hasErrors(validateRoute(first, world))) return first;
  for (const turn of STARTER_TURNS_RAD) {
    const sketch = starterSketch(input, world, turn, true);
    if (!hasErrors(validateRoute(sketch, world))) return sketch;
  }
  return first;
}

function starterSketch(input: StarterRouteInput, world: EditWorld, turnRad: number, level: boolean): Route {
  const { x, z } = LANDMARKS[input.landmark];
  const clearAltitude = (px: number, pz: number) => {
    let y = defaultAltitudeM(world, px, pz);
    while (world.clearanceAt([px, y, pz]) < 40 && y < 2000) y += 20;
    return y;
  };
  const [a, b] = STARTER_OFFSETS.map(([dx, dz]): Vec3 => {
    const px = Math.round(x + dx * Math.cos(turnRad) - dz * Math.sin(turnRad));
    const pz = Math.round(z + dx * Math.sin(turnRad) + dz * Math.cos(turnRad));
    return [px, clearAltitude(px, pz), pz];
  });
  if (level) a[1] = b[1] = Math.max(a[1], b[1]);
  const base: Route = {
    id: input.id,
    scene: LANDMARKS[input.landmark].scene,
    landmark: input.landmark,
    title: input.title,
    description: input.description,
    durationS: ROUTE_MIN_DURATION_S,
    timeOfDay: 'midday',
    pacing: 'constant-speed',
    // Long eases: a start and stop from still air well inside the acceleration limit.
    easeInS: 6,
    easeOutS: 6,
    keyframes: [
      { timeS: 0, position: a, lookAt: landmarkTarget(input.landmark, world, a[1]) },
      { timeS: ROUTE_MIN_DURATION_S, position: b, lookAt: lookAheadTarget(a, b) },
    ],
    pointsOfInterest: [],
  };
  return settlePath(base, true);
}

/** A route id from an English title: lowercase words joined by dashes, with a short suffix to keep it unique. */
export function routeIdFromTitle(titleEn: string, suffix: string): string {
  const words = titleEn
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
  return `${words.length >= 2 ? words : 'route'}-${suffix}`;
}
