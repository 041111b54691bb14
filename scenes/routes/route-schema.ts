// The route model: a curated fly-through as data. Every boundary (API, database,
// editor, render server) parses routes with these schemas; nothing else defines a route.
import { z } from 'zod';
import { LANDMARK_IDS, WORLD_HALF_EXTENT_M, type LandmarkId } from '../world/landmarks';

export const ROUTE_MIN_DURATION_S = 20;
export const ROUTE_MAX_DURATION_S = 300;

const finite = z.number().finite();

/**
 * How far from the scene's centre any route coordinate may lie, on every axis. Twice the
 * world's half-width: loose enough for a draft keyframe dragged off the map or a look-at
 * target on the horizon (publishing still demands keyframes inside the world), tight
 * enough that no path grows long enough to make validating or drawing it expensive.
 */
export const WORLD_COORDINATE_LIMIT_M = 2 * WORLD_HALF_EXTENT_M;

const OUTSIDE_WORLD_MESSAGE = `World coordinates must lie within ±${WORLD_COORDINATE_LIMIT_M} m of the scene centre.`;

const worldCoordinate = finite
  .min(-WORLD_COORDINATE_LIMIT_M, { error: OUTSIDE_WORLD_MESSAGE })
  .max(WORLD_COORDINATE_LIMIT_M, { error: OUTSIDE_WORLD_MESSAGE });

/** [x, y, z] in metres; y is up, -z is north. */
export const Vec3Schema = z.tuple([worldCoordinate, worldCoordinate, worldCoordinate]);
export type Vec3 = z.infer<typeof Vec3Schema>;

/** Text shown to visitors, in both languages the product speaks. */
export const LocalizedTextSchema = z.strictObject({
  zh: z.string().trim().min(1).max(2000),
  en: z.string().trim().min(1).max(2000),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const SceneIdSchema = z.enum(['wulingyuan', 'tianmen']);
export type SceneId = z.infer<typeof SceneIdSchema>;

export const LandmarkIdSchema = z.enum(LANDMARK_IDS as [LandmarkId, ...LandmarkId[]]);

export const TimeOfDaySchema = z.enum(['sunrise', 'midday', 'golden-hour']);
export type TimeOfDay = z.infer<typeof TimeOfDaySchema>;

export const KeyframeSchema = z.strictObject({
  /** Seconds from the start of the route. */
  timeS: finite.min(0),
  position: Vec3Schema,
  /** The point the camera looks at when it passes this keyframe. */
  lookAt: Vec3Schema,
  /** Vertical field of view; defaults to DEFAULT_FOV_DEG. */
  fovDeg: finite.min(20).max(100).optional(),
});
export type Keyframe = z.infer<typeof KeyframeSchema>;

export const PointOfInterestSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  title: LocalizedTextSchema,
  narration: LocalizedTextSchema,
  /** Where the sight is in the world (for the studio map and for aiming). */
  position: Vec3Schema,
  /** When its caption appears, and for how long. */
  timeS: finite.min(0),
  dwellS: finite.min(1).max(60),
});
export type PointOfInterest = z.infer<typeof PointOfInterestSchema>;

/**
 * How time maps onto the path:
 * - `constant-speed`: the camera moves at one speed along the path (arc-length
 *   parametrised), easing in and out over `easeInS` / `easeOutS`; keyframe times
 *   only order the keyframes.
 * - `keyframe-times`: the camera passes each keyframe at its `timeS`, with speed
 *   varying smoothly between them.
 */
export const PacingSchema = z.enum(['constant-speed', 'keyframe-times']);
export type Pacing = z.infer<typeof PacingSchema>;

/** A route's id, as it appears in URLs, bake keys and the stream protocol: the one definition of the pattern. */
export const RouteIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/, 'lowercase letters, digits and dashes, 3–64 characters');

export const RouteSchema = z.strictObject({
  id: RouteIdSchema,
  scene: SceneIdSchema,
  landmark: LandmarkIdSchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
  durationS: finite.min(ROUTE_MIN_DURATION_S).max(ROUTE_MAX_DURATION_S),
  timeOfDay: TimeOfDaySchema.default('midday'),
  pacing: PacingSchema.default('constant-speed'),
  easeInS: finite.min(0).max(30).default(3),
  easeOutS: finite.min(0).max(30).default(3),
  keyframes: z.array(KeyframeSchema).min(2).max(200),
  pointsOfInterest: z.array(PointOfInterestSchema).max(50).default([]),
});
/** A route as stored and served: defaults applied. */
export type Route = z.infer<typeof RouteSchema>;
/** A route as authored: optional fields may be left out. */
export type RouteInput = z.input<typeof RouteSchema>;

export const DEFAULT_FOV_DEG = 55;
