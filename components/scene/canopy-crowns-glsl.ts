// The valley floor's forest canopy as tree crowns, per pixel, for the tiers that can afford it:
// a dome for every tree, about 7 m apart, jittered, of uneven size and tint. Value noise as a
// height (the phone's canopy) drew a mottled moss carpet: blocky light and dark patches at one
// scale, which under golden light read as brown lawn. Domes give each crown a lit side, a
// shaded side and a dark hollow round it, which is what forest seen from above looks like.
// Nine hashes and three value-noise lookups a pixel, about twice the phone canopy's cost, so the
// phone keeps its own.

/** GLSL: `canopyHeight(p)` in metres, and `canopyTint`, 0–1, the tint of the crown found there. */
export const CANOPY_CROWNS_GLSL = /* glsl */ `
float canopyTint = 0.5;
vec2 crownHash(vec2 cell) {
  return fract(sin(vec2(dot(cell, vec2(127.1, 311.7)), dot(cell, vec2(269.5, 183.3)))) * 43758.5453);
}
float canopyHeight(vec3 p) {
  const float CELL_M = 7.0;
  // The lattice is warped by a slow noise, so the crowns never line up in rows or a honeycomb.
  vec2 warp = vec2(detailNoise(vec3(p.x * 0.045, 1.3, p.z * 0.045)), detailNoise(vec3(p.x * 0.045, 7.9, p.z * 0.045))) - 0.5;
  vec2 q = p.xz / CELL_M + warp * 1.1;
  vec2 cell = floor(q);
  float best = 0.0;
  float tint = 0.5;
  for (int j = -1; j <= 1; j++) {
    for (int i = -1; i <= 1; i++) {
      vec2 c = cell + vec2(float(i), float(j));
      vec2 h = crownHash(c);
      vec2 centre = c + 0.05 + 0.9 * h;
      float radius = 0.45 + 0.55 * fract(h.x * 7.31 + h.y * 3.17);
      vec2 d = q - centre;
      // A paraboloid, not a hemisphere: a crown's rim slopes at about 60°, where a hemisphere's
      // went vertical and drew every crown with a hard bright or dark outline, like scales.
      float profile = 1.0 - dot(d, d) / (radius * radius);
      if (profile <= 0.0) continue;
      float height = profile * radius * (0.8 + 0.4 * h.y);
      if (height > best) {
        best = height;
        tint = h.x;
      }
    }
  }
  canopyTint = tint;
  // Whole stands rise and fall a few metres, so the canopy is not one flat field of equal domes.
  return best * CELL_M * 0.85 + detailNoise(vec3(p.x * 0.02, 0.0, p.z * 0.02)) * 2.5;
}
`;
