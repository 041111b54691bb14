// How much work the cinematic tier spends on one baked frame. Chosen to keep a 720p frame
// within about four seconds on a 2-core CPU node (llvmpipe); a GPU node could afford more,
// but the numbers decide the pixels, so they are fixed and part of the scene version.

/** Jittered sub-frames averaged into each frame: the anti-aliasing (scene, AO and bloom run once each). */
export const SUB_FRAMES = 3;
/** Samples along each view ray through the cloud sea and mist (marched once a frame, at half resolution). */
export const MARCH_STEPS = 32;
/** Samples from each of those towards the sun: the cloud's shadow on itself. */
export const SUN_SHADOW_STEPS = 3;
/** Texels across the sun's shadow map. */
export const SHADOW_MAP_SIZE_PX = 2048;
/** The shadow map covers the world this far around a point ahead of the camera. */
export const SHADOW_HALF_EXTENT_M = 2600;
/** Farthest a view ray is marched: the world's edge is gone in haze long before. */
export const MAX_MARCH_M = 7000;
