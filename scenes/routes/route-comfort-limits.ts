// Limits a route must respect to be safe to look at on a phone: far enough from rock
// that nothing fills the screen, and gentle enough in motion not to cause sickness.
import { WORLD_HALF_EXTENT_M } from '../world/landmarks';
import { ROUTE_MAX_DURATION_S } from './route-schema';

/** Closest the camera may come to terrain or a pillar, in metres. */
export const MIN_CLEARANCE_M = 12;
/** Fastest the camera may fly along the path. */
export const MAX_SPEED_MPS = 45;
/** Strongest acceleration (speeding up, slowing down and cornering together). */
export const MAX_ACCELERATION_MPS2 = 8;
/** Fastest the view may swing left or right. */
export const MAX_YAW_RATE_DEG_S = 35;
/** Fastest the view may tilt up or down. */
export const MAX_PITCH_RATE_DEG_S = 20;
/** Steepest the view may look up or down; near vertical the horizon spins. */
export const MAX_VIEW_PITCH_DEG = 80;
/** A climb or dive steeper than this... */
export const MAX_SUSTAINED_CLIMB_DEG = 25;
/** ...may last at most this long. */
export const MAX_STEEP_CLIMB_S = 4;
/** A look-at target nearer than this makes the view jitter as the camera passes it. */
export const MIN_LOOK_AT_DISTANCE_M = 20;
/** Keyframes closer than this to each other make a kink in a constant-speed path. */
export const MIN_KEYFRAME_SPACING_M = 1;
/** The camera must stay inside the generated world. */
export const MAX_ABS_HORIZONTAL_M = WORLD_HALF_EXTENT_M;
/** Keyframe times this close to the route's ends count as at the ends. */
export const KEYFRAME_TIME_TOLERANCE_S = 1e-3;
/** Spacing of clearance samples along the path. */
export const CLEARANCE_SAMPLE_STEP_M = 2;
/**
 * Most clearance samples taken along one path (plus one at each end), so validation
 * costs the same bounded time whatever a request puts in it. Enough for the full step
 * along the longest path a route may fly (the speed limit for the longest duration);
 * a longer path is sampled more sparsely, and fails the speed rule anyway.
 */
export const MAX_CLEARANCE_SAMPLES = Math.ceil((MAX_SPEED_MPS * ROUTE_MAX_DURATION_S) / CLEARANCE_SAMPLE_STEP_M);
/** Spacing of motion samples in time (a 20 Hz check of a 60 Hz camera). */
export const MOTION_SAMPLE_STEP_S = 0.05;
