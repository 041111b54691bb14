// Bends a surface normal by a height field's slope (height change per metre across the surface,
// from screen-space derivatives; the view position is passed in because this is declared before
// three.js declares its varyings), shared by the rock's flutes and the forest canopy's crowns.
export const SLOPE_BUMP_GLSL = /* glsl */ `
vec3 slopeBumpedNormal(vec3 normal, vec2 slope, float faceDirection, vec3 viewPosition) {
  vec3 sigmaX = normalize(dFdx(-viewPosition));
  vec3 sigmaY = normalize(dFdy(-viewPosition));
  vec3 r1 = cross(sigmaY, normal);
  vec3 r2 = cross(normal, sigmaX);
  float det = dot(sigmaX, r1) * faceDirection;
  return normalize(abs(det) * normal - sign(det) * (slope.x * r1 + slope.y * r2));
}
`;
