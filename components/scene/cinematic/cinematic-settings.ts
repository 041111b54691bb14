// How much work the cinematic tier spends on one baked frame. Chosen to keep a 720p frame
// within about four seconds on a 2-core CPU node (llvmpipe); a GPU node could afford more,
// but the numbers decide the pixels, so they are fixed and part of the scene version.

/**
 * Sub-frames averaged into each frame, jittered and spread over the shutter: anti-aliasing and
 * motion blur (scene, AO and cloud composite run once each; bloom and the tone curve once a
 * frame). Each costs about 1.5 s of a 720p frame on this 2-core CPU, the largest share of the
 * frame (bench:bake, 2 December 2026: 6.41 s a frame with three, 4.90 s with two): a third
 * sub-frame's smoother edges and blur are not worth a quarter of the frame time.
 */
export const SUB_FRAMES = 2;
/** Samples along each view ray through the cloud sea and mist (marched once a frame, at half resolution). */
export const MARCH_STEPS = 32;
/** Samples along each view ray's crossing of a landmark's plume (Heaven's Gate): a few hundred metres at most. */
export const PLUME_MARCH_STEPS = 20;
/** Samples from each of those towards the sun: the cloud's shadow on itself. */
export const SUN_SHADOW_STEPS = 3;
/** Texels across the sun's shadow map. */
export const SHADOW_MAP_SIZE_PX = 2048;
/** The shadow map covers the world this far around a point ahead of the camera. */
export const SHADOW_HALF_EXTENT_M = 1800;
/** Farthest a view ray is marched: the world's edge is gone in haze long before. */
export const MAX_MARCH_M = 7000;
/**
 * The device tiers' haze law thinned for the cinematic tier: they lean on haze to hide a world
 * without shadows or mist; here the marched mist carries the depth, and at full strength the
 * haze bleached the third and fourth ranks of pillars into the sky.
 */
export const HAZE_DENSITY_SCALE = 0.72;
/**
 * Haze in front of a surface is lit less than the open horizon behind it: it darkens a little and
 * cools (the device tiers' AERIAL_HAZE_TINT, a touch darker: the marched mist adds light of its own).
 */
export const SURFACE_HAZE_TINT: readonly [number, number, number] = [0.6, 0.72, 0.91];
