// The valley floor's forest canopy as tree crowns, per pixel, for the tiers that can afford it:
// a dome for every tree, about 7 m apart, jittered, of uneven size and tint. Value noise as a
// height (the phone's canopy) drew a mottled moss carpet: blocky light and dark patches at one
// scale, which under golden light read as brown lawn. Domes give each crown a lit side, a
// shaded side and a dark hollow round it, which is what forest seen from above looks like.
// Nine hashes and four value-noise lookups a pixel, about twice the phone canopy's cost, so the
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
      float along = dot(d, d) / (radius * radius);
      if (along >= 1.0) continue;
      // A paraboloid, not a hemisphere: a crown's rim slopes at about 60°, where a hemisphere's
      // went vertical and drew every crown with a hard bright or dark outline, like scales. About
      // a third are conifers, pointed cones standing taller than the broadleaf domes round them:
      // equal domes of equal height, packed edge to edge, read from above as cobbles.
      float conifer = step(0.66, fract(h.y * 13.7 + h.x * 5.3));
      float profile = mix(1.0 - along, 1.0 - sqrt(along), conifer);
      float height = profile * radius * (0.6 + 0.8 * h.y) * (1.0 + 0.5 * conifer);
      if (height > best) {
        best = height;
        tint = h.x;
      }
    }
  }
  canopyTint = tint;
  // Whole stands rise and fall several metres, so the canopy is not one flat field of equal
  // domes; within a crown, clumps of foliage a metre or two across break its smooth, lit dome
  // into leaves and shadow (smooth domes were the cobbles).
  float foliage = detailNoise(vec3(p.x * 0.7, p.y * 0.7, p.z * 0.7)) * smoothstep(0.0, 0.15, best);
  return best * CELL_M * 0.85 + foliage * 1.6 + detailNoise(vec3(p.x * 0.02, 0.0, p.z * 0.02)) * 4.5;
}
`;
